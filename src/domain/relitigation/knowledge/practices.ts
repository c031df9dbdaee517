import type { FamilySpec } from './spec.js';

/**
 * Engineering practices teams decide on, each with the ways people talk about it in chat. The
 * members of a family are the competing options (async vs live standups) or facets of the same
 * rule (freeze, cutoff, weekends). Weights stay low where the words are everyday English.
 */
export const PRACTICE_FAMILIES: FamilySpec[] = [
  {
    job: 'release timing',
    members: [
      { names: 'deploy|deploys|deployment|deployments|ship|shipping|push to prod|release to prod|go live|prod deploys|production deploys', weight: 0.45 },
      { names: 'deploy freeze|code freeze|change freeze|release freeze|freeze|cutoff|cut-off|deploy window|release window|no-deploy', weight: 0.8 },
      { names: 'weekend|weekends|saturday|saturdays|sunday|sundays|friday afternoon|friday evening|friday deploys|fridays', weight: 0.5 },
      { names: 'canary|canaries|canary releases|auto rollback|automatic rollback|progressive delivery|blue-green', weight: 0.6 },
    ],
  },
  {
    job: 'on-call scheduling',
    members: [
      { names: 'on-call|oncall|on call|on-call rotation|pager rotation|holding the pager|carry the pager|pager', weight: 0.8 },
      { names: 'follow-the-sun|follow the sun', weight: 0.9 },
      { names: 'weekly rotation|split weeks|split shifts|shifts|shift|handoff|hand-off|handover|comp day|comp days|comp time', weight: 0.6 },
    ],
  },
  {
    job: 'alert routing',
    members: [
      'PagerDuty|pager duty',
      'Opsgenie',
      'VictorOps|Splunk On-Call',
      'incident.io',
      'FireHydrant',
      'Rootly',
      'Grafana OnCall',
      { names: 'paging|paged|pages|page out|gets paged|woke up|wake up|wake me up|phone to ring|phone ring', weight: 0.6 },
      { names: 'alert|alerts|alerting|alarm|alarms', weight: 0.5 },
      { names: 'SLO|SLOs|SLI|SLIs|burn rate|burn-rate|error budget', weight: 0.8 },
      { names: 'threshold alerts|resource alerts|saturation alerts|cpu alerts|memory alerts|disk alerts|infra alerts|infrastructure alerts|saturation', weight: 0.9 },
    ],
  },
  {
    job: 'incident follow-up',
    members: [
      { names: 'postmortem|post-mortem|post mortem|blameless postmortem|incident review|incident report|write-up|writeup|RCA|root cause analysis|post-incident review', weight: 0.9 },
      { names: 'incident note|incident notes|incident summary|lightweight write-up', weight: 0.9 },
      { names: 'SEV0|SEV1|SEV2|SEV3|sev 1|sev 2|severity 1|severity 2', weight: 0.5 },
      { names: 'ops review|incident review meeting', weight: 0.6 },
      { names: 'incident|incidents|outage|outages', weight: 0.5 },
    ],
  },
  {
    job: 'code review policy',
    members: [
      { names: 'code review|review|reviews|reviewer|reviewers|approval|approvals|approve|approving|sign-off|sign off|signoff|LGTM|bless', weight: 0.4 },
      { names: 'CODEOWNERS|code owners|code owner|codeowner|owning team|owner group|owner groups|owners file', weight: 0.9 },
      { names: 'self-merge|self merge|self-merging|self-merged|merge my own|merge your own|merge their own|self-approve', weight: 1 },
      { names: 'four-eyes|four eyes|two reviewers|second reviewer|required reviews|branch protection', weight: 0.8 },
    ],
  },
  {
    job: 'change size',
    members: [
      { names: 'PR size|pull request size|changed lines|lines changed|line cap|line limit|size limit|size check|diff size|small PRs|large PR|large PRs|big PR|huge PR|stacked PRs|stacked diffs|stacked pull requests', weight: 0.9 },
      { names: 'PR|PRs|pull request|pull requests|merge request|merge requests', weight: 0.25 },
    ],
  },
  {
    job: 'delivery cadence',
    members: [
      { names: 'sprint|sprints|scrum|iteration|iterations|sprint planning', weight: 0.8 },
      { names: 'kanban|continuous flow|flow-based|shape up|shape-up', weight: 0.8 },
      { names: 'ceremonies|ceremony|retro|retros|retrospective|retrospectives|sprint review|demo day', weight: 0.6 },
      { names: 'two-week|two weeks|2-week|2 weeks|fortnight|fortnightly|biweekly|bi-weekly|three-week|3-week|3 weeks', weight: 0.5 },
    ],
  },
  {
    job: 'standup format',
    members: [
      { names: 'standup|standups|stand-up|stand-ups|daily standup|daily scrum', weight: 0.8 },
      'Geekbot',
      'Standuply',
      'Status Hero',
      { names: 'async standup|async standups|written standup|text standup|async updates', weight: 0.9 },
      { names: 'live standup|video standup|standup call|standup meeting|daily call|daily sync|daily meeting', weight: 0.9 },
    ],
  },
  {
    job: 'repository layout',
    members: [
      { names: 'monorepo|mono-repo|mono repo|one repo|single repo|one big repo', weight: 0.9 },
      { names: 'polyrepo|poly-repo|multi-repo|multirepo|repo per service|one repo per service|separate repos|separate repo|own repo|standalone repo|standalone repos|service repos|standalone service repos', weight: 0.9 },
      { names: 'git submodules|submodules|submodule', weight: 0.8 },
    ],
  },
  {
    job: 'branching model',
    members: [
      { names: 'trunk-based development|trunk-based|trunk based|short-lived branches', weight: 0.9 },
      { names: 'git flow|gitflow|git-flow|release branches|release branch|long-lived branches|long-lived branch|develop branch', weight: 0.9 },
      { names: 'squash merge|squash merges|squash and merge|squashing', weight: 0.8 },
      { names: 'merge commits|merge commit|rebase and merge|linear history', weight: 0.8 },
    ],
  },
  {
    job: 'API versioning',
    members: [
      { names: 'versioning|api versions|api version|versioned api|versioned apis|breaking change|breaking changes|deprecation|sunset|sunsets', weight: 0.6 },
      { names: 'path versioning|url versioning|version in the url|versions in the url|url path', weight: 0.9 },
      { names: 'header versioning|header-based versioning|version header|header-based|api-version header', weight: 0.9 },
      { names: 'date-based versioning|dated versions|date-based|date versioning|stripe-style versioning', weight: 0.9 },
      { names: 'additive changes|evolve additively|additive evolution|versionless|never break', weight: 0.8 },
      { names: 'v1|v2|v3|v4', weight: 0.3 },
    ],
  },
  {
    job: 'pricing model',
    members: [
      { names: 'free plan|free tier|free plans|free tiers|free users|free user|free workspaces|free workspace|freemium|free version|free offering', weight: 0.9 },
      { names: 'unlimited plan|unlimited projects|unlimited free tier|unlimited free|unlimited seats', weight: 0.8 },
      { names: 'seat|seats|per seat|per-seat|seat-based', weight: 0.4 },
      { names: 'paywall|upsell|paid plan|paid plans|pricing|monetize|monetise|monetization|monetisation', weight: 0.5 },
      { names: 'free trial|trial|trials', weight: 0.6 },
      { names: 'usage-based pricing|usage based pricing|pay-as-you-go|metered billing', weight: 0.8 },
    ],
  },
  {
    job: 'runtime upgrades',
    members: [
      { names: 'base image|base images|container image|docker image', weight: 0.5 },
      { names: 'EOL|end of life|end-of-life', weight: 0.6 },
      { names: 'interpreter|runtime version|language version', weight: 0.5 },
    ],
  },
  {
    job: 'design records',
    members: [{ names: 'ADR|ADRs|RFC|RFCs|design doc|design docs|architecture review|arch review', weight: 0.5 }],
  },
  {
    job: 'testing practice',
    members: [
      { names: 'code coverage|test coverage|coverage threshold', weight: 0.7 },
      { names: 'TDD|test-driven', weight: 0.8 },
      { names: 'e2e|end-to-end|end to end|integration tests|integration suite|integration suites', weight: 0.5 },
      { names: 'unique tests|not_null|not null tests|schema tests|data tests|dbt tests', weight: 0.8 },
    ],
  },
  {
    job: 'work location',
    members: [
      { names: 'remote-first|remote first|fully remote|hybrid|return to office|office days|in-office', weight: 0.6 },
    ],
  },
];
