import { parseRevisitPhrase } from './dates.js';
import { type DecisionContent, LIMITS, normaliseTags, uniqueInOrder } from './decision.js';
import { mentionedUserIds } from './markup.js';

/**
 * Turns what people naturally type after `/decide` into a record:
 *
 *   We move billing to Stripe because invoicing eats 2 days a month #payments revisit in 6 months
 *
 * - the decision is the text before "because" / "since" / "so that"; the rest is the rationale;
 * - `#tags` anywhere (Slack's own `<#C…>` channel links are left alone);
 * - `<@U…>` mentions are the deciders (default: the author); a trailing run of them
 *   ("… by <@U1> and <@U2>") is lifted out of the text, mentions inside a sentence stay as written;
 * - "revisit in N days/weeks/months/years", "revisit on 2027-03-01", "revisit next friday";
 * - "instead of X" / "rather than X" and "alternatives: X, Y" / "rejected: X" → alternatives considered.
 */

export interface InlineDecisionInput {
  /** Slack-encoded command text. */
  text: string;
  author: string;
  /** Today's date, ISO. */
  today: string;
}

export type InlineDecisionProblem =
  | { code: 'empty' }
  | { code: 'no_decision_text' }
  | { code: 'bad_revisit'; phrase: string }
  | { code: 'revisit_in_past'; date: string }
  | { code: 'too_long'; field: 'text' | 'title' | 'rationale'; limit: number; actual: number };

export type InlineDecisionResult =
  | { ok: true; content: DecisionContent }
  | { ok: false; problem: InlineDecisionProblem };

const TAG = /(^|[\s(,;])#([\p{L}\p{N}][\p{L}\p{N}_-]{0,39})(?=$|[\s),.;:!?])/gu;
const REVISIT =
  /(?:^|[\s,;(—–-]+)(?:and\s+)?(?:revisit|re-visit|review)(?:\s+(?:it|this|the decision))?\s+((?:in|on|by|after|at|next|before)\b.*?|\d.*?)(?=\s*(?:[,;)]|\.(?:\s|$)|\s(?:because|since|so that)\b|$))/i;
const EXPLICIT_ALTERNATIVES =
  /[\s(,;—–-]*\b(?:alternatives(?: considered)?|considered|rejected)\s*:\s*(.+?)(?=\s*(?:[;)]|\.(?:\s|$)|\s(?:because|since|so that)\b|$))/i;
const INLINE_ALTERNATIVE =
  /\b(?:instead of|rather than)\s+(.+?)(?=\s*(?:[,;)]|\.(?:\s|$)|\s(?:because|since|so that|and)\b|$))/gi;
const RATIONALE_SPLIT = /\s*[,;—–-]*\s*\b(because|since|so that)\b\s*/i;
// One mention, the whole of a slice that starts at a "<" and ends at the next ">".
const MENTION = /^<@[UW][A-Z0-9]+(?:\|[^>]*)?>$/;
// What may lead a trailing run of mentions: "by", "decided by", "with", "deciders:", "signed off by".
const MENTIONS_LEAD = /(?:^|[\s,;—–-])(?:(?:decided\s+)?by|with|deciders?:|signed off by)$/i;
const MENTION_SEPARATORS = new Set([' ', '\t', '\n', ',', ';', '—', '–', '-']);

export function parseInlineDecision({ text, author, today }: InlineDecisionInput): InlineDecisionResult {
  const original = text.trim();
  if (original === '') return { ok: false, problem: { code: 'empty' } };
  if (original.length > LIMITS.commandText)
    return {
      ok: false,
      problem: { code: 'too_long', field: 'text', limit: LIMITS.commandText, actual: original.length },
    };

  const deciders = mentionedUserIds(original);

  const tags: string[] = [];
  // Whitespace runs become one space first: later patterns then never scan a long run twice.
  let rest = original
    .replace(TAG, (_m, lead: string, tag: string) => {
      tags.push(tag);
      return lead;
    })
    .replace(/\s+/g, ' ');

  let revisitOn: string | null = null;
  const revisit = REVISIT.exec(rest);
  if (revisit) {
    const phrase = revisit[1]!.trim();
    const parsed = parseRevisitPhrase(phrase, today);
    if (!parsed.ok) return { ok: false, problem: { code: 'bad_revisit', phrase } };
    if (parsed.date <= today) return { ok: false, problem: { code: 'revisit_in_past', date: parsed.date } };
    revisitOn = parsed.date;
    rest = rest.slice(0, revisit.index) + rest.slice(revisit.index + revisit[0].length);
  }

  const alternatives: string[] = [];
  const explicit = EXPLICIT_ALTERNATIVES.exec(rest);
  if (explicit) {
    alternatives.push(...splitList(explicit[1]!));
    rest = rest.slice(0, explicit.index) + rest.slice(explicit.index + explicit[0].length);
  }
  for (const match of rest.matchAll(INLINE_ALTERNATIVE)) alternatives.push(cleanClause(match[1]!));

  let title = rest;
  let rationale = '';
  const split = RATIONALE_SPLIT.exec(rest);
  if (split && split.index > 0) {
    title = rest.slice(0, split.index);
    const after = rest.slice(split.index + split[0].length);
    rationale = split[1]!.toLowerCase() === 'so that' ? `so that ${after}` : after;
  }

  title = cleanClause(withoutTrailingMentions(title));
  rationale = cleanClause(withoutTrailingMentions(rationale));
  if (title === '') return { ok: false, problem: { code: 'no_decision_text' } };
  if (title.length > LIMITS.title)
    return { ok: false, problem: { code: 'too_long', field: 'title', limit: LIMITS.title, actual: title.length } };
  if (rationale.length > LIMITS.rationale)
    return {
      ok: false,
      problem: { code: 'too_long', field: 'rationale', limit: LIMITS.rationale, actual: rationale.length },
    };

  return {
    ok: true,
    content: {
      title,
      context: '',
      rationale: capitaliseFirst(rationale),
      consequences: '',
      alternatives: uniqueInOrder(alternatives.filter((a) => a !== '')).slice(0, LIMITS.alternatives),
      aliases: [],
      deciders: deciders.length > 0 ? deciders : [author],
      tags: normaliseTags(tags).slice(0, LIMITS.tags),
      status: 'accepted',
      decidedOn: today,
      revisitOn,
    },
  };
}

/**
 * The text without a trailing run of mentions ("… by <@U1>, <@U2> and <@U3>"), scanned from the
 * end one mention at a time: linear in the text, however many mentions it holds (a single regular
 * expression for the run backtracked exponentially).
 */
function withoutTrailingMentions(text: string): string {
  let end = text.length;
  let cut = -1;
  for (;;) {
    let at = skipSeparators(text, end);
    if (cut >= 0) {
      // Between two mentions of the run: "and" or "&amp;".
      const connector = /(?:^|\s)(?:and|&amp;)$/i.exec(text.slice(Math.max(0, at - 6), at));
      if (connector) at = skipSeparators(text, at - connector[0].trimStart().length);
    }
    if (text[at - 1] !== '>') break;
    const open = text.lastIndexOf('<', at - 1);
    if (open < 0 || !MENTION.test(text.slice(open, at))) break;
    cut = open;
    end = open;
  }
  if (cut < 0) return text;
  const beforeRun = skipSeparators(text, cut);
  // The lead words are at most 14 characters with the separator before them; the window starts a
  // character earlier so that "^" only ever means the start of the text.
  const from = Math.max(0, beforeRun - 15);
  const lead = MENTIONS_LEAD.exec(text.slice(from, beforeRun));
  const leadAt = lead && (from === 0 || lead.index > 0) ? from + lead.index : -1;
  return text.slice(0, leadAt >= 0 ? leadAt : cut);
}

function skipSeparators(text: string, end: number): number {
  let at = end;
  while (at > 0 && MENTION_SEPARATORS.has(text[at - 1]!)) at -= 1;
  return at;
}

function splitList(text: string): string[] {
  return text
    .split(/\s*(?:,|\bor\b|\band\b|\/)\s*/i)
    .map(cleanClause)
    .filter((item) => item !== '');
}

/** Collapses whitespace and trims connective punctuation left behind by the extractions above. */
function cleanClause(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .replace(/\(\s*\)/g, '')
      .replace(/^[\s,;:—–-]+/, '')
      .replace(/[\s,;:—–-]+$/, '')
      // "word ," → "word,", but ".env" and ".NET" keep their space.
      .replace(/\s+([,.;:!?])(?=\s|$)/g, '$1')
      .replace(/\.$/, '')
      .trim()
  );
}

function capitaliseFirst(text: string): string {
  return text.length > 0 && !text.startsWith('<') ? text[0]!.toUpperCase() + text.slice(1) : text;
}
