import { parse as parseYaml } from 'yaml';

/**
 * The little Markdown that ADRs need read: YAML front matter, headings and the sections under
 * them, list items, and inline links reduced to text. Line-based on purpose: a full CommonMark
 * parser would not tell us more about where a status or a decision sits, but fenced code (MADR's
 * own records quote whole example ADRs in it) must never be mistaken for the record's headings.
 */

export interface FrontMatter {
  /** The YAML keys, or null when there is no front matter or it could not be read. */
  data: Record<string, unknown> | null;
  body: string;
  /** Why front matter that is there could not be read. */
  problem: string | null;
}

const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

export function readFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { data: null, body: text, problem: null };
  const body = text.slice(match[0].length);
  try {
    // logLevel 'error': a YAML warning (an unknown tag…) must not be printed from the domain.
    const data: unknown = parseYaml(match[1] ?? '', { logLevel: 'error' });
    if (data === null || data === undefined) return { data: {}, body, problem: null };
    if (typeof data !== 'object' || Array.isArray(data))
      return { data: null, body, problem: 'front matter is not a set of keys' };
    return { data: data as Record<string, unknown>, body, problem: null };
  } catch {
    const lines = keyValueLines(match[1] ?? '');
    return lines
      ? { data: lines, body, problem: null }
      : { data: null, body, problem: 'front matter is not valid YAML' };
  }
}

/**
 * Front matter that YAML refuses but Docusaurus and Jekyll sites keep anyway (`title: ADR006: Avoid
 * React.FC`): one `key: value` per line, the value being the rest of the line. Null when any line
 * is something else.
 */
function keyValueLines(text: string): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const pair = /^([A-Za-z_][\w-]{0,60}):[ \t]*(.*)$/.exec(line);
    // A flow collection or block scalar YAML could not read is broken YAML, not a site's loose line.
    if (!pair || /^[[{|>]/.test(pair[2]!.trim())) return null;
    data[pair[1]!] = pair[2]!.trim().replace(/^'(.*)'$|^"(.*)"$/, '$1$2');
  }
  return data;
}

export interface Heading {
  level: number;
  /** Plain text of the heading. */
  text: string;
  /** Index of the heading's line; for a setext heading, the line of its text. */
  line: number;
  /** Index of the first line after the heading (after the underline of a setext heading). */
  next: number;
}

export interface MarkdownLines {
  lines: string[];
  /** `code[i]`: line i is inside a fenced code block or is one of its fences. */
  code: boolean[];
  headings: Heading[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;

export function readLines(body: string): MarkdownLines {
  const lines = body.split('\n');
  const code: boolean[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const opening = FENCE.exec(line);
    if (fence === null) {
      if (opening) fence = opening[1]!;
      code.push(opening !== null);
    } else {
      code.push(true);
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && line.trim() === opening[1])
        fence = null;
    }
  }
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (code[i]) continue;
    const atx = ATX_HEADING.exec(lines[i]!);
    if (atx) {
      headings.push({ level: atx[1]!.length, text: plainInline(atx[2] ?? ''), line: i, next: i + 1 });
      continue;
    }
    const underline = lines[i + 1];
    if (
      underline !== undefined &&
      !code[i + 1] &&
      SETEXT_H1.test(underline) &&
      lines[i]!.trim() !== '' &&
      !LIST_ITEM.test(lines[i]!)
    ) {
      headings.push({ level: 1, text: plainInline(lines[i]!), line: i, next: i + 2 });
      i++;
    }
  }
  return { lines, code, headings };
}

/**
 * The lines under a heading, up to the next heading of the same or a higher level. Subsections
 * are kept (as their heading's text) unless `skip` says to leave one out.
 */
export function sectionLines(doc: MarkdownLines, heading: Heading, skip?: (subheading: string) => boolean): string[] {
  const index = doc.headings.indexOf(heading);
  const out: string[] = [];
  let skipping = false;
  let end = doc.lines.length;
  for (const next of doc.headings.slice(index + 1)) {
    if (next.level <= heading.level) {
      end = next.line;
      break;
    }
  }
  const byLine = headingsByLine(doc);
  for (let i = heading.next; i < end; i++) {
    const sub = byLine.get(i);
    if (sub) {
      skipping = skip?.(headingKey(sub.text)) ?? false;
      if (!skipping) out.push(sub.text);
      i = sub.next - 1;
      continue;
    }
    if (!skipping) out.push(doc.lines[i]!);
  }
  return out;
}

const BY_LINE = new WeakMap<MarkdownLines, Map<number, Heading>>();

/** The headings by the line they start on, worked out once per document: records with thousands of headings stay fast. */
function headingsByLine(doc: MarkdownLines): Map<number, Heading> {
  let byLine = BY_LINE.get(doc);
  if (!byLine) {
    byLine = new Map(doc.headings.map((h) => [h.line, h]));
    BY_LINE.set(doc, byLine);
  }
  return byLine;
}

/** Lines before the first heading other than the title: where MADR 2 and Nygard keep metadata. */
export function preambleLines(doc: MarkdownLines, title: Heading | undefined): { text: string; index: number }[] {
  const end = doc.headings.find((h) => h !== title)?.line ?? doc.lines.length;
  const out: { text: string; index: number }[] = [];
  for (let i = 0; i < end; i++) {
    if (doc.code[i] || (title && i >= title.line && i < title.next)) continue;
    out.push({ text: doc.lines[i]!, index: i });
  }
  return out;
}

/** A heading reduced to what its name is: lower case, no trailing colon, single spaces. */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[:.]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const LIST_ITEM = /^( {0,3})(?:[-*+]|\d{1,3}[.)])[ \t]+(.*)$/;

/** The text of the top-level items of the first list in `lines`. */
export function listItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    const item = LIST_ITEM.exec(line);
    if (item && item[1]!.length <= 1) items.push(item[2]!.trim());
  }
  return items;
}

/** Paragraph text of a section: trimmed, blank runs collapsed to one blank line. */
export function blockText(lines: string[]): string {
  return lines
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const LINK = /\[((?:[^\][]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const AUTOLINK = /<((?:https?|mailto|ftp):[^>\s]+)>/g;

/** Inline links written as `label (url)` so a reader still has them: for context and rationale. */
export function linksAsText(text: string): string {
  return text
    .replace(IMAGE, (_m, alt: string) => alt)
    .replace(LINK, (_m, label: string, url: string) =>
      url === '' || label.trim() === url ? label || url : `${label} (${url})`,
    )
    .replace(REFERENCE_LINK, (_m, label: string) => label)
    .replace(AUTOLINK, (_m, url: string) => url);
}

/** Inline Markdown reduced to its words: links to their label, no code ticks, no emphasis. */
export function plainInline(text: string): string {
  return text
    .replace(IMAGE, (_m, alt: string) => alt)
    .replace(LINK, (_m, label: string, url: string) => label || url)
    .replace(REFERENCE_LINK, (_m, label: string) => label)
    .replace(AUTOLINK, (_m, url: string) => url)
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The `[label](url)` links in a line (not images), in order. */
export function markdownLinks(text: string): { label: string; url: string }[] {
  const withoutImages = text.replace(IMAGE, (_m, alt: string) => alt);
  return [...withoutImages.matchAll(LINK)].map((m) => ({ label: plainInline(m[1]!), url: m[2]! }));
}
