import * as chrono from 'chrono-node';

/** Calendar dates as ISO strings (`YYYY-MM-DD`); arithmetic in UTC so no time zone shifts a day. */

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isValidIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDate(date) === text;
}

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

export function addToDate(iso: string, amount: number, unit: DurationUnit): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (unit === 'day' || unit === 'week') {
    date.setUTCDate(date.getUTCDate() + amount * (unit === 'week' ? 7 : 1));
    return isoDate(date);
  }
  const months = amount * (unit === 'year' ? 12 : 1);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  // 31 January + 1 month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return isoDate(date);
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'a couple of': 2,
  'a few': 3,
};

export type RevisitParse = { ok: true; date: string } | { ok: false };

/**
 * Reads when a decision should be revisited, relative to `today`: "in 6 months", "in two weeks",
 * "2027-03-01", "on March 1", "next quarter"... Returns `ok: false` for anything it cannot read
 * with confidence, so the caller can ask instead of guessing.
 */
export function parseRevisitPhrase(phrase: string, today: string): RevisitParse {
  const text = phrase
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  const relative = /^(?:in\s+)?(\d{1,3}|a couple of|a few|[a-z]+)\s+(day|week|month|year)s?$/.exec(text);
  if (relative) {
    const amount = /^\d+$/.test(relative[1]!) ? Number(relative[1]) : WORD_NUMBERS[relative[1]!];
    if (amount === undefined || amount <= 0) return { ok: false };
    return { ok: true, date: addToDate(today, amount, relative[2] as DurationUnit) };
  }
  const quarter = /^(?:in\s+)?(?:a|one)?\s*quarter$|^next quarter$/.exec(text);
  if (quarter) return { ok: true, date: addToDate(today, 3, 'month') };
  const iso = /^(?:on\s+|by\s+)?(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (iso) return isValidIsoDate(iso[1]!) ? { ok: true, date: iso[1]! } : { ok: false };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text) || /\d{4}-\d{2}-\d{2}/.test(text)) return { ok: false };

  const reference = new Date(`${today}T12:00:00Z`);
  const results = chrono.parse(phrase, { instant: reference, timezone: 0 }, { forwardDate: true });
  const first = results[0];
  // Only accept a reading that covers the phrase; "after the launch" must not become a random date.
  if (!first || first.text.length < phrase.trim().replace(/^(on|by|after|at)\s+/i, '').length - 1) return { ok: false };
  const parsed = first.start;
  if (!parsed.isCertain('month') && !parsed.isCertain('weekday') && !parsed.isCertain('day')) return { ok: false };
  const year = parsed.get('year');
  const month = parsed.get('month');
  const day = parsed.get('day');
  if (year === null || month === null || day === null) return { ok: false };
  const candidate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIsoDate(candidate) ? { ok: true, date: candidate } : { ok: false };
}
