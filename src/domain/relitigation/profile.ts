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
  /** Stems of content words outside any concept mention, each with whether it is generic. */
  words: Map<string, boolean>;
  /** Adjacent content stems ("busi day", "15 day"), numbers included: phrases are more specific than words. */
  pairs: Set<string>;
}

/**
 * `wordsInConcepts`: also list the words of concept mentions as words. Decisions do, so that a
 * message saying "image" meets a decision saying "base images"; messages do not, so that a word
 * is not counted twice, once as a concept and once as a word.
 */
export function profileOf(plainText: string, { wordsInConcepts = false } = {}): TextProfile {
  const tokens = tokenize(plainText);
  const mentions = findConcepts(tokens);
  const tokenConcepts: (Concept | null)[] = tokens.map(() => null);
  for (const m of mentions) for (let i = m.start; i < m.end; i++) tokenConcepts[i] = m.concept;
  const words = new Map<string, boolean>();
  const content: Token[] = [];
  tokens.forEach((token, i) => {
    if (STOPWORDS.has(token.lower)) return;
    content.push(token);
    if ((tokenConcepts[i] && !wordsInConcepts) || /^\d+$/.test(token.lower) || token.lower.length < 3) return;
    words.set(token.stem, GENERIC_WORDS.has(token.lower) || GENERIC_WORDS.has(token.stem));
  });
  // A pair of everyday words ("live in the repo", "15 min") is no more specific than its words.
  const specific = (t: Token) => !GENERIC_WORDS.has(t.lower) && !GENERIC_WORDS.has(t.stem) && t.lower.length >= 2;
  const pairs = new Set<string>();
  for (let i = 1; i < content.length; i++) {
    const [a, b] = [content[i - 1]!, content[i]!];
    const numbers = [a, b].filter((t) => /^\d+$/.test(t.lower)).length;
    if ((numbers === 0 && specific(a) && specific(b)) || (numbers === 1 && specific(/^\d+$/.test(a.lower) ? b : a))) {
      pairs.add(`${a.stem} ${b.stem}`);
    }
  }
  return { tokens, tokenConcepts, concepts: new Set(mentions.map((m) => m.concept)), words, pairs };
}

/** A decision's text as topic scoring keeps it: no tokens, since profiles are remembered. */
export interface DecisionText {
  concepts: Set<Concept>;
  words: Map<string, boolean>;
  pairs: Set<string>;
  /** Its longer words, with the concept each belongs to: what a misspelt word in a message is compared with. */
  longWords: { stem: string; concept: Concept | null }[];
}

/** A decision as topic scoring sees it: its names (title, alternatives, aliases, tags) weigh more than its reasons. */
export interface DecisionProfile {
  decision: MatchableDecision;
  key: DecisionText;
  body: DecisionText;
  /** What the decision turned down: its alternatives' concepts, and each alternative's content stems. */
  rejectedConcepts: Set<Concept>;
  rejectedPhrases: string[][];
  /** Families of the concepts it names, each with how strongly it belongs (the weight of its most telling concept there). */
  families: Map<string, number>;
  /** Kinds of what it turned down that hold nothing it chose: naming any of their members names the kind it turned down. */
  rejectedKinds: Set<string>;
}

/**
 * The profile of a decision, remembered by its id and content: the same decisions come back as
 * candidates message after message, and building a profile costs more than judging with it.
 */
export function decisionProfile(decision: MatchableDecision): DecisionProfile {
  const signature = [decision.title, decision.rationale, decision.context, ...decision.alternatives, '', ...decision.aliases, '', ...decision.tags].join('\u0000');
  const known = profiles.get(decision.id);
  if (known && known.signature === signature) {
    // Refreshes its place in the insertion order, so the least recently used go first.
    profiles.delete(decision.id);
    profiles.set(decision.id, known);
    return { ...known.profile, decision };
  }
  const profile = buildDecisionProfile(decision);
  if (profiles.size >= MAX_REMEMBERED_PROFILES) profiles.delete(profiles.keys().next().value!);
  profiles.set(decision.id, { signature, profile });
  return profile;
}

const profiles = new Map<string, { signature: string; profile: DecisionProfile }>();
const MAX_REMEMBERED_PROFILES = 2_000;

function decisionText(plainText: string): DecisionText {
  const { tokens, tokenConcepts, concepts, words, pairs } = profileOf(plainText, { wordsInConcepts: true });
  const longWords = tokens.flatMap((t, i) => (t.stem.length >= 5 ? [{ stem: t.stem, concept: tokenConcepts[i] ?? null }] : []));
  return { concepts, words, pairs, longWords };
}

function buildDecisionProfile(decision: MatchableDecision): DecisionProfile {
  const plain = (text: string) => plainTextOf(text, { keepCode: true }).text;
  const key = decisionText([decision.title, ...decision.alternatives, ...decision.aliases, ...decision.tags].map(plain).join(' . '));
  const body = decisionText([decision.rationale, decision.context].map(plain).join(' . '));
  const rejectedConcepts = new Set<Concept>();
  const rejectedPhrases: string[][] = [];
  for (const alternative of decision.alternatives) {
    const profile = profileOf(plain(alternative));
    for (const c of profile.concepts) rejectedConcepts.add(c);
    const stems = profile.tokens.filter((t) => !STOPWORDS.has(t.lower)).map((t) => t.stem);
    if (stems.length > 0) rejectedPhrases.push(stems);
  }
  // A decision belongs to a family as strongly as the most telling thing it names there: "CI
  // blocks merges" makes a data-testing rule only faintly a CI decision.
  const families = new Map<string, number>();
  const chosenKinds = new Set<string>();
  for (const c of [...key.concepts, ...body.concepts]) {
    for (const f of c.families) families.set(f, Math.max(families.get(f) ?? 0, c.weight));
    if (!rejectedConcepts.has(c)) for (const k of c.kinds) chosenKinds.add(k);
  }
  const rejectedKinds = new Set<string>();
  for (const c of rejectedConcepts) for (const k of c.kinds) if (!chosenKinds.has(k)) rejectedKinds.add(k);
  return { decision, key, body, rejectedConcepts, rejectedPhrases, families, rejectedKinds };
}
