import { decodeEntities } from '../markup.js';
import type { Digest } from './buildDigest.js';

const MAX_LISTED = 15;

/**
 * The facts an LLM may write a digest's opening from: refs, titles, counts and hours, nothing the
 * digest does not show anyway, and no person's name. Titles are decoded from Slack's encoding.
 */
export function narrativeFacts(digest: Digest): string {
  const lines = [`Period: ${digest.period.label}.`];
  const list = (items: string[]) =>
    items.slice(0, MAX_LISTED).join('; ') +
    (items.length > MAX_LISTED ? `; and ${items.length - MAX_LISTED} more` : '');
  if (digest.decided.length > 0)
    lines.push(
      `Decided (${digest.decided.length}): ${list(digest.decided.map((d) => `D-${d.ref} ${decodeEntities(d.title)}`))}.`,
    );
  if (digest.imported > 0)
    lines.push(
      `Records imported from ADR files: ${digest.imported} (each counts as decided in the period of its own date, not when it was imported).`,
    );
  if (digest.changed.length > 0)
    lines.push(
      `Superseded (${digest.changed.length}): ${list(digest.changed.map((c) => `D-${c.decision.ref}${c.by ? ` by D-${c.by.ref}` : ''}`))}.`,
    );
  if (digest.dueForRevisit.length > 0)
    lines.push(
      `Due for revisit (${digest.dueForRevisit.length}): ${list(digest.dueForRevisit.map((d) => `D-${d.ref} since ${d.revisitOn}`))}.`,
    );
  const r = digest.relitigation;
  if (r.warned > 0) {
    lines.push(
      `Threads reopening a recorded decision: ${r.warned} (${r.confirmed} confirmed, ${r.dismissed} dismissed as not a reopening).`,
    );
    lines.push(`Most reopened: ${list(r.byDecision.map((d) => `D-${d.ref} ${d.warnings}×`))}.`);
  }
  for (const c of digest.costs.current) {
    const hours =
      c.kind === 'review_wait'
        ? `${c.waitHours.toFixed(1)} hours waiting for review`
        : `${c.personHours.toFixed(1)} person-hours`;
    lines.push(
      `Cost of ${c.kind.replace('_', ' ')}s: ${c.events} ${c.events === 1 ? 'event' : 'events'}, ${hours}, ${c.money.toFixed(0)} ${c.currency}, ${c.buildHours.toFixed(1)} build-hours forgone.`,
    );
  }
  if (digest.personHoursChange !== null)
    lines.push(`Person-hours changed ${Math.round(digest.personHoursChange)}% against the period before.`);
  return lines.join('\n');
}
