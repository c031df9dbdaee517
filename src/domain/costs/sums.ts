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
