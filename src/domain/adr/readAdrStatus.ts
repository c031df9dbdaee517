import { type AdrStatusWord, containsPhrase, LINK_VERBS, STATUS_WORDS } from './adrVocabulary.js';

/**
 * The status a record's words mean, or null when they mean none of ours. Lines that only link
 * to other records ("Supersedes [2. X]", "Amended by …") say nothing about this one, and a line
 * listing the choices a template offers ("Proposed | Accepted | Superseded") is not a status.
 */
export function classifyStatus(text: string): AdrStatusWord | null {
  const lines = statusLines(text);
  const found = new Set<AdrStatusWord>();
  for (const line of lines) for (const status of statusesIn(line)) found.add(status);
  return STATUS_WORDS.find(([status]) => found.has(status))?.[0] ?? null;
}

/** Whether a status as written is a template's list of choices, not a status. */
export function isStatusChoiceList(line: string): boolean {
  return /[/|]/.test(line) && statusesIn(line).length >= 2;
}

function statusLines(text: string): string[] {
  // "Superseded by X" says this record is superseded; "Supersedes X" and "Amended by X" say nothing of it.
  const linkVerbs = LINK_VERBS.flatMap((v) => (v.verb === 'supersedes' ? v.forward : [...v.forward, ...v.reverse]));
  return text
    .split(/;|\n/)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '' && !linkVerbs.some((verb) => part.startsWith(verb)))
    .filter((part) => !isStatusChoiceList(part));
}

function statusesIn(line: string): AdrStatusWord[] {
  const lower = line.toLowerCase();
  return STATUS_WORDS.filter(([, words]) => words.some((w) => containsPhrase(lower, w))).map(([status]) => status);
}
