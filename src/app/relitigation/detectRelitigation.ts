import type { Detector } from '../../domain/relitigation/detector.js';
import { judge, mayReopen, readMessage } from '../../domain/relitigation/judge.js';
import { messageQuery } from '../../domain/relitigation/messageQuery.js';
import type { Verdict, WatchSensitivity } from '../../domain/relitigation/types.js';
import type { RelitigationIndex } from './ports.js';
import type { Workspace } from '../../domain/workspace.js';

export interface DetectRelitigationProps {
  index: RelitigationIndex;
  detector: Detector;
  workspace: Workspace;
  /** Where the message was posted: private decisions of other channels are never candidates. */
  channelId: string;
  /** The message as Slack sent it (mrkdwn-encoded). */
  text: string;
  sensitivity: WatchSensitivity;
  /**
   * Whether the channel is shared with another organisation (only its own decisions are then
   * candidates); asked only for messages that get as far as looking candidates up.
   */
  isolated?: () => Promise<boolean>;
}

// Enough to hold every decision a message could plausibly be about, and a team channel's recent
// ones besides; judging 16 takes about a millisecond.
export const CANDIDATE_LIMIT = 16;

const WATCHED = ['low', 'normal', 'high'] as const;

/**
 * Whether a message could reopen any decision under any sensitivity, from its own words (no
 * database): most channel messages argue for nothing, and the watcher leaves them there.
 */
export function couldReopen(detector: Detector, text: string): boolean {
  const message = readMessage(detector, text);
  return WATCHED.some((sensitivity) => mayReopen(detector, message, sensitivity));
}

/**
 * The offline relitigation detector, as the watcher and the eval command both run it: read the
 * message's stance; if it could reopen anything, find the decisions it may be about and judge each.
 * At most one verdict is strong.
 */
export async function detectRelitigation({
  index,
  detector,
  workspace,
  channelId,
  text,
  sensitivity,
  isolated,
}: DetectRelitigationProps): Promise<Verdict[]> {
  if (sensitivity === 'off') return [];
  const message = readMessage(detector, text);
  // Most channel messages argue for nothing: they are judged without a database round trip.
  if (!mayReopen(detector, message, sensitivity)) return [];
  const query = messageQuery(message);
  if (query.words.length === 0) return [];
  const candidates = await index.candidates(workspace, channelId, query, CANDIDATE_LIMIT, detector.model.version, {
    isolated: isolated ? await isolated() : false,
  });
  return judge(detector, message, candidates, sensitivity);
}
