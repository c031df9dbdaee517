export type CostKind = 'meeting' | 'review_wait' | 'relitigation';

/** One currency's share of some costs. */
export interface CostSum {
  currency: string;
  personHours: number;
  money: number;
  buildHours: number;
}

/** Costs added up per currency: a channel that changed its currency mid-period keeps both apart. */
export function sumCostsByCurrency(lines: readonly CostSum[]): CostSum[] {
  const sums = new Map<string, CostSum>();
  for (const line of lines) {
    const s = sums.get(line.currency) ?? { currency: line.currency, personHours: 0, money: 0, buildHours: 0 };
    s.personHours += line.personHours;
    s.money += line.money;
    s.buildHours += line.buildHours;
    sums.set(line.currency, s);
  }
  return [...sums.values()];
}

/** One kind of cost summed over a period, in one currency. */
export interface CostTotals extends CostSum {
  kind: CostKind;
  events: number;
  /** Review waits: hours waited for a first review (a delay, not a person-cost). */
  waitHours: number;
  /** Merged pull requests' waits and open-to-merge hours: their ratio is the share of time spent waiting. */
  mergedWaitHours: number;
  openToMergeHours: number;
}
