/**
 * Which Markdown files of a folder are ADRs. Flat folders (`0001-x.md`) and folder-per-ADR
 * layouts (`0001-x/index.md`, `x/README.md`) are read; the folder's own README or index and
 * template files are skipped, each with its reason. Deeper files only with `recursive`.
 */

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
const FOLDER_RECORD = /^(?:index|readme)\.(?:md|markdown|mdx)$/i;
// `template.md`, `adr-template.md`, `0000-template.md`, `adr000-template.md`, `_template.md`,
// MADR's `adr-template-minimal.md`; not a record about templates (`0007-use-a-template-engine.md`).
const TEMPLATE = /^_?(?:m?adr)?\d*[-_]?template(?:[-_][a-z]+)*\.(?:md|markdown|mdx)$/i;

export interface AdrFilePick {
  adrs: string[];
  skipped: { path: string; reason: string }[];
}

/** `paths`: every file under the folder, relative to it, with `/` separators. */
export function pickAdrFiles(paths: string[], recursive: boolean): AdrFilePick {
  const pick: AdrFilePick = { adrs: [], skipped: [] };
  for (const path of [...paths].sort()) {
    if (!MARKDOWN.test(path)) continue;
    const parts = path.split('/');
    const name = parts.at(-1)!;
    const depth = parts.length - 1;
    if (TEMPLATE.test(name) || (depth > 0 && /template/i.test(parts.at(-2)!) && FOLDER_RECORD.test(name)))
      pick.skipped.push({ path, reason: 'a template, not a record' });
    else if (depth === 0 && FOLDER_RECORD.test(name))
      pick.skipped.push({ path, reason: "the folder's README or index, not a record" });
    else if (depth === 0 || (depth === 1 && FOLDER_RECORD.test(name)) || recursive) pick.adrs.push(path);
    else pick.skipped.push({ path, reason: 'in a subfolder; --recursive reads it' });
  }
  return pick;
}

/** The name that stands for the record: its folder's for `<slug>/index.md` and `<slug>/README.md`. */
export function recordName(path: string): string {
  const parts = path.split('/');
  const file = parts.at(-1)!;
  if (parts.length > 1 && /^(?:index|readme)\.(?:md|markdown|mdx)$/i.test(file)) return parts.at(-2)!;
  return file;
}
