import { isValidIsoDate } from '../dates.js';
import { TITLE_BOILERPLATE } from './adrVocabulary.js';

/** What a record's file name and title say about it: its number, its date, its title without numbering. */

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

/**
 * A title without its numbering and boilerplate: `3. Title` (adr-tools), `ADR-0003: Title`,
 * `ADR013: Title`, `Architecture Decision Record: Title`, `23 Title` when 23 is the file's number.
 */
export function cleanTitle(title: string, fileNumber: number | null): string {
  const trimmed = title.trim();
  const lower = trimmed.toLowerCase();
  const boilerplate = TITLE_BOILERPLATE.find((b) => lower.startsWith(b) && !/[\p{L}]/u.test(lower.charAt(b.length)));
  let rest = trimmed;
  if (boilerplate) {
    // "ADR-0003: Title", "ADR 3 Title", "Architecture Decision Record: Title"; not "ADR without title".
    const after = NUMBERING.exec(trimmed.slice(boilerplate.length))!;
    if (after[1] !== undefined || after[2] !== undefined) rest = trimmed.slice(boilerplate.length + after[0].length);
  } else {
    const numbered = NUMBERING.exec(trimmed)!;
    const ownNumber = numbered[1] !== undefined && Number(numbered[1]) === fileNumber;
    if (numbered[1] !== undefined && (numbered[2] !== undefined || ownNumber) && /\s/.test(numbered[0].slice(-1)))
      rest = trimmed.slice(numbered[0].length);
  }
  rest = rest.trim();
  return rest === '' ? trimmed : rest;
}

/** What numbers a title: `#`, `-` or spaces, a number, a separator (`:`, `.`, `-`, `–`, `)`), spaces. */
const NUMBERING = /^[\s#-]*(\d{1,6})?\s*([:：.\-–—)])?\s*/;

/** `ADR013: …`, `# 12. …`: the record's number from its title when its file name has none. */
export function numberInTitle(title: string): number | null {
  const lower = title.toLowerCase();
  const boilerplate = TITLE_BOILERPLATE.find((b) => lower.startsWith(b));
  const rest = boilerplate ? title.slice(boilerplate.length) : title;
  const match = /^[\s#-]*(\d{1,6})\s*[:.\-–—)：]/.exec(rest);
  return match && (boilerplate || /^\d/.test(rest)) ? Number(match[1]) : null;
}

/**
 * A template's title: `[TITLE]`, `ADR000: [TITLE]`, `{short title of solved problem}`,
 * `ADR-XXXX: …`, `ADR Template`. A real title with a bracket in it (`Use {braces}`) is none.
 */
export function isPlaceholderTitle(title: string): boolean {
  const cleaned = cleanTitle(title, null);
  return (
    /^\[[^\]]*\]$|^\{[^}]*\}$/.test(cleaned) ||
    /[[{][^\]}]*\btitle\b[^\]}]*[\]}]/i.test(title) ||
    /\b(?:adr|rfc)[-\s#]?(?:x{2,}|n{3,})\b/i.test(title) ||
    /^(?:adr |madr |decision record )?template$/i.test(cleaned)
  );
}
