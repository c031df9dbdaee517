import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { meetingsFromIcs, type IcsMeeting, type IcsMeetingsResult } from '../../../src/calendar/icsMeetings.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ics/${name}`, import.meta.url), 'utf8');
const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

const GOOGLE = fixture('google-alice.ics');
const OUTLOOK = fixture('outlook-erik.ics');
const SPRING = window('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z');
const AUTUMN = window('2026-10-01T00:00:00Z', '2026-12-01T00:00:00Z');
const WEEKLY_SYNC = '5k2q8v1n0c3m9r7t4p6w@google.com';
const STANDUP =
  '040000008200E00074C5B7101A82E00800000000B0C8E5A2F14ADC010000000000000000100000001C6F0E8B3D2A4C4F8E1B7A9D3C5E2F10';

function ok(result: IcsMeetingsResult) {
  if (!result.ok) throw new Error(`expected a parsed calendar, got ${result.problem}`);
  return result;
}

const noSkips = { invalid: 0, all_day: 0, cancelled: 0, free: 0, bad_duration: 0, declined: 0, solo: 0 };

/** A one-calendar feed around the given VEVENT bodies (lines without BEGIN/END). */
function feed(...events: string[]): string {
  const body = events.map((lines) => `BEGIN:VEVENT\n${lines.trim()}\nEND:VEVENT`).join('\n');
  return `BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n${body}\nEND:VCALENDAR\n`;
}
const TWO_PEOPLE = 'ORGANIZER:mailto:a@example.com\nATTENDEE;PARTSTAT=ACCEPTED:mailto:b@example.com';

const summary = (meetings: IcsMeeting[]) =>
  meetings.map((m) => ({ title: m.title, start: m.start.toISOString(), minutes: m.minutes, attendees: m.attendees }));

describe('meetingsFromIcs on a Google Calendar feed', () => {
  it('keeps the meetings of the window and counts everything else by reason', () => {
    const result = ok(meetingsFromIcs(GOOGLE, SPRING));

    expect(result.ownerEmail).toBe('alice@example.com');
    expect(result.truncated).toBe(false);
    expect(summary(result.meetings)).toEqual([
      { title: 'Weekly product sync', start: '2026-03-05T09:00:00.000Z', minutes: 30, attendees: 3 },
      { title: 'Q2 planning', start: '2026-03-10T13:00:00.000Z', minutes: 90, attendees: 3 },
      { title: 'Weekly product sync', start: '2026-03-12T09:00:00.000Z', minutes: 30, attendees: 3 },
      // 19 March is an EXDATE.
      { title: 'Weekly product sync', start: '2026-03-26T09:00:00.000Z', minutes: 30, attendees: 3 },
      { title: 'Weekly product sync', start: '2026-04-02T08:00:00.000Z', minutes: 30, attendees: 3 },
      { title: 'Coffee chat', start: '2026-04-02T13:30:00.000Z', minutes: 25, attendees: 2 },
      { title: 'Weekly product sync (moved to Friday)', start: '2026-04-10T12:00:00.000Z', minutes: 60, attendees: 3 },
      // 16 April is a cancelled override; UNTIL includes 30 April.
      { title: 'Weekly product sync', start: '2026-04-23T08:00:00.000Z', minutes: 30, attendees: 3 },
      { title: 'Weekly product sync', start: '2026-04-30T08:00:00.000Z', minutes: 30, attendees: 3 },
    ]);
    expect(result.skipped).toEqual({
      ...noSkips,
      all_day: 1, // Team offsite
      cancelled: 2, // Sprint retro, and the 16 April sync
      free: 1, // Data office hours (optional)
      declined: 1, // Vendor pitch
      solo: 1, // Focus time
    });
  });

  it('keeps a weekly 10:00 Berlin meeting at 10:00 local across the March DST change', () => {
    const syncs = ok(meetingsFromIcs(GOOGLE, SPRING)).meetings.filter((m) => m.title === 'Weekly product sync');

    expect(syncs.map((m) => m.start.toISOString())).toEqual([
      '2026-03-05T09:00:00.000Z',
      '2026-03-12T09:00:00.000Z',
      '2026-03-26T09:00:00.000Z',
      '2026-04-02T08:00:00.000Z', // CEST from 29 March: the UTC start moves an hour earlier
      '2026-04-23T08:00:00.000Z',
      '2026-04-30T08:00:00.000Z',
    ]);
    for (const meeting of syncs) {
      expect(DateTime.fromJSDate(meeting.start, { zone: 'Europe/Berlin' }).toFormat('HH:mm')).toBe('10:00');
    }
  });

  it('counts attendees who did not decline, the organizer once, and no rooms', () => {
    const meetings = ok(meetingsFromIcs(GOOGLE, SPRING)).meetings;

    // Dave (organizer, also listed), Alice, Erin (tentative); Bob declined.
    expect(meetings.find((m) => m.title === 'Q2 planning')?.attendees).toBe(3);
    // Alice, Bob, Carol (no answer yet); the room is not a person.
    expect(meetings.find((m) => m.title === 'Weekly product sync')?.attendees).toBe(3);
  });

  it('keys an instance by UID and its slot, the same on every parse and in every window', () => {
    const first = ok(meetingsFromIcs(GOOGLE, SPRING)).meetings.map((m) => m.key);
    const second = ok(meetingsFromIcs(GOOGLE, SPRING)).meetings.map((m) => m.key);
    const april = ok(meetingsFromIcs(GOOGLE, window('2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'))).meetings.map(
      (m) => m.key,
    );

    expect(second).toEqual(first);
    expect(april).toEqual(first.slice(4));
    expect(first.slice(0, 2)).toEqual([
      `${WEEKLY_SYNC}|2026-03-05T09:00:00.000Z`,
      '1f4h7j0k3l6n9q2s5u8x@google.com|2026-03-10T13:00:00.000Z',
    ]);
    expect(new Set(first).size).toBe(first.length);
  });

  it('keys a moved instance by its RECURRENCE-ID, so moving it does not make a second meeting', () => {
    const moved = ok(meetingsFromIcs(GOOGLE, SPRING)).meetings.find((m) => m.title.includes('moved'));

    expect(moved?.key).toBe(`${WEEKLY_SYNC}|2026-04-09T08:00:00.000Z`);
    expect(moved?.start.toISOString()).toBe('2026-04-10T12:00:00.000Z');
  });

  it('finds an instance moved into the window from a slot outside it', () => {
    const result = ok(meetingsFromIcs(GOOGLE, window('2026-04-10T00:00:00Z', '2026-04-11T00:00:00Z')));

    expect(result.meetings.map((m) => [m.key, m.start.toISOString()])).toEqual([
      [`${WEEKLY_SYNC}|2026-04-09T08:00:00.000Z`, '2026-04-10T12:00:00.000Z'],
    ]);
  });

  it('drops an instance moved out of the window without counting it', () => {
    const result = ok(meetingsFromIcs(GOOGLE, window('2026-04-09T00:00:00Z', '2026-04-10T00:00:00Z')));

    expect(result.meetings).toEqual([]);
    expect(result.skipped).toEqual(noSkips);
  });

  it('treats the window as [from, to)', () => {
    const atStart = ok(meetingsFromIcs(GOOGLE, window('2026-03-05T09:00:00Z', '2026-03-05T09:00:01Z')));
    const endingAtStart = ok(meetingsFromIcs(GOOGLE, window('2026-03-05T08:00:00Z', '2026-03-05T09:00:00Z')));

    expect(atStart.meetings.map((m) => m.key)).toEqual([`${WEEKLY_SYNC}|2026-03-05T09:00:00.000Z`]);
    expect(endingAtStart.meetings).toEqual([]);
  });

  it('honours the declines of an owner given explicitly over the calendar name', () => {
    const result = ok(meetingsFromIcs(GOOGLE, SPRING, { ownerEmail: 'Bob@Example.com' }));

    expect(result.ownerEmail).toBe('bob@example.com');
    // Bob declined Q2 planning; Alice's decline of the vendor pitch no longer matters.
    expect(result.meetings.some((m) => m.title === 'Q2 planning')).toBe(false);
    expect(result.meetings.find((m) => m.title === 'Vendor pitch: Acme analytics')?.attendees).toBe(2);
    expect(result.skipped.declined).toBe(1);
  });
});

describe('meetingsFromIcs on an Outlook feed', () => {
  it('expands an Exchange series in its Windows time zone across the October DST change', () => {
    const result = ok(meetingsFromIcs(OUTLOOK, AUTUMN, { ownerEmail: 'MAILTO:Erik.Lindqvist@Contoso.COM ' }));

    expect(result.ownerEmail).toBe('erik.lindqvist@contoso.com');
    expect(result.meetings.map((m) => [m.key, m.start.toISOString(), m.minutes, m.attendees])).toEqual([
      [`${STANDUP}|2026-10-06T07:00:00.000Z`, '2026-10-06T07:00:00.000Z', 15, 3],
      // 13 October: cancelled override ("Canceled: Platform standup").
      [`${STANDUP}|2026-10-20T07:00:00.000Z`, '2026-10-20T07:00:00.000Z', 15, 3],
      [`${STANDUP}|2026-10-27T08:00:00.000Z`, '2026-10-27T08:00:00.000Z', 15, 3], // CET from 25 October
      // 3 November: EXDATE. COUNT=6 ends the series on 10 November.
      [`${STANDUP}|2026-11-10T08:00:00.000Z`, '2026-11-10T08:00:00.000Z', 15, 3],
    ]);
    expect(result.skipped).toEqual({
      ...noSkips,
      all_day: 1, // Reformation Day
      cancelled: 2, // the 13 October standup, Budget review
      free: 1, // Lunch & learn
      bad_duration: 1, // Offsite in Lisbon, 30 hours
      declined: 1, // Architecture review
      solo: 1, // Focus block, no attendees at all
    });
  });

  it('makes no declined check when the owner is unknown (X-WR-CALNAME is not an address)', () => {
    const result = ok(meetingsFromIcs(OUTLOOK, AUTUMN));

    expect(result.ownerEmail).toBeNull();
    expect(result.skipped.declined).toBe(0);
    // Hana (organizer), Fatima, Gus (tentative); Erik declined; the room is not a person.
    const review = result.meetings.find((m) => m.title === 'Architecture review: event bus');
    expect([review?.start.toISOString(), review?.minutes, review?.attendees]).toEqual([
      '2026-10-14T11:00:00.000Z',
      60,
      3,
    ]);
  });
});

describe('meetingsFromIcs on odd events', () => {
  const MARCH = window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');

  it('uses DURATION when there is no DTEND, and calls an event with neither zero-length', () => {
    const result = ok(
      meetingsFromIcs(
        feed(
          `UID:with-duration\nDTSTART:20260302T100000Z\nDURATION:PT1H15M\n${TWO_PEOPLE}`,
          `UID:no-end\nDTSTART:20260302T120000Z\n${TWO_PEOPLE}`,
        ),
        MARCH,
      ),
    );

    expect(summary(result.meetings)).toEqual([
      { title: '', start: '2026-03-02T10:00:00.000Z', minutes: 75, attendees: 2 },
    ]);
    expect(result.skipped).toEqual({ ...noSkips, bad_duration: 1 });
  });

  it('refuses durations under a minute, backwards, or over 24 hours, and accepts exactly 24 hours', () => {
    const result = ok(
      meetingsFromIcs(
        feed(
          `UID:zero\nDTSTART:20260302T100000Z\nDTEND:20260302T100000Z\n${TWO_PEOPLE}`,
          `UID:backwards\nDTSTART:20260302T100000Z\nDTEND:20260302T090000Z\n${TWO_PEOPLE}`,
          `UID:seconds\nDTSTART:20260302T100000Z\nDTEND:20260302T100020Z\n${TWO_PEOPLE}`,
          `UID:too-long\nDTSTART:20260303T100000Z\nDTEND:20260304T100100Z\n${TWO_PEOPLE}`,
          `UID:a-day\nDTSTART:20260305T100000Z\nDTEND:20260306T100000Z\n${TWO_PEOPLE}`,
        ),
        MARCH,
      ),
    );

    expect(result.meetings.map((m) => [m.uid, m.minutes])).toEqual([['a-day', 1440]]);
    expect(result.skipped).toEqual({ ...noSkips, bad_duration: 4 });
  });

  it('counts events without a UID or a readable start as invalid', () => {
    const result = ok(
      meetingsFromIcs(
        feed(
          `DTSTART:20260302T100000Z\nDTEND:20260302T110000Z\n${TWO_PEOPLE}`,
          `UID:garbled-start\nDTSTART:next tuesday\nDTEND:20260302T110000Z\n${TWO_PEOPLE}`,
        ),
        MARCH,
      ),
    );

    expect(result.meetings).toEqual([]);
    expect(result.skipped).toEqual({ ...noSkips, invalid: 2 });
  });

  it('reads titles with parameters, addresses without mailto:, and Apple-style EMAIL parameters', () => {
    const result = ok(
      meetingsFromIcs(
        feed(
          [
            'UID:with-parameters',
            'SUMMARY;LANGUAGE=de:Besprechung',
            'DTSTART:20260302T100000Z',
            'DTEND:20260302T103000Z',
            'ORGANIZER;CN=Ann:MAILTO:Ann@Example.com',
            'ATTENDEE;PARTSTAT=ACCEPTED:ann@example.com',
            'ATTENDEE;PARTSTAT=ACCEPTED;EMAIL=ben@example.com:urn:uuid:5a1c9f3e-0000-4000-8000-000000000001',
            'ATTENDEE;PARTSTAT=DELEGATED:mailto:cy@example.com',
          ].join('\n'),
        ),
        MARCH,
        { ownerEmail: 'ben@example.com' },
      ),
    );

    expect(summary(result.meetings)).toEqual([
      { title: 'Besprechung', start: '2026-03-02T10:00:00.000Z', minutes: 30, attendees: 2 },
    ]);
  });

  it('lets a date-only EXDATE remove the instance on that day in the series time zone', () => {
    // 00:30 in Berlin is still the previous day in UTC.
    const result = ok(
      meetingsFromIcs(
        feed(
          [
            'UID:late-night-deploy',
            'DTSTART;TZID=Europe/Berlin:20260304T003000',
            'DTEND;TZID=Europe/Berlin:20260304T010000',
            'RRULE:FREQ=WEEKLY;COUNT=3',
            'EXDATE;VALUE=DATE:20260311',
            TWO_PEOPLE,
          ].join('\n'),
        ),
        MARCH,
      ),
    );

    expect(result.meetings.map((m) => m.start.toISOString())).toEqual([
      '2026-03-03T23:30:00.000Z',
      '2026-03-17T23:30:00.000Z',
    ]);
  });

  it('checks all-day before anything else, and cancelled before free', () => {
    const result = ok(
      meetingsFromIcs(
        feed(
          `UID:all-day-cancelled\nDTSTART;VALUE=DATE:20260310\nDTEND;VALUE=DATE:20260311\nSTATUS:CANCELLED\n${TWO_PEOPLE}`,
          `UID:cancelled-free\nDTSTART:20260312T100000Z\nDTEND:20260312T110000Z\nSTATUS:CANCELLED\nTRANSP:TRANSPARENT\n${TWO_PEOPLE}`,
        ),
        MARCH,
      ),
    );

    expect(result.skipped).toEqual({ ...noSkips, all_day: 1, cancelled: 1 });
  });

  it('stops at maxOccurrences and says the list is partial', () => {
    const everyMinute = `UID:every-minute\nDTSTART:20260302T000000Z\nDTEND:20260302T000100Z\nRRULE:FREQ=MINUTELY\n${TWO_PEOPLE}`;
    const result = ok(
      meetingsFromIcs(feed(everyMinute), window('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'), {
        maxOccurrences: 100,
      }),
    );

    expect(result.meetings).toHaveLength(100);
    expect(result.meetings.at(-1)?.start.toISOString()).toBe('2026-03-02T01:39:00.000Z');
    expect(result.truncated).toBe(true);
  });

  it('charges the budget across events, leaving later ones unread', () => {
    const oneOff = (uid: string, day: string) =>
      `UID:${uid}\nDTSTART:202603${day}T100000Z\nDTEND:202603${day}T110000Z\n${TWO_PEOPLE}`;
    const result = ok(
      meetingsFromIcs(feed(oneOff('a', '02'), oneOff('b', '03'), oneOff('c', '04')), MARCH, { maxOccurrences: 2 }),
    );

    expect(result.meetings.map((m) => m.uid)).toEqual(['a', 'b']);
    expect(result.truncated).toBe(true);
  });

  it('survives a rule too dense for the recurrence engine, keeping the other events', () => {
    const result = ok(
      meetingsFromIcs(
        feed(
          `UID:every-second\nDTSTART:20260302T000000Z\nDTEND:20260302T000001Z\nRRULE:FREQ=SECONDLY\n${TWO_PEOPLE}`,
          `UID:normal\nDTSTART:20260305T100000Z\nDTEND:20260305T110000Z\n${TWO_PEOPLE}`,
        ),
        MARCH,
      ),
    );

    expect(result.meetings.map((m) => m.uid)).toEqual(['normal']);
    expect(result.truncated).toBe(true);
  });

  it('accepts a byte-order mark and an empty calendar', () => {
    const result = ok(meetingsFromIcs('\uFEFFBEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', MARCH));

    expect(result).toEqual({ ok: true, meetings: [], skipped: noSkips, ownerEmail: null, truncated: false });
  });
});

describe('meetingsFromIcs on garbage', () => {
  it.each([
    ['an empty body', ''],
    ['plain text', 'hello'],
    ['an HTML login page', '<!DOCTYPE html><html><body>Sign in</body></html>'],
    ['JSON', '{"error":"not found"}'],
    ['a vCard', 'BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD\n'],
  ])('calls %s not a calendar', (_label, text) => {
    expect(meetingsFromIcs(text, window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'))).toEqual({
      ok: false,
      problem: 'not_a_calendar',
    });
  });

  it.each([
    ['a download cut off mid-event', fixture('truncated-download.ics')],
    ['an END without its BEGIN', 'BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n'],
    ['a duplicate DTSTART', feed('UID:x\nDTSTART:20260302T100000Z\nDTSTART:20260302T110000Z')],
    ['an unknown RRULE frequency', feed('UID:x\nDTSTART:20260302T100000Z\nRRULE:FREQ=FORTNIGHTLY')],
  ])('calls %s malformed', (_label, text) => {
    expect(meetingsFromIcs(text, window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'))).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it.each(['__proto__', '"__proto__"', 'constructor', 'toString'])(
    'refuses UID:%s before node-ical can write it onto Object.prototype',
    (uid) => {
      const text = feed(`UID:${uid}\nSUMMARY:polluted\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z`);

      expect(meetingsFromIcs(text, window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'))).toEqual({
        ok: false,
        problem: 'malformed',
      });
      expect(({} as Record<string, unknown>).summary).toBeUndefined();
      expect((Object as unknown as Record<string, unknown>).summary).toBeUndefined();
    },
  );

  it('refuses a dangerous UID folded across lines', () => {
    const text = feed('UID:__pro\n to__\nDTSTART:20260302T100000Z\nDTEND:20260302T110000Z');

    expect(meetingsFromIcs(text, window('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'))).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
