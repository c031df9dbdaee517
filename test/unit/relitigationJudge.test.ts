import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DecisionContent } from '../../src/domain/decision.js';
import { withMatchingTerms } from '../../src/domain/relitigation/inferMatchingTerms.js';
import { judge, mayReopen } from '../../src/domain/relitigation/judge.js';
import { readMessage } from '../../src/domain/relitigation/message.js';
import type { RetrievedCandidate } from '../../src/domain/relitigation/types.js';
import { aContent } from '../support/decisions.js';

/** A decision as retrieval returns it, recorded the way the app records it (aliases and rejected alternatives inferred). */
function candidate(ref: number, title: string, overrides: Partial<DecisionContent> = {}): RetrievedCandidate {
  const content = withMatchingTerms(aContent({ title, rationale: '', alternatives: [], tags: [], ...overrides }));
  const { rationale, context, alternatives, aliases, tags } = content;
  return { decision: { id: `decision-${ref}`, ref, title, rationale, context, alternatives, aliases, tags }, textRank: 0.1, trigramSimilarity: 0, recordedHere: false };
}

const ORDERS = candidate(7, 'Orders service stays on Postgres; we will not adopt MongoDB', {
  rationale: 'Refunds need multi-row transactions',
});
const MOBILE = candidate(19, 'Mobile apps stay on React Native; we are not doing native Swift/Kotlin rewrites');
const POSTMORTEMS = candidate(6, 'Every SEV1/SEV2 gets a blameless postmortem within 5 business days');
const ON_CALL = candidate(2, 'On-call is a weekly rotation with a primary and a secondary, handoff Mondays');
const ALL = [ORDERS, MOBILE, POSTMORTEMS, ON_CALL];

const tiers = (text: string, sensitivity: 'low' | 'normal' | 'high' = 'normal') =>
  judge(text, ALL, sensitivity).map((v) => [v.decision.ref, v.tier]);

describe('judge', () => {
  it('warns when a message proposes what a decision turned down', () => {
    expect(tiers('honestly should we just move orders to mongo? the schema keeps changing')).toEqual([[7, 'strong']]);
  });

  it('warns when a message questions the decision itself', () => {
    expect(tiers('is postgres still the right call for orders?')).toEqual([[7, 'strong']]);
  });

  it('warns when a message proposes a rival of what a decision chose', () => {
    expect(tiers('Flutter would fix most of our perf complaints. anyone interested in a POC?')).toEqual([[19, 'strong']]);
  });

  it('names the decision the message leans against, not one that already went its way', () => {
    // Both name PostgreSQL and MongoDB; only the first is on what the message wants to leave.
    const postgres = candidate(31, 'Account data stays on PostgreSQL', { alternatives: ['MongoDB'] });
    const mysql = candidate(32, 'Account data moves to MySQL', { alternatives: ['PostgreSQL', 'MongoDB'] });
    const named = (text: string) => judge(text, [mysql, postgres], 'normal').filter((v) => v.tier === 'strong').map((v) => v.decision.ref);
    expect(named('should we just switch account data from PostgreSQL to MongoDB? the schema keeps changing')).toEqual([31]);
    expect(named('can we revisit PostgreSQL for account data? MongoDB would fix the schema churn')).toEqual([31]);
  });

  it('names the decision for what the message is about, not the ones whose reasons echo its complaint', () => {
    // Four services chose Akamai over Cloudflare; three of them wrote down the same complaint.
    const complaint = { alternatives: ['Cloudflare'], rationale: 'Cloudflare was ruled out because the WAF blocks real customers every week' };
    const others = [
      candidate(41, 'Catalog stays on Akamai for static assets', complaint),
      candidate(42, 'Search stays on Akamai for static assets', complaint),
      candidate(43, 'Reviews stays on Akamai for static assets', complaint),
    ];
    const portal = candidate(44, 'Move customer portal static assets to Akamai', { alternatives: ['Cloudflare'], rationale: 'Its edge is closest to our buyers' });
    const strong = judge(
      'I think we should drop Akamai in customer portal and go with Cloudflare after all, the WAF blocks real customers every week',
      [...others, portal],
      'normal',
    ).filter((v) => v.tier === 'strong');
    expect(strong.map((v) => v.decision.ref)).toEqual([44]);
  });

  it('of decisions the message matches equally, names the one recorded in its own channel', () => {
    const elsewhere = candidate(51, 'Account data stays on PostgreSQL', { alternatives: ['MongoDB'] });
    const here = { ...candidate(52, 'Account data stays on PostgreSQL', { alternatives: ['MongoDB'] }), recordedHere: true };
    const strong = (candidates: RetrievedCandidate[]) =>
      judge('should we just switch account data from PostgreSQL to MongoDB?', candidates, 'normal')
        .filter((v) => v.tier === 'strong')
        .map((v) => v.decision.ref);
    expect(strong([elsewhere, here])).toEqual([52]);
    expect(strong([here, elsewhere])).toEqual([52]);
  });

  it('stays quiet about a bug report, a how-to question or a status update on the same topic', () => {
    expect(tiers('the orders postgres migration failed on staging')).toEqual([]);
    expect(tiers('how do I run the orders postgres locally with the refund fixtures?')).toEqual([]);
    expect(tiers('RN 0.74 upgrade is merged, new arch enabled on iOS :tada:')).toEqual([]);
    expect(tiers('per the decision we stay on postgres for orders, so I added a partial index')).toEqual([]);
  });

  it('stays quiet about a proposal on another topic', () => {
    expect(tiers('can we move our 1:1 call to 3:30? dentist is running late')).toEqual([]);
  });

  it('judges each decision by the sentences about it', () => {
    const text = 'two SEV2s this week, postmortem doc is up for thursday. separate thing: could we try 3-4 day on-call shifts instead of a full week?';
    expect(tiers(text)).toEqual([[2, 'strong']]);
  });

  it('gives at most one strong verdict', () => {
    const text = 'should we drop postgres for mongo and rewrite the apps in swift while we are at it?';
    expect(judge(text, ALL, 'normal').filter((v) => v.tier === 'strong')).toHaveLength(1);
  });

  it('moves the bar with the channel sensitivity', () => {
    const complaint = 'honestly the orders postgres schema changes are painful';
    expect(tiers(complaint, 'normal')).toEqual([[7, 'weak']]);
    expect(tiers(complaint, 'high')).toEqual([[7, 'strong']]);
    const proposal = 'thoughts on mongo for the orders service?';
    expect(tiers(proposal, 'normal')).toEqual([[7, 'strong']]);
    expect(tiers(proposal, 'low')).toEqual([[7, 'weak']]);
  });

  it("gives no verdict in a channel that is 'off', or without candidates", () => {
    expect(judge('should we just move orders to mongo?', ALL, 'off')).toEqual([]);
    expect(judge('should we just move orders to mongo?', [], 'normal')).toEqual([]);
  });

  it('reports topic and stance between 0 and 1', () => {
    const [verdict] = judge('should we just move orders to mongo?', ALL, 'normal');
    expect(verdict).toMatchObject({ decision: { ref: 7 }, tier: 'strong' });
    expect(verdict!.topic).toBeGreaterThan(0.5);
    expect(verdict!.topic).toBeLessThanOrEqual(1);
    expect(verdict!.stance).toBeGreaterThan(0.42);
    expect(verdict!.stance).toBeLessThanOrEqual(1);
  });
});

describe('mayReopen', () => {
  it('tells the messages that could reopen something from those that cannot, before any lookup', () => {
    expect(mayReopen('can we revisit this?')).toBe(true);
    expect(mayReopen('deployed the fix to staging :tada:')).toBe(false);
    expect(mayReopen('<@U123> lunch?')).toBe(false);
  });

  it('answers for a message not read yet as it does for its full reading (reopening cues alone)', () => {
    const lines = readFileSync(new URL('../fixtures/relitigation-extra.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
    const messages = [
      ...lines.map((line) => (JSON.parse(line) as { message: string }).message),
      // Tone decides some cues: with an exasperated emoji, without one, and with a celebration too.
      'love that the deploy takes an hour :clap:',
      'love that the deploy takes an hour',
      'love that the deploy takes an hour :clap: :tada:',
      'bug: the sidecar crashes; worth revisiting the mesh?',
    ];
    expect(messages.length).toBeGreaterThan(40);
    const disagreeing = messages.filter((text) => mayReopen(text) !== mayReopen(readMessage(text)));
    expect(disagreeing).toEqual([]);
    expect(messages.filter((text) => mayReopen(text)).length).toBeGreaterThan(10);
  });
});
