import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyGithubWebhook } from '../../../src/github/verifyWebhook.js';
import { githubExample } from '../../support/githubExamples.js';

const secret = "It's a Secret to Everybody";
const rawBody = JSON.stringify(githubExample('pull_request', 'opened'));

/** The X-Hub-Signature-256 header as GitHub computes it. */
function signatureOf(body: string, key = secret): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
}

describe('verifyGithubWebhook', () => {
  it('accepts a body signed with the secret', async () => {
    expect(await verifyGithubWebhook({ secret, rawBody, signatureHeader: signatureOf(rawBody) })).toBe(true);
  });

  it('matches the example GitHub documents for its webhook secret', async () => {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    const documented = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
    expect(await verifyGithubWebhook({ secret, rawBody: 'Hello, World!', signatureHeader: documented })).toBe(true);
  });

  it('rejects a body signed with another secret', async () => {
    const signatureHeader = signatureOf(rawBody, 'not the secret');
    expect(await verifyGithubWebhook({ secret, rawBody, signatureHeader })).toBe(false);
  });

  it('rejects a body changed after signing', async () => {
    const tampered = rawBody.replace('"opened"', '"closed"');
    expect(tampered).not.toBe(rawBody);
    expect(await verifyGithubWebhook({ secret, rawBody: tampered, signatureHeader: signatureOf(rawBody) })).toBe(false);
  });

  it('rejects a delivery without a signature', async () => {
    expect(await verifyGithubWebhook({ secret, rawBody, signatureHeader: undefined })).toBe(false);
    expect(await verifyGithubWebhook({ secret, rawBody, signatureHeader: '' })).toBe(false);
  });

  it('rejects garbled and legacy SHA-1 signatures without throwing', async () => {
    const sha1 = `sha1=${createHmac('sha1', secret).update(rawBody).digest('hex')}`;
    for (const signatureHeader of ['sha256=', 'sha256=zz', 'garbage', 'sha256=ä€', sha1]) {
      expect(await verifyGithubWebhook({ secret, rawBody, signatureHeader })).toBe(false);
    }
  });

  it('rejects everything when the secret or the body is empty', async () => {
    expect(await verifyGithubWebhook({ secret: '', rawBody, signatureHeader: signatureOf(rawBody, '') })).toBe(false);
    expect(await verifyGithubWebhook({ secret, rawBody: '', signatureHeader: signatureOf('') })).toBe(false);
  });
});
