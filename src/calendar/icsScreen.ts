/**
 * Cheap checks on raw iCalendar text, run before node-ical sees it.
 * node-ical is tolerant to a fault: a truncated download parses "fine" into half an event,
 * and a UID that names an Object.prototype member pollutes the whole process (see below).
 */

/** True when the text opens like an iCalendar object (RFC 5545 §3.4), after an optional BOM. */
export function looksLikeIcs(text: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCALENDAR[ \t]*(?:\r?\n|$)/i.test(text.slice(0, 200));
}

/** Why node-ical must not be given this text, or null when it may. */
export function screenIcs(text: string): 'unbalanced' | 'unsafe_uid' | null {
  const stack: string[] = [];
  for (const line of unfoldedLines(text)) {
    const boundary = /^(BEGIN|END):([A-Za-z0-9-]+)\s*$/i.exec(line);
    if (boundary) {
      const [, kind, rawName] = boundary;
      const name = (rawName ?? '').toUpperCase();
      if (kind?.toUpperCase() === 'BEGIN') stack.push(name);
      else if (stack.pop() !== name) return 'unbalanced';
      continue;
    }
    if (isUnsafeUidLine(line)) return 'unsafe_uid';
  }
  // A feed cut off mid-download leaves components open.
  return stack.length === 0 ? null : 'unbalanced';
}

// node-ical 0.26 files components as `calendar[uid] = component` on a plain object and, when
// that slot is already "taken", copies every field into it: `UID:__proto__` therefore writes
// SUMMARY, DTSTART, … onto Object.prototype for the whole process, and `UID:constructor` onto
// Object. Its own value handling (property names case-insensitive, quotes and backslash escapes
// stripped) is mirrored loosely here, erring towards refusing the feed.
function isUnsafeUidLine(line: string): boolean {
  const match = /^uid(?:;[^:]*)?:(.*)$/i.exec(line);
  if (!match) return false;
  const value = (match[1] ?? '').replace(/["\\]/g, '');
  return value in Object.prototype;
}

// RFC 5545 §3.1: a line starting with a space or tab continues the previous one.
function* unfoldedLines(text: string): Generator<string> {
  let current: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (current !== null && (line.startsWith(' ') || line.startsWith('\t'))) {
      current += line.slice(1);
      continue;
    }
    if (current !== null) yield current;
    current = line;
  }
  if (current !== null) yield current;
}
