import type { CostSettings } from '../../domain/costs/costSettings.js';
import { dayIn } from '../../domain/costs/days.js';
import { type CostPeriod, costPeriod, type PeriodKind, previousPeriod } from '../../domain/costs/periods.js';
import { costSettingsFor } from './costSettingsFor.js';
import type { CostScope, DecisionCostTotals } from './ports.js';
import type { CostTotals } from '../../domain/costs/sums.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface ReportCostsProps {
  services: Pick<Services, 'costs' | 'costSettings' | 'now'>;
  workspace: Workspace;
  /** Where it was asked: its settings give the time zone, and a channel report covers it. */
  channelId: string;
  period: PeriodKind;
  scope: 'channel' | 'workspace';
}

export interface CostReport {
  period: CostPeriod;
  scope: 'channel' | 'workspace';
  totals: CostTotals[];
  /** The same totals for the period before, for the trend. */
  previous: CostTotals[];
  /** Decisions whose relitigation cost the most (channel reports only). */
  decisions: DecisionCostTotals[];
  settings: CostSettings;
}

const DECISIONS_SHOWN = 5;

/** A period's coordination costs by kind, for one channel or the workspace's public channels. */
export async function reportCosts({
  services,
  workspace,
  channelId,
  period: kind,
  scope,
}: ReportCostsProps): Promise<CostReport> {
  const settings = await costSettingsFor(services, workspace, channelId);
  const period = costPeriod(kind, services.now(), settings.timeZone);
  const before = previousPeriod(period, settings.timeZone);
  const where: CostScope = scope === 'channel' ? { kind: 'channel', channelId } : { kind: 'public_channels' };
  const day = (at: Date) => dayIn(at, settings.timeZone);
  const [[previous, totals], decisions] = await Promise.all([
    services.costs.totals(workspace, where, [day(before.start), day(period.start), day(period.end)]) as Promise<
      [CostTotals[], CostTotals[]]
    >,
    scope === 'channel'
      ? services.costs.decisionTotals(workspace, channelId, day(period.start), day(period.end), DECISIONS_SHOWN)
      : Promise.resolve([]),
  ]);
  return { period, scope, totals, previous, decisions, settings };
}
