import type { CostSettings } from '../../domain/costs/costSettings.js';
import { dayIn } from '../../domain/costs/days.js';
import { buildDigest, type Digest } from '../../domain/digest/buildDigest.js';
import { narrativeFacts } from '../../domain/digest/narrativeFacts.js';
import { costSettingsFor } from '../costs/costSettingsFor.js';
import type { CostTotals } from '../../domain/costs/sums.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** How many periods the digest's chart shows, the current one last. */
export const CHART_PERIODS = 8;

export interface ComposeDigestProps {
  services: Pick<Services, 'digestFacts' | 'costs' | 'costSettings'> &
    Partial<Pick<Services, 'digestNarrator' | 'workspaceSettings'>>;
  workspace: Workspace;
  channelId: string;
  period: { start: Date; end: Date; label: string };
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
  /** Hours per kind for the last CHART_PERIODS periods of the same length, oldest first. */
  chart: ChartSeries[];
}

/**
 * Gathers what a channel's digest reports for a period — its decisions, revisits, relitigation and
 * costs, with the period before for the trend and the last eight for the chart — and builds it.
 * Costs count whole days in the team's time zone: each day belongs to exactly one digest.
 */
export async function composeDigest({
  services,
  workspace,
  channelId,
  period,
}: ComposeDigestProps): Promise<ComposedDigest> {
  const settings = await costSettingsFor(services, workspace, channelId);
  const zone = settings.timeZone;
  const length = period.end.getTime() - period.start.getTime();
  const periodsBack = (k: number) => ({
    start: new Date(period.start.getTime() - k * length),
    end: new Date(period.end.getTime() - k * length),
  });
  const edges = Array.from({ length: CHART_PERIODS + 1 }, (_, k) =>
    dayIn(k === CHART_PERIODS ? period.end : periodsBack(CHART_PERIODS - 1 - k).start, zone),
  );
  const [facts, series] = await Promise.all([
    services.digestFacts.facts(workspace, channelId, { from: period.start, to: period.end }, dayIn(period.end, zone)),
    services.costs.totals(workspace, { kind: 'channel', channelId }, edges),
  ]);
  const current = series[CHART_PERIODS - 1]!;
  const previous = series[CHART_PERIODS - 2]!;
  const data = {
    period,
    decided: facts.decided,
    changed: facts.changed,
    dueForRevisit: facts.dueForRevisit,
    relitigation: facts.relitigation,
    costs: { current, previous },
    narrative: null,
  };
  let digest = buildDigest(data);
  // Decision titles leave the deployment only for workspaces that opted in to the LLM.
  const { digestNarrator, workspaceSettings } = services;
  if (digestNarrator && workspaceSettings && (await workspaceSettings.llmOptIn(workspace))) {
    const narrative = await digestNarrator.narrate(narrativeFacts(digest));
    if (narrative) digest = buildDigest({ ...data, narrative });
  }
  const chart = series.map((totals, k) => ({
    label: dayIn(periodsBack(CHART_PERIODS - 1 - k).start, zone),
    ...hoursByKind(totals),
  }));
  return { digest, settings, chart };
}

/** Person-hours of meetings and relitigation, and hours waited for reviews: what the chart stacks. */
function hoursByKind(totals: CostTotals[]): Omit<ChartSeries, 'label'> {
  const hours = { meeting: 0, review_wait: 0, relitigation: 0 };
  for (const t of totals) hours[t.kind] += t.kind === 'review_wait' ? t.waitHours : t.personHours;
  return hours;
}
