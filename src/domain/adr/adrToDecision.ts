import {
  checkContent,
  type DecisionContent,
  type DecisionStatus,
  isDecisionStatus,
  normaliseTags,
  TAG_PATTERN,
} from '../decision.js';
import { isValidIsoDate } from '../dates.js';
import type { AdrDocument } from './adrDocument.js';
import type { ImportedAdr } from './readAdr.js';

const STATUS: Record<ImportedAdr['status'], DecisionStatus> = {
  proposed: 'proposed',
  accepted: 'accepted',
  rejected: 'rejected',
  deprecated: 'deprecated',
  superseded: 'superseded',
};

/**
 * A decision record's content from an imported ADR, in full: text is never cut here (Slack's
 * views shorten it when they show it). A missing date stays unknown (the record is never counted
 * as decided in a digest's period), tags the log cannot hold are dropped (and reported), and
 * `x-revisit-by` from an exported file comes back as the revisit date. The document keeps the
 * rest of the file, for `/decide show` and for an export to write it back.
 */
export function adrToDecision(adr: ImportedAdr): {
  content: DecisionContent;
  document: Omit<AdrDocument, 'links'>;
  permalink: string | null;
  private: boolean;
  warnings: string[];
} {
  const warnings: string[] = [];
  const decidedOn = adr.date && isValidIsoDate(adr.date) ? adr.date : null;
  if (decidedOn === null) warnings.push(`${adr.sourcePath}: no date; the record says "date unknown"`);
  const tags = normaliseTags(adr.tags).filter((t) => TAG_PATTERN.test(t));
  if (tags.length < adr.tags.length) warnings.push(`${adr.sourcePath}: tags the log cannot hold were left out`);
  const revisitBy = adr.extra['x-revisit-by'] ?? null;
  // MADR has no word for some of the log's statuses; an export keeps the log's own in x-status.
  const ownStatus = adr.extra['x-status'];
  const status = ownStatus && isDecisionStatus(ownStatus) ? ownStatus : STATUS[adr.status];
  const content: DecisionContent = {
    title: adr.title,
    context: adr.context,
    rationale: adr.rationale,
    consequences: adr.consequences,
    alternatives: adr.alternatives,
    aliases: [],
    deciders: adr.deciders,
    tags,
    status,
    decidedOn,
    revisitOn: revisitBy && isValidIsoDate(revisitBy) && revisitBy >= (decidedOn ?? '') ? revisitBy : null,
  };
  // Lengths beyond what a Slack form takes are kept on purpose; only real problems are reported.
  for (const problem of checkContent(content))
    if (problem.code !== 'too_long') warnings.push(`${adr.sourcePath}: ${problem.field} ${problem.code}`);
  const { written } = adr;
  const document: Omit<AdrDocument, 'links'> = {
    fileName: adr.sourcePath,
    number: adr.number,
    titleAsWritten: written.titleAsWritten,
    statusAsWritten: written.statusAsWritten,
    statusReadAs: status,
    dateAsWritten: written.dateAsWritten,
    dateReadAs: decidedOn,
    frontMatter: written.frontMatter,
    parts: written.parts,
    readValues: {
      context: content.context,
      rationale: content.rationale,
      consequences: content.consequences,
      alternatives: content.alternatives,
      deciders: content.deciders,
      tags: content.tags,
    },
    originId: adr.extra['x-id'] ?? null,
  };
  return {
    content,
    document,
    permalink: adr.extra['x-slack-permalink'] ?? null,
    private: adr.extra['x-private'] === 'true',
    warnings,
  };
}
