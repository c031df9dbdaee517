import type { KnownBlock } from '@slack/types';
import type { AdrDocument, DocumentField } from '../../domain/adr/adrDocument.js';
import { unchanged } from '../../domain/adr/writeAdr.js';
import { type Decision, formatRef } from '../../domain/decision.js';
import { encodePlainText } from '../../domain/markup.js';
import { importedFrom, NOT_IMPORTED, REST_NOT_SHOWN, statusAsWritten, typedLinks } from '../copy/fullRecord.js';
import { decisionCardBlocks, statusLabel } from './decisionCard.js';
import { decisionDate, userText } from './text.js';

// A message holds 50 blocks; the title, the lines under it and "the rest" take some of them.
const MAX_BLOCKS = 50;
// A section's text holds 3,000 characters; the bold heading and a margin take the rest.
const CHUNK = 2800;

/**
 * `/decide show D-n full`: the record with every section of the file it was imported from, in
 * the file's order, each in full (a long one over several blocks). A section whose field was
 * edited in Slack shows the field as it is now. A record made in Slack is its card.
 */
export function fullRecordBlocks(decision: Decision, document: AdrDocument | null): KnownBlock[] {
  if (document === null)
    return [...decisionCardBlocks(decision), { type: 'context', elements: [{ type: 'mrkdwn', text: NOT_IMPORTED }] }];
  const same = unchanged({ ...decision, document });
  const meta = [
    decision.status === document.statusReadAs &&
    document.statusAsWritten &&
    document.statusAsWritten !== decision.status
      ? `${statusLabel(decision.status)} (${statusAsWritten(userText(document.statusAsWritten, 300))})`
      : statusLabel(decision.status),
    decision.decidedOn === document.dateReadAs && document.dateAsWritten
      ? userText(document.dateAsWritten, 100)
      : decisionDate(decision.decidedOn),
    importedFrom(userText(document.fileName, 300)),
  ];
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${formatRef(decision.ref)}* · ${userText(decision.title, 2800)}` },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: meta.join(' · ') }] },
  ];
  if (document.links.length > 0)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: typedLinks(document.links) }] });
  const current = (field: DocumentField): string => {
    if (field === 'alternatives') return decision.alternatives.map((a) => `• ${a}`).join('\n');
    if (field === 'context' || field === 'rationale' || field === 'consequences') return decision[field];
    if (field === 'deciders') return decision.deciders.join(', ');
    return field === 'status' ? decision.status : (decision.decidedOn ?? '');
  };
  const shownFields = new Set<DocumentField>();
  const sections: string[] = [];
  for (const part of document.parts) {
    let text: string;
    if (part.fields.every(same)) text = encodePlainText(part.text);
    else if (part.fields[0] !== undefined && !shownFields.has(part.fields[0])) text = current(part.fields[0]);
    else continue;
    for (const f of part.fields) shownFields.add(f);
    const chunks = chunksOf(text);
    chunks.forEach((chunk, i) => {
      const heading = i === 0 && part.heading !== null ? `*${userText(encodePlainText(part.heading), 150)}*\n` : '';
      sections.push(`${heading}${userText(chunk, CHUNK + 100)}`);
    });
  }
  const room = MAX_BLOCKS - blocks.length - 1;
  for (const text of sections.slice(0, room)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  if (sections.length > room) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: REST_NOT_SHOWN }] });
  return blocks;
}

/** A text in pieces that each fit a section, cut at a line end where one is near, else between words. */
function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > CHUNK) {
    const line = rest.lastIndexOf('\n', CHUNK);
    const space = rest.lastIndexOf(' ', CHUNK);
    const at = line > CHUNK / 2 ? line : space > CHUNK / 2 ? space : CHUNK;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks.length > 0 ? chunks : [' '];
}
