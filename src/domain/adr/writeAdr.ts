import { Scalar, stringify } from 'yaml';
import { formatRef, isSlackUserId } from '../decision.js';
import { decodeEntities } from '../markup.js';

/**
 * Decisions as Markdown ADR files that other tools read: MADR 4 (front matter plus the Slack-only
 * fields under `x-` keys, so an export imports back without loss) or Nygard, as adr-tools writes it.
 */

export type AdrFormat = 'madr' | 'nygard';

export interface ExportableDecision {
  ref: number;
  title: string;
  status: string;
  /** `YYYY-MM-DD`; null for a record imported without a date, whose file gets none either. */
  decidedOn: string | null;
  revisitOn: string | null;
  /** Slack user ids, or names for records that came from outside Slack. */
  deciders: string[];
  tags: string[];
  /** Text fields are stored Slack mrkdwn-encoded; they are converted to Markdown here. */
  context: string;
  rationale: string;
  consequences: string;
  alternatives: string[];
  /** Refs of the decisions this one replaced. */
  supersedes: number[];
  /** Refs of the decisions that replaced this one. */
  supersededBy: number[];
  permalink: string | null;
  channelId: string | null;
  /** Recorded in a private channel, a DM or a group DM: the file says so, and an import keeps it private. */
  private?: boolean;
  relitigationCount: number;
  /** Slack user id → display name, for mentions and decision-makers; ids are written when absent. */
  deciderNames?: Record<string, string>;
}

const SLUG_MAX = 60;

/** `NNNN-slug.md`: the ref zero-padded to four digits, as adr-tools and MADR number their files. */
export function adrFileName(decision: Pick<ExportableDecision, 'ref' | 'title'>): string {
  return `${paddedRef(decision.ref)}-${slugOf(markdownOf(decision.title, {}))}.md`;
}

export function writeAdr(decision: ExportableDecision, format: AdrFormat, fileNameOf: (ref: number) => string): string {
  return format === 'nygard' ? writeNygard(decision, fileNameOf) : writeMadr(decision, fileNameOf);
}

// MADR 4 knows these; anything else (the log's `reversed`) is written as `deprecated` and kept in `x-status`.
const MADR_STATUSES = new Set(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);

function writeMadr(decision: ExportableDecision, fileNameOf: (ref: number) => string): string {
  const names = decision.deciderNames ?? {};
  const text = (value: string) => markdownOf(value, names);
  const link = (ref: number) => `[${paddedRef(ref)}](${fileNameOf(ref)})`;
  const makers = decision.deciders.map((d) => (isSlackUserId(d) ? (names[d] ?? d) : d));

  const front: Record<string, unknown> = { status: madrStatus(decision, link) };
  if (decision.decidedOn !== null) front.date = decision.decidedOn;
  if (makers.length > 0) front['decision-makers'] = makers;
  if (decision.tags.length > 0) front.tags = decision.tags;
  front['x-ref'] = formatRef(decision.ref);
  if (!MADR_STATUSES.has(decision.status)) front['x-status'] = decision.status;
  if (decision.supersedes.length > 0) front['x-supersedes'] = decision.supersedes.map(fileNameOf);
  if (decision.channelId !== null) front['x-channel'] = decision.channelId;
  if (decision.private) front['x-private'] = true;
  if (decision.permalink !== null) front['x-slack-permalink'] = decision.permalink;
  if (decision.revisitOn !== null) front['x-revisit-by'] = decision.revisitOn;
  front['x-relitigation-count'] = decision.relitigationCount;
  // Display names replace the ids in decision-makers; the ids are what the log keeps.
  if (makers.some((m, i) => m !== decision.deciders[i])) front['x-decider-ids'] = decision.deciders;

  const links = [
    ...decision.supersedes.map((ref) => `Supersedes ${link(ref)}`),
    ...decision.supersededBy.map((ref) => `Superseded by ${link(ref)}`),
  ];
  const consequences = text(decision.consequences);
  const outcome = [text(decision.rationale), consequences && `### Consequences\n\n${consequences}`]
    .filter(Boolean)
    .join('\n\n');
  return [
    // lineWidth 0: a long permalink folded over two lines would still parse, but not for every tool.
    `---\n${stringify(front, { lineWidth: 0 })}---`,
    `# ${heading(decision.title, names)}`,
    section('## Context and Problem Statement', text(decision.context)),
    section('## Considered Options', bullets(decision.alternatives, names)),
    section('## Decision Outcome', outcome),
    section('## More Information', links.join('\n\n')),
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

function madrStatus(decision: ExportableDecision, link: (ref: number) => string): string | Scalar {
  if (decision.status === 'superseded' && decision.supersededBy.length > 0) {
    // MADR's template writes this one quoted; the link's brackets are plain YAML, but not to every reader.
    const status = new Scalar(`superseded by ${decision.supersededBy.map(link).join(', ')}`);
    status.type = Scalar.QUOTE_DOUBLE;
    return status;
  }
  return MADR_STATUSES.has(decision.status) ? decision.status : 'deprecated';
}

function writeNygard(decision: ExportableDecision, fileNameOf: (ref: number) => string): string {
  const names = decision.deciderNames ?? {};
  const text = (value: string) => markdownOf(value, names);
  // adr-tools links as `[N. Title](file)`; only the file name is known for the other record, so its title comes from the slug.
  const link = (ref: number) => `[${ref}. ${titleOfFileName(fileNameOf(ref))}](${fileNameOf(ref)})`;
  const status =
    decision.status === 'superseded' && decision.supersededBy.length > 0
      ? decision.supersededBy.map((ref) => `Superseded by ${link(ref)}`)
      : [capitalise(decision.status)];
  const statusLines = [...status, ...decision.supersedes.map((ref) => `Supersedes ${link(ref)}`)];
  // Nygard has no section for the options; they stay with the decision they lost to.
  const options = bullets(decision.alternatives, names);
  const outcome = [text(decision.rationale), options && `Considered options:\n\n${options}`]
    .filter(Boolean)
    .join('\n\n');
  // Nygard files have no front matter; a private decision's gets one, so an import keeps it private.
  const privateMark = decision.private
    ? `---\nx-private: true\n${decision.channelId ? `x-channel: ${decision.channelId}\n` : ''}---`
    : '';
  return [
    privateMark,
    `# ${decision.ref}. ${heading(decision.title, names)}`,
    decision.decidedOn === null ? '' : `Date: ${decision.decidedOn}`,
    section('## Status', statusLines.join('\n\n')),
    section('## Context', text(decision.context)),
    section('## Decision', outcome),
    section('## Consequences', text(decision.consequences)),
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

/** A heading with its body; an empty body gets no heading either. */
function section(title: string, body: string): string {
  return body === '' ? '' : `${title}\n\n${body}`;
}

function bullets(items: string[], names: Record<string, string>): string {
  return items
    .map((item) => heading(item, names))
    .filter(Boolean)
    .map((item) => `* ${item}`)
    .join('\n');
}

/** One line: headings and list items cannot hold a line break. */
function heading(value: string, names: Record<string, string>): string {
  return markdownOf(value, names).replace(/\s+/g, ' ').trim();
}

// In stored text every `<…>` is Slack's markup: a `<` the author typed is stored as `&lt;`.
const MARKUP = /<([^<>]*)>/g;
// A broadcast typed as text (stored `&lt;!here&gt;`) reads as one again once decoded.
const TYPED_BROADCAST = /<!(subteam\^[A-Z0-9]+|[a-z]+)(?:\|@?([^>]*))?>/gi;

/**
 * Stored mrkdwn → Markdown: mentions become `@name` (`@U…` without a name), links become
 * `[label](url)`, broadcasts become plain `@channel`, and entities are decoded. Markup is converted
 * before decoding so that text typed to look like markup stays what it was.
 */
function markdownOf(stored: string, names: Record<string, string>): string {
  let out = '';
  let last = 0;
  for (const match of stored.matchAll(MARKUP)) {
    out += plain(stored.slice(last, match.index));
    out += markupToMarkdown(match[1]!, names);
    last = match.index + match[0].length;
  }
  return (out + plain(stored.slice(last))).trim();
}

function plain(stored: string): string {
  return decodeEntities(stored).replace(TYPED_BROADCAST, (_m, word: string, label: string | undefined) =>
    broadcast(word, label),
  );
}

function markupToMarkdown(inner: string, names: Record<string, string>): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `@${names[id] ?? label ?? id}`;
  }
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!date^')) return label ?? '';
  if (target.startsWith('!')) return broadcast(target.slice(1), label);
  const url = decodeEntities(target);
  if (label === undefined || label === '' || label === url) return url;
  const destination = /[\s()<>]/.test(url) ? `<${url}>` : url;
  return `[${label.replace(/([[\]])/g, '\\$1')}](${destination})`;
}

/** `@channel`, `@here`, `@everyone`, `@team-name`: words only, never a token Slack would act on. */
function broadcast(word: string, label: string | undefined): string {
  if (word.toLowerCase().startsWith('subteam^')) return `@${label?.replace(/^@/, '') || 'team'}`;
  return `@${word.toLowerCase()}`;
}

function paddedRef(ref: number): string {
  return String(ref).padStart(4, '0');
}

/** Lower-case ASCII letters, digits and dashes; accents dropped (`é` → `e`); `decision` when nothing is left. */
function slugOf(title: string): string {
  const full = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = full.slice(0, SLUG_MAX);
  // Cut at a word boundary when the limit falls inside a word and a boundary is not too far back.
  const lastDash = slug.lastIndexOf('-');
  if (full.length > SLUG_MAX && full[SLUG_MAX] !== '-' && lastDash > SLUG_MAX / 2) slug = slug.slice(0, lastDash);
  slug = slug.replace(/-+$/, '');
  return slug === '' ? 'decision' : slug;
}

/** `0007-use-postgres.md` → `Use postgres`. */
function titleOfFileName(fileName: string): string {
  return capitalise(fileName.replace(/\.md$/, '').replace(/^\d+-/, '').replace(/-/g, ' '));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
