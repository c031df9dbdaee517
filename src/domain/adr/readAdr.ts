import { normaliseTags, uniqueInOrder } from '../decision.js';
import { encodePlainText } from '../markup.js';
import type { DocumentField, DocumentPart } from './adrDocument.js';
import { recordName } from './adrFiles.js';
import { fieldNamed } from './adrVocabulary.js';
import { parseAdrDate } from './readAdrDate.js';
import { type FieldSource, readParts } from './readAdrParts.js';
import { classifyStatus, isStatusChoiceList } from './readAdrStatus.js';
import { type AdrLinks, readLinks } from './readAdrLinkLines.js';
import { cleanTitle, isPlaceholderTitle, numberInTitle, readFileName } from './readAdrTitle.js';
import {
  blockText,
  type Heading,
  headingKey,
  linksAsText,
  listItems,
  type MarkdownLines,
  plainInline,
  preambleLines,
  readFrontMatter,
  readLines,
  sectionLines,
} from './readMarkdown.js';

export { classifyStatus } from './readAdrStatus.js';
export { parseAdrDate } from './readAdrDate.js';
export type { AdrLinks } from './readAdrLinkLines.js';
export { readFileName } from './readAdrTitle.js';

/**
 * Reads one Markdown ADR, in the styles teams actually keep: MADR 3/4 (YAML front matter),
 * MADR 2 and Log4brains (`- Status:` bullets under the title), Nygard and adr-tools
 * (`# 3. Title`, `Date:` line, `## Status` section, "Superceded by [5. Foo](0005-foo.md)").
 * Odd input never throws: what cannot be read falls back to a default and says so in a warning.
 * Nothing is cut: every part of the file is kept in `written`, in order, for the export to write back.
 */

export type AdrStatus = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded';

export interface ImportedAdr {
  /** As given: the path inside the folder imported, with `/` separators. */
  sourcePath: string;
  /** From an `NNNN-` file name; null for `YYYYMMDD-` names and names without a number. */
  number: number | null;
  /** Text below is Slack mrkdwn-encoded (`encodePlainText`), trimmed, in full (only Slack's views shorten it). */
  title: string;
  status: AdrStatus;
  /** The status as written (Markdown links kept, one line per line), or null when the record has none. */
  statusText: string | null;
  /** `YYYY-MM-DD`, or null when the record has none: it is then "date unknown", never a guessed day. */
  date: string | null;
  deciders: string[];
  consulted: string[];
  informed: string[];
  /** Normalised like `normaliseTags`; whether each fits `TAG_PATTERN` is the caller's call. */
  tags: string[];
  context: string;
  rationale: string;
  consequences: string;
  /** Considered options other than the chosen one, as plain text. */
  alternatives: string[];
  links: AdrLinks;
  /** "Partly superseded": part of the decision still stands. */
  partial: boolean;
  /** The front-matter keys an export from the log writes (`x-id`, `x-ref`, `x-channel`…), verbatim. */
  extra: Record<string, string>;
  /** The file as written, for an export to write it back: see `AdrDocument`. */
  written: {
    titleAsWritten: string;
    statusAsWritten: string | null;
    dateAsWritten: string | null;
    frontMatter: Record<string, unknown>;
    parts: DocumentPart[];
  };
}

export type ReadAdrResult = { ok: true; adr: ImportedAdr; warnings: string[] } | { ok: false; reason: string };

export function readAdr(file: { path: string; text: string }): ReadAdrResult {
  const sourcePath = file.path.replace(/\\/g, '/');
  // U+2028 and U+2029 end lines too: left in, they hide a heading from the reader but not from a renderer.
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n');
  const front = readFrontMatter(text);
  const body = front.body.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  if (body.trim() === '')
    return {
      ok: false,
      reason: text.trim() === '' ? 'the file is empty' : 'the file has no text besides its metadata',
    };

  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(`${sourcePath}: ${message}`);
  if (front.problem) warn(`${front.problem}; its keys were ignored`);
  const meta = front.data ?? {};
  const doc = readLines(body);
  const named = readFileName(recordName(sourcePath));

  const titleHeading = doc.headings.find((h) => h.level === 1 && h.text !== '');
  const metadata = readMetadataLines(doc, titleHeading);
  const bullets = metadata.values;
  const sections = findSections(doc, titleHeading);

  const titleAsWritten = titleHeading ? titleHeading.text : plainInline(scalar(meta.title) ?? '');
  if (isPlaceholderTitle(titleAsWritten)) return { ok: false, reason: 'a template: its title is a placeholder' };
  let title = cleanTitle(titleAsWritten, named.number);
  if (title === '') {
    title = named.humanised;
    warn(`no title; used "${title}" from the file name`);
  }
  if (isStub(doc, titleHeading, metadata.lines, sections))
    return { ok: false, reason: 'a placeholder stub: no text besides its headings and metadata' };

  const statusLines = statusSource(meta, bullets, doc, sections.status);
  const statusText = statusLines.length > 0 ? statusLines.join('; ') : null;
  let status: AdrStatus = 'accepted';
  // A record without a status is taken as in force (it is in the team's log), but its file never gets one invented.
  if (statusText === null) warn('no status; taken as accepted in the log, and an export writes none');
  else {
    const read = classifyStatus(statusText);
    if (read === null) {
      status = 'proposed';
      warn(`status "${statusText}" is none of the log's; kept as written, treated as proposed`);
    } else status = read;
  }

  const { date, written: dateAsWritten } = readDate(meta, bullets, doc, sections.date, named.date, warn);
  const people = (key: 'deciders' | 'consulted' | 'informed', yamlKeys: string[]): string[] => {
    const fromYaml = yamlKeys.map((k) => meta[k]).find((v) => v !== undefined && v !== null);
    const fromSection = key === 'deciders' && sections.deciders ? sectionLines(doc, sections.deciders) : [];
    const raw =
      fromYaml !== undefined
        ? listValue(fromYaml)
        : bullets[key] !== undefined
          ? splitList(bullets[key])
          : splitList(listOrLines(fromSection));
    return uniqueInOrder(
      raw
        .map(plainInline)
        .filter((n) => n !== '')
        .map(encodePlainText),
    );
  };
  const deciders = people('deciders', ['decision-makers', 'decision_makers', 'deciders', 'decider']);
  const consulted = people('consulted', ['consulted']);
  const informed = people('informed', ['informed']);

  const tagValues =
    meta.tags !== undefined && meta.tags !== null
      ? listValue(meta.tags)
      : bullets.tags !== undefined
        ? splitList(bullets.tags)
        : [];
  const tags = normaliseTags(tagValues);

  const prose = (heading: Heading | undefined, skip?: (sub: string) => boolean): string =>
    heading ? blockText(sectionLines(doc, heading, skip)) : '';
  const stored = (markdown: string): string => restoreMentions(encodePlainText(markdown));
  const context = stored(linksAsText(prose(sections.context)));
  const outcomeLeavesOut = (sub: string): boolean => {
    const field = fieldNamed(sub);
    return field === 'consequences' || CONFIRMATION.test(headingKey(sub)) || PROS_AND_CONS.test(headingKey(sub));
  };
  let outcome = prose(sections.rationale, outcomeLeavesOut);
  let options = sections.options ? listItems(sectionLines(doc, sections.options)) : [];
  // Nygard has no options section; a "Considered options:" list inside the decision (as our export writes it) is one.
  const inline = sections.options ? null : INLINE_OPTIONS.exec(outcome);
  if (inline) {
    options = listItems(inline[1]!.split('\n'));
    outcome = blockText(
      `${outcome.slice(0, inline.index)}\n${outcome.slice(inline.index + inline[0].length)}`.split('\n'),
    );
  }
  const rationale = stored(linksAsText(outcome));
  const consequences = stored(readConsequences(doc, sections.consequences));
  const alternatives = readAlternatives(options, outcome);

  const links = readLinks(doc, statusLines, sections.links);
  const partial =
    PARTLY_SUPERSEDED.test(statusText ?? '') || doc.lines.some((l, i) => !doc.code[i] && PARTLY_SUPERSEDED.test(l));

  const extra: Record<string, string> = {};
  // A Nygard export has no front matter; it names the record it came from in a comment at the end.
  const exportedId = X_ID_COMMENT.exec(front.body)?.[1];
  if (exportedId !== undefined) extra['x-id'] = exportedId;
  const frontMatter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (EXPORT_KEYS.has(key) && value !== null && value !== undefined)
      extra[key] = scalar(value) ?? JSON.stringify(value);
    else if (!READ_FRONT_MATTER_KEYS.has(key)) frontMatter[key] = value instanceof Date ? scalar(value) : value;
  }

  const sources: FieldSource[] = [];
  const source = (field: FieldSource['field'], heading: Heading | undefined, more: Partial<FieldSource> = {}) => {
    if (heading) sources.push({ field, heading, ...more });
  };
  source('status', sections.status);
  source('date', sections.date);
  source('deciders', sections.deciders);
  source('context', sections.context);
  source('rationale', sections.rationale, {
    leavesOut: outcomeLeavesOut,
    alsoFeeds: inline ? ['alternatives'] : [],
  });
  source('alternatives', sections.options);
  for (const heading of sections.consequences) source('consequences', heading);
  const parts = readParts(doc, titleHeading, metadata.lines, sources);

  return {
    ok: true,
    warnings,
    adr: {
      sourcePath,
      number: named.number ?? numberInTitle(titleAsWritten),
      title: encodePlainText(title),
      status,
      statusText: statusText === null ? null : encodePlainText(statusText),
      date,
      deciders,
      consulted,
      informed,
      tags,
      context,
      rationale,
      consequences,
      alternatives,
      links,
      partial,
      extra,
      written: {
        titleAsWritten,
        statusAsWritten: statusAsWritten(meta, bullets, doc, sections.status),
        dateAsWritten,
        frontMatter,
        parts,
      },
    },
  };
}

const X_ID_COMMENT = /<!-- x-id: ([\w-]{1,64}) -->/;

/** The `x-` keys an export from the log writes; another team's own `x-` keys are kept as they were. */
const EXPORT_KEYS = new Set([
  'x-id',
  'x-ref',
  'x-status',
  'x-supersedes',
  'x-channel',
  'x-private',
  'x-slack-permalink',
  'x-revisit-by',
  'x-relitigation-count',
  'x-decider-ids',
]);

/** Front-matter keys read into fields; any other key is kept as it was. */
const READ_FRONT_MATTER_KEYS = new Set([
  'title',
  'status',
  'date',
  'decision-makers',
  'decision_makers',
  'deciders',
  'decider',
  'tags',
]);

/* ---------- metadata ---------- */

type BulletKey = 'status' | 'date' | 'deciders' | 'consulted' | 'informed' | 'tags';
const BULLET_KEYS = new Set<string>(['status', 'date', 'deciders', 'consulted', 'informed', 'tags']);
/** Metadata the log has fields for: their lines are a part of their own, written back while those fields are unchanged. */
const REWRITTEN_KEYS = new Set<BulletKey>(['status', 'date', 'deciders', 'tags']);

// A key of up to 40 letters (any script), spaces, dashes or brackets, then `:` or the full-width `：`.
const METADATA_LINE = /^(?:[-*+][ \t]+)?([\p{L}][\p{L}() -]{0,40}?)[ \t]*[:：][ \t]*(.*)$/u;

/**
 * `- Status: accepted`, `* Deciders: a, b`, `Date: 2019-01-01`, `日期: 2017/11/22`, `**Status:** x`:
 * above the first section. Also says which lines they were, so the parts of the file leave them out.
 */
function readMetadataLines(
  doc: MarkdownLines,
  title: Heading | undefined,
): { values: Partial<Record<BulletKey, string>>; lines: Map<number, DocumentField> } {
  const values: Partial<Record<BulletKey, string>> = {};
  const lines = new Map<number, DocumentField>();
  for (const { text, index } of preambleLines(doc, title)) {
    const match = METADATA_LINE.exec(text.trim().replace(/\*\*|__/g, ''));
    if (!match) continue;
    const field = fieldNamed(match[1]!);
    const key = field === 'decision' || field === null || !BULLET_KEYS.has(field) ? null : (field as BulletKey);
    const value = match[2]!.trim();
    if (key === null || values[key] !== undefined) continue;
    if (!isPlaceholder(value)) values[key] = value;
    if (REWRITTEN_KEYS.has(key)) lines.set(index, key as DocumentField);
  }
  return { values, lines };
}

/** Template text nobody replaced: `{list everyone involved}`, `[YYYY-MM-DD when …]`. */
function isPlaceholder(value: string): boolean {
  return value === '' || /^\{.*\}$/.test(value) || /^\[[^\]]*\]$/.test(value);
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return null;
}

/** A YAML value that may be one string (`a, b`) or a list. */
function listValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(scalar).filter((v): v is string => v !== null && !isPlaceholder(v));
  const one = scalar(value);
  return one === null || isPlaceholder(one) ? [] : splitList(one);
}

function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !isPlaceholder(s));
}

/** A section holding people, either as a list or as a comma-separated line. */
function listOrLines(lines: string[]): string {
  const items = listItems(lines);
  return (items.length > 0 ? items : lines.filter((l) => l.trim() !== '')).join(', ');
}

interface Sections {
  status?: Heading;
  date?: Heading;
  deciders?: Heading;
  context?: Heading;
  rationale?: Heading;
  consequences: Heading[];
  options?: Heading;
  links?: Heading;
}

const INLINE_OPTIONS =
  /^[ \t]*(?:\*\*|__)?considered (?:options|alternatives)(?:\*\*|__)?:?(?:\*\*|__)?[ \t]*\n+((?:[ \t]*[-*+][ \t]+.*(?:\n|$))+)/im;
const CONFIRMATION = /^(?:confirmation|validation)$/;
const PROS_AND_CONS = /^pros and cons/;

/** The first section of each field, by its heading in any language of the vocabulary. */
function findSections(doc: MarkdownLines, title: Heading | undefined): Sections {
  const headings = doc.headings.filter((h) => h !== title);
  const first = (...fields: string[]): Heading | undefined =>
    fields.map((f) => headings.find((h) => fieldNamed(h.text) === f)).find((h) => h !== undefined);
  return {
    status: first('status'),
    date: first('date'),
    deciders: first('deciders'),
    context: first('context'),
    rationale: first('outcome', 'decision'),
    options: first('options'),
    links: first('links'),
    consequences: headings.filter((h) => fieldNamed(h.text) === 'consequences'),
  };
}

/**
 * An unfilled template: sections waiting for text (Context, Decision…), and nothing written in the
 * record besides its headings and metadata.
 */
function isStub(
  doc: MarkdownLines,
  title: Heading | undefined,
  metadataLines: Map<number, DocumentField>,
  sections: Sections,
): boolean {
  const metadataSections = [sections.status, sections.date, sections.deciders].filter((h) => h !== undefined);
  const waiting = doc.headings.some((h) => h !== title && !metadataSections.includes(h));
  if (!waiting) return false;
  // Lines that are not text: headings (a setext one is two lines) and the metadata sections' bodies.
  const notText = new Set<number>();
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) notText.add(i);
  };
  for (const h of doc.headings) mark(h.line, h.next);
  for (const h of metadataSections) mark(h.line, doc.headings.find((o) => o.line > h.line)?.line ?? doc.lines.length);
  return doc.lines.every(
    (line, i) => line.trim() === '' || notText.has(i) || metadataLines.has(i) || !/[\p{L}\p{N}]/u.test(line),
  );
}

/* ---------- status ---------- */

const PARTLY_SUPERSEDED = /\b(?:partly|partially|in part)\s+super(?:s|c)ee?ded\b|\bsuper(?:s|c)ee?ded\s+in\s+part\b/i;

/**
 * The status as written, one entry per line: front matter, then a `- Status:` line, then a
 * `## Status` section. A template's list of choices (`Proposed | Accepted`) is no status.
 */
function statusSource(
  meta: Record<string, unknown>,
  bullets: Partial<Record<BulletKey, string>>,
  doc: MarkdownLines,
  section: Heading | undefined,
): string[] {
  const usable = (line: string): boolean => line !== '' && !isPlaceholder(line) && !isStatusChoiceList(line);
  const fromYaml = scalar(meta.status);
  if (fromYaml !== null && usable(fromYaml)) return [fromYaml];
  if (bullets.status !== undefined && usable(bullets.status)) return [bullets.status];
  if (!section) return [];
  // Nygard: the words on the next non-empty lines; adr-tools adds "Supersedes …" / "Amended by …" lines below.
  return sectionLines(doc, section)
    .map((l) => l.trim().replace(/^[-*+]\s+/, ''))
    .filter(usable);
}

/** The status exactly as the file has it (a section's whole text), for the export to write back. */
function statusAsWritten(
  meta: Record<string, unknown>,
  bullets: Partial<Record<BulletKey, string>>,
  doc: MarkdownLines,
  section: Heading | undefined,
): string | null {
  const fromYaml = scalar(meta.status);
  if (fromYaml !== null && fromYaml !== '') return fromYaml;
  if (bullets.status !== undefined) return bullets.status;
  if (!section) return null;
  const text = blockText(doc.lines.slice(section.next, doc.headings.find((h) => h.line > section.line)?.line));
  return text === '' ? null : text;
}

/* ---------- dates ---------- */

/** The record's date and how it was written; a date in the file name counts, the import day never. */
function readDate(
  meta: Record<string, unknown>,
  bullets: Partial<Record<BulletKey, string>>,
  doc: MarkdownLines,
  section: Heading | undefined,
  fromFileName: string | null,
  warn: (message: string) => void,
): { date: string | null; written: string | null } {
  const sectionDate = section ? sectionLines(doc, section).find((l) => l.trim() !== '') : undefined;
  const written = [scalar(meta.date), bullets.date, sectionDate].find(
    (v): v is string => v !== null && v !== undefined && !isPlaceholder(v.trim()),
  );
  if (written !== undefined) {
    const date = parseAdrDate(written);
    if (date) return { date, written: written.trim() };
    warn(`date "${written.trim()}" not readable; the record says "date unknown"`);
  }
  if (fromFileName) return { date: fromFileName, written: written?.trim() ?? null };
  return { date: null, written: written?.trim() ?? null };
}

/* ---------- sections ---------- */

/** One Consequences section as it is; MADR 2's "Positive" and "Negative" ones each under their name. */
function readConsequences(doc: MarkdownLines, headings: Heading[]): string {
  // A "### Consequences" nested in another matched section is already inside that one's text.
  const outer = headings.filter(
    (h) =>
      !headings.some((o) => o !== h && o.level < h.level && o.line < h.line && sectionLines(doc, o).includes(h.text)),
  );
  const parts = outer
    .map((h) => ({ name: h.text, text: blockText(sectionLines(doc, h)) }))
    .filter((p) => p.text !== '');
  if (parts.length === 1) return parts[0]!.text;
  return parts.map((p) => `${p.name}:\n${p.text}`).join('\n\n');
}

/** "Considered Options" items as plain text, without the one the outcome says was chosen. */
function readAlternatives(items: string[], outcome: string): string[] {
  const options = uniqueInOrder(items.map(plainInline).filter((o) => o !== ''));
  const chosen = chosenOption(outcome);
  let remaining = options;
  if (chosen !== null) {
    const key = comparable(chosen);
    const keys = options.map(comparable);
    // "MADR 4.0.0" names "[MADR](…) 4.0.0 – The Markdown…"; "Multi-packages, monorepo, with Yarn" names "Multi-packages, monorepo".
    const startsWithWord = (long: string, short: string): boolean =>
      short !== '' && long.startsWith(short) && !/[\p{L}\p{N}]/u.test(long.charAt(short.length));
    let index = keys.indexOf(key);
    if (index < 0) index = keys.findIndex((option) => startsWithWord(option, key));
    if (index < 0) {
      const longest = keys.filter((option) => startsWithWord(key, option)).sort((a, b) => b.length - a.length)[0];
      if (longest !== undefined) index = keys.indexOf(longest);
    }
    if (index >= 0) remaining = options.filter((_o, i) => i !== index);
  }
  return remaining.map((a) => restoreMentions(encodePlainText(a)));
}

/** MADR's `Chosen option: "X", because …` (any quotes, or none). */
function chosenOption(outcome: string): string | null {
  const line = /chosen option\s*:?\s*(.+)/i.exec(outcome)?.[1]?.trim();
  if (!line) return null;
  const open = line.charAt(0);
  const close = ({ '"': '"', "'": "'", '“': '”', '‘': '’' } as Record<string, string>)[open];
  if (close) {
    const end = new RegExp(`^.(.*?)${close}(?=\\s*(?:[,.;:]|$|because\\b))`).exec(line);
    if (end) return end[1]!;
  }
  return line.replace(/,?\s+because\b.*$/i, '').replace(/[.,;:]\s*$/, '');
}

function comparable(text: string): string {
  return plainInline(text)
    .toLowerCase()
    .replace(/["'“”‘’`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]+$/, '')
    .trim();
}

/* ---------- mentions ---------- */

/**
 * An export writes a mention whose name it does not know as `@U0RAJ`; reading it back as a
 * mention keeps a round trip whole. Only user ids with a digit (as Slack's all have) qualify, so
 * `@WIP` stays text, and broadcasts (`@here`) are never revived.
 */
export function restoreMentions(text: string): string {
  return text.replace(/(^|[^\p{L}\p{N}_&;/<])@([UW](?=[A-Z0-9]*\d)[A-Z0-9]{2,})(?![\p{L}\p{N}_])/gu, '$1<@$2>');
}
