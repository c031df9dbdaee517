import { describe, expect, it } from 'vitest';
import { parseInlineDecision } from '../../src/domain/parseInlineDecision.js';

const parse = (text: string) => parseInlineDecision({ text, author: 'UAUTHOR', today: '2026-11-22' });

function content(text: string) {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected ${text} to parse, got ${JSON.stringify(result.problem)}`);
  return result.content;
}

describe('parseInlineDecision', () => {
  it('reads the decision, the rationale after "because", a tag and a relative revisit date', () => {
    const c = content('We move billing to Stripe because invoicing eats 2 days a month #payments revisit in 6 months');
    expect(c).toMatchObject({
      title: 'We move billing to Stripe',
      rationale: 'Invoicing eats 2 days a month',
      tags: ['payments'],
      revisitOn: '2027-05-22',
      deciders: ['UAUTHOR'],
      status: 'accepted',
      decidedOn: '2026-11-22',
    });
  });

  it('takes mentioned people as deciders and lifts a trailing run of mentions out of the text', () => {
    const c = content(
      'Orders stay on Postgres since refunds need multi-row transactions by <@U123|ana> and <@U456|raj>',
    );
    expect(c.deciders).toEqual(['U123', 'U456']);
    expect(c.title).toBe('Orders stay on Postgres');
    expect(c.rationale).toBe('Refunds need multi-row transactions');
  });

  it('keeps mention markup intact inside the sentence', () => {
    const c = content('<@U777|raj> owns the payments on-call rotation #oncall');
    expect(c.title).toBe('<@U777|raj> owns the payments on-call rotation');
    expect(c.deciders).toEqual(['U777']);
  });

  it('captures rejected alternatives from "instead of" and from an explicit list', () => {
    expect(
      content('Orders stay on Postgres instead of MongoDB because refunds need transactions').alternatives,
    ).toEqual(['MongoDB']);
    const explicit = content('Ship the v2 API so that mobile can drop polling. alternatives: webhooks, long polling');
    expect(explicit.alternatives).toEqual(['webhooks', 'long polling']);
    expect(explicit.rationale).toBe('So that mobile can drop polling');
    expect(explicit.title).toBe('Ship the v2 API');
  });

  it('reads absolute and weekday revisit dates', () => {
    expect(content('Adopt trunk-based development, revisit on 2027-03-01').revisitOn).toBe('2027-03-01');
    expect(content('Adopt trunk-based development, revisit in two weeks').revisitOn).toBe('2026-12-06');
    expect(content('Adopt trunk-based development, revisit next friday').revisitOn).toBe('2026-11-27');
    expect(content('Adopt trunk-based development, revisit on March 1').revisitOn).toBe('2027-03-01');
  });

  it('refuses a revisit date it cannot read, or one that is not in the future', () => {
    expect(parse('Freeze deploys on Fridays, revisit after the launch')).toEqual({
      ok: false,
      problem: { code: 'bad_revisit', phrase: 'after the launch' },
    });
    expect(parse('Freeze deploys, revisit on 2027-02-30')).toMatchObject({
      ok: false,
      problem: { code: 'bad_revisit' },
    });
    expect(parse('Freeze deploys, revisit on 2025-01-01')).toMatchObject({
      ok: false,
      problem: { code: 'revisit_in_past' },
    });
  });

  it('says so when only tags and mentions were given', () => {
    expect(parse('#payments <@U1>')).toEqual({ ok: false, problem: { code: 'no_decision_text' } });
    expect(parse('   ')).toEqual({ ok: false, problem: { code: 'empty' } });
  });

  it('refuses text longer than a card can hold', () => {
    expect(parse(`We decide ${'x'.repeat(3100)}`)).toMatchObject({
      ok: false,
      problem: { code: 'too_long', field: 'text' },
    });
    expect(parse(`We decide ${'word '.repeat(120)}`)).toMatchObject({
      ok: false,
      problem: { code: 'too_long', field: 'title' },
    });
  });

  it('leaves Slack channel links and encoded entities alone', () => {
    const c = content('Keep &lt;b&gt; tags &amp; friends in <#C123|general>');
    expect(c.title).toBe('Keep &lt;b&gt; tags &amp; friends in <#C123|general>');
    expect(c.tags).toEqual([]);
  });

  it('keeps the space before a dotted name such as .env', () => {
    expect(content('No secrets in .env files , ever').title).toBe('No secrets in .env files, ever');
  });

  it('lower-cases and de-duplicates tags, in any script', () => {
    expect(content('Use one CI runner #Infra #infra #データ').tags).toEqual(['infra', 'データ']);
  });
});
