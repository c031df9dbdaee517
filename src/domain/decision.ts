/**
 * A decision record: MADR 4's fields (title, status, date, decision-makers, context, considered
 * options, outcome with its rationale, consequences) plus where it lives in Slack.
 * Pure types and rules; nothing here knows about Slack's API or SQL.
 */

// `rejected`: a proposal the team turned down, as MADR records them (imported ADRs have them).
export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'superseded', 'reversed', 'deprecated'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export function isDecisionStatus(value: string): value is DecisionStatus {
  return (DECISION_STATUSES as readonly string[]).includes(value);
}

/** How a record came to be; kept for the audit trail and for export. */
export type DecisionOrigin = 'command' | 'modal' | 'message_shortcut' | 'global_shortcut' | 'supersede' | 'import';

/** The fields a person writes. Text is Slack mrkdwn-encoded (&amp; &lt; &gt;; `<@U…>` kept as markup). */
export interface DecisionContent {
  title: string;
  context: string;
  rationale: string;
  consequences: string;
  alternatives: string[];
  /** Other names the subject goes by (products, abbreviations); inferred at record time for the watcher. */
  aliases: string[];
  /** Slack user ids (`U…`/`W…`), or names for records that came from outside Slack. */
  deciders: string[];
  tags: string[];
  status: DecisionStatus;
  /** ISO dates, `YYYY-MM-DD`. A record imported from a file without a date has no `decidedOn`. */
  decidedOn: string | null;
  revisitOn: string | null;
}

/** Where the decision was taken and how to get back to it. */
export interface DecisionSource {
  channelId: string;
  channelPrivate: boolean;
  messageTs: string | null;
  threadTs: string | null;
  permalink: string | null;
  participants: string[];
}

export interface Decision extends DecisionContent {
  id: string;
  /** Set while the decision is being reconsidered after someone reopened it from a warning. */
  underReviewSince: Date | null;
  workspaceId: string;
  ref: number;
  source: DecisionSource;
  cardTs: string | null;
  cardPermalink: string | null;
  supersedes: { id: string; ref: number } | null;
  supersededBy: { id: string; ref: number } | null;
  createdBy: string;
  origin: DecisionOrigin;
  createdAt: Date;
}

export interface DecisionEvent {
  actor: string;
  action: 'created' | 'superseded' | 'supersedes' | 'reopened' | 'kept' | 'reimported';
  detail: Record<string, unknown>;
  at: Date;
}

export function formatRef(ref: number): string {
  return `D-${ref}`;
}

/** Accepts what people type: `D-14`, `d14`, `#14`, `14`. */
export function parseRef(text: string): number | null {
  const match = /^(?:d-?|#)?(\d{1,9})$/i.exec(text.trim());
  if (!match) return null;
  const ref = Number(match[1]);
  return ref > 0 ? ref : null;
}

/**
 * Limits that keep each field inside one Block Kit section (3,000 characters) and a whole card,
 * every field at its limit, under the ~10k characters Slack accepts in one message.
 */
export const LIMITS = {
  title: 500,
  context: 1500,
  rationale: 2000,
  consequences: 1500,
  alternative: 200,
  alternatives: 10,
  tags: 10,
  tag: 40,
  deciders: 20,
  /** Slash command text longer than this cannot fit a card; the user gets their text back. */
  commandText: 3000,
} as const;

export type ContentField = keyof typeof LIMITS;

export type ContentProblem =
  | { field: 'title'; code: 'required' }
  | { field: ContentField; code: 'too_long'; limit: number; actual: number }
  | { field: 'revisitOn'; code: 'in_the_past' }
  | { field: 'tags'; code: 'invalid_tag'; tag: string };

/** Checks a draft against the record's rules; returns every problem so a form can show them all at once. */
export function checkContent(content: DecisionContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (content.title.trim() === '') problems.push({ field: 'title', code: 'required' });
  for (const field of ['title', 'context', 'rationale', 'consequences'] as const) {
    const actual = content[field].length;
    if (actual > LIMITS[field]) problems.push({ field, code: 'too_long', limit: LIMITS[field], actual });
  }
  if (content.alternatives.length > LIMITS.alternatives)
    problems.push({
      field: 'alternatives',
      code: 'too_long',
      limit: LIMITS.alternatives,
      actual: content.alternatives.length,
    });
  const longAlternative = content.alternatives.find((a) => a.length > LIMITS.alternative);
  if (longAlternative)
    problems.push({
      field: 'alternative',
      code: 'too_long',
      limit: LIMITS.alternative,
      actual: longAlternative.length,
    });
  if (content.tags.length > LIMITS.tags)
    problems.push({ field: 'tags', code: 'too_long', limit: LIMITS.tags, actual: content.tags.length });
  const badTag = content.tags.find((t) => !TAG_PATTERN.test(t));
  if (badTag !== undefined) problems.push({ field: 'tags', code: 'invalid_tag', tag: badTag });
  if (content.deciders.length > LIMITS.deciders)
    problems.push({ field: 'deciders', code: 'too_long', limit: LIMITS.deciders, actual: content.deciders.length });
  if (content.revisitOn !== null && content.decidedOn !== null && content.revisitOn < content.decidedOn)
    problems.push({ field: 'revisitOn', code: 'in_the_past' });
  return problems;
}

/** Letters, digits, `_` and `-`, in any script; stored lower-case. */
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u;

export function normaliseTags(tags: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#/, '').toLowerCase();
    if (tag !== '') seen.add(tag);
  }
  return [...seen];
}

export function uniqueInOrder(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * A Slack user id, as opposed to a free-text name from an imported record. Slack's ids are about a
 * dozen characters; the bound keeps "U" followed by 5,000 capitals from passing for one.
 */
export function isSlackUserId(value: string): boolean {
  return /^[UW][A-Z0-9]{2,40}$/.test(value);
}
