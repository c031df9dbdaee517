import { describe, expect, it } from 'vitest';
import { validateFeedUrl } from '../../../src/calendar/feedUrl.js';

const GOOGLE_FEED = 'https://calendar.google.com/calendar/ical/alice%40example.com/private-0123abcd/basic.ics';

describe('validateFeedUrl', () => {
  it('unwraps the <url> and <url|label> forms Slack puts in command text', () => {
    expect(validateFeedUrl(`<${GOOGLE_FEED}>`)).toEqual({ ok: true, url: GOOGLE_FEED });
    expect(validateFeedUrl(`  <${GOOGLE_FEED}|basic.ics>  `)).toEqual({ ok: true, url: GOOGLE_FEED });
    expect(validateFeedUrl(GOOGLE_FEED)).toEqual({ ok: true, url: GOOGLE_FEED });
  });

  it('undoes the HTML escaping Slack applies to &', () => {
    expect(validateFeedUrl('<https://cal.example.com/feed.ics?user=ann&amp;token=x1>')).toEqual({
      ok: true,
      url: 'https://cal.example.com/feed.ics?user=ann&token=x1',
    });
  });

  it('rewrites webcal:// and webcals:// to https://', () => {
    expect(validateFeedUrl('webcal://p52-caldav.icloud.com/published/2/MTIz')).toEqual({
      ok: true,
      url: 'https://p52-caldav.icloud.com/published/2/MTIz',
    });
    expect(validateFeedUrl('WEBCALS://outlook.office365.com/owa/calendar/abc/def/calendar.ics')).toEqual({
      ok: true,
      url: 'https://outlook.office365.com/owa/calendar/abc/def/calendar.ics',
    });
  });

  it('normalises the host and keeps plain http', () => {
    expect(validateFeedUrl('http://CAL.Example.COM/a.ics')).toEqual({ ok: true, url: 'http://cal.example.com/a.ics' });
  });

  it.each([
    '',
    'calendar please',
    'ftp://files.example.com/cal.ics',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:secret@cal.example.com/a.ics',
    '<mailto:ann@example.com|ann@example.com>',
  ])('refuses %j as invalid_url', (text) => {
    expect(validateFeedUrl(text)).toEqual({ ok: false, problem: 'invalid_url' });
  });

  it.each([
    'http://localhost:8080/cal.ics',
    'http://api.localhost/cal.ics',
    'http://127.0.0.1/cal.ics',
    'http://2130706433/cal.ics', // 127.0.0.1 as one number
    'http://10.1.2.3/cal.ics',
    'http://172.20.0.5/cal.ics',
    'http://192.168.1.10/cal.ics',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/cal.ics',
    'http://[::ffff:127.0.0.1]/cal.ics',
    'http://[fd12:3456::1]/cal.ics',
    'webcal://0.0.0.0/cal.ics',
  ])('refuses %s as a private host', (text) => {
    expect(validateFeedUrl(text)).toEqual({ ok: false, problem: 'private_host' });
  });

  it('lets a deployment allow private hosts for an intranet calendar server', () => {
    expect(validateFeedUrl('http://10.1.2.3/cal.ics', { allowPrivateHosts: true })).toEqual({
      ok: true,
      url: 'http://10.1.2.3/cal.ics',
    });
  });
});
