import { Scalar, stringify } from 'yaml';
import { formatRef, isSlackUserId } from '../decision.js';
import { decodeEntities } from '../markup.js';
import type { AdrDocument, DocumentField, DocumentPart } from './adrDocument.js';
import { recordName } from './adrFiles.js';
import { LINK_VERBS } from './adrVocabulary.js';

/**
 * Decisions as Markdown ADR files that other tools read: MADR 4 (front matter plus the Slack-only
 * fields under `x-` keys, so an export imports back without loss) or Nygard, as adr-tools writes it.
 */

export type AdrFormat = 'madr' | 'nygard';

export interface ExportableDecision {
  /** The record's id: written as `x-id`, so importing the export into the same ledger updates it. */
  id?: string;
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
  /** The file the record was imported from, part by part; null for a record made in Slack. */
  document?: AdrDocument | null;
}

const SLUG_MAX = 60;

/** `NNNN-slug.md`: the ref zero-padded to four digits, as adr-tools and MADR number their files. */
export function adrFileName(decision: Pick<ExportableDecision, 'ref' | 'title'>): string {
  return `${paddedRef(decision.ref)}-${slugOf(markdownOf(decision.title, {}))}.md`;
}

/** The file a decision is exported to: the one it was imported from, else `NNNN-slug.md`. */
export function exportFileName(decision: Pick<ExportableDecision, 'ref' | 'title' | 'document'>): string {
  return decision.document?.fileName ?? adrFileName(decision);
}

/** `fileNameOf(ref)` names the file of another record, relative to the folder exported. */
export function writeAdr(decision: ExportableDecision, format: AdrFormat, fileNameOf: (ref: number) => string): string {
  const self = exportFileName(decision);
  // Links are written relative to the record's own file: `../other/index.md` from a folder-per-ADR layout.
  const relative = (ref: number) => relativePath(self, fileNameOf(ref));
  return format === 'nygard' ? writeNygard(decision, relative) : writeMadr(decision, relative);
}

// MADR 4 knows these; anything else (the log's `reversed`) is written as `deprecated` and kept in `x-status`.
const MADR_STATUSES = new Set(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);

function writeMadr(decision: ExportableDecision, fileNameOf: (ref: number) => string): string {
  const names = decision.deciderNames ?? {};
  const doc = decision.document ?? null;
  const link = (ref: number) => `[${paddedRef(ref)}](${fileNameOf(ref)})`;
  const makers = decision.deciders.map((d) => (isSlackUserId(d) ? (names[d] ?? d) : d));
  const same = unchanged(decision);

  const front: Record<string, unknown> = {};
  // Keys the log has no field for (a Docusaurus `id`, `description`, MADR's `consulted`…) go back as they were.
  for (const [key, value] of Object.entries(doc?.frontMatter ?? {})) front[key] = value;
  const keptStatus = same('status') && doc?.statusAsWritten && !doc.statusAsWritten.includes('\n');
  // A file without a status gets none, as long as the log has not given it one since.
  const noStatus = same('status') && doc?.statusAsWritten === null;
  if (!noStatus) front.status = keptStatus ? quotedIfLinked(doc.statusAsWritten!) : madrStatus(decision, link);
  if (decision.decidedOn !== null)
    front.date = same('date') && doc?.dateAsWritten ? doc.dateAsWritten : decision.decidedOn;
  if (makers.length > 0) front['decision-makers'] = makers;
  if (decision.tags.length > 0) front.tags = decision.tags;
  if (decision.id !== undefined) front['x-id'] = doc?.originId ?? decision.id;
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

  const frontStatus =
    front.status === undefined
      ? ''
      : typeof front.status === 'string'
        ? front.status
        : String((front.status as Scalar).value);
  const blocks = writeParts(decision, 'madr', (part) => {
    // Front matter holds the status, the date and the deciders; a section saying only the same is not repeated.
    if (part.fields.includes('status')) return same('status') && part.text.trim() !== frontStatus.trim();
    if (part.fields.includes('date')) return same('date');
    if (part.fields.includes('deciders')) return same('deciders');
    return null;
  });
  const body = blocks.join('\n\n');
  const links = linkLines(decision, link).filter((line) => !mentions(body, line));
  return [
    // lineWidth 0: a long permalink folded over two lines would still parse, but not for every tool.
    `---\n${stringify(front, { lineWidth: 0 })}---`,
    `# ${heading(decision.title, names)}`,
    ...blocks,
    section('## More Information', links.join('\n\n')),
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

/** A status with a Markdown link is quoted, as MADR's template writes it: not every reader takes the brackets plain. */
function quotedIfLinked(status: string): string | Scalar {
  if (!status.includes('[')) return status;
  const quoted = new Scalar(status);
  quoted.type = Scalar.QUOTE_DOUBLE;
  return quoted;
}

function madrStatus(decision: ExportableDecision, link: (ref: number) => string): string | Scalar {
  if (decision.status === 'superseded' && decision.supersededBy.length > 0)
    return quotedIfLinked(`superseded by ${decision.supersededBy.map(link).join(', ')}`);
  return MADR_STATUSES.has(decision.status) ? decision.status : 'deprecated';
}

function writeNygard(decision: ExportableDecision, fileNameOf: (ref: number) => string): string {
  const names = decision.deciderNames ?? {};
  const doc = decision.document ?? null;
  const same = unchanged(decision);
  // adr-tools links as `[N. Title](file)`; only the file name is known for the other record, so its title comes from the slug.
  const link = (ref: number) => `[${ref}. ${titleOfFileName(fileNameOf(ref))}](${fileNameOf(ref)})`;
  const blocks = writeParts(decision, 'nygard', () => null);
  const body = blocks.join('\n\n');
  const links = linkLines(decision, link).filter((line) => !mentions(body, line));
  const statusIndex = blocks.findIndex((b) => b.includes(STATUS_MARK));
  if (statusIndex >= 0) {
    const [head, written] = blocks[statusIndex]!.split(STATUS_MARK) as [string, string];
    blocks[statusIndex] = (head + [written, ...links].filter(Boolean).join('\n\n')).trimEnd();
  } else if (!(same('status') && doc?.statusAsWritten === null && links.length === 0)) {
    const statusWords =
      decision.status === 'superseded' && decision.supersededBy.length > 0
        ? []
        : [same('status') && doc?.statusAsWritten ? doc.statusAsWritten : capitalise(decision.status)];
    // After the text under the title, before the first section.
    const firstSection = blocks.findIndex((b) => b.startsWith('#'));
    blocks.splice(
      firstSection < 0 ? blocks.length : firstSection,
      0,
      section('## Status', [...statusWords, ...links].join('\n\n')),
    );
  }
  // Nygard files have no front matter; a private decision's gets one, so an import keeps it private.
  const privateMark = decision.private
    ? `---\nx-private: true\n${decision.channelId ? `x-channel: ${decision.channelId}\n` : ''}---`
    : '';
  // Written as they were (a `- Date:` line, a `## Deciders` section): not a second time.
  const keptAsWritten = (field: Field) =>
    doc?.parts.some((p) => p.fields.includes(field) && p.fields.every(same)) ?? false;
  const date = same('date') && doc?.dateAsWritten ? doc.dateAsWritten : decision.decidedOn;
  const makers = decision.deciders.map((d) => (isSlackUserId(d) ? (names[d] ?? d) : d));
  const number = doc?.number ?? decision.ref;
  return [
    privateMark,
    `# ${number}. ${heading(decision.title, names)}`,
    decision.decidedOn === null || keptAsWritten('date') ? '' : `Date: ${date}`,
    makers.length > 0 && !keptAsWritten('deciders') ? `Deciders: ${makers.join(', ')}` : '',
    decision.tags.length > 0 && !keptAsWritten('tags') ? `Tags: ${decision.tags.join(', ')}` : '',
    ...blocks,
    decision.id === undefined ? '' : `<!-- x-id: ${doc?.originId ?? decision.id} -->`,
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

/** Marks the status section's body inside `writeParts`' output, for the link lines to join it. */
const STATUS_MARK = '\u0000status\u0000';

type Field = DocumentField;

/** The fields `unchanged` compares: a stored decision has them under the same names. */
type Compared = Pick<
  ExportableDecision,
  'status' | 'decidedOn' | 'context' | 'rationale' | 'consequences' | 'alternatives' | 'deciders' | 'tags' | 'document'
>;

/** Whether a field still holds what was read from the file (never, for a record made in Slack). */
export function unchanged(decision: Compared): (field: Field) => boolean {
  const doc = decision.document ?? null;
  // Asked once per part: a record of thousands of sections compares each long field once.
  const known = new Map<Field, boolean>();
  const compare = (field: Field): boolean => {
    if (doc === null) return false;
    if (field === 'status') return decision.status === doc.statusReadAs;
    if (field === 'date') return decision.decidedOn === doc.dateReadAs;
    return JSON.stringify(doc.readValues[field]) === JSON.stringify(decision[field]);
  };
  return (field) => {
    let answer = known.get(field);
    if (answer === undefined) {
      answer = compare(field);
      known.set(field, answer);
    }
    return answer;
  };
}

/**
 * The body's parts in the file's order: a part goes back as written while every field read from
 * it is unchanged; an edited field is written under its first part's heading (its other parts
 * dropped); fields the file had no part for follow, under the format's own headings.
 * `metadataPart` decides the status, date and deciders parts (null: as any other part).
 */
function writeParts(
  decision: ExportableDecision,
  format: AdrFormat,
  metadataPart: (part: DocumentPart) => boolean | null,
): string[] {
  const names = decision.deciderNames ?? {};
  const doc = decision.document ?? null;
  const same = unchanged(decision);
  const parts = doc?.parts ?? [];
  const hasOwn = (field: Field) => parts.some((p) => p.fields[0] === field);
  const inlineOptions = format === 'nygard' && !hasOwn('alternatives');
  const content = (field: Field): string => {
    if (field === 'alternatives') return bullets(decision.alternatives, names);
    if (field === 'rationale') {
      const options = inlineOptions ? bullets(decision.alternatives, names) : '';
      return [markdownOf(decision.rationale, names), options && `Considered options:\n\n${options}`]
        .filter(Boolean)
        .join('\n\n');
    }
    if (field === 'context' || field === 'consequences') return markdownOf(decision[field], names);
    if (field === 'status') return capitalise(decision.status);
    if (field === 'tags') return decision.tags.join(', ');
    if (field === 'date') return decision.decidedOn ?? '';
    return decision.deciders.map((d) => (isSlackUserId(d) ? (names[d] ?? d) : d)).join(', ');
  };
  const out: string[] = [];
  const written = new Set<Field>();
  for (const part of parts) {
    const head = part.heading === null ? '' : `${'#'.repeat(Math.max(1, part.level))} ${part.heading}`;
    const asWritten = [head, part.text].filter(Boolean).join('\n\n');
    const isStatus = format === 'nygard' && part.fields[0] === 'status';
    // The metadata lines under the title go back as written, or not at all: the format's own places hold the values.
    if (part.heading === null) {
      if (part.fields.every(same)) out.push(asWritten);
      continue;
    }
    const decided = metadataPart(part);
    if (decided !== null) {
      if (decided) out.push(asWritten);
      continue;
    }
    if (part.fields.every(same)) {
      out.push(isStatus ? `${head}\n\n${STATUS_MARK}${part.text}` : asWritten);
      for (const f of part.fields) written.add(f);
      continue;
    }
    const field = part.fields[0]!;
    if (written.has(field)) continue;
    written.add(field);
    const text = content(field);
    if (isStatus) out.push(`${head}\n\n${STATUS_MARK}${text}`);
    else if (text !== '') out.push(`${head}\n\n${text}`);
  }
  // Fields the file had no part for (or a record made in Slack): the format's own sections.
  const defaults: [Field, string][] =
    format === 'madr'
      ? [
          ['context', '## Context and Problem Statement'],
          ['alternatives', '## Considered Options'],
          ['rationale', '## Decision Outcome'],
          ['consequences', parts.length === 0 ? '### Consequences' : '## Consequences'],
        ]
      : [
          ['context', '## Context'],
          ['rationale', '## Decision'],
          ['consequences', '## Consequences'],
        ];
  for (const [field, title] of defaults) {
    if (written.has(field) || parts.some((p) => p.fields.includes(field))) continue;
    out.push(section(title, content(field)));
  }
  return out.filter(Boolean);
}

/** Supersession and the typed links, one line each, as adr-tools writes them. */
function linkLines(decision: ExportableDecision, link: (ref: number) => string): string[] {
  const typed = (decision.document?.links ?? []).map((l) => {
    const words = LINK_VERBS.find((v) => v.verb === l.verb)!.write;
    return `${l.direction === 'forward' ? words[0] : words[1]} ${link(l.ref)}`;
  });
  return [
    ...decision.supersedes.map((ref) => `Supersedes ${link(ref)}`),
    ...decision.supersededBy.map((ref) => `Superseded by ${link(ref)}`),
    ...typed,
  ];
}

/** Whether the text already links to the file a link line points at. */
function mentions(text: string, line: string): boolean {
  const target = /\]\(([^)]*)\)$/.exec(line)?.[1];
  return target !== undefined && text.includes(`](${target})`);
}

/** `to` as a link from the file `from`: both are paths inside the exported folder. */
export function relativePath(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  return [...fromDirs.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
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

/** `0007-use-postgres.md` → `Use postgres`; `use-postgres/index.md` → `Use postgres`. */
function titleOfFileName(fileName: string): string {
  return capitalise(recordName(fileName).replace(/\.md$/, '').replace(/^\d+-/, '').replace(/-/g, ' '));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
