import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, type RecordedCall } from '../support/fakeSlack.js';

/**
 * The benches run the fake Slack keeping only counts; what they read of it must still hold, and a
 * test that asks it for calls must hear that there are none to give rather than get an empty list.
 */
describe('a fake Slack that keeps only counts', () => {
  const slack = new FakeSlack({ keep: 'counts' });
  const observed: RecordedCall[] = [];
  let client: WebClient;
  beforeAll(async () => {
    await slack.start();
    slack.observe('chat.postMessage', (call) => observed.push(call));
    client = new WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('counts calls by method, answers them as Slack does, and lets observers see their parameters', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C0A',
      text: 'hello',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }],
    });
    await client.chat.postMessage({ channel: 'C0B', text: 'again' });
    await client.conversations.info({ channel: 'C0A' });

    expect(posted.channel).toBe('C0A');
    expect(slack.count('chat.postMessage')).toBe(2);
    expect(slack.count('conversations.info')).toBe(1);
    expect(slack.count('views.open')).toBe(0);
    expect(observed.map((c) => c.params.channel)).toEqual(['C0A', 'C0B']);
    expect(observed[0]!.params.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }]);
    expect(slack.calls).toEqual([]);
  });

  it('refuses to list calls it did not keep', () => {
    expect(() => slack.callsOf('chat.postMessage')).toThrow(/keeps only counts/);
  });
});
