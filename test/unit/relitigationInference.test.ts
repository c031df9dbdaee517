import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/decision.js';
import { inferMatchingTerms, withMatchingTerms } from '../../src/domain/relitigation/inferMatchingTerms.js';
import { aContent } from '../support/decisions.js';

const rejectedIn = (title: string, rationale = '') =>
  inferMatchingTerms({ title, rationale, context: '', consequences: '', alternatives: [] }).rejected;

describe('inferMatchingTerms', () => {
  it('reads what a "no new …" rule turns down', () => {
    expect(rejectedIn('Web styling uses Tailwind. No new styled-components or other CSS-in-JS')).toEqual(['styled-components', 'CSS-in-JS']);
    expect(rejectedIn('All cloud infrastructure is managed with Terraform. No console changes in prod, no CloudFormation, no Pulumi')).toEqual([
      'console changes',
      'CloudFormation',
      'Pulumi',
    ]);
  });

  it('takes the places a "no X in …" rule names, not the X it governs', () => {
    expect(rejectedIn('Secrets live in Vault. No secrets in .env files, Kubernetes manifests, or GitHub repo secrets (except the CI token)')).toEqual([
      '.env files',
      'Kubernetes manifests',
      'GitHub repo secrets',
    ]);
    expect(rejectedIn('All services run on EKS. No new workloads on ECS')).toEqual(['ECS']);
  });

  it('shares a noun across a list of adjectives', () => {
    expect(rejectedIn('API versions live in the URL path. No header-based or date-based versioning')).toEqual([
      'header-based versioning',
      'date-based versioning',
    ]);
  });

  it('reads refusals, replacements and evaluations', () => {
    expect(rejectedIn('Application logs go to Datadog. We are not renewing Splunk')).toEqual(['Splunk']);
    expect(rejectedIn('Orders stay on Postgres; we will not adopt MongoDB')).toEqual(['MongoDB']);
    expect(rejectedIn('Billing moves to Stripe instead of Chargebee')).toEqual(['Chargebee']);
    expect(rejectedIn('We chose Vitest over Jest for speed')).toEqual(['Jest']);
    expect(rejectedIn('Pipelines run on Airflow. We evaluated Dagster and Prefect and are not migrating')).toEqual(['Dagster', 'Prefect']);
    expect(rejectedIn('Error tracking goes through Sentry; we are dropping Bugsnag at renewal')).toEqual(['Bugsnag']);
  });

  it('reads what a decision retires', () => {
    expect(rejectedIn('CI runs on GitHub Actions. Jenkins is being decommissioned by end of Q3')).toEqual(['Jenkins']);
    expect(rejectedIn('Shared team accounts and shared passwords are not allowed')).toEqual(['Shared team accounts', 'shared passwords']);
  });

  it('finds nothing to reject in a rule about times and amounts', () => {
    expect(rejectedIn('No production deploys after 3pm on Fridays or on weekends, except SEV1 fixes')).toEqual([]);
    expect(rejectedIn('The legacy Angular admin panel gets bug fixes only, no new features')).toEqual([]);
  });

  it('gives the other names of what the decision names, not those it already uses', () => {
    const { aliases } = inferMatchingTerms({
      title: 'Mobile apps stay on React Native; logs go to Datadog',
      rationale: '',
      context: '',
      consequences: '',
      alternatives: [],
    });
    expect(aliases).toEqual(expect.arrayContaining(['RN', 'DD']));
    expect(aliases).not.toContain('React Native');
  });

  it('reads "X was ruled out" as turning down X', () => {
    expect(rejectedIn('Orders stay on PostgreSQL', 'MongoDB was ruled out because the schema keeps changing every sprint.')).toEqual(['MongoDB']);
  });

  it('gives other names only of what the decision is about, not of what its reasons mention', () => {
    const { aliases } = inferMatchingTerms({
      title: 'Orders stay on PostgreSQL',
      rationale: 'MongoDB was ruled out because the schema keeps changing every sprint.',
      context: '',
      consequences: '',
      alternatives: [],
    });
    expect(aliases).toEqual(expect.arrayContaining(['Postgres', 'Mongo']));
    expect(aliases.map((a) => a.toLowerCase())).not.toEqual(expect.arrayContaining(['scrum']));
    expect(aliases.join(' ').toLowerCase()).not.toMatch(/scrum|iteration/);
  });
});

describe('withMatchingTerms', () => {
  it("keeps the person's alternatives first and adds the inferred ones that are new, whatever their case", () => {
    const content = withMatchingTerms(
      aContent({ title: 'Orders stay on Postgres; we will not adopt MongoDB or DynamoDB', alternatives: ['mongodb', 'CockroachDB'] }),
    );
    expect(content.alternatives).toEqual(['mongodb', 'CockroachDB', 'DynamoDB']);
    expect(content.aliases).toEqual(expect.arrayContaining(['Mongo', 'PostgreSQL']));
  });

  it('stays within the limits of a record', () => {
    const given = Array.from({ length: LIMITS.alternatives }, (_, i) => `Option ${i}`);
    const content = withMatchingTerms(aContent({ title: 'We use Kafka; we will not adopt RabbitMQ', alternatives: given }));
    expect(content.alternatives).toEqual(given);
  });

  it('changes nothing else', () => {
    const original = aContent({ title: 'We move billing to Stripe', alternatives: [] });
    const { alternatives: _a, aliases: _b, ...rest } = withMatchingTerms(original);
    const { alternatives: _c, aliases: _d, ...expected } = original;
    expect(rest).toEqual(expected);
  });
});
