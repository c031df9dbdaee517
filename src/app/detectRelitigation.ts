import { judge, mayReopen } from '../domain/relitigation/judge.js';
import { readMessage } from '../domain/relitigation/message.js';
import { messageQuery } from '../domain/relitigation/messageQuery.js';
import type { Verdict, WatchSensitivity } from '../domain/relitigation/types.js';
import type { RelitigationIndex, Workspace } from './ports.js';

export interface DetectRelitigationProps {
  index: RelitigationIndex;
  workspace: Workspace;
  /** Where the message was posted: private decisions of other channels are never candidates. */
  channelId: string;
  /** The message as Slack sent it (mrkdwn-encoded). */
  text: string;
  sensitivity: WatchSensitivity;
}

// Enough to hold every decision a message could plausibly be about; judging 12 takes under a millisecond.
export const CANDIDATE_LIMIT = 12;

/**
 * Whether a message could reopen any decision at all, from its own words (no database): most
 * channel messages propose nothing, and the watcher leaves them there.
 */
export function couldReopen(text: string): boolean {
  return mayReopen(readMessage(text));
}

/**
 * The offline relitigation detector, as the watcher and the eval command both run it: find the
 * decisions the message may be about, then judge topic and stance. At most one verdict is strong.
 */
export async function detectRelitigation({ index, workspace, channelId, text, sensitivity }: DetectRelitigationProps): Promise<Verdict[]> {
  if (sensitivity === 'off') return [];
  const message = readMessage(text);
  // Most channel messages propose nothing: they are judged without a database round trip.
  if (!mayReopen(message)) return [];
  const query = messageQuery(message);
  if (query.words.length === 0) return [];
  const candidates = await index.candidates(workspace, channelId, query, CANDIDATE_LIMIT);
  return judge(message, candidates, sensitivity);
}
