import { neutraliseBroadcasts } from '../../domain/markup.js';
import type { SlackFailure } from '../slackFailure.js';

/** Failures every surface explains the same way: Slack's, the database's, and our own. */

/** Slack's failures, in words a user can act on: the cause only; callers say what it means for them. */
export function describeSlackFailure(failure: SlackFailure, where: string): string {
  switch (failure.kind) {
    case 'not_in_channel':
      return `I'm not a member of ${where}: add me with \`/invite @Decision Ledger\`.`;
    case 'channel_not_found':
      return `I can't see ${where}; it may be private or deleted. Add me with \`/invite @Decision Ledger\`.`;
    case 'archived':
      return `${where[0]!.toUpperCase()}${where.slice(1)} is archived.`;
    case 'rate_limited':
      return 'Slack is rate-limiting me right now.';
    case 'unavailable':
      return 'Slack returned an error or did not answer in time.';
    case 'other':
      return `Slack answered \`${failure.code}\`.`;
  }
}

export function withTextBack(message: string, text: string): string {
  // The user's own text comes back in a code block, so nothing they typed is lost.
  return `${message}\nHere is what you wrote, to copy:\n\`\`\`${neutraliseBroadcasts(text).replace(/```/g, "'''")}\`\`\``;
}

/** A change the database did not take. */
export const DATABASE_DOWN_NOTHING_CHANGED =
  "I couldn't reach the database just now; nothing changed. Try again in a minute.";

/** A setting the database could not read or change. */
export const DATABASE_DOWN_SETTING_UNCHANGED =
  "I couldn't reach the database just now; the setting is unchanged. Try again in a minute.";

/** A request no listener answered (a listener threw): the receiver's last word. */
export const SOMETHING_WENT_WRONG =
  'Something went wrong on my side and nothing was saved. Please try again in a minute.';
