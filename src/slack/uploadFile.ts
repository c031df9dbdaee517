import type { WebClient } from '@slack/web-api';

export interface UploadPngProps {
  /** A client with the `files:write` scope; the app must be a member of the channel. */
  client: WebClient;
  /** Where the image is shared. */
  channelId: string;
  /** Share it as a reply in this message's thread instead of in the channel. */
  threadTs?: string;
  /** e.g. "coordination-costs-2026-W47.png": Slack shows it and offers it on download. */
  filename: string;
  /** Shown above the image. */
  title: string;
  png: Buffer;
  /** What the image shows, for screen readers. */
  altText?: string;
}

/**
 * Shares a PNG in a channel or thread through Slack's external upload flow (files.upload is retired):
 * files.getUploadURLExternal, a POST of the bytes to the URL it returns, then
 * files.completeUploadExternal, which shares the file. Slack errors propagate; the caller decides.
 */
export async function uploadPng({
  client,
  channelId,
  threadTs,
  filename,
  title,
  png,
  altText,
}: UploadPngProps): Promise<{ fileId: string }> {
  // The argument types accept thread_ts only as a string (a thread destination), never as undefined.
  const destination =
    threadTs === undefined ? { channel_id: channelId } : { channel_id: channelId, thread_ts: threadTs };
  const result = await client.filesUploadV2({ ...destination, file: png, filename, title, alt_text: altText });
  // One file, one destination: one completeUploadExternal answer naming one file.
  const fileId = result.files[0]?.files?.[0]?.id;
  if (!fileId) throw new Error(`files.completeUploadExternal named no file for ${filename}`);
  return { fileId };
}
