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

/** Terms of a message, as the relitigation index searches them (built by `messageQuery`). */
export interface MessageQuery {
  /**
   * The message's own telling words and the other names of what it names ("RN" → "react native"),
   * normalised (lexemes are made by the database). OR-ed in the full-text query; decisions sharing
   * two of them rank first.
   */
  words: string[];
  /** Rivals of what the message names ("flutter" for a message about React Native): OR-ed, never paired. */
  related: string[];
  /** The message's text for trigram matching: lower-cased, markup and code removed. */
  text: string;
}

/** A decision the database found for a message, with the retrieval signals that found it. */
export interface RetrievedCandidate {
  decision: MatchableDecision;
  /** Full-text rank of the message's terms against the decision (weighted fields). */
  textRank: number;
  /**
   * pg_trgm word similarity between the message's longer words and the decision's names (0–1);
   * 0 when trigram matching did not find the decision (full-text search did).
   */
  trigramSimilarity: number;
  /**
   * Recorded in the channel the message was posted in: of decisions a message matches equally,
   * the one its own channel recorded is the likelier reading.
   */
  recordedHere: boolean;
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
