import type { CostSettings } from '../../domain/costs/costSettings.js';
import { costPeriod, type PeriodKind, previousPeriod } from '../../domain/costs/periods.js';
import type { Period } from '../../domain/period.js';
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
  period: Period & { label: string };
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
export async function reportCosts(props: ReportCostsProps): Promise<CostReport> {
  const { services, workspace, channelId } = props;
  const settings = await costSettingsFor(services, workspace, channelId);
  const period = costPeriod(props.period, services.now(), settings.timeZone);
  return reportCostsOver({
    ...props,
    settings,
    period,
    previousStart: previousPeriod(period, settings.timeZone).start,
  });
}

export interface ReportCostsOverProps extends Omit<ReportCostsProps, 'period' | 'services'> {
  services: Pick<Services, 'costs'>;
  /** The channel's settings in force: their zone places the periods' days. */
  settings: CostSettings;
  period: Period & { label: string };
  /** Where the period the trend compares with starts; it ends where `period` starts. */
  previousStart: Date;
}

/** The cost report of any period: what `/decide costs` shows, for the range a digest covers too. */
export async function reportCostsOver({
  services,
  workspace,
  channelId,
  scope,
  settings,
  period,
  previousStart,
}: ReportCostsOverProps): Promise<CostReport> {
  const where: CostScope = scope === 'channel' ? { kind: 'channel', channelId } : { kind: 'public_channels' };
  const zone = settings.timeZone;
  const [[before, totals], decisions] = await Promise.all([
    services.costs.totals(workspace, where, [previousStart, period.start, period.end], zone) as Promise<
      [CostTotals[], CostTotals[]]
    >,
    scope === 'channel'
      ? services.costs.decisionTotals(workspace, channelId, period, zone, DECISIONS_SHOWN)
      : Promise.resolve([]),
  ]);
  return { period, scope, totals, previous: before, decisions, settings };
}
