import { describe, expect, it } from 'vitest';
import { parseInline, parseMrkdwn } from '../../src/playground/web/mrkdwn.js';

describe("the playground's mrkdwn reader", () => {
  it('reads bold, italics, strike-through and code, nested where Slack nests them', () => {
    expect(parseInline('*D-1* — _stays_ ~old~ `x < y`')).toEqual([
      { t: 'bold', children: [{ t: 'text', text: 'D-1' }] },
      { t: 'text', text: ' — ' },
      { t: 'italic', children: [{ t: 'text', text: 'stays' }] },
      { t: 'text', text: ' ' },
      { t: 'strike', children: [{ t: 'text', text: 'old' }] },
      { t: 'text', text: ' ' },
      { t: 'code', text: 'x < y' },
    ]);
    expect(parseInline('*bold _and italic_*')).toEqual([
      {
        t: 'bold',
        children: [
          { t: 'text', text: 'bold ' },
          { t: 'italic', children: [{ t: 'text', text: 'and italic' }] },
        ],
      },
    ]);
  });

  it('leaves marks inside words, unmatched marks and spaced marks as text', () => {
    expect(parseInline('snake_case_name and 2*3*4 and * not bold *')).toEqual([
      { t: 'text', text: 'snake_case_name and 2*3*4 and * not bold *' },
    ]);
  });

  it("reads Slack's <…> sequences: links, people, channels and broadcasts", () => {
    expect(parseInline('*<https://x.example/a?b=1&amp;c=2|D-14>* by <@U0ANA> in <#C0GENERAL|general> <!here>')).toEqual(
      [
        { t: 'bold', children: [{ t: 'link', url: 'https://x.example/a?b=1&c=2', label: 'D-14' }] },
        { t: 'text', text: ' by ' },
        { t: 'user', id: 'U0ANA', label: null },
        { t: 'text', text: ' in ' },
        { t: 'channel', id: 'C0GENERAL', label: 'general' },
        { t: 'text', text: ' ' },
        { t: 'broadcast', label: '@here' },
      ],
    );
  });

  it('decodes entities after reading, so an encoded < never opens a sequence', () => {
    expect(parseInline('&lt;script&gt;alert(1)&lt;/script&gt; &amp;')).toEqual([
      { t: 'text', text: '<script>alert(1)</script> &' },
    ]);
  });

  it('shows known emoji and keeps unknown :names: and times as written', () => {
    expect(parseInline(':white_check_mark: at 10:15:30 :no_such_emoji:')).toEqual([
      { t: 'emoji', name: 'white_check_mark', char: '✅' },
      { t: 'text', text: ' at 10:15:30 :no_such_emoji:' },
    ]);
  });

  it('splits quotes, preformatted blocks and line breaks', () => {
    expect(parseMrkdwn('Why:\n&gt; because\n```a *b*```')).toEqual([
      { t: 'p', children: [{ t: 'text', text: 'Why:' }] },
      { t: 'quote', children: [{ t: 'text', text: 'because' }] },
      { t: 'pre', text: 'a *b*' },
    ]);
    expect(parseInline('one\ntwo')).toEqual([{ t: 'text', text: 'one' }, { t: 'br' }, { t: 'text', text: 'two' }]);
  });
});
