import { PRACTICE_FAMILIES } from './knowledge/practices.js';
import type { FamilySpec } from './knowledge/spec.js';
import { TECHNOLOGY_FAMILIES } from './knowledge/technology.js';
import { type Token, tokenize } from './words.js';

/** One thing under all its names (React Native, RN, Expo), in one or more families. */
export interface Concept {
  id: number;
  /** How it is usually written; the first name given. */
  canonical: string;
  names: string[];
  families: string[];
  /** Its families whose members are the same kind of thing (see FamilySpec.kind). */
  kinds: string[];
  /** 0–1: how telling it is to share this concept (see FamilySpec.weight). */
  weight: number;
}

export interface ConceptMention {
  concept: Concept;
  /** Token range [start, end) in the text the mention was found in. */
  start: number;
  end: number;
}

interface NamePattern {
  concept: Concept;
  /** Stems of the name's words: the lookup key, and what ordinary words are compared by. */
  stems: string[];
  /**
   * Per word, how it must be written: null for ordinary words (any form: deploy, deploys,
   * deployed); otherwise the lower-cased name, matched as is or as a plural, so "Optimizely" is
   * not "optimizing" and "React" not "reacted"; for `=`-names, that exact case.
   */
  spelling: ({ text: string; caseSensitive: boolean } | null)[];
}

interface KnowledgeBase {
  concepts: Concept[];
  /** Name patterns by the stem of their first word. */
  patternsByFirstStem: Map<string, NamePattern[]>;
  membersByFamily: Map<string, Concept[]>;
  /** Filled on first use: the knowledge base never changes once compiled. */
  siblings: Map<Concept, Concept[]>;
}

const knowledgeBase = compile([...TECHNOLOGY_FAMILIES, ...PRACTICE_FAMILIES]);

/**
 * The concepts named in a tokenised text, longest name first at each position ("React Native"
 * rather than "React"), without overlaps.
 */
export function findConcepts(tokens: Token[]): ConceptMention[] {
  const mentions: ConceptMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    let best: NamePattern | null = null;
    for (const pattern of knowledgeBase.patternsByFirstStem.get(tokens[i]!.stem) ?? []) {
      if ((best === null || pattern.stems.length > best.stems.length) && matchesAt(pattern, tokens, i)) best = pattern;
    }
    if (best) {
      mentions.push({ concept: best.concept, start: i, end: i + best.stems.length });
      i += best.stems.length;
    } else {
      i += 1;
    }
  }
  return mentions;
}

export function conceptsIn(text: string): Concept[] {
  return uniqueConcepts(findConcepts(tokenize(text)).map((m) => m.concept));
}

/** The other members of the concept's families: what a team would choose instead of it. */
export function siblingsOf(concept: Concept): Concept[] {
  let siblings = knowledgeBase.siblings.get(concept);
  if (!siblings) {
    const found = new Set<Concept>();
    for (const family of concept.families) {
      for (const member of knowledgeBase.membersByFamily.get(family) ?? []) if (member !== concept) found.add(member);
    }
    siblings = [...found];
    knowledgeBase.siblings.set(concept, siblings);
  }
  return siblings;
}

export function uniqueConcepts(concepts: Iterable<Concept>): Concept[] {
  return [...new Set(concepts)];
}

function matchesAt(pattern: NamePattern, tokens: Token[], at: number): boolean {
  if (at + pattern.stems.length > tokens.length) return false;
  return pattern.stems.every((stem, k) => {
    const token = tokens[at + k]!;
    if (token.stem !== stem) return false;
    const spelling = pattern.spelling[k];
    if (!spelling) return true;
    const written = spelling.caseSensitive ? token.raw : token.lower;
    return written === spelling.text || written === `${spelling.text}s` || written === `${spelling.text}es`;
  });
}

function compile(families: FamilySpec[]): KnowledgeBase {
  const concepts: Concept[] = [];
  const byName = new Map<string, Concept>();
  const patternsByFirstStem = new Map<string, NamePattern[]>();
  const membersByFamily = new Map<string, Concept[]>();

  const addPattern = (pattern: NamePattern) => {
    const first = pattern.stems[0]!;
    const list = patternsByFirstStem.get(first) ?? [];
    const key = JSON.stringify([pattern.stems, pattern.spelling]);
    if (!list.some((p) => p.concept === pattern.concept && JSON.stringify([p.stems, p.spelling]) === key)) list.push(pattern);
    patternsByFirstStem.set(first, list);
  };

  for (const family of families) {
    const members: Concept[] = [];
    for (const member of family.members) {
      const spec = typeof member === 'string' ? { names: member, weight: 1 } : member;
      const names = spec.names.split('|').map((n) => n.trim()).filter((n) => n !== '');
      const weight = spec.weight * (family.weight ?? 1);
      // A thing listed in two families (Kotlin: mobile and language) is one concept in both.
      let concept = names.map((n) => byName.get(nameKey(n))).find((c) => c !== undefined);
      if (!concept) {
        concept = { id: concepts.length, canonical: names[0]!.replace(/^=/, ''), names: [], families: [], kinds: [], weight };
        concepts.push(concept);
      }
      concept.weight = Math.max(concept.weight, weight);
      if (!concept.families.includes(family.job)) concept.families.push(family.job);
      if (family.kind && !concept.kinds.includes(family.job)) concept.kinds.push(family.job);
      for (const name of names) {
        const plain = name.replace(/^=/, '');
        if (!concept.names.includes(plain)) concept.names.push(plain);
        byName.set(nameKey(name), concept);
        const tokens = tokenize(plain);
        // Single letters ("C" of C++) would match everywhere.
        if (tokens.length === 0 || tokens.every((t) => t.lower.length < 2)) continue;
        const caseSensitive = name.startsWith('=');
        const spelling = tokens.map((t) => (caseSensitive ? { text: t.raw, caseSensitive } : isOrdinaryWord(t.raw) ? null : { text: t.lower, caseSensitive }));
        addPattern({ concept, stems: tokens.map((t) => t.stem), spelling });
        // "on call" is also written "oncall", "styled components" "styledcomponents".
        if (tokens.length > 1 && !caseSensitive) {
          const joined = tokenize(tokens.map((t) => t.lower).join(''));
          addPattern({ concept, stems: joined.map((t) => t.stem), spelling: joined.map(() => null) });
        }
      }
      members.push(concept);
    }
    membersByFamily.set(family.job, [...(membersByFamily.get(family.job) ?? []), ...members]);
  }
  return { concepts, patternsByFirstStem, membersByFamily, siblings: new Map() };
}

/** Names written in lower case in the knowledge base are ordinary words (deploy, flags, kanban), not product names. */
function isOrdinaryWord(word: string): boolean {
  return word === word.toLowerCase() && !/\d/.test(word);
}

function nameKey(name: string): string {
  return name.startsWith('=')
    ? `=${name.slice(1)}`
    : tokenize(name)
        .map((t) => t.stem)
        .join(' ');
}
