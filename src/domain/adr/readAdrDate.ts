import { isValidIsoDate } from '../dates.js';

/**
 * Dates as ADRs write them: ISO (`2020-01-01`, with a time or not), `2020/01/01`, `2017年11月22日`,
 * day first with dots or slashes (`01.02.2020`, `10/04/18`, `10/04/2018`: Europe's order, which
 * ADR folders outside the US write; `04/25/18` can only be the US order), and written months in
 * the languages of the headings table (`1 January 2020`, `January 1, 2020`, `1. März 2020`,
 * `1 de enero de 2020`).
 */

// Month names by their first letters, as people shorten them; one table, every language.
const MONTH_STEMS: [number, string[]][] = [
  [1, ['jan', 'ene', 'janv', 'jän']],
  [2, ['feb', 'fév', 'fev']],
  [3, ['mar', 'mär', 'mars', 'março']],
  [4, ['apr', 'avr', 'abr']],
  [5, ['may', 'mai', 'mayo', 'maio']],
  [6, ['jun', 'juin']],
  [7, ['jul', 'juil']],
  [8, ['aug', 'aoû', 'aou', 'ago']],
  [9, ['sep', 'set']],
  [10, ['oct', 'okt', 'out']],
  [11, ['nov']],
  [12, ['dec', 'dez', 'déc', 'dic']],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  for (const [month, stems] of MONTH_STEMS) if (stems.some((s) => w.startsWith(s))) return month;
  return null;
}

function iso(y: string | number, m: string | number, d: string | number): string | null {
  const year = String(y).length === 2 ? `20${y}` : String(y);
  const value = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidIsoDate(value) ? value : null;
}

export function parseAdrDate(text: string): string | null {
  const t = text.trim().replace(/^\*+|\*+$/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(t);
  if (m) return iso(m[1]!, m[2]!, m[3]!);
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(t);
  if (m) return iso(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)/.exec(t);
  // Day first; a date that cannot be day first (`04/25/18`) is the US order.
  if (m) return iso(m[3]!, m[2]!, m[1]!) ?? iso(m[3]!, m[1]!, m[2]!);
  // Words, not a pattern: "1st of January, 2020", "January 1 2020", "1. März 2020", "1 de enero de 2020".
  const words = t
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !['de', 'of', 'del'].includes(w.toLowerCase()));
  if (words.length < 3) return null;
  const number = (w: string): number | null => {
    const n = /^(\d{1,4})(?:st|nd|rd|th|\.|º)?$/i.exec(w);
    return n ? Number(n[1]) : null;
  };
  const [a, b, c] = words as [string, string, string];
  const year = number(c);
  if (year === null || year < 1900) return null;
  const dayFirst = number(a);
  if (dayFirst !== null && monthOf(b) !== null) return iso(year, monthOf(b)!, dayFirst);
  const dayAfter = number(b);
  if (dayAfter !== null && monthOf(a) !== null) return iso(year, monthOf(a)!, dayAfter);
  return null;
}
