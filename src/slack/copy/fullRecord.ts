import type { RecordLink } from '../../domain/adr/adrDocument.js';
import { formatRef } from '../../domain/decision.js';
import { COMMAND } from '../ids.js';

/** Words of `/decide show D-n` and `/decide show D-n full` about records imported from ADR files. */

export function fullRecordHint(ref: number): string {
  return `Imported from an ADR file: \`${COMMAND} show ${formatRef(ref)} full\` shows every section of it.`;
}

/** When a long text was shortened on the card. */
export function shortenedHint(ref: number): string {
  return `Shortened to fit Slack: \`${COMMAND} show ${formatRef(ref)} full\` shows all of it.`;
}

// How a typed link reads from the record that holds it: "Amends D-3", "Amended by D-9".
const LINK_WORDS: Record<RecordLink['verb'], [string, string]> = {
  supersedes: ['Supersedes', 'Superseded by'],
  amends: ['Amends', 'Amended by'],
  extends: ['Extends', 'Extended by'],
  clarifies: ['Clarifies', 'Clarified by'],
  'relates-to': ['Relates to', 'Relates to'],
};

export function typedLinks(links: RecordLink[]): string {
  return links.map((l) => `${LINK_WORDS[l.verb][l.direction === 'forward' ? 0 : 1]} ${formatRef(l.ref)}`).join(' · ');
}

export function importedFrom(fileName: string): string {
  return `from \`${fileName}\``;
}

export function statusAsWritten(status: string): string {
  return `status as written: “${status}”`;
}

export const REST_NOT_SHOWN =
  'The record goes on past what one Slack message holds; `npm run cli -- export` writes it whole.';

export const NOT_IMPORTED = 'This decision was recorded in Slack: the card above is all of it.';
