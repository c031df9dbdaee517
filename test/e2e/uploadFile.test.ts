import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type UploadPngProps, uploadPng } from '../../src/slack/uploadFile.js';
import { FakeSlack } from '../support/fakeSlack.js';

// The PNG signature, then every byte value: CR, LF, NUL and bytes that are not UTF-8 must all survive.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)),
]);

describe('uploading a PNG to Slack', () => {
  const slack = new FakeSlack();
  let client: WebClient;
  const upload = (props: Partial<UploadPngProps> = {}) =>
    uploadPng({
      client,
      channelId: 'C0ARCH',
      filename: 'coordination-costs-2026-W47.png',
      title: 'Coordination cost per week',
      png: PNG,
      ...props,
    });

  beforeAll(async () => {
    await slack.start();
    // No retries and a timeout: a failing fake must fail the call, not hold it for Slack's retry policy.
    client = new WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      timeout: 5000,
      logLevel: LogLevel.ERROR,
    });
  });
  afterAll(async () => {
    await slack.stop();
  });
  beforeEach(() => slack.reset());

  it('asks for an upload URL, sends the bytes there intact, and shares the file in the channel', async () => {
    const { fileId } = await upload({ altText: 'Stacked bars of meeting, review-wait and relitigation hours' });

    const [asked] = slack.callsOf('files.getUploadURLExternal');
    expect(asked!.params).toMatchObject({
      filename: 'coordination-costs-2026-W47.png',
      length: String(PNG.length),
      alt_text: 'Stacked bars of meeting, review-wait and relitigation hours',
    });
    expect(asked!.token).toBe('xoxb-test');
    expect(slack.callsOf('upload_url').map((c) => c.params.file_id)).toEqual([fileId]);
    expect(slack.uploadedBytes(fileId)?.equals(PNG)).toBe(true);

    const [completed] = slack.callsOf('files.completeUploadExternal');
    expect(completed!.params.channel_id).toBe('C0ARCH');
    expect(completed!.params.thread_ts).toBeUndefined();
    expect(completed!.params.files).toEqual([{ id: fileId, title: 'Coordination cost per week' }]);
    // Slack's three steps, in order: the file is complete only once its bytes have arrived.
    expect(slack.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'upload_url',
      'files.completeUploadExternal',
    ]);
  });

  it('shares the file as a reply when given a thread', async () => {
    await upload({ threadTs: '1700000000.000100' });

    const [completed] = slack.callsOf('files.completeUploadExternal');
    expect(completed!.params).toMatchObject({ channel_id: 'C0ARCH', thread_ts: '1700000000.000100' });
  });

  it('rejects when Slack refuses to complete the upload', async () => {
    slack.failNext('files.completeUploadExternal', { body: { ok: false, error: 'not_in_channel' } });

    await expect(upload()).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });

  it('rejects when the bytes cannot be delivered, without completing the upload', async () => {
    slack.failNext('upload_url', { status: 500 });

    await expect(upload()).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });
    expect(slack.callsOf('files.completeUploadExternal')).toEqual([]);
  });

  it('rejects when asking for an upload URL is rate limited', async () => {
    slack.failNext('files.getUploadURLExternal', { status: 429, headers: { 'retry-after': '0' } });

    await expect(upload()).rejects.toThrow(/rate limit/i);
    expect(slack.callsOf('upload_url')).toEqual([]);
  });
});
