import type {
  DigestCostTotals,
  DigestData,
  DigestDecision,
  DigestRevisit,
} from '../../../src/domain/digest/buildDigest.js';

/** Builders with defaults for the digest tests: an empty week unless told otherwise. */

export function digestData(overrides: Partial<DigestData> = {}): DigestData {
  return {
    period: {
      label: 'week to Fri 20 Nov 2026',
      start: new Date('2026-11-13T15:00:00Z'),
      end: new Date('2026-11-20T15:00:00Z'),
    },
    decided: [],
    imported: 0,
    changed: [],
    dueForRevisit: [],
    relitigation: { warned: 0, confirmed: 0, dismissed: 0, weak: 0, byDecision: [] },
    costs: { current: [], previous: [] },
    narrative: null,
    ...overrides,
  };
}

export function decision(ref: number, overrides: Partial<DigestDecision> = {}): DigestDecision {
  return {
    ref,
    title: `Decision number ${ref}`,
    permalink: `https://acme.slack.com/archives/C0123456789/p17000000000${String(ref).padStart(5, '0')}`,
    decidedOn: '2026-11-16',
    deciders: ['U0123ABC'],
    ...overrides,
  };
}

export function revisit(ref: number, revisitOn: string, overrides: Partial<DigestDecision> = {}): DigestRevisit {
  return { ...decision(ref, overrides), revisitOn };
}

export function costs(
  kind: DigestCostTotals['kind'],
  personHours: number,
  overrides: Partial<DigestCostTotals> = {},
): DigestCostTotals {
  return {
    kind,
    currency: 'EUR',
    events: 2,
    personHours,
    waitHours: 0,
    mergedWaitHours: 0,
    openToMergeHours: 0,
    money: personHours * 100,
    buildHours: personHours * 1.2,
    ...overrides,
  };
}
