import { isValidIsoDate } from '../dates.js';
import { LIMITS, normaliseTags, uniqueInOrder } from '../decision.js';
import { encodePlainText, truncate } from '../markup.js';
import {
  blockText,
  type Heading,
  headingKey,
  linksAsText,
  listItems,
  markdownLinks,
  type MarkdownLines,
  plainInline,
  preambleLines,
  readFrontMatter,
  readLines,
  sectionLines,
} from './readMarkdown.js';

/**
 * Reads one Markdown ADR, in the styles teams actually keep: MADR 3/4 (YAML front matter),
 * MADR 2 and Log4brains (`- Status:` bullets under the title), Nygard and adr-tools
 * (`# 3. Title`, `Date:` line, `## Status` section, "Superceded by [5. Foo](0005-foo.md)").
 * Odd input never throws: what cannot be read falls back to a default and says so in a warning.
 */

export type AdrStatus = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded';

export interface AdrLinks {
  /** Records this one replaces, as written: a relative path, a file name, a number or a title. */
  supersedes: string[];
  /** Records that replace this one, as written. */
  supersededBy: string[];
  /** Amends, amended by, relates to, and the items of a `## Links` section. */
  other: string[];
}

export interface ImportedAdr {
  /** As given: the path inside the folder imported, with `/` separators. */
  sourcePath: string;
  /** From an `NNNN-` file name; null for `YYYYMMDD-` names and names without a number. */
  number: number | null;
  /** Text below is Slack mrkdwn-encoded (`encodePlainText`), trimmed, within `LIMITS`. */
  title: string;
  status: AdrStatus;
  /** The status as written (Markdown links kept), or null when the record has none. */
  statusText: string | null;
  /** `YYYY-MM-DD`, or null: the caller picks a default. */
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
  /** Front-matter keys starting with `x-` (what an export from the log writes), verbatim. */
  extra: Record<string, string>;
}

export type ReadAdrResult = { ok: true; adr: ImportedAdr; warnings: string[] } | { ok: false; reason: string };

export function readAdr(file: { path: string; text: string }): ReadAdrResult {
  const sourcePath = file.path.replace(/\\/g, '/');
  const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
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
  const fileName = sourcePath.slice(sourcePath.lastIndexOf('/') + 1);
  const named = readFileName(fileName);

  const titleHeading = doc.headings.find((h) => h.level === 1 && h.text !== '');
  const bullets = readMetadataLines(doc, titleHeading);
  const sections = findSections(doc);

  let title = titleHeading ? stripNumbering(titleHeading.text) : plainInline(scalar(meta.title) ?? '');
  if (title === '') {
    title = named.humanised;
    warn(`no title; used "${title}" from the file name`);
  }

  const statusLines = statusSource(meta, bullets, doc, sections.status);
  const statusText = statusLines.length > 0 ? statusLines.join('; ') : null;
  let status: AdrStatus = 'accepted';
  if (statusText === null) warn('no status; imported as accepted');
  else {
    const read = classifyStatus(statusText);
    if (read === null) {
      status = 'proposed';
      warn(`status "${statusText}" not recognised; imported as proposed`);
    } else status = read;
  }

  const date = readDate(meta, bullets, doc, sections.date, named.date, warn);
  const people = (key: 'deciders' | 'consulted' | 'informed', yamlKeys: string[]): string[] => {
    const fromYaml = yamlKeys.map((k) => meta[k]).find((v) => v !== undefined && v !== null);
    const fromSection = key === 'deciders' && sections.deciders ? sectionLines(doc, sections.deciders) : [];
    const raw =
      fromYaml !== undefined
        ? listValue(fromYaml)
        : bullets[key] !== undefined
          ? splitList(bullets[key])
          : splitList(listOrLines(fromSection));
    return capList(
      uniqueInOrder(
        raw
          .map(plainInline)
          .filter((n) => n !== '')
          .map(encodePlainText),
      ),
      LIMITS.deciders,
      key,
      warn,
    );
  };
  const deciders = people('deciders', ['decision-makers', 'decision_makers', 'deciders']);
  const consulted = people('consulted', ['consulted']);
  const informed = people('informed', ['informed']);

  const tagValues =
    meta.tags !== undefined && meta.tags !== null
      ? listValue(meta.tags)
      : bullets.tags !== undefined
        ? splitList(bullets.tags)
        : [];
  const tags = capList(normaliseTags(tagValues), LIMITS.tags, 'tags', warn);

  const prose = (heading: Heading | undefined, skip?: (sub: string) => boolean): string =>
    heading ? blockText(sectionLines(doc, heading, skip)) : '';
  const stored = (markdown: string): string => restoreMentions(encodePlainText(markdown));
  const context = limit(stored(linksAsText(prose(sections.context))), LIMITS.context, 'context', warn);
  let outcome = prose(
    sections.rationale,
    (sub) => CONSEQUENCES.test(sub) || CONFIRMATION.test(sub) || PROS_AND_CONS.test(sub),
  );
  let options = sections.options ? listItems(sectionLines(doc, sections.options)) : [];
  // Nygard has no options section; a "Considered options:" list inside the decision (as our export writes it) is one.
  const inline = sections.options ? null : INLINE_OPTIONS.exec(outcome);
  if (inline) {
    options = listItems(inline[1]!.split('\n'));
    outcome = blockText(
      `${outcome.slice(0, inline.index)}\n${outcome.slice(inline.index + inline[0].length)}`.split('\n'),
    );
  }
  const rationale = limit(stored(linksAsText(outcome)), LIMITS.rationale, 'rationale', warn);
  const consequences = limit(
    stored(readConsequences(doc, sections.consequences)),
    LIMITS.consequences,
    'consequences',
    warn,
  );
  const alternatives = readAlternatives(options, outcome, warn);

  const links = readLinks(doc, statusLines, sections.links);
  const partial =
    PARTLY_SUPERSEDED.test(statusText ?? '') || doc.lines.some((l, i) => !doc.code[i] && PARTLY_SUPERSEDED.test(l));

  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (key.startsWith('x-') && value !== null && value !== undefined)
      extra[key] = scalar(value) ?? JSON.stringify(value);
  }

  return {
    ok: true,
    warnings,
    adr: {
      sourcePath,
      number: named.number,
      title: limit(encodePlainText(title), LIMITS.title, 'title', warn),
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
    },
  };
}

/* ---------- file names ---------- */

interface FileNameParts {
  number: number | null;
  date: string | null;
  humanised: string;
}

/** `0001-use-x.md` → number 1; `20200101-use-x.md` or `2020-01-01-use-x.md` → a date, no number. */
export function readFileName(fileName: string): FileNameParts {
  const stem = fileName.replace(/\.(md|markdown|mdx|txt)$/i, '');
  let rest = stem;
  let number: number | null = null;
  let date: string | null = null;
  const dated = /^(\d{4})-?(\d{2})-?(\d{2})(?:[-_ ]+|$)/.exec(stem);
  if (dated && isValidIsoDate(`${dated[1]}-${dated[2]}-${dated[3]}`)) {
    date = `${dated[1]}-${dated[2]}-${dated[3]}`;
    rest = stem.slice(dated[0].length);
  } else {
    const numbered = /^(?:adr[-_ ]?)?(\d{1,6})(?:[-_ .]+|$)/i.exec(stem);
    if (numbered) {
      number = Number(numbered[1]);
      rest = stem.slice(numbered[0].length);
    }
  }
  const words = rest.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim() || stem;
  return { number, date, humanised: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** `3. Title` (adr-tools), `ADR-0003: Title`, `ADR 3 - Title` → `Title`. */
function stripNumbering(title: string): string {
  const stripped = title.replace(/^(?:adr[-\s]?#?\d+\s*[:.\-–—]?\s+|\d+\.\s+|#\d+\s*[:.\-–—]?\s+)/i, '').trim();
  return stripped === '' ? title : stripped;
}

/* ---------- metadata ---------- */

type BulletKey = 'status' | 'date' | 'deciders' | 'consulted' | 'informed' | 'tags';

const BULLET_KEYS: Record<string, BulletKey> = {
  status: 'status',
  date: 'date',
  deciders: 'deciders',
  'decision-makers': 'deciders',
  'decision makers': 'deciders',
  'decision-maker(s)': 'deciders',
  'decision maker(s)': 'deciders',
  consulted: 'consulted',
  informed: 'informed',
  tags: 'tags',
};

const METADATA_LINE = /^(?:[-*+][ \t]+)?([A-Za-z][A-Za-z() -]{0,30}?)[ \t]*:[ \t]*(.*)$/;

/** `- Status: accepted`, `* Deciders: a, b`, `Date: 2019-01-01`, `**Status:** x`: above the first section. */
function readMetadataLines(doc: MarkdownLines, title: Heading | undefined): Partial<Record<BulletKey, string>> {
  const found: Partial<Record<BulletKey, string>> = {};
  for (const { text } of preambleLines(doc, title)) {
    const match = METADATA_LINE.exec(text.trim().replace(/\*\*|__/g, ''));
    if (!match) continue;
    const key = BULLET_KEYS[match[1]!.toLowerCase().trim()];
    const value = match[2]!.trim();
    if (key && found[key] === undefined && !isPlaceholder(value)) found[key] = value;
  }
  return found;
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

const CONSEQUENCES =
  /^(?:consequences|positive consequences|negative consequences|consequences and risks|implications)$/;
const INLINE_OPTIONS =
  /^[ \t]*(?:\*\*|__)?considered (?:options|alternatives)(?:\*\*|__)?:?(?:\*\*|__)?[ \t]*\n+((?:[ \t]*[-*+][ \t]+.*(?:\n|$))+)/im;
const CONFIRMATION = /^(?:confirmation|validation)$/;
const PROS_AND_CONS = /^pros and cons/;

function findSections(doc: MarkdownLines): Sections {
  const sections: Sections = { consequences: [] };
  const first = (pattern: RegExp): Heading | undefined =>
    doc.headings.find((h) => h.level > 1 && pattern.test(headingKey(h.text)));
  sections.status = first(/^status$/);
  sections.date = first(/^date$/);
  sections.deciders = first(/^(?:deciders|decision[- ]makers?(?:\(s\))?)$/);
  sections.context = first(
    /^(?:context and problem statement|context|problem statement|background|context and problem)$/,
  );
  sections.rationale =
    first(/^decision outcome$/) ??
    first(/^(?:decision|outcome|the decision|decision and rationale|rationale|proposal|decisions)$/);
  sections.options = first(
    /^(?:considered options|options considered|options|alternatives|alternatives considered|considered alternatives)$/,
  );
  sections.links = first(/^(?:links|related decisions|related adrs)$/);
  sections.consequences = doc.headings.filter((h) => h.level > 1 && CONSEQUENCES.test(headingKey(h.text)));
  return sections;
}

/* ---------- status ---------- */

const SUPERSEDED = /\bsuper(?:s|c)ee?ded\b|\breplaced by\b/i;
const PARTLY_SUPERSEDED = /\b(?:partly|partially|in part)\s+super(?:s|c)ee?ded\b|\bsuper(?:s|c)ee?ded\s+in\s+part\b/i;

/** The status as written, one entry per line: front matter, then a `- Status:` line, then a `## Status` section. */
function statusSource(
  meta: Record<string, unknown>,
  bullets: Partial<Record<BulletKey, string>>,
  doc: MarkdownLines,
  section: Heading | undefined,
): string[] {
  const fromYaml = scalar(meta.status);
  if (fromYaml !== null && !isPlaceholder(fromYaml)) return [fromYaml];
  if (bullets.status !== undefined) return [bullets.status];
  if (!section) return [];
  // Nygard: the words on the next non-empty lines; adr-tools adds "Supersedes …" / "Amended by …" lines below.
  return sectionLines(doc, section)
    .map((l) => l.trim().replace(/^[-*+]\s+/, ''))
    .filter((l) => l !== '' && !isPlaceholder(l));
}

/** The status a record's words mean, or null when they mean none of ours. */
export function classifyStatus(text: string): AdrStatus | null {
  // Only the words that describe this record: "Accepted; Supersedes [2. X]" is accepted.
  const words = text
    .split(/;|\n/)
    .filter(
      (part) =>
        !/^\s*(?:supersedes|supercedes|amends|amended by|extends|extended by|relates to|related to|see also)\b/i.test(
          part,
        ),
    )
    .join(' ')
    .toLowerCase();
  if (SUPERSEDED.test(words)) return 'superseded';
  if (/\bdeprecated\b|\bobsolete\b|\bretired\b/.test(words)) return 'deprecated';
  if (/\b(?:rejected|declined|refused|abandoned|withdrawn)\b/.test(words)) return 'rejected';
  if (/\b(?:accepted|approved|agreed|adopted|decided|done|implemented|active|final)\b/.test(words)) return 'accepted';
  // Log4brains' `draft`, adr-tools' "Pending", MADR's "on hold": not yet in force.
  if (
    /\b(?:proposed|proposal|draft|pending|on hold|in review|under review|wip|work in progress|in progress|open|suggested|planned|discussing)\b/.test(
      words,
    )
  )
    return 'proposed';
  return null;
}

/* ---------- dates ---------- */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `2020-01-01` (with a time after it or not), `2020/01/01`, `01.02.2020`, `1 January 2020`, `January 1, 2020`. */
export function parseAdrDate(text: string): string | null {
  const t = text.trim();
  const iso = (y: string, m: string | number, d: string): string | null => {
    const value = `${y}-${String(m).padStart(2, '0')}-${d.padStart(2, '0')}`;
    return isValidIsoDate(value) ? value : null;
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(t);
  if (m) return iso(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(t);
  if (m) return iso(m[3]!, m[2]!, m[1]!);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})\b/i.exec(t);
  if (m && MONTHS.includes(m[2]!.slice(0, 3).toLowerCase()))
    return iso(m[3]!, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, m[1]!);
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(t);
  if (m && MONTHS.includes(m[1]!.slice(0, 3).toLowerCase()))
    return iso(m[3]!, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, m[2]!);
  return null;
}

function readDate(
  meta: Record<string, unknown>,
  bullets: Partial<Record<BulletKey, string>>,
  doc: MarkdownLines,
  section: Heading | undefined,
  fromFileName: string | null,
  warn: (message: string) => void,
): string | null {
  const sectionDate = section ? sectionLines(doc, section).find((l) => l.trim() !== '') : undefined;
  const written = [scalar(meta.date), bullets.date, sectionDate].find(
    (v): v is string => v !== null && v !== undefined && !isPlaceholder(v.trim()),
  );
  if (written !== undefined) {
    const date = parseAdrDate(written);
    if (date) return date;
    warn(`date "${written.trim()}" not readable`);
  }
  if (fromFileName) {
    if (written === undefined) warn(`no date; used ${fromFileName} from the file name`);
    return fromFileName;
  }
  if (written === undefined) warn('no date');
  return null;
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
function readAlternatives(items: string[], outcome: string, warn: (message: string) => void): string[] {
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
  const encoded = remaining.map((a) => restoreMentions(encodePlainText(a)));
  const capped = capList(encoded, LIMITS.alternatives, 'alternatives', warn);
  return capped.map((a) => limit(a, LIMITS.alternative, 'an alternative', warn));
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

/* ---------- links ---------- */

const SUPERSEDES_PHRASE =
  /^\s*(?:(?:this (?:adr|record|decision)\s+)?(?:in part\s+|partly\s+|partially\s+)?(?:supersedes|supercedes|replaces))\b/i;
const SUPERSEDED_PHRASE = /\b(?:super(?:s|c)ee?ded|replaced)\s+(?:in part\s+)?by\b/i;
/** Prose anywhere in the record: "superseded by [ADR #0033](0033-ip-ranges.md)", "in part supersedes [0003](…)". */
const PROSE_SUPERSESSION = /\b(super(?:s|c)ee?ded\s+(?:in part\s+)?by|super(?:s|c)edes)\s+(?:adr\s+)?(?=\[)/gi;

function readLinks(doc: MarkdownLines, statusLines: string[], linksSection: Heading | undefined): AdrLinks {
  const links: AdrLinks = { supersedes: [], supersededBy: [], other: [] };
  const classify = (line: string, otherwise: boolean): void => {
    const targets = markdownLinks(line).map((l) => l.url || l.label);
    if (SUPERSEDED_PHRASE.test(line)) {
      const after = line.slice(line.search(SUPERSEDED_PHRASE)).replace(SUPERSEDED_PHRASE, '').trim();
      links.supersededBy.push(...(targets.length > 0 ? targets : plainTarget(after)));
    } else if (SUPERSEDES_PHRASE.test(line)) {
      links.supersedes.push(...(targets.length > 0 ? targets : plainTarget(line.replace(SUPERSEDES_PHRASE, ''))));
    } else if (otherwise) links.other.push(...targets);
  };
  for (const line of statusLines) classify(line, true);
  if (linksSection) {
    for (const item of listItems(sectionLines(doc, linksSection))) {
      const bare = /^<?((?:https?|mailto):[^>\s]+)>?$/.exec(item);
      if (bare) links.other.push(bare[1]!);
      else classify(item, true);
    }
  }
  doc.lines.forEach((line, i) => {
    if (doc.code[i]) return;
    for (const match of line.matchAll(PROSE_SUPERSESSION)) {
      const link = markdownLinks(line.slice(match.index + match[0].length))[0];
      if (!link) continue;
      (/by$/i.test(match[1]!) ? links.supersededBy : links.supersedes).push(link.url || link.label);
    }
  });
  return {
    supersedes: uniqueInOrder(links.supersedes),
    supersededBy: uniqueInOrder(links.supersededBy),
    other: uniqueInOrder(links.other.filter((l) => !links.supersedes.includes(l) && !links.supersededBy.includes(l))),
  };
}

/** "superseded by ADR-0005." → `ADR-0005`: a target written without a link. */
function plainTarget(text: string): string[] {
  const target = plainInline(text)
    .replace(/^[:\s-]+/, '')
    .replace(/[.;,]+$/, '')
    .trim();
  return target === '' ? [] : [target];
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

/* ---------- limits ---------- */

function limit(text: string, max: number, field: string, warn: (message: string) => void): string {
  if (text.length <= max) return text;
  warn(`${field} is ${text.length} characters; cut to ${max}`);
  return truncate(text, max);
}

function capList<T>(items: T[], max: number, field: string, warn: (message: string) => void): T[] {
  if (items.length <= max) return items;
  warn(`${items.length} ${field}; kept the first ${max}`);
  return items.slice(0, max);
}
