import type { CostSettings } from '../../domain/costs/costSettings.js';
import { dayIn } from '../../domain/costs/days.js';
import { buildDigest, type Digest } from '../../domain/digest/buildDigest.js';
import { narrativeFacts } from '../../domain/digest/narrativeFacts.js';
import type { DigestPeriod } from '../../domain/digest/schedule.js';
import { costSettingsFor } from '../costs/costSettingsFor.js';
import type { CostTotals } from '../../domain/costs/sums.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface ComposeDigestProps {
  services: Pick<Services, 'digestFacts' | 'costs' | 'costSettings'> &
    Partial<Pick<Services, 'digestNarrator' | 'workspaceSettings'>>;
  workspace: Workspace;
  channelId: string;
  /** The period it covers, and where the periods before it start (the trend's and the chart's). */
  period: Pick<DigestPeriod, 'start' | 'end' | 'label' | 'earlier'>;
}

export interface ChartSeries {
  label: string;
  meeting: number;
  review_wait: number;
  relitigation: number;
}

export interface ComposedDigest {
  digest: Digest;
  settings: CostSettings;
  /** Hours per kind for the earlier periods and this one, oldest first: one bar per digest. */
  chart: ChartSeries[];
}

/**
 * Gathers what a channel's digest reports for a period — its decisions, imports, revisits,
 * relitigation and costs, with the earlier periods for the trend and the chart — and builds it.
 * Every fact is read for the same `[start, end)` to the instant, so a digest and the next one
 * count each decision and each cost once, and a preview counts what happened a minute ago.
 */
export async function composeDigest({
  services,
  workspace,
  channelId,
  period,
}: ComposeDigestProps): Promise<ComposedDigest> {
  const settings = await costSettingsFor(services, workspace, channelId);
  const zone = settings.timeZone;
  const starts = [...period.earlier, period.start];
  const [facts, series] = await Promise.all([
    services.digestFacts.facts(workspace, channelId, period, zone),
    services.costs.totals(workspace, { kind: 'channel', channelId }, [...starts, period.end], zone),
  ]);
  const data = {
    period: { start: period.start, end: period.end, label: period.label },
    decided: facts.decided,
    imported: facts.imported,
    changed: facts.changed,
    dueForRevisit: facts.dueForRevisit,
    relitigation: facts.relitigation,
    costs: { current: series.at(-1)!, previous: series.at(-2) ?? [] },
    narrative: null,
  };
  let digest = buildDigest(data);
  // Decision titles leave the deployment only for workspaces that opted in to the LLM.
  const { digestNarrator, workspaceSettings } = services;
  if (digestNarrator && workspaceSettings && (await workspaceSettings.llmOptIn(workspace))) {
    const narrative = await digestNarrator.narrate(narrativeFacts(digest));
    if (narrative) digest = buildDigest({ ...data, narrative });
  }
  const chart = series.map((totals, k) => ({ label: dayIn(starts[k]!, zone), ...hoursByKind(totals) }));
  return { digest, settings, chart };
}

/** Person-hours of meetings and relitigation, and hours waited for reviews: what the chart stacks. */
function hoursByKind(totals: CostTotals[]): Omit<ChartSeries, 'label'> {
  const hours = { meeting: 0, review_wait: 0, relitigation: 0 };
  for (const t of totals) hours[t.kind] += t.kind === 'review_wait' ? t.waitHours : t.personHours;
  return hours;
}
