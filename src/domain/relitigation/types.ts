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
  /** The message's telling words, most telling first: full-text searched in decisions and their index rows. */
  words: string[];
  /** The message's longer words, for typo-tolerant (trigram) matching of decisions' names. */
  typos: string[];
  /** The message's text, lower-cased, markup and code removed. */
  text: string;
}

/** Strong verdicts post a warning; weak ones are only recorded, for the digest's numbers. */
export type Tier = 'strong' | 'weak';

export interface Verdict {
  decision: MatchableDecision;
  /** 0–1: how surely the message is about this decision. */
  topic: number;
  /** 0–1: how surely it argues to reopen something. */
  stance: number;
  tier: Tier;
  /** Why: the words and ideas that matched, and the rejected alternative it names. */
  reasons: TopicEvidence;
}

/** Why a message was matched to a decision: what a warning shows. */
export interface TopicEvidence {
  /** Message words the decision also has, most telling first. */
  sharedWords: string[];
  /** Message words near a decision word in meaning, with that word. */
  nearWords: [string, string][];
  /** The first rejected alternative the message names, if any. */
  rejectedNamed: string | null;
}
