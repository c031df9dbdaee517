import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AdrDocument } from '../../../src/domain/adr/adrDocument.js';
import { readAdr } from '../../../src/domain/adr/readAdr.js';
import { adrToDecision } from '../../../src/domain/adr/adrToDecision.js';
import { adrFileName, type ExportableDecision, relativePath, writeAdr } from '../../../src/domain/adr/writeAdr.js';

function aDecision(overrides: Partial<ExportableDecision> = {}): ExportableDecision {
  return {
    ref: 3,
    title: 'Use Postgres for the ledger',
    status: 'accepted',
    decidedOn: '2026-03-02',
    revisitOn: null,
    deciders: ['U0ANA', 'U0BEN'],
    tags: ['storage'],
    context: 'We need one store &amp; one backup story.',
    rationale: 'Postgres is what ops already runs.',
    consequences: 'We drop the SQLite prototype.',
    alternatives: ['SQLite', 'DynamoDB'],
    supersedes: [],
    supersededBy: [],
    permalink: 'https://acme.slack.com/archives/C0ARCH/p1700000000000100',
    channelId: 'C0ARCH',
    relitigationCount: 2,
    ...overrides,
  };
}

const fileNameOf = (ref: number) =>
  ({ 3: '0003-use-postgres-for-the-ledger.md', 7: '0007-use-cockroachdb.md', 1: '0001-record-decisions.md' })[ref] ??
  `${ref}.md`;

/** The YAML between the first two `---` lines, parsed. */
function frontMatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(match).not.toBeNull();
  return parse(match![1]!) as Record<string, unknown>;
}

describe('adrFileName', () => {
  it('pads the ref to four digits and slugs the title', () => {
    expect(adrFileName({ ref: 7, title: 'Use Postgres for the ledger' })).toBe('0007-use-postgres-for-the-ledger.md');
    expect(adrFileName({ ref: 12345, title: 'Big' })).toBe('12345-big.md');
  });

  it('drops accents, entities and punctuation, and never leaves a dash at either end', () => {
    expect(adrFileName({ ref: 1, title: '  Café: "Q&amp;A" #infra — it\'s fine!  ' })).toBe(
      '0001-cafe-q-a-infra-it-s-fine.md',
    );
  });

  it('keeps the slug to 60 characters, cut between words', () => {
    const name = adrFileName({
      ref: 2,
      title: 'a very long title that goes on and on about the database we chose and why',
    });
    const slug = name.slice('0002-'.length, -'.md'.length);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('a-very-long-title-that-goes-on-and-on-about-the-database-we');
    expect(adrFileName({ ref: 2, title: 'x'.repeat(80) })).toBe(`0002-${'x'.repeat(60)}.md`);
  });

  it('still names a file whose title has no Latin letters, and refs keep such names apart', () => {
    expect(adrFileName({ ref: 4, title: 'データベースの選定' })).toBe('0004-decision.md');
    expect(adrFileName({ ref: 5, title: 'データベースの選定' })).toBe('0005-decision.md');
    expect(adrFileName({ ref: 6, title: 'Выбор базы данных v2' })).toBe('0006-v2.md');
  });
});

describe('writeAdr as MADR 4', () => {
  it('writes a small decision with its front matter and the sections MADR names', () => {
    const markdown = writeAdr(aDecision({ deciderNames: { U0ANA: 'Ana Lima' } }), 'madr', fileNameOf);
    expect(markdown).toBe(
      [
        '---',
        'status: accepted',
        'date: 2026-03-02',
        'decision-makers:',
        '  - Ana Lima',
        '  - U0BEN',
        'tags:',
        '  - storage',
        'x-ref: D-3',
        'x-channel: C0ARCH',
        'x-slack-permalink: https://acme.slack.com/archives/C0ARCH/p1700000000000100',
        'x-relitigation-count: 2',
        'x-decider-ids:',
        '  - U0ANA',
        '  - U0BEN',
        '---',
        '',
        '# Use Postgres for the ledger',
        '',
        '## Context and Problem Statement',
        '',
        'We need one store & one backup story.',
        '',
        '## Considered Options',
        '',
        '* SQLite',
        '* DynamoDB',
        '',
        '## Decision Outcome',
        '',
        'Postgres is what ops already runs.',
        '',
        '### Consequences',
        '',
        'We drop the SQLite prototype.',
        '',
      ].join('\n'),
    );
  });

  it('writes front matter that parses back to the values the log keeps', () => {
    const front = frontMatterOf(
      writeAdr(aDecision({ revisitOn: '2026-09-01', tags: ['2026', 'yes', 'db'] }), 'madr', fileNameOf),
    );
    expect(front).toEqual({
      status: 'accepted',
      date: '2026-03-02',
      'decision-makers': ['U0ANA', 'U0BEN'],
      tags: ['2026', 'yes', 'db'],
      'x-ref': 'D-3',
      'x-channel': 'C0ARCH',
      'x-slack-permalink': 'https://acme.slack.com/archives/C0ARCH/p1700000000000100',
      'x-revisit-by': '2026-09-01',
      'x-relitigation-count': 2,
    });
  });

  it('writes supersession both ways: the older record is superseded by the newer, which supersedes it', () => {
    const older = writeAdr(aDecision({ status: 'superseded', supersededBy: [7] }), 'madr', fileNameOf);
    expect(older).toContain('status: "superseded by [0007](0007-use-cockroachdb.md)"\n');
    expect(frontMatterOf(older).status).toBe('superseded by [0007](0007-use-cockroachdb.md)');
    expect(older).toContain('## More Information\n\nSuperseded by [0007](0007-use-cockroachdb.md)\n');

    const newer = writeAdr(aDecision({ ref: 7, title: 'Use CockroachDB', supersedes: [3] }), 'madr', fileNameOf);
    expect(frontMatterOf(newer)).toMatchObject({
      status: 'accepted',
      'x-ref': 'D-7',
      'x-supersedes': ['0003-use-postgres-for-the-ledger.md'],
    });
    expect(newer).toContain('## More Information\n\nSupersedes [0003](0003-use-postgres-for-the-ledger.md)\n');
  });

  it('keeps a status MADR has no word for in x-status', () => {
    const front = frontMatterOf(writeAdr(aDecision({ status: 'reversed' }), 'madr', fileNameOf));
    expect(front).toMatchObject({ status: 'deprecated', 'x-status': 'reversed' });
  });

  it('writes a title with colons, hashes and quotes as it reads, with a file name that is safe', () => {
    const title = `Auth: use "OIDC" # not SAML, it's settled`;
    const markdown = writeAdr(aDecision({ title }), 'madr', fileNameOf);
    expect(markdown).toContain(`\n# ${title}\n`);
    expect(adrFileName({ ref: 3, title })).toBe('0003-auth-use-oidc-not-saml-it-s-settled.md');
  });

  it('quotes front-matter values that YAML would otherwise misread', () => {
    const front = frontMatterOf(
      writeAdr(
        aDecision({
          deciders: ['Ana: lead', '#ops', '"Ben"'],
          tags: ['null'],
          permalink: null,
          channelId: null,
          relitigationCount: 0,
        }),
        'madr',
        fileNameOf,
      ),
    );
    expect(front['decision-makers']).toEqual(['Ana: lead', '#ops', '"Ben"']);
    expect(front.tags).toEqual(['null']);
    expect(front).not.toHaveProperty('x-channel');
    expect(front).not.toHaveProperty('x-slack-permalink');
    expect(front['x-relitigation-count']).toBe(0);
  });

  it('leaves out empty sections and empty lists', () => {
    const markdown = writeAdr(
      aDecision({ context: '', consequences: '', alternatives: [], tags: [], deciders: [] }),
      'madr',
      fileNameOf,
    );
    expect(markdown).not.toContain('## Context and Problem Statement');
    expect(markdown).not.toContain('## Considered Options');
    expect(markdown).not.toContain('### Consequences');
    expect(markdown).not.toContain('## More Information');
    expect(markdown).toContain('## Decision Outcome\n\nPostgres is what ops already runs.\n');
    const front = frontMatterOf(markdown);
    for (const key of [
      'decision-makers',
      'consulted',
      'informed',
      'tags',
      'x-supersedes',
      'x-revisit-by',
      'x-decider-ids',
    ])
      expect(front).not.toHaveProperty(key);
  });

  it('turns Slack markup into Markdown, and never writes a broadcast token', () => {
    const markdown = writeAdr(
      aDecision({
        context:
          'Asked <@U0ANA> and <@U0CAL|cal> in <#C0OPS|ops>; see <https://wiki.test/db?a=1&amp;b=2|the wiki [v2]> and <https://x.test>. ' +
          '<!channel> <!here|here> <!subteam^S0123|@backend> and typed &lt;!everyone&gt; &lt;@U0ANA&gt; a &lt; b',
      }),
      'madr',
      fileNameOf,
    );
    const context = markdown.split('## Context and Problem Statement\n\n')[1]!.split('\n')[0];
    expect(context).toBe(
      'Asked @U0ANA and @cal in #ops; see [the wiki \\[v2\\]](https://wiki.test/db?a=1&b=2) and https://x.test. ' +
        '@channel @here @backend and typed @everyone <@U0ANA> a < b',
    );
    expect(markdown).not.toMatch(/<!/);
    expect(
      writeAdr(aDecision({ context: 'Ask <@U0ANA>', deciderNames: { U0ANA: 'Ana' } }), 'madr', fileNameOf),
    ).toContain('\nAsk @Ana\n');
  });
});

describe('writeAdr as Nygard', () => {
  it('writes the adr-tools layout', () => {
    expect(writeAdr(aDecision(), 'nygard', fileNameOf)).toBe(
      [
        '# 3. Use Postgres for the ledger',
        '',
        'Date: 2026-03-02',
        '',
        // adr-tools has no place for them; lines the importer reads back, so nothing is lost.
        'Deciders: U0ANA, U0BEN',
        '',
        'Tags: storage',
        '',
        '## Status',
        '',
        'Accepted',
        '',
        '## Context',
        '',
        'We need one store & one backup story.',
        '',
        '## Decision',
        '',
        'Postgres is what ops already runs.',
        '',
        'Considered options:',
        '',
        '* SQLite',
        '* DynamoDB',
        '',
        '## Consequences',
        '',
        'We drop the SQLite prototype.',
        '',
      ].join('\n'),
    );
  });

  it('writes no date for a record imported without one, in either format, rather than inventing one', () => {
    const undated = aDecision({ decidedOn: null });
    expect(frontMatterOf(writeAdr(undated, 'madr', fileNameOf))).not.toHaveProperty('date');
    expect(writeAdr(undated, 'nygard', fileNameOf)).not.toContain('Date:');
  });

  it('links supersession both ways as adr-tools does', () => {
    const older = writeAdr(aDecision({ status: 'superseded', supersededBy: [7] }), 'nygard', fileNameOf);
    expect(older).toContain('## Status\n\nSuperseded by [7. Use cockroachdb](0007-use-cockroachdb.md)\n');
    expect(older).not.toContain('Accepted');
    const newer = writeAdr(aDecision({ ref: 7, title: 'Use CockroachDB', supersedes: [3, 1] }), 'nygard', fileNameOf);
    expect(newer).toContain(
      '## Status\n\nAccepted\n\nSupersedes [3. Use postgres for the ledger](0003-use-postgres-for-the-ledger.md)\n\nSupersedes [1. Record decisions](0001-record-decisions.md)\n',
    );
  });

  it('leaves out empty sections', () => {
    const markdown = writeAdr(aDecision({ context: '', consequences: '', alternatives: [] }), 'nygard', fileNameOf);
    expect(markdown).not.toContain('## Context');
    expect(markdown).not.toContain('## Consequences');
    expect(markdown).not.toContain('Considered options');
    expect(markdown).toContain('## Decision\n\nPostgres is what ops already runs.\n');
  });
});

/** A decision as an import of `text` stores it, with its document. */
function imported(path: string, text: string, overrides: Partial<ExportableDecision> = {}): ExportableDecision {
  const result = readAdr({ path, text });
  if (!result.ok) throw new Error(result.reason);
  const { content, document } = adrToDecision(result.adr);
  return aDecision({
    ...content,
    deciders: content.deciders,
    permalink: null,
    channelId: null,
    relitigationCount: 0,
    document: { ...document, links: [] } satisfies AdrDocument,
    ...overrides,
  });
}

const nygardFile = [
  '# 12. Use Kafka',
  '',
  'Date: 10/04/18',
  '',
  '## Status',
  '',
  'Accepted',
  '',
  '## Context',
  '',
  'We need [a queue](https://example.com).',
  '',
  '## Discussion',
  '',
  'We argued about it, and *them*.',
  '',
  '## Decision',
  '',
  'Kafka.',
  '',
  '## Consequences',
  '',
  'Ops learns Kafka.',
  '',
].join('\n');

describe('writeAdr of an imported record', () => {
  it('writes the file back as it was: sections the log has no field for in place, the date as written', () => {
    const decision = imported('0012-use-kafka.md', nygardFile, { ref: 40 });
    expect(writeAdr(decision, 'nygard', fileNameOf)).toBe(nygardFile);
  });

  it('writes an edited field under its own heading, and keeps the rest as written', () => {
    const decision = imported('0012-use-kafka.md', nygardFile, { context: 'A new context.', status: 'deprecated' });
    const markdown = writeAdr(decision, 'nygard', fileNameOf);
    expect(markdown).toContain('## Status\n\nDeprecated\n\n## Context\n\nA new context.\n\n## Discussion\n\nWe argued');
    expect(markdown).toContain('## Decision\n\nKafka.');
  });

  it('keeps unknown sections and front-matter keys in MADR too, and writes no status the file did not have', () => {
    const decision = imported(
      'adr006-avoid-react-fc.md',
      '---\nid: adrs-adr006\ntitle: ADR006: Avoid React.FC\nsidebar_label: ADR006\n---\n\n## Context\n\nC.\n\n## Risks\n\nR.\n',
    );
    const markdown = writeAdr(decision, 'madr', fileNameOf);
    const front = frontMatterOf(markdown);
    expect(front).toMatchObject({ id: 'adrs-adr006', sidebar_label: 'ADR006' });
    expect(front).not.toHaveProperty('status');
    expect(front).not.toHaveProperty('date');
    expect(markdown).toContain('# Avoid React.FC\n\n## Context\n\nC.\n\n## Risks\n\nR.\n');
  });

  it('reads and writes back a record of ten thousand sections, each compared once, within the test timeout', () => {
    const text = [
      '# 1. Many sections\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n',
      ...Array.from({ length: 5000 }, (_v, i) => `### Part ${i}\n\nLine ${i} with [a link](x.md) and **bold**.\n`),
      '## Decision\n',
      ...Array.from({ length: 5000 }, (_v, i) => `#### Choice ${i}\n\nText ${i}.\n`),
    ].join('\n');
    const decision = imported('0001-many-sections.md', text);
    expect(decision.document!.parts).toHaveLength(10_004);
    expect(writeAdr(decision, 'nygard', fileNameOf)).toBe(text);
  });

  it('writes typed links both ways, relative to folder-per-ADR files, once', () => {
    const names: Record<number, string> = { 1: 'first/index.md', 2: 'second/index.md' };
    const of = (ref: number) => names[ref]!;
    const amending = imported('second/index.md', '# Second\n\n## Context\n\nC.\n', { ref: 2 });
    amending.document!.links = [{ verb: 'amends', direction: 'forward', ref: 1 }];
    const amended = imported('first/index.md', '# First\n\n## Context\n\nC.\n', { ref: 1 });
    amended.document!.links = [{ verb: 'amends', direction: 'reverse', ref: 2 }];
    expect(writeAdr(amending, 'nygard', of)).toContain('Amends [1. First](../first/index.md)');
    expect(writeAdr(amended, 'madr', of)).toContain('## More Information\n\nAmended by [0002](../second/index.md)\n');
    expect(relativePath('a.md', 'b.md')).toBe('b.md');
    expect(relativePath('x/index.md', 'x/notes.md')).toBe('notes.md');
  });
});
