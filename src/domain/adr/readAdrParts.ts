import type { DocumentField, DocumentPart } from './adrDocument.js';
import type { Heading, MarkdownLines } from './readMarkdown.js';

/** Where each field was read from: its heading, and the subheadings its text left out. */
export interface FieldSource {
  field: DocumentField;
  heading: Heading;
  /** A subheading (by its text) whose part is not in the field: MADR's Consequences under Decision Outcome. */
  leavesOut?: (subheading: string) => boolean;
  /** More fields read from the same part: Nygard's "Considered options:" list inside the Decision. */
  alsoFeeds?: DocumentField[];
}

/**
 * The record cut at every heading, each part as written and marked with the fields read from it:
 * the metadata lines under the title that fed fields (`- Status: …`), the rest of the text before
 * the first heading, then one part per heading. Nothing of the body is left out, so writing the parts back loses no word.
 */
export function readParts(
  doc: MarkdownLines,
  title: Heading | undefined,
  metadataLines: Map<number, DocumentField>,
  sources: FieldSource[],
): DocumentPart[] {
  const headings = doc.headings.filter((h) => h !== title);
  const parts: DocumentPart[] = [];
  const firstLine = headings[0]?.line ?? doc.lines.length;
  const metadata: string[] = [];
  const preamble: string[] = [];
  let lastMetadata = -1;
  for (let i = 0; i < firstLine; i++) {
    if (title && i >= title.line && i < title.next) continue;
    if (metadataLines.has(i)) {
      // Lines apart in the file stay apart: `Date: …`, a blank line, then `- Status: …`.
      const apart =
        lastMetadata >= 0 && i > lastMetadata + 1 && doc.lines.slice(lastMetadata + 1, i).some((l) => l.trim() === '');
      if (apart) metadata.push('');
      metadata.push(doc.lines[i]!);
      lastMetadata = i;
    } else preamble.push(doc.lines[i]!);
  }
  if (metadata.length > 0)
    parts.push({ heading: null, level: 0, text: tidy(metadata), fields: [...new Set(metadataLines.values())] });
  const preambleText = tidy(preamble);
  if (preambleText !== '') parts.push({ heading: null, level: 0, text: preambleText, fields: [] });

  // Where each field's section ends: at the next heading of its level or higher.
  const ends = new Map(
    sources.map((source) => {
      const after = headings.slice(headings.indexOf(source.heading) + 1);
      return [source, after.find((h) => h.level <= source.heading.level)?.line ?? Number.POSITIVE_INFINITY] as const;
    }),
  );
  headings.forEach((heading, index) => {
    const end = headings[index + 1]?.line ?? doc.lines.length;
    const text = tidy(
      doc.lines.slice(heading.next, end).filter((_l, i) => !(title && heading.next + i === title.line)),
    );
    parts.push({ heading: heading.text, level: heading.level, text, fields: fieldsOf(heading, sources, ends) });
  });
  return parts;
}

function fieldsOf(heading: Heading, sources: FieldSource[], ends: Map<FieldSource, number>): DocumentField[] {
  const own = sources.find((s) => s.heading === heading);
  if (own) return [own.field, ...(own.alsoFeeds ?? [])];
  // The innermost field section this subheading sits in, unless that field leaves it out.
  const enclosing = sources
    .filter((s) => s.heading.line < heading.line && s.heading.level < heading.level && heading.line < ends.get(s)!)
    .sort((a, b) => b.heading.line - a.heading.line)[0];
  if (!enclosing) return [];
  const leftOut = enclosing.leavesOut?.(heading.text) ?? false;
  return leftOut ? [] : [enclosing.field, ...(enclosing.alsoFeeds ?? [])];
}

/** Lines without trailing spaces, no blank lines at either end. */
function tidy(lines: string[]): string {
  return lines
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
