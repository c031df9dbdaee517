import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCostEvent } from '../../src/app/costs/ports.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { WorkspaceDataCounts } from '../../src/app/workspace/ports.js';
import type { PullRequestTimeline } from '../../src/domain/costs/reviewTimeline.js';
import { createCalendarSubscriptionRepository } from '../../src/storage/calendarSubscriptionRepository.js';
import { createChannelSettingsRepository } from '../../src/storage/channelSettingsRepository.js';
import { createCostRepository } from '../../src/storage/costRepository.js';
import { createCostSettingsRepository } from '../../src/storage/costSettingsRepository.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { createDigestRepository } from '../../src/storage/digestRepository.js';
import { createGithubRepository } from '../../src/storage/githubRepository.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { createJudgementRepository } from '../../src/storage/judgementRepository.js';
import { createThreadActivityRepository } from '../../src/storage/threadActivityRepository.js';
import { createWorkspacePurge } from '../../src/storage/workspacePurge.js';
import { createWorkspaceSettingsRepository } from '../../src/storage/workspaceSettingsRepository.js';
import { ABANDONED_CLAIM_MS } from '../../src/app/digests/dueDigests.js';
import { aNewDecision } from '../support/decisions.js';
import { indexDecisions } from '../../src/app/relitigation/indexDecisions.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { detector } from '../support/detector.js';
import { createTestDatabase } from '../support/testDatabase.js';

const ACME: Workspace = { workspaceId: 'T0ACME', enterpriseId: null };
const OTHER: Workspace = { workspaceId: 'T0OTHER', enterpriseId: null };

/**
 * Tables with a workspace_id column that a purge keeps, and why. Every other such table must be
 * emptied for the workspace: one added later without purge support fails "finds every table…".
 */
const KEPT_BY_PURGE: Record<string, string> = {
  slack_installations: 'the installation goes when the app is uninstalled; after a purge the app keeps working',
};

/**
 * Tables kept by triggers on `decisions`: a purge empties them with the decisions, and the
 * confirmation does not count their rows (they are not data anyone recorded).
 */
const DERIVED_FROM_DECISIONS: Record<string, string> = {
  decision_terms: 'how many decisions carry each word, for relitigation retrieval',
  decision_index: "what the detector's model derived from each decision; deleted with it (on delete cascade)",
};

/** Every base table of the app's schema with a workspace_id column, found in the catalogue rather than listed. */
async function tablesWithWorkspaceId(database: Database): Promise<string[]> {
  const rows = rowsOf<{ table_name: string }>(
    await database.db.execute(sql`
      select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.column_name = 'workspace_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name`),
  );
  return rows.map((r) => r.table_name);
}

/** Rows per table for one workspace. */
async function rowsPerTable(
  database: Database,
  tables: string[],
  workspace: Workspace,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspace.workspaceId}`,
      ),
    );
    counts[table] = Number(row!.n);
  }
  return counts;
}

async function timelineKeys(database: Database): Promise<string[]> {
  const rows = rowsOf<{ key: string }>(
    await database.db.execute(
      sql`select repository_key || '#' || number as key from pull_request_timelines order by 1`,
    ),
  );
  return rows.map((r) => r.key);
}

async function deliveryIds(database: Database): Promise<string[]> {
  return rowsOf<{ delivery_id: string }>(
    await database.db.execute(sql`select delivery_id from github_deliveries order by 1`),
  ).map((r) => r.delivery_id);
}

function cost(workspace: Workspace, sourceKey: string): NewCostEvent {
  return {
    workspace,
    channelId: 'C0ARCH',
    channelPrivate: false,
    kind: 'meeting',
    source: 'command',
    sourceKey,
    occurredAt: new Date('2026-11-10T10:00:00Z'),
    day: '2026-11-10',
    title: 'architecture sync',
    decision: null,
    personHours: 6,
    waitHours: 0,
    money: 600,
    buildHours: 7.2,
    currency: 'EUR',
    inputs: { minutes: 45, attendees: 8 },
    createdBy: 'U0ANA',
  };
}

function timeline(repositoryKey: string, number: number): PullRequestTimeline {
  const at = new Date('2026-11-09T09:00:00Z');
  return {
    repositoryKey,
    number,
    author: 'octocat',
    openedAt: at,
    readyAt: at,
    reviewRequestedAt: at,
    firstReviewAt: null,
    firstReviewer: null,
    closedAt: null,
    mergedAt: null,
    draft: false,
    title: 'Move billing to Stripe',
    url: `https://github.com/${repositoryKey}/pull/${number}`,
    lastActivityAt: at,
    waitReported: false,
  };
}

/** A row in every table a workspace has data in, written the way the app writes them. */
async function seed(database: Database, workspace: Workspace, repository: string): Promise<void> {
  const db = database.db;
  const decisions = createDecisionRepository(db);
  const { decision } = await decisions.record(aNewDecision({ workspace }));
  await indexDecisions({ relitigation: createRelitigationIndex(db), detector }, workspace, [decision]);
  await decisions.setUnderReview(workspace, decision.id, 'reopened', 'U0RAJ');
  await createWorkspaceSettingsRepository(db).setLlmOptIn(workspace, true);
  await createChannelSettingsRepository(db).setWatch(workspace, 'C0ARCH', 'high', 'U0ANA');
  await createJudgementRepository(db).recordAll([
    {
      workspace,
      channelId: 'C0ARCH',
      messageTs: '1700000001.000100',
      threadTs: '1700000001.000100',
      author: 'U0RAJ',
      decisionId: decision.id,
      decisionRef: decision.ref,
      modelVersion: detector.model.version,
      topic: 0.9,
      stance: 0.8,
      tier: 'strong',
      outcome: 'warned',
      mode: 'offline',
    },
  ]);
  await createThreadActivityRepository(db).note(workspace, 'C0ARCH', '1700000001.000100', {
    ts: '1700000002.000100',
    author: 'U0ANA',
  });
  await createCostRepository(db).record(cost(workspace, 'meeting:1'));
  await createCostSettingsRepository(db).save(workspace, null, { hourlyRate: 120 }, 'U0ANA');
  await createCalendarSubscriptionRepository(db).subscribe(
    workspace,
    'C0ARCH',
    'https://calendar.example.com/team.ics',
    'U0ANA',
  );
  const github = createGithubRepository(db);
  await github.link(workspace, repository, 'C0ARCH', 'U0ANA');
  await github.link(workspace, 'acme/shared', 'C0ARCH', 'U0ANA');
  const digests = createDigestRepository(db);
  await digests.saveSchedule(
    workspace,
    'C0ARCH',
    { cadence: 'weekly', weekday: 5, dayOfMonth: null, time: '16:00', timeZone: null },
    'U0ANA',
    new Date(),
    new Date(),
  );
  await digests.claimRun(workspace, 'C0ARCH', '2026-W46', 'replica-1', ABANDONED_CLAIM_MS);
}

describe('purging a workspace', () => {
  let database: Database;
  let tables: string[];
  beforeAll(async () => {
    database = await createTestDatabase();
    tables = await tablesWithWorkspaceId(database);
    await seed(database, ACME, 'acme/billing');
    await seed(database, OTHER, 'other/api');
    const github = createGithubRepository(database.db);
    // Timelines are kept per repository, not per workspace: acme/shared is linked by both.
    for (const [repository, number] of [
      ['acme/billing', 1],
      ['acme/shared', 2],
      ['other/api', 3],
      ['nobody/links-this', 4],
    ] as const) {
      await github.updateTimeline(repository, number, () => timeline(repository, number));
    }
    await github.firstDelivery('delivery-1', 'pull_request');
  });
  afterAll(async () => {
    await database.close();
  });

  it('finds every table with a workspace_id column seeded for both workspaces', async () => {
    // A table added later shows up here with no rows: seed it above, and delete it in workspacePurge.ts.
    const unseeded = async (workspace: Workspace) =>
      Object.entries(await rowsPerTable(database, tables, workspace))
        .filter(([table, n]) => n === 0 && !(table in KEPT_BY_PURGE))
        .map(([table]) => table);
    expect(tables).toContain('decisions');
    expect(await unseeded(ACME)).toEqual([]);
    expect(await unseeded(OTHER)).toEqual([]);
  });

  it('counts what it will delete, table by table', async () => {
    const counts = await createWorkspacePurge(database.db).counts(ACME);
    const stored = await rowsPerTable(
      database,
      tables.filter((t) => !(t in KEPT_BY_PURGE) && !(t in DERIVED_FROM_DECISIONS)),
      ACME,
    );
    const total = (values: object) => Object.values(values).reduce((a: number, b: number) => a + b, 0);
    // The timelines have no workspace_id; every other kind is a table of its own.
    expect(total(counts) - counts.pullRequestTimelines).toBe(total(stored));
    expect(counts).toMatchObject({
      decisions: 1,
      judgements: 1,
      costEvents: 1,
      githubLinks: 2,
      pullRequestTimelines: 1,
      digestSchedules: 1,
      workspaceRecord: 1,
    });
  });

  it("deletes every row of the workspace in every table, and leaves the other workspace's alone", async () => {
    const purge = createWorkspacePurge(database.db);
    const otherBefore = await rowsPerTable(database, tables, OTHER);
    const counted = await purge.counts(ACME);
    const installed = tables.includes('slack_installations');
    if (installed) {
      await database.db.execute(
        sql`insert into slack_installations (workspace_id, team_id, is_enterprise_install, secrets) values (${ACME.workspaceId}, ${ACME.workspaceId}, false, 'sealed')`,
      );
    }

    expect(await purge.purge(ACME)).toEqual(counted);

    const after = await rowsPerTable(database, tables, ACME);
    for (const table of tables)
      expect({ table, rows: after[table] }).toEqual({ table, rows: table in KEPT_BY_PURGE ? (installed ? 1 : 0) : 0 });
    expect(await rowsPerTable(database, tables, OTHER)).toEqual(otherBefore);
    // Only acme/billing was ACME's alone; acme/shared is still linked by OTHER, and nobody's is nobody's to delete.
    expect(await timelineKeys(database)).toEqual(['acme/shared#2', 'nobody/links-this#4', 'other/api#3']);
    // Delivery ids guard every workspace against redeliveries and hold nothing of ACME's.
    expect(await deliveryIds(database)).toEqual(['delivery-1']);
  });

  it('deletes nothing, and succeeds, when asked again', async () => {
    const again = await createWorkspacePurge(database.db).purge(ACME);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(await createWorkspacePurge(database.db).counts(ACME)).toEqual(again);
  });

  it('lets the workspace start a new ledger at D-1 afterwards', async () => {
    const { decision } = await createDecisionRepository(database.db).record(aNewDecision({ workspace: ACME }));
    expect(decision.ref).toBe(1);
    expect(await createWorkspaceSettingsRepository(database.db).llmOptIn(ACME)).toBe(false);
  });

  it('deletes each row once when two purges race (a double click), and neither fails', async () => {
    await seed(database, ACME, 'acme/billing');
    const purge = createWorkspacePurge(database.db);
    const counted = await purge.counts(ACME);
    const [first, second] = await Promise.all([purge.purge(ACME), purge.purge(ACME)]);
    for (const kind of Object.keys(counted) as (keyof WorkspaceDataCounts)[])
      expect(first[kind] + second[kind]).toBe(counted[kind]);
    expect(Object.values(await purge.counts(ACME)).every((n) => n === 0)).toBe(true);
  });
});
