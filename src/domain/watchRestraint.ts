import type { Tier } from './relitigation/types.js';

/**
 * Restraint: the rules that keep a correct detector from becoming a noisy bot. Pure; the facts come
 * from the judgements already recorded.
 */

/** After a warning about a decision in a channel, other threads there stay quiet about it this long. */
export const COOLING_PERIOD_MS = 12 * 60 * 60 * 1000;

export interface RestraintFacts {
  /** A warning about this decision was already posted in this thread. */
  warnedInThread: boolean;
  /** Someone marked a warning about this decision in this thread "Not a reopening". */
  dismissedInThread: boolean;
  /** When the last warning about this decision in this channel was posted, if any. */
  lastWarnedInChannelAt: Date | null;
}

export type JudgementOutcome = 'warned' | 'weak' | 'quiet_thread' | 'quiet_dismissed' | 'quiet_cooling';

/**
 * What to do with a verdict: warn, or record it quietly and say why. (Decisions under review never
 * get here: the index does not offer them as candidates.)
 */
export function restrain(tier: Tier, facts: RestraintFacts, now: Date): JudgementOutcome {
  if (facts.dismissedInThread) return 'quiet_dismissed';
  if (tier === 'weak') return 'weak';
  if (facts.warnedInThread) return 'quiet_thread';
  if (facts.lastWarnedInChannelAt && now.getTime() - facts.lastWarnedInChannelAt.getTime() < COOLING_PERIOD_MS)
    return 'quiet_cooling';
  return 'warned';
}
