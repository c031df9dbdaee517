/**
 * The workload of bench/messages.bench.ts: a workspace's worth of varied decisions, and the channel
 * messages a team writes around them. Everything is generated combinatorially from an index, so the
 * seeded ledger and the messages that mention or reopen its decisions agree without storing either.
 */
import type { DecisionContent } from '../../src/domain/decision.js';

interface Area {
  /** What the decision is about, as people write it in a title ("message queue"). */
  name: string;
  tag: string;
  /** Interchangeable choices; each decision picks one and rejects one to three of the others. */
  options: string[];
  /** Why the chosen option won (any option: phrased around the need, not the product). */
  reasons: string[];
  /** What people say when they want the rejected option back. */
  complaints: string[];
  /** What the chosen option is for, in the service ("for the order tables"). */
  purposes: string[];
}

const AREAS: Area[] = [
  {
    name: 'primary database',
    tag: 'database',
    options: ['PostgreSQL', 'MongoDB', 'MySQL', 'DynamoDB', 'CockroachDB'],
    reasons: [
      'refunds need multi-row transactions',
      'the team already operates it and knows its failure modes',
      'JSON columns cover the flexible fields without giving up joins',
      'point-in-time recovery is a hard requirement from finance',
    ],
    complaints: [
      'the schema keeps changing every sprint',
      'migrations take a full day to ship',
      'we keep fighting the ORM over nested documents',
      'failover took 9 minutes last incident',
    ],
    purposes: ['the order tables', 'account data', 'the audit trail', 'customer profiles'],
  },
  {
    name: 'message queue',
    tag: 'messaging',
    options: ['Kafka', 'RabbitMQ', 'Amazon SQS', 'NATS', 'Pulsar'],
    reasons: [
      'consumers must replay a week of events after a bad deploy',
      'ordering per customer matters more than raw throughput',
      'we want zero brokers to operate ourselves',
      'fan-out to a dozen consumers is the common case',
    ],
    complaints: [
      'the brokers eat a whole on-call rotation',
      'rebalancing storms keep pausing consumers',
      'the dead-letter handling is a mess',
      'nobody understands the partition layout anymore',
    ],
    purposes: ['domain events', 'webhook delivery', 'the email pipeline', 'inventory updates'],
  },
  {
    name: 'cache',
    tag: 'caching',
    options: ['Redis', 'Memcached', 'Hazelcast', 'an in-process LRU'],
    reasons: [
      'we need TTLs and atomic counters in one place',
      'sessions must survive a pod restart',
      'the hit rate matters more than persistence',
    ],
    complaints: [
      'the cluster fell over twice during the sale',
      'cache stampedes keep taking the API down',
      'the memory bill doubled this quarter',
    ],
    purposes: ['session storage', 'rate limiting', 'the product pages', 'feature flag lookups'],
  },
  {
    name: 'search engine',
    tag: 'search',
    options: ['OpenSearch', 'Elasticsearch', 'Algolia', 'Typesense', 'Postgres full-text search'],
    reasons: [
      'relevance tuning has to stay in our hands',
      'we cannot send customer data to a SaaS index',
      'one less cluster to run matters more than facets',
    ],
    complaints: [
      'reindexing takes all night',
      'relevance is still bad for short queries',
      'the cluster upgrade is blocked for months',
    ],
    purposes: ['product search', 'the help centre', 'log search', 'customer lookup in the admin console'],
  },
  {
    name: 'CI system',
    tag: 'ci',
    options: ['GitHub Actions', 'Jenkins', 'CircleCI', 'Buildkite', 'GitLab CI'],
    reasons: [
      'pipelines live next to the code they build',
      'self-hosted runners keep build secrets inside our network',
      'the per-minute pricing fits our build volume',
    ],
    complaints: [
      'builds queue for 20 minutes every morning',
      'the runners keep running out of disk',
      'caching never works across branches',
    ],
    purposes: ['builds and tests', 'release pipelines', 'nightly jobs'],
  },
  {
    name: 'deployment tool',
    tag: 'deploys',
    options: ['Argo CD', 'Flux', 'Spinnaker', 'Helm from CI'],
    reasons: [
      'git stays the single source of truth for what runs',
      'rollbacks must be one click for the on-call engineer',
      'drift between clusters has bitten us twice',
    ],
    complaints: [
      'sync loops keep reverting hotfixes',
      'the UI is useless during an incident',
      'nobody can debug the templating',
    ],
    purposes: ['production deploys', 'preview environments', 'the staging cluster'],
  },
  {
    name: 'container platform',
    tag: 'infrastructure',
    options: ['Kubernetes on EKS', 'Amazon ECS', 'Nomad', 'plain EC2 autoscaling groups'],
    reasons: [
      'every team already ships Helm charts',
      'autoscaling on queue depth is built in',
      'we want fewer moving parts than a full cluster',
    ],
    complaints: [
      'the control plane upgrades eat a sprint each',
      'YAML sprawl is out of control',
      'the node groups cost a fortune at night',
    ],
    purposes: ['stateless services', 'batch workers', 'internal tools'],
  },
  {
    name: 'infrastructure as code tool',
    tag: 'iac',
    options: ['Terraform', 'Pulumi', 'CloudFormation', 'AWS CDK'],
    reasons: [
      'the state of every account must be reviewable in a pull request',
      'modules are shared across all teams',
      'provider coverage beyond AWS matters',
    ],
    complaints: [
      'plans take eight minutes and drift constantly',
      'the state file locks every other day',
      'writing loops in HCL is painful',
    ],
    purposes: ['cloud accounts', 'networking', 'the data platform'],
  },
  {
    name: 'metrics stack',
    tag: 'observability',
    options: ['Prometheus', 'Datadog', 'InfluxDB', 'Graphite'],
    reasons: [
      'cardinality costs must stay predictable',
      'alert rules live in the repo with the service',
      'we already scrape every pod',
    ],
    complaints: [
      'the retention is too short for capacity planning',
      'the bill is exploding with custom metrics',
      'federation keeps dropping samples',
    ],
    purposes: ['service dashboards', 'alerting', 'SLO tracking'],
  },
  {
    name: 'tracing backend',
    tag: 'tracing',
    options: ['Grafana Tempo', 'Jaeger', 'Zipkin', 'Datadog APM'],
    reasons: [
      'traces must join up with the metrics we already keep',
      'sampling decisions stay under our control',
      'OpenTelemetry is the only instrumentation we want to maintain',
    ],
    complaints: [
      'half the spans go missing across the queue',
      'search by attribute is too slow',
      'the collector keeps OOMing',
    ],
    purposes: ['request tracing', 'the checkout flow', 'async jobs'],
  },
  {
    name: 'log pipeline',
    tag: 'logging',
    options: ['Loki', 'the ELK stack', 'Splunk', 'CloudWatch Logs'],
    reasons: [
      'labels instead of full indexing keep storage cheap',
      'security needs a year of retention',
      'logs and metrics should share one query UI',
    ],
    complaints: [
      'queries over a day of logs time out',
      'ingestion lags by ten minutes under load',
      'nobody can write the query language',
    ],
    purposes: ['application logs', 'audit logs', 'access logs'],
  },
  {
    name: 'feature flag service',
    tag: 'feature-flags',
    options: ['LaunchDarkly', 'Unleash', 'Flagsmith', 'a homegrown flags table'],
    reasons: [
      'percentage rollouts and kill switches are needed on day one',
      'flag evaluation must not add a network hop',
      'product managers need to flip flags without a deploy',
    ],
    complaints: [
      'stale flags are everywhere and nobody cleans them up',
      'the SDK adds 40 ms to cold starts',
      'the seat pricing went up again',
    ],
    purposes: ['gradual rollouts', 'experiments', 'kill switches'],
  },
  {
    name: 'frontend framework',
    tag: 'frontend',
    options: ['React', 'Vue', 'Svelte', 'Angular'],
    reasons: [
      'hiring is easier and the component library already exists',
      'server rendering with streaming is required for SEO',
      'the design system is built on it',
    ],
    complaints: [
      'bundle size keeps creeping up',
      'every upgrade breaks half the components',
      'hydration bugs are eating our time',
    ],
    purposes: ['the web app', 'the admin console', 'the marketing site'],
  },
  {
    name: 'API style',
    tag: 'api',
    options: ['REST with OpenAPI', 'GraphQL', 'gRPC', 'JSON-RPC'],
    reasons: [
      'partners integrate with plain HTTP and curl',
      'clients need exactly the fields they ask for',
      'contracts are generated from one schema',
    ],
    complaints: [
      'the mobile app makes twelve round trips per screen',
      'versioning is a constant fight',
      'the N+1 problem is everywhere in the resolvers',
    ],
    purposes: ['the public API', 'the mobile backend', 'service-to-service calls'],
  },
  {
    name: 'backend language',
    tag: 'languages',
    options: ['Go', 'Rust', 'Kotlin', 'TypeScript on Node.js', 'Java'],
    reasons: [
      'fast builds and one static binary per service',
      "the team can review each other's code",
      'memory use under load must stay flat',
    ],
    complaints: [
      'the error handling boilerplate is slowing us down',
      'compile times are out of hand',
      'we cannot hire for it fast enough',
    ],
    purposes: ['new services', 'the ingestion workers', 'CLI tools'],
  },
  {
    name: 'identity provider',
    tag: 'auth',
    options: ['Keycloak', 'Auth0', 'Amazon Cognito', 'Okta'],
    reasons: [
      'SSO with customer IdPs is a sales requirement',
      'user data must stay in our own region',
      'MFA and passwordless come out of the box',
    ],
    complaints: [
      'login pages are impossible to theme',
      'the monthly active user pricing is killing us',
      'token refresh bugs keep logging people out',
    ],
    purposes: ['customer login', 'employee SSO', 'partner access'],
  },
  {
    name: 'secrets manager',
    tag: 'security',
    options: ['HashiCorp Vault', 'AWS Secrets Manager', 'SOPS-encrypted files', 'Doppler'],
    reasons: [
      'secrets rotate without redeploying',
      'every read is audited',
      'nothing secret lives in git or in env files',
    ],
    complaints: [
      'fetching secrets makes local development miserable',
      'the Vault cluster is a single point of failure',
      'the sidecar doubles pod start time',
    ],
    purposes: ['application secrets', 'database credentials', 'CI tokens'],
  },
  {
    name: 'package manager',
    tag: 'tooling',
    options: ['pnpm', 'npm', 'Yarn'],
    reasons: [
      'strict dependency resolution catches phantom imports',
      'installs in CI must be fast and reproducible',
      'workspaces must work without plugins',
    ],
    complaints: [
      'the lockfile conflicts on every merge',
      'some tools still cannot follow the symlinks',
      'install times are back to five minutes',
    ],
    purposes: ['the monorepo', 'the frontend apps', 'internal libraries'],
  },
  {
    name: 'end-to-end test framework',
    tag: 'testing',
    options: ['Playwright', 'Cypress', 'Selenium', 'WebdriverIO'],
    reasons: [
      'tests must run against all three browser engines',
      'parallel runs in CI without a paid dashboard',
      'traces make failures debuggable',
    ],
    complaints: [
      'the suite is flaky and takes 40 minutes',
      'debugging failures in CI is guesswork',
      'the test code is harder to maintain than the app',
    ],
    purposes: ['the checkout flow', 'release smoke tests', 'the admin console'],
  },
  {
    name: 'mobile framework',
    tag: 'mobile',
    options: ['React Native', 'Flutter', 'native Swift and Kotlin'],
    reasons: [
      'one team ships both platforms',
      'we share validation code with the web app',
      'native performance for the camera flow',
    ],
    complaints: [
      'every OS release breaks the bridge',
      'app size keeps growing',
      'animations stutter on older Android phones',
    ],
    purposes: ['the customer app', 'the courier app', 'the in-store app'],
  },
  {
    name: 'payment provider',
    tag: 'payments',
    options: ['Stripe', 'Adyen', 'Braintree', 'Chargebee'],
    reasons: [
      'invoicing eats two days a month by hand',
      'local payment methods in the EU are a must',
      'dispute handling has an API',
    ],
    complaints: [
      'the fees went up again',
      'payouts are delayed a week in some countries',
      'their webhooks arrive out of order',
    ],
    purposes: ['subscriptions', 'one-off payments', 'marketplace payouts'],
  },
  {
    name: 'email provider',
    tag: 'email',
    options: ['Postmark', 'SendGrid', 'Mailgun', 'Amazon SES'],
    reasons: [
      'transactional mail must land in the inbox within seconds',
      'bounces and complaints come back as webhooks',
      'the price per thousand fits our volume',
    ],
    complaints: [
      'deliverability to Outlook tanked this month',
      'the template editor is unusable',
      'rate limits hit us during every campaign',
    ],
    purposes: ['transactional email', 'password resets', 'the weekly digest'],
  },
  {
    name: 'data warehouse',
    tag: 'data',
    options: ['Snowflake', 'BigQuery', 'Redshift', 'ClickHouse'],
    reasons: [
      'compute and storage scale separately',
      'analysts already know its SQL dialect',
      'near-real-time dashboards need sub-second queries',
    ],
    complaints: [
      'the credits burn faster than the budget',
      'the nightly loads keep missing their window',
      'concurrency limits block the BI tools every Monday',
    ],
    purposes: ['analytics', 'finance reporting', 'product metrics'],
  },
  {
    name: 'workflow orchestrator',
    tag: 'pipelines',
    options: ['Airflow', 'Dagster', 'Prefect', 'plain cron jobs'],
    reasons: [
      'retries and backfills must be visible to the data team',
      'assets and their lineage need to be first class',
      'the scheduler has to survive a node loss',
    ],
    complaints: [
      'the scheduler falls over with 500 DAGs',
      'local testing of pipelines is impossible',
      'upgrades break half the operators',
    ],
    purposes: ['the ETL jobs', 'ML training runs', 'the nightly exports'],
  },
  {
    name: 'schema migration tool',
    tag: 'migrations',
    options: ['Flyway', 'Liquibase', 'Alembic', 'hand-written SQL scripts'],
    reasons: [
      'migrations are plain SQL that DBAs can review',
      'every environment records which migrations ran',
      'rollbacks are written with the change',
    ],
    complaints: [
      'checksum mismatches block deploys weekly',
      'long migrations lock the tables in production',
      'the XML changelogs are unreadable',
    ],
    purposes: ['the main database', 'the reporting replicas', 'tenant databases'],
  },
  {
    name: 'CDN',
    tag: 'edge',
    options: ['Cloudflare', 'Fastly', 'CloudFront', 'Akamai'],
    reasons: [
      'edge rules must be deployed from code',
      'DDoS protection is included',
      'purges must finish within seconds',
    ],
    complaints: [
      'cache purges take minutes during launches',
      'the WAF blocks real customers every week',
      'the egress bill is absurd',
    ],
    purposes: ['static assets', 'the public API', 'image delivery'],
  },
  {
    name: 'paging tool',
    tag: 'on-call',
    options: ['PagerDuty', 'Opsgenie', 'Grafana OnCall', 'Splunk On-Call'],
    reasons: [
      'escalations and overrides are self-service',
      'alerts route by service ownership',
      'the mobile app wakes people reliably',
    ],
    complaints: ['alerts arrive twice or not at all', 'the per-seat price doubled', 'schedules are painful to edit'],
    purposes: ['production alerts', 'security incidents', 'the support escalations'],
  },
  {
    name: 'ORM',
    tag: 'orm',
    options: ['Drizzle', 'Prisma', 'TypeORM', 'Knex'],
    reasons: [
      'queries stay close to SQL and fully typed',
      'migrations are generated from one schema file',
      'no query engine binary to ship',
    ],
    complaints: [
      'complex joins are a nightmare to express',
      'the generated SQL is slow on big tables',
      'type errors explode on every schema change',
    ],
    purposes: ['the API services', 'the admin backend', 'background workers'],
  },
  {
    name: 'branching model',
    tag: 'process',
    options: ['trunk-based development', 'GitFlow', 'release branches', 'long-lived feature branches'],
    reasons: [
      'small changes merged daily keep integration pain low',
      'hotfixes must not wait for a release train',
      'feature flags cover unfinished work',
    ],
    complaints: [
      'half-finished features keep leaking into main',
      'merging back takes a whole day',
      'QA cannot test anything stable',
    ],
    purposes: ['the monorepo', 'the mobile releases', 'the platform team'],
  },
  {
    name: 'object storage',
    tag: 'storage',
    options: ['Amazon S3', 'Google Cloud Storage', 'MinIO', 'Azure Blob Storage'],
    reasons: [
      'lifecycle rules move old files to cold storage',
      'presigned uploads keep files off our servers',
      'replication across regions is built in',
    ],
    complaints: [
      'egress costs are eating the margin',
      'listing buckets with millions of keys is painfully slow',
      'the on-prem customers cannot use it',
    ],
    purposes: ['user uploads', 'backups', 'report exports'],
  },
];

const SERVICES = [
  'orders',
  'billing',
  'checkout',
  'search',
  'notifications',
  'identity',
  'inventory',
  'shipping',
  'payments',
  'analytics',
  'mobile',
  'admin console',
  'customer portal',
  'recommendations',
  'pricing',
  'catalog',
  'fraud detection',
  'reporting',
  'support desk',
  'marketing site',
  'partner API',
  'ledger',
  'invoicing',
  'onboarding',
  'scheduling',
  'messaging',
  'media uploads',
  'geolocation',
  'loyalty',
  'subscriptions',
  'audit log',
  'data platform',
  'ML platform',
  'warehouse',
  'returns',
  'reviews',
  'chat',
  'experimentation',
  'feature store',
  'edge gateway',
];

const SCOPES = [
  '',
  ' in the EU region',
  ' for batch workloads',
  ' for all new work',
  ' from Q3 on',
  ' in production and staging',
  ' for the v2 rewrite',
  ' for internal tooling',
];

const TITLES = [
  (s: Topic) => `${cap(s.service)} uses ${s.chosen} for ${s.purpose}${s.scope}`,
  (s: Topic) => `${s.chosen} is the ${s.area.name} for ${s.service}${s.scope}; ${s.rejected[0]} rejected`,
  (s: Topic) => `We standardise on ${s.chosen} as the ${s.area.name} of ${s.service}${s.scope}`,
  (s: Topic) => `${cap(s.service)} stays on ${s.chosen} for ${s.purpose}${s.scope}`,
  (s: Topic) => `Move ${s.service} ${s.purpose} to ${s.chosen}${s.scope}`,
];

const PEOPLE = [
  'U0ANA',
  'U0RAJ',
  'U0MEI',
  'U0TOM',
  'U0SAM',
  'U0LEA',
  'U0IVO',
  'U0KIM',
  'U0BEN',
  'U0ZOE',
  'U0OLA',
  'U0JAN',
];

/** What a seeded decision is about, for the messages that mention or reopen it. */
export interface Topic {
  index: number;
  area: Area;
  service: string;
  purpose: string;
  scope: string;
  chosen: string;
  rejected: string[];
  reason: string;
  complaint: string;
}

/** How many decisions fit before two would share area, service, scope and choice. */
export const DISTINCT_TOPICS = AREAS.length * SERVICES.length * SCOPES.length;

/** The i-th decision of the workspace (0-based); i and DISTINCT_TOPICS + i differ only in wording. */
export function topic(i: number): Topic {
  const area = AREAS[i % AREAS.length]!;
  const rest = Math.floor(i / AREAS.length);
  const service = SERVICES[rest % SERVICES.length]!;
  const variant = Math.floor(rest / SERVICES.length);
  const options = area.options;
  const chosenAt = (variant + rest) % options.length;
  const others = options.filter((_, k) => k !== chosenAt);
  const rejectedCount = 1 + ((i >> 3) % Math.min(3, others.length));
  const rotate = (i >> 2) % others.length;
  const rejected = [...others.slice(rotate), ...others.slice(0, rotate)].slice(0, rejectedCount);
  return {
    index: i,
    area,
    service,
    purpose: pick(area.purposes, i >> 1),
    scope: SCOPES[variant % SCOPES.length]!,
    chosen: options[chosenAt]!,
    rejected,
    reason: pick(area.reasons, i >> 2),
    complaint: pick(area.complaints, i * 7),
  };
}

/** Whether decisions i and j were recorded for the same service, area and choice (in other words). */
export function sameTopic(i: number, j: number): boolean {
  const a = topic(i);
  const b = topic(j);
  return a.area === b.area && a.service === b.service && a.chosen === b.chosen;
}

/** The recorded content of the i-th decision. */
export function decisionContent(i: number): DecisionContent {
  const t = topic(i);
  const year = 2023 + (i % 4);
  const day = new Date(Date.UTC(year, 0, 1 + ((i * 37) % 360))).toISOString().slice(0, 10);
  const deciders = [PEOPLE[i % PEOPLE.length]!, ...(i % 3 === 0 ? [PEOPLE[(i * 5 + 1) % PEOPLE.length]!] : [])];
  const rejectedWhy = t.rejected
    .map((r, k) => `${r} was ruled out because ${pick(t.area.complaints, i + k + 1)}`)
    .join('; ');
  return {
    title: pick(TITLES, i >> 5)(t),
    context:
      i % 4 === 0 ? `Came up in the ${t.service} architecture review after ${pick(t.area.complaints, i + 3)}.` : '',
    rationale: `${cap(t.reason)}. ${cap(rejectedWhy)}.`,
    consequences: i % 5 === 0 ? `The ${t.service} team owns the migration and the runbook.` : '',
    alternatives: t.rejected,
    aliases: [],
    deciders,
    tags: [t.area.tag, slug(t.service)],
    status: 'accepted',
    decidedOn: day,
    revisitOn: null,
  };
}

// ───────────────────────────── messages ─────────────────────────────

export type MessageKind = 'chatter' | 'mention' | 'reopen';

export interface ChannelMessage {
  kind: MessageKind;
  channel: string;
  user: string;
  text: string;
  /** Set for replies in an existing thread. */
  threadTs: string | null;
  /** The seeded decision (its index) a mention or reopening is about. */
  about: number | null;
}

const FEATURES = [
  'the retry banner',
  'dark mode',
  'CSV export',
  'the new onboarding step',
  'bulk edit',
  'the pricing page copy',
  'SSO settings',
  'the audit view',
  'webhook retries',
  'the address form',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const FOOD = ['ramen', 'taco', 'falafel', 'pizza', 'salad', 'dumpling'];
const ENVS = ['staging', 'production', 'the preview env', 'canary'];

const CHATTER = [
  (n: number) => `standup: yesterday finished ${pick(FEATURES, n)}, today ${pick(FEATURES, n + 3)}, no blockers`,
  (n: number) =>
    `PR #${4000 + (n % 900)} is up for ${pick(FEATURES, n)}, could someone take a look? <@${pick(PEOPLE, n)}>`,
  (n: number) => `deploying ${pick(SERVICES, n)} v2.${n % 40}.${n % 7} to ${pick(ENVS, n)} now`,
  (n: number) => `${pick(SERVICES, n)} deploy to ${pick(ENVS, n + 1)} done :white_check_mark:`,
  (n: number) => `lunch at 12:30? the new ${pick(FOOD, n)} place opened around the corner`,
  (n: number) => `reminder: retro moved to ${pick(DAYS, n)} 3pm, same room`,
  (n: number) => `I'm out ${pick(DAYS, n)}, <@${pick(PEOPLE, n + 1)}> covers my reviews`,
  (n: number) => `thanks <@${pick(PEOPLE, n)}>! :pray:`,
  (n: number) => `sprint planning notes are in the doc, please add your estimates before ${pick(DAYS, n)}`,
  (_n: number) => `anyone else seeing the wifi drop on the 3rd floor?`,
  (n: number) => `heads up: ${pick(SERVICES, n)} latency is back to normal, closing the incident channel`,
  (n: number) => `demo of ${pick(FEATURES, n)} at 4pm today, come if you're curious`,
  (n: number) => `the design review for ${pick(FEATURES, n + 2)} got moved to next week`,
  (n: number) => `happy birthday <@${pick(PEOPLE, n + 2)}> :tada:`,
  (n: number) => `who has the link to the Q${1 + (n % 4)} roadmap slides?`,
];

const REPLIES = [
  '+1',
  'lgtm',
  'on it',
  'done, thanks!',
  'makes sense to me',
  'can you share the dashboard link?',
  'looking now',
  'merged :rocket:',
  'sounds good',
  'I can pair on it after lunch',
];

const MENTIONS = [
  (t: Topic, n: number) => `the ${t.service} ${t.chosen} upgrade finished in ${pick(ENVS, n)}, all green`,
  (t: Topic, _n: number) => `how do I get access to ${t.chosen} for ${t.service}? is there a runbook somewhere?`,
  (t: Topic, n: number) =>
    `bug: the ${t.service} ${t.chosen} client times out after 30s under load, filed OPS-${1000 + (n % 8000)}`,
  (t: Topic) => `following the decision on ${t.chosen} for ${t.service}, first migration PR is up`,
  (t: Topic) => `docs for setting up ${t.chosen} locally for ${t.service} are in the wiki now`,
  (t: Topic) => `${t.chosen} dashboards for ${t.service} ${t.purpose} are live`,
];

const REOPENS = [
  (t: Topic) => `should we just switch ${t.service} from ${t.chosen} to ${t.rejected[0]}? ${t.complaint}`,
  (t: Topic) =>
    `honestly, why not move ${t.service} ${t.purpose} to ${t.rejected[0]} instead of ${t.chosen}? ${t.complaint}`,
  (t: Topic) => `can we revisit ${t.chosen} for ${t.service}? ${t.complaint}, ${t.rejected[0]} would fix that`,
  (t: Topic) =>
    `I think we should drop ${t.chosen} in ${t.service} and go with ${t.rejected[0]} after all, ${t.complaint}`,
];

/** Reopenings spread over this many public channels (C0BENCH1…), each (channel, decision) once. */
export const REOPEN_CHANNELS = 50;
export const CHATTER_CHANNEL = 'C0BENCH';

/**
 * An endless, deterministic mix of channel messages about a ledger of `decisions` decisions:
 * about 85% chatter and status updates (a third of them thread replies), 10% that mention a
 * decision's topic without reopening it, 5% that reopen one in a new thread of their own. Each
 * reopening names a different (channel, decision) pair, so the app's cooling period per channel
 * and decision never silences one.
 */
export class MessageMix {
  readonly sent: Record<MessageKind, number> = { chatter: 0, mention: 0, reopen: 0 };
  private n = 0;
  private recentTs: string[] = [];

  constructor(private readonly decisions: number) {}

  next(ts: string): ChannelMessage {
    const n = this.n++;
    const slot = n % 20;
    const user = pick(PEOPLE, n * 7 + 3);
    let message: ChannelMessage;
    if (slot === 7) {
      const k = this.sent.reopen;
      // A stride coprime with the ledger's size visits every decision before repeating one.
      const t = topic((k * 7919) % this.decisions);
      const channel = `C0BENCH${1 + ((k + Math.floor(k / this.decisions)) % REOPEN_CHANNELS)}`;
      message = { kind: 'reopen', channel, user, text: pick(REOPENS, k)(t), threadTs: null, about: t.index };
    } else if (slot === 3 || slot === 14) {
      const t = topic((this.sent.mention * 104_729 + 13) % this.decisions);
      message = {
        kind: 'mention',
        channel: CHATTER_CHANNEL,
        user,
        text: pick(MENTIONS, n)(t, n),
        threadTs: null,
        about: t.index,
      };
    } else if (n % 3 === 0 && this.recentTs.length > 0) {
      message = {
        kind: 'chatter',
        channel: CHATTER_CHANNEL,
        user,
        text: pick(REPLIES, n),
        threadTs: pick(this.recentTs, n),
        about: null,
      };
    } else {
      message = {
        kind: 'chatter',
        channel: CHATTER_CHANNEL,
        user,
        text: pick(CHATTER, n)(n),
        threadTs: null,
        about: null,
      };
    }
    this.sent[message.kind] += 1;
    if (message.channel === CHATTER_CHANNEL && message.threadTs === null) {
      this.recentTs.push(ts);
      if (this.recentTs.length > 50) this.recentTs.shift();
    }
    return message;
  }
}

function pick<T>(values: readonly T[], n: number): T {
  return values[Math.abs(n) % values.length]!;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
