import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  encodePlainText,
  mentionedUserIds,
  neutraliseBroadcasts,
  truncate,
} from '../../src/domain/markup.js';

describe('markup', () => {
  it('neutralises every broadcast and user-group mention', () => {
    const text = 'ping <!channel> <!here|here> <!everyone> <!subteam^S0123|@backend> and @channel';
    const safe = neutraliseBroadcasts(text);
    expect(safe).not.toMatch(/<!/);
    expect(safe).not.toMatch(/@(channel|here|everyone)\b/);
    expect(safe).toContain('@\u200Dbackend');
  });

  it('keeps ordinary user mentions and links', () => {
    expect(neutraliseBroadcasts('ask <@U123> about <https://x.test|the doc>')).toBe(
      'ask <@U123> about <https://x.test|the doc>',
    );
  });

  it('encodes modal text so typed markup stays inert, and decodes it back', () => {
    const typed = 'a < b & <!channel>';
    expect(encodePlainText(typed)).toBe('a &lt; b &amp; &lt;!channel&gt;');
    expect(decodeEntities(encodePlainText(typed))).toBe(typed);
  });

  it('finds mentioned user ids once each', () => {
    expect(mentionedUserIds('<@U1|ana> and <@W2> and <@U1>')).toEqual(['U1', 'W2']);
  });

  it('truncates on a word boundary and never inside markup', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('hello world this is long <@U12345|someone> tail', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).not.toContain('<@');
    expect(cut.endsWith('…')).toBe(true);
  });
});
