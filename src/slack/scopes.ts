/**
 * Least privilege: exactly what the code calls; the OAuth install asks for these and manifest.yml
 * lists the same (test/unit/manifest.test.ts holds them together).
 * - commands: /decide and the shortcuts
 * - chat:write: chat.postMessage, chat.postEphemeral, chat.update, chat.getPermalink
 * - channels:read, groups:read: conversations.info (is the channel private?)
 * - channels:history, groups:history: conversations.replies ("Log as decision" thread participants)
 *   and the message events the relitigation watcher reads
 * - files:write: files.getUploadURLExternal, files.completeUploadExternal (the digest's cost chart)
 * - users:read: users.info (only workspace admins may purge the workspace's data)
 * views.open and views.publish need no scope.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'files:write',
  'users:read',
] as const;
