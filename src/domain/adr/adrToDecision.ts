import {
  checkContent,
  type DecisionContent,
  type DecisionStatus,
  isDecisionStatus,
  LIMITS,
  normaliseTags,
  TAG_PATTERN,
} from '../decision.js';
import { isValidIsoDate } from '../dates.js';
import type { ImportedAdr } from './readAdr.js';

const STATUS: Record<ImportedAdr['status'], DecisionStatus> = {
  proposed: 'proposed',
  accepted: 'accepted',
  rejected: 'rejected',
  deprecated: 'deprecated',
  superseded: 'superseded',
};

/**
 * A decision record's content from an imported ADR: a missing date stays unknown (and is reported;
 * the record is never counted as decided in a digest's period), tags the log cannot hold are dropped (and reported), and `x-revisit-by` from an
 * exported file comes back as the revisit date.
 */
export function adrToDecision(adr: ImportedAdr): {
  content: DecisionContent;
  permalink: string | null;
  private: boolean;
  warnings: string[];
} {
  const warnings: string[] = [];
  const decidedOn = adr.date && isValidIsoDate(adr.date) ? adr.date : null;
  if (decidedOn === null) warnings.push(`${adr.sourcePath}: no date; recorded without one`);
  const tags = normaliseTags(adr.tags).filter((t) => TAG_PATTERN.test(t));
  if (tags.length < adr.tags.length) warnings.push(`${adr.sourcePath}: tags the log cannot hold were left out`);
  const revisitBy = adr.extra['x-revisit-by'] ?? null;
  // MADR has no word for some of the log's statuses; an export keeps the log's own in x-status.
  const ownStatus = adr.extra['x-status'];
  const content: DecisionContent = {
    title: adr.title.slice(0, LIMITS.title),
    context: adr.context.slice(0, LIMITS.context),
    rationale: adr.rationale.slice(0, LIMITS.rationale),
    consequences: adr.consequences.slice(0, LIMITS.consequences),
    alternatives: adr.alternatives.slice(0, LIMITS.alternatives).map((a) => a.slice(0, LIMITS.alternative)),
    aliases: [],
    deciders: adr.deciders.slice(0, LIMITS.deciders),
    tags: tags.slice(0, LIMITS.tags),
    status: ownStatus && isDecisionStatus(ownStatus) ? ownStatus : STATUS[adr.status],
    decidedOn,
    revisitOn: revisitBy && isValidIsoDate(revisitBy) && revisitBy >= (decidedOn ?? '') ? revisitBy : null,
  };
  for (const problem of checkContent(content)) warnings.push(`${adr.sourcePath}: ${problem.field} ${problem.code}`);
  return {
    content,
    permalink: adr.extra['x-slack-permalink'] ?? null,
    private: adr.extra['x-private'] === 'true',
    warnings,
  };
}
