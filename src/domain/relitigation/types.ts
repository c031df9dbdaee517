/**
 * The relitigation watcher's vocabulary. Judging a message answers two questions separately:
 * topic — which recorded decision, if any, is it about; stance — does it reopen that decision,
 * or only mention, implement, cite, ask how-to or report a bug.
 */

/** Per-channel setting (`/decide watch …`). */
export const WATCH_SENSITIVITIES = ['off', 'low', 'normal', 'high'] as const;
export type WatchSensitivity = (typeof WATCH_SENSITIVITIES)[number];

/** What the detector knows of a recorded decision. Text is Slack-encoded, as stored. */
export interface MatchableDecision {
  id: string;
  ref: number;
  title: string;
  rationale: string;
  context: string;
  alternatives: string[];
  aliases: string[];
  tags: string[];
}

/** A decision the database found for a message, with the retrieval signals that found it. */
export interface RetrievedCandidate {
  decision: MatchableDecision;
  /** Full-text rank of the message's terms against the decision (weighted fields). */
  textRank: number;
  /** pg_trgm word similarity between the message and the decision's names (0–1). */
  trigramSimilarity: number;
}

/** Strong verdicts post a warning; weak ones are only recorded, for the digest's numbers. */
export type Tier = 'strong' | 'weak';

export interface Verdict {
  decision: MatchableDecision;
  /** 0–1: how surely the message is about this decision. */
  topic: number;
  /** 0–1: how surely it argues to reopen it. */
  stance: number;
  tier: Tier;
}
