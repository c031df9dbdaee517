import { verify } from '@octokit/webhooks-methods';

export interface VerifyGithubWebhookProps {
  /** GITHUB_WEBHOOK_SECRET, as entered in the webhook's settings on GitHub. */
  secret: string;
  /** The request body exactly as received: re-serialised JSON would not match the signature. */
  rawBody: string;
  /** The X-Hub-Signature-256 header (`sha256=<hex>`). */
  signatureHeader: string | undefined;
}

/** Whether GitHub signed this delivery with our secret. Never throws: anything doubtful is false. */
export async function verifyGithubWebhook({
  secret,
  rawBody,
  signatureHeader,
}: VerifyGithubWebhookProps): Promise<boolean> {
  // verify() throws on empty arguments instead of answering false.
  if (secret === '' || rawBody === '' || !signatureHeader) return false;
  // Only SHA-256: the legacy X-Hub-Signature (sha1=…) must not be accepted in its place.
  if (!signatureHeader.startsWith('sha256=')) return false;
  try {
    return await verify(secret, rawBody, signatureHeader);
  } catch {
    return false;
  }
}
