import { type Concept, findConcepts } from './concepts.js';
import { plainTextOf } from './slackText.js';
import type { MatchableDecision } from './types.js';
import { GENERIC_WORDS, STOPWORDS, type Token, tokenize } from './words.js';

/** What topic scoring compares: a text's concepts, its content words and its word pairs. */
export interface TextProfile {
  tokens: Token[];
  /** The concept each token belongs to, if any (parallel to `tokens`). */
  tokenConcepts: (Concept | null)[];
  concepts: Set<Concept>;
  /** Stems of content words outside any concept mention, with whether the word is generic. */
  words: Map<string, { generic: boolean }>;
  /** Adjacent content stems ("busi day", "15 day"), numbers included: phrases are more specific than words. */
  pairs: Set<string>;
}

export function profileOf(plainText: string): TextProfile {
  const tokens = tokenize(plainText);
  const mentions = findConcepts(tokens);
  const tokenConcepts: (Concept | null)[] = tokens.map(() => null);
  for (const m of mentions) for (let i = m.start; i < m.end; i++) tokenConcepts[i] = m.concept;
  const words = new Map<string, { generic: boolean }>();
  const content: Token[] = [];
  tokens.forEach((token, i) => {
    if (STOPWORDS.has(token.lower)) return;
    content.push(token);
    if (tokenConcepts[i] || /^\d+$/.test(token.lower) || token.lower.length < 3) return;
    words.set(token.stem, { generic: GENERIC_WORDS.has(token.lower) || GENERIC_WORDS.has(token.stem) });
  });
  const pairs = new Set<string>();
  for (let i = 1; i < content.length; i++) pairs.add(`${content[i - 1]!.stem} ${content[i]!.stem}`);
  return { tokens, tokenConcepts, concepts: new Set(mentions.map((m) => m.concept)), words, pairs };
}

/** A decision as topic scoring sees it: its names (title, alternatives, aliases, tags) weigh more than its reasons. */
export interface DecisionProfile {
  decision: MatchableDecision;
  key: TextProfile;
  body: TextProfile;
  /** What the decision turned down: its alternatives' concepts, and each alternative's content stems. */
  rejectedConcepts: Set<Concept>;
  rejectedPhrases: string[][];
  families: Set<string>;
}

export function decisionProfile(decision: MatchableDecision): DecisionProfile {
  const plain = (text: string) => plainTextOf(text, { keepCode: true }).text;
  const key = profileOf(
    [decision.title, ...decision.alternatives, ...decision.aliases, ...decision.tags].map(plain).join(' . '),
  );
  const body = profileOf([decision.rationale, decision.context].map(plain).join(' . '));
  const rejectedConcepts = new Set<Concept>();
  const rejectedPhrases: string[][] = [];
  for (const alternative of decision.alternatives) {
    const profile = profileOf(plain(alternative));
    for (const c of profile.concepts) rejectedConcepts.add(c);
    const stems = profile.tokens.filter((t) => !STOPWORDS.has(t.lower)).map((t) => t.stem);
    if (stems.length > 0) rejectedPhrases.push(stems);
  }
  const families = new Set<string>();
  for (const c of [...key.concepts, ...body.concepts]) for (const f of c.families) families.add(f);
  return { decision, key, body, rejectedConcepts, rejectedPhrases, families };
}
