import type { Concept } from './concepts.js';
import { profileOf, type TextProfile } from './profile.js';
import { type PlainText, plainTextOf } from './slackText.js';
import { type Stance, sentencesOf, stanceOf } from './stance.js';

/**
 * A Slack message read once, for retrieval and judging alike: its plain text, the stance of each
 * sentence, and (worked out when first asked for, since most messages stop at their stance) the
 * profile of the whole and of each sentence.
 */
export interface MessageReading {
  readonly plain: PlainText;
  readonly stances: Stance[];
  readonly whole: TextProfile;
  readonly sentences: Sentence[];
}

export function readMessage(slackText: string): MessageReading {
  const plain = plainTextOf(slackText);
  const texts = sentencesOf(plain.text);
  const stances = texts.map((text) => stanceOf(text, plain.emoji));
  let whole: TextProfile | undefined;
  let sentences: Sentence[] | undefined;
  return {
    plain,
    stances,
    get whole() {
      whole ??= profileOf(plain.text);
      return whole;
    },
    get sentences() {
      sentences ??= texts.map((text, i) => analyseSentence(text, stances[i]!));
      return sentences;
    },
  };
}

/** Functions that take a message accept its text or a reading of it, so the detector reads it once. */
export function reading(message: string | MessageReading): MessageReading {
  return typeof message === 'string' ? readMessage(message) : message;
}

/** One sentence of a message: its words and concepts, its stance, and what it proposes or argues against. */
export interface Sentence {
  profile: TextProfile;
  stance: Stance;
  /** Concepts named where the sentence proposes something: what it proposes instead. */
  proposed: Set<Concept>;
  /** Concepts the sentence argues against: "no more X", "drop X", "instead of X". */
  opposed: Set<Concept>;
}

// Just before a concept, these make it the thing argued against: what is dropped, left ("switch
// orders from Postgres to Mongo") or revisited.
const AGAINST_WHAT_FOLLOWS =
  /(?:\bno more|\bget rid of|\bdrop(?:ping|ped)?|\bditch(?:ing|ed)?|\bstop using|\bkill(?:ing)?|\bmov(?:e|ing) off|\baway from|\breplac(?:e|ing)|\binstead of|\brather than|\brevisit(?:ing)?|\b(?:switch|mov|migrat|port|chang|transition)\w*(?:\s+[\w-]+){0,3}?\s+(?:off|from))\s+(?:the\s+|our\s+|all\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$/;

/** `text` is one sentence of plain text (see sentencesOf), `stance` its stance. */
function analyseSentence(text: string, stance: Stance): Sentence {
  const profile = profileOf(text);
  const lower = text.toLowerCase();
  const proposed = new Set<Concept>();
  const opposed = new Set<Concept>();
  profile.tokens.forEach((token, i) => {
    const concept = profile.tokenConcepts[i];
    if (!concept || profile.tokenConcepts[i - 1] === concept) return;
    if (AGAINST_WHAT_FOLLOWS.test(lower.slice(Math.max(0, token.index - 40), token.index))) opposed.add(concept);
    else if (stance.proposalAt !== null && token.index >= stance.proposalAt) proposed.add(concept);
  });
  return { profile, stance, proposed, opposed };
}
