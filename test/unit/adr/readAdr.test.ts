import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain/decision.js';
import { type ImportedAdr, readAdr } from '../../../src/domain/adr/readAdr.js';
import { resolveAdrLinks } from '../../../src/domain/adr/readAdrLinks.js';

const CORPORA = new URL('../../fixtures/adr-corpora', import.meta.url).pathname;

interface Folder {
  files: string[];
  adrs: Map<string, ImportedAdr>;
  warnings: Map<string, string[]>;
  failed: Map<string, string>;
}

function readFolder(name: string): Folder {
  const dir = join(CORPORA, name);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const folder: Folder = { files, adrs: new Map(), warnings: new Map(), failed: new Map() };
  for (const file of files) {
    const result = readAdr({ path: file, text: readFileSync(join(dir, file), 'utf8') });
    if (result.ok) {
      folder.adrs.set(file, result.adr);
      folder.warnings.set(file, result.warnings);
    } else folder.failed.set(file, result.reason);
  }
  return folder;
}

function adr(folder: Folder, file: string): ImportedAdr {
  const found = folder.adrs.get(file);
  if (!found) throw new Error(`${file} did not parse`);
  return found;
}

function read(text: string, path = '0007-example.md'): { adr: ImportedAdr; warnings: string[] } {
  const result = readAdr({ path, text });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const govuk = readFolder('govuk-aws-nygard');
const madr = readFolder('madr-docs-decisions');
const log4brains = readFolder('log4brains-docs-adr');
const edges = readFolder('log4brains-edge-cases');

describe('readAdr on real ADR folders', () => {
  it.each([
    ['govuk-aws-nygard', govuk, 38],
    ['madr-docs-decisions', madr, 19],
    ['log4brains-docs-adr', log4brains, 9],
    ['log4brains-edge-cases', edges, 15],
  ] as const)('reads every file of %s, each one accounted for', (_name, folder, count) => {
    expect(folder.files).toHaveLength(count);
    expect(folder.adrs.size + folder.failed.size).toBe(folder.files.length);
    expect(folder.failed).toEqual(new Map());
    for (const record of folder.adrs.values()) {
      expect(record.title).not.toBe('');
      expect(record.written.parts.length).toBeGreaterThan(0);
    }
  });
});

describe('GOV.UK (Nygard / adr-tools)', () => {
  it('strips the "N. " numbering from titles and takes the number from the file name', () => {
    expect(adr(govuk, '0001-record-architecture-decisions.md')).toMatchObject({
      number: 1,
      title: 'Record architecture decisions',
      date: '2017-06-30',
    });
    expect(adr(govuk, '0015-dns-infrastructure.md')).toMatchObject({
      number: 15,
      title: 'DNS infrastructure',
      date: '2018-03-06',
    });
    // The heading says "3." but the file is 0033: the file name is the record's number.
    expect(adr(govuk, '0033-ip-ranges.md')).toMatchObject({
      number: 33,
      title: 'Networking Outline',
      date: '2018-09-26',
    });
    expect(adr(govuk, '0035-bouncer-load-balancer-on-port-80-and-443.md')).toMatchObject({
      number: 35,
      title: 'Bouncer Public Load Balancer Configuration',
    });
  });

  it('reads the status words under "## Status", whatever the team called them', () => {
    const statuses = Object.fromEntries([...govuk.adrs].map(([file, a]) => [file.slice(0, 4), a.status]));
    expect(statuses).toMatchObject({
      '0001': 'accepted',
      '0003': 'superseded',
      '0004': 'superseded',
      '0006': 'proposed', // "Pending"
      '0036': 'proposed', // "Proposed"
      '0038': 'accepted', // "Approved"
    });
    expect(adr(govuk, '0038-mongo_replacement_by_documentdb.md').statusText).toBe('Approved');
    expect(adr(govuk, '0010-terraform-directory-structure.md').statusText).toBe(
      'Accepted; Amended by [17. Terraform Data Structure](0017-terraform-data-structure.md)',
    );
  });

  it('has a Date: line in every record', () => {
    for (const record of govuk.adrs.values()) expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(adr(govuk, '0039-non-govuk-domain-policy.md').date).toBe('2022-10-10');
  });

  it('resolves the supersession chains of the records whose status says superseded', () => {
    const superseded = [...govuk.adrs.values()]
      .filter((a) => /supers/i.test(a.statusText ?? ''))
      .map((a) => a.sourcePath);
    expect(superseded).toEqual(['0003-aws-networking-outline.md', '0004-dns-definitions-for-hosts-and-services.md']);

    const partly = adr(govuk, '0003-aws-networking-outline.md');
    expect(partly).toMatchObject({ statusText: 'Partly superseded', partial: true });
    expect(partly.links.supersededBy).toEqual(['0033-ip-ranges.md']);
    expect(adr(govuk, '0033-ip-ranges.md').links.supersedes).toEqual(['0003-aws-networking-outline.md']);
    expect(adr(govuk, '0004-dns-definitions-for-hosts-and-services.md')).toMatchObject({
      partial: false,
      links: { supersedes: [], supersededBy: ['0015-dns-infrastructure.md'], other: [] },
    });

    const { supersessions, warnings } = resolveAdrLinks([...govuk.adrs.values()]);
    expect(supersessions).toEqual([
      { older: '0003-aws-networking-outline.md', newer: '0033-ip-ranges.md' },
      { older: '0004-dns-definitions-for-hosts-and-services.md', newer: '0015-dns-infrastructure.md' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps "Amends" and "Amended by" as typed links, not supersessions', () => {
    expect(adr(govuk, '0010-terraform-directory-structure.md').links).toEqual({
      supersedes: [],
      supersededBy: [],
      other: ['0017-terraform-data-structure.md'],
      typed: [{ verb: 'amends', direction: 'reverse', target: '0017-terraform-data-structure.md' }],
    });
    expect(adr(govuk, '0017-terraform-data-structure.md').links).toEqual({
      supersedes: [],
      supersededBy: [],
      other: ['0010-terraform-directory-structure.md'],
      typed: [{ verb: 'amends', direction: 'forward', target: '0010-terraform-directory-structure.md' }],
    });
  });

  it('takes Context, Decision and Consequences sections in full, however long', () => {
    const first = adr(govuk, '0001-record-architecture-decisions.md');
    expect(first.context).toBe('We need to record the architectural decisions made on this project.');
    expect(first.rationale).toContain('We will use Architecture Decision Records');
    expect(first.rationale).toContain('(http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions)');
    expect(first.consequences).toMatch(/^See Michael Nygard's article/);
    expect(adr(govuk, '0039-non-govuk-domain-policy.md').rationale).toMatch(
      /^Any web page that lives on a Non-GOV.UK domain/,
    );

    const long = adr(govuk, '0015-dns-infrastructure.md');
    expect(long.rationale.length).toBeGreaterThan(LIMITS.rationale);
    expect(long.rationale.endsWith('…')).toBe(false);
    expect(govuk.warnings.get('0015-dns-infrastructure.md')).toEqual([]);
  });

  it('warns about an ambiguous title instead of guessing: two records are called "Networking Outline"', () => {
    const records = [...govuk.adrs.values()];
    const { adr: newer } = read(
      '# 40. New ranges\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSupersedes Networking Outline\n',
      '0040-new-ranges.md',
    );
    const { supersessions, warnings } = resolveAdrLinks([...records, newer]);
    expect(supersessions.filter((s) => s.newer === '0040-new-ranges.md')).toEqual([]);
    expect(warnings).toEqual([
      '0040-new-ranges.md: "Networking Outline" could be 0003-aws-networking-outline.md or 0033-ip-ranges.md; that supersession was not linked',
    ]);
  });
});

describe('MADR (docs/decisions of adr/madr)', () => {
  it('reads front matter, ignoring keys like parent and nav_order', () => {
    const onHold = adr(madr, '0003-provide-own-madr-tools.md');
    expect(onHold).toMatchObject({
      number: 3,
      title: 'Write Own MADR Tooling',
      status: 'proposed',
      statusText: 'on hold',
      date: null,
      extra: {},
    });
    // No date is no loss: the record says "date unknown" (adrToDecision tells the importer).
    expect(madr.warnings.get('0003-provide-own-madr-tools.md')).toEqual([]);
  });

  it('takes a record without status as accepted and without date as unknown, saying so of the status', () => {
    const first = adr(madr, '0000-use-markdown-architectural-decision-records.md');
    expect(first).toMatchObject({ number: 0, status: 'accepted', statusText: null, date: null, deciders: [] });
    expect(madr.warnings.get('0000-use-markdown-architectural-decision-records.md')).toEqual([
      '0000-use-markdown-architectural-decision-records.md: no status; taken as accepted in the log, and an export writes none',
    ]);
  });

  it('never reads an example ADR quoted in a code block as the record itself', () => {
    // 0008 and 0013 quote front matter with `status:` and a `# Title` inside ``` fences.
    expect(adr(madr, '0008-add-status-field.md')).toMatchObject({
      title: 'Add Status Field',
      status: 'accepted',
      statusText: null,
    });
    expect(adr(madr, '0013-use-yaml-front-matter-for-meta-data.md')).toMatchObject({
      title: 'Use YAML front matter for metadata',
      statusText: null,
      deciders: [],
    });
  });

  it('lists the considered options as alternatives, without the chosen one', () => {
    expect(adr(madr, '0001-use-CC0-or-MIT-as-license.md').alternatives).toEqual([
      'CC0',
      'BSD3',
      'MIT',
      'No license',
      'Other open source licenses',
    ]);
    // Chosen "MADR 4.0.0" names the option "[MADR](…) 4.0.0 – The Markdown…"; links become their label.
    expect(adr(madr, '0000-use-markdown-architectural-decision-records.md').alternatives).toEqual([
      'Michael Nygard\'s template – The first incarnation of the term "ADR"',
      'Sustainable Architectural Decisions – The Y-Statements',
      'Other templates listed at https://github.com/joelparkerhenderson/architecture_decision_record',
      'Formless – No conventions for file format and structure',
    ]);
    // Chosen 'Include in section \'More Information\'' against the option written with double quotes.
    expect(adr(madr, '0009-support-links-between-adrs-inside-an-adrs.md').alternatives).not.toContain(
      'Include in section "More Information"',
    );
    expect(adr(madr, '0009-support-links-between-adrs-inside-an-adrs.md').alternatives).toHaveLength(5);
    expect(adr(madr, '0017-use-same-format-for-outcomes-and-options.md').alternatives).toHaveLength(2);
  });

  it('takes the outcome without its Consequences subsection, which becomes the consequences', () => {
    const toc = adr(madr, '0004-write-own-toc-tool.md');
    expect(toc.rationale).toMatch(/^Chosen option: "Write own tool `adr-log`", because/);
    expect(toc.rationale).not.toContain('Good, because');
    expect(toc.consequences).toMatch(/^\* Good, because `adr-log` is installable/);
  });
});

describe('Log4brains docs (MADR 2 bullets, date-named files)', () => {
  it('reads `- Status:` and `- Date:` bullets, with no number for date-named files', () => {
    expect(adr(log4brains, '20200927-avoid-default-exports.md')).toMatchObject({
      number: null,
      title: 'Avoid default exports',
      status: 'accepted',
      date: '2020-09-27',
    });
    for (const [file, record] of log4brains.adrs) {
      expect(record.date).toBe(`${file.slice(0, 4)}-${file.slice(4, 6)}-${file.slice(6, 8)}`);
      expect(log4brains.warnings.get(file)).toEqual([]);
    }
  });

  it('links the superseded record to its superseder once, from both sides', () => {
    const older = adr(log4brains, '20200926-use-the-adr-number-as-its-unique-id.md');
    expect(older.status).toBe('superseded');
    expect(older.links.supersededBy).toEqual(['20201016-use-the-adr-slug-as-its-unique-id.md']);
    expect(adr(log4brains, '20201016-use-the-adr-slug-as-its-unique-id.md').links.supersedes).toEqual([
      '20200926-use-the-adr-number-as-its-unique-id.md',
    ]);
    expect(resolveAdrLinks([...log4brains.adrs.values()])).toEqual({
      supersessions: [
        {
          older: '20200926-use-the-adr-number-as-its-unique-id.md',
          newer: '20201016-use-the-adr-slug-as-its-unique-id.md',
        },
      ],
      warnings: [],
    });
  });

  it('keeps MADR 2 positive and negative consequences under their names', () => {
    expect(
      adr(log4brains, '20201026-the-core-api-is-responsible-for-enhancing-the-adr-markdown-body-with-mdx.md')
        .consequences,
    ).toBe(
      'Positive Consequences:\n- The metadata in the header is simply removed\n\nNegative Consequences:\n- Each UI package will have to implement its own Header component',
    );
  });
});

describe('Log4brains edge cases', () => {
  const warningsOf = (file: string): string[] => edges.warnings.get(file) ?? [];

  it('reads a complete MADR 2 header: deciders, tags, date', () => {
    expect(adr(edges, '20200101-first-adr.md')).toMatchObject({
      title: 'First ADR',
      status: 'accepted',
      date: '2020-01-01',
      deciders: ['John Doe', 'Foo bar'],
      tags: ['foo', 'bar'],
      context: 'Lorem ipsum.',
      rationale: 'Lorem ipsum.',
    });
    expect(warningsOf('20200101-first-adr.md')).toEqual([]);
    expect(adr(edges, '20200102-adr-with-intro.md')).toMatchObject({
      status: 'accepted',
      deciders: ['John Doe', 'Foo bar'],
      date: '2020-01-02',
    });
  });

  it('names a record without a title from its file name, with a warning', () => {
    expect(adr(edges, '20200102-adr-without-title.md')).toMatchObject({
      title: 'Adr without title',
      deciders: ['John Doe', 'Foo bar'],
      date: '2020-01-02',
    });
    expect(warningsOf('20200102-adr-without-title.md')).toContain(
      '20200102-adr-without-title.md: no title; used "Adr without title" from the file name',
    );
    expect(adr(edges, '20201028-adr-with-no-metadata-no-title.md').title).toBe('Adr with no metadata no title');
  });

  it('imports a record without a status as accepted, with a warning', () => {
    expect(adr(edges, '20200102-adr-without-status.md')).toMatchObject({
      status: 'accepted',
      statusText: null,
      deciders: ['John Doe'],
      tags: ['foo'],
    });
    expect(warningsOf('20200102-adr-without-status.md')).toEqual([
      '20200102-adr-without-status.md: no status; taken as accepted in the log, and an export writes none',
    ]);
  });

  it('dates a record without a Date line from its file name, the date the team wrote there', () => {
    expect(adr(edges, '20201028-adr-without-date.md')).toMatchObject({ status: 'accepted', date: '2020-10-28' });
    expect(warningsOf('20201028-adr-without-date.md')).toEqual([]);
  });

  it('maps draft to proposed, and keeps proposed and rejected', () => {
    expect(adr(edges, '20201030-draft-adr.md')).toMatchObject({ status: 'proposed', statusText: 'draft' });
    expect(adr(edges, '20201029-proposed-adr.md').status).toBe('proposed');
    expect(adr(edges, '20201029-rejected-adr.md').status).toBe('rejected');
  });

  it('resolves the superseded record and its superseder into one pair', () => {
    expect(adr(edges, '20201028-superseded-adr.md')).toMatchObject({
      status: 'superseded',
      links: { supersededBy: ['20201029-superseder.md'] },
    });
    expect(adr(edges, '20201029-superseder.md')).toMatchObject({
      status: 'accepted',
      links: { supersedes: ['20201028-superseded-adr.md'] },
    });
    expect(resolveAdrLinks([...edges.adrs.values()])).toEqual({
      supersessions: [{ older: '20201028-superseded-adr.md', newer: '20201029-superseder.md' }],
      warnings: [],
    });
  });

  it('reads a file with an odd name: no number, no date from the name', () => {
    expect(adr(edges, 'adr_with_a_WeIrd-filename.md')).toMatchObject({
      number: null,
      title: 'ADR with a weird filename',
      status: 'accepted',
      date: '2020-01-02',
    });
    expect(warningsOf('adr_with_a_WeIrd-filename.md')).toEqual([]);
  });

  it('does not treat ordinary links as supersessions', () => {
    expect(adr(edges, '20201028-links.md').links).toEqual({ supersedes: [], supersededBy: [], other: [], typed: [] });
  });
});

describe('readAdr on written-for-the-test records', () => {
  it('reads MADR 4 front matter: status, date, decision-makers, consulted, informed, tags, x- keys', () => {
    const { adr: record, warnings } = read(
      [
        '---',
        'parent: Decisions',
        'nav_order: 7',
        'status: accepted',
        'date: 2024-03-05',
        'decision-makers:',
        '  - Ada Lovelace',
        '  - Grace Hopper',
        'consulted: Alan Turing, Edsger Dijkstra',
        'informed: everyone',
        'tags: [Storage, "#postgres", storage]',
        'x-slack-permalink: https://example.slack.com/archives/C1/p1',
        'x-channel: C0123',
        'x-revisit-by: 2025-03-05',
        'x-relitigation-count: 3',
        '---',
        '',
        '# Use Postgres',
        '',
        '## Context and Problem Statement',
        '',
        'We need a database; see [the RFC](https://example.com/rfc) & <https://example.com/notes>.',
        '',
        '## Decision Outcome',
        '',
        'Chosen option: "Postgres", because it is <boring>.',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(record).toMatchObject({
      number: 7,
      title: 'Use Postgres',
      status: 'accepted',
      date: '2024-03-05',
      deciders: ['Ada Lovelace', 'Grace Hopper'],
      consulted: ['Alan Turing', 'Edsger Dijkstra'],
      informed: ['everyone'],
      tags: ['storage', 'postgres'],
      extra: {
        'x-slack-permalink': 'https://example.slack.com/archives/C1/p1',
        'x-channel': 'C0123',
        'x-revisit-by': '2025-03-05',
        'x-relitigation-count': '3',
      },
    });
    // Links stay readable as "label (url)"; the text is stored mrkdwn-encoded.
    expect(record.context).toBe(
      'We need a database; see the RFC (https://example.com/rfc) &amp; https://example.com/notes.',
    );
    expect(record.rationale).toBe('Chosen option: "Postgres", because it is &lt;boring&gt;.');
  });

  it('reads a decision-makers string and a superseded status written without a link', () => {
    const { adr: record } = read(
      '---\nstatus: superseded by ADR-0012\ndecision-makers: Ada, Grace\n---\n# Old way\n',
      '0004-old-way.md',
    );
    expect(record).toMatchObject({
      status: 'superseded',
      deciders: ['Ada', 'Grace'],
      links: { supersededBy: ['ADR-0012'] },
    });
    const { adr: newer } = read('# New way\n\n- Status: accepted\n- Date: 2021-01-01\n', '0012-new-way.md');
    expect(resolveAdrLinks([record, newer]).supersessions).toEqual([
      { older: '0004-old-way.md', newer: '0012-new-way.md' },
    ]);
  });

  it('reads adr-tools "Superceded by" and "Supersedes" as one pair, by path, number or title', () => {
    const { adr: older } = read(
      '# 2. Use MySQL\n\nDate: 2019-01-01\n\n## Status\n\nSuperceded by [5. Use Postgres](0005-use-postgres.md)\n',
      'decisions/0002-use-mysql.md',
    );
    const { adr: newer } = read(
      '# 5. Use Postgres\n\nDate: 2019-02-01\n\n## Status\n\nAccepted\n\nSupersedes [2. Use MySQL](./0002-use-mysql.md)\n',
      'decisions/0005-use-postgres.md',
    );
    expect(older).toMatchObject({
      title: 'Use MySQL',
      status: 'superseded',
      statusText: 'Superceded by [5. Use Postgres](0005-use-postgres.md)',
    });
    expect(newer.status).toBe('accepted');
    expect(resolveAdrLinks([older, newer])).toEqual({
      supersessions: [{ older: 'decisions/0002-use-mysql.md', newer: 'decisions/0005-use-postgres.md' }],
      warnings: [],
    });

    const { adr: byTitle } = read(
      '# 6. Use SQLite\n\n## Status\n\nSupersedes Use Postgres\n\nAccepted\n',
      'decisions/0006-use-sqlite.md',
    );
    const { adr: byNumber } = read(
      '# 7. Use files\n\n## Status\n\nAccepted\n\nSupersedes ADR-6\n',
      'decisions/0007-use-files.md',
    );
    expect(resolveAdrLinks([newer, byTitle, byNumber]).supersessions).toEqual([
      { older: 'decisions/0005-use-postgres.md', newer: 'decisions/0006-use-sqlite.md' },
      { older: 'decisions/0006-use-sqlite.md', newer: 'decisions/0007-use-files.md' },
    ]);
  });

  it('reads a "Considered options:" list inside a Nygard decision as the alternatives', () => {
    const { adr: record } = read(
      '# 3. Use Postgres\n\nDate: 2026-03-02\n\n## Status\n\nAccepted\n\n## Decision\n\nPostgres it is.\n\nConsidered options:\n\n* SQLite\n* DynamoDB\n\n## Consequences\n\nNone.\n',
    );
    expect(record).toMatchObject({
      rationale: 'Postgres it is.',
      alternatives: ['SQLite', 'DynamoDB'],
      consequences: 'None.',
    });
  });

  it('reads an exported mention `@U…` back as a mention, and nothing else that starts with @', () => {
    const { adr: record } = read(
      '# A\n\n## Context\n\nAsk @U0RAJ or @WIP, not @here; mail a@U0X.com.\n\n## Decision\n\n@W0AB1 decided <@U0ZED>.\n',
    );
    expect(record.context).toBe('Ask <@U0RAJ> or @WIP, not @here; mail a@U0X.com.');
    // Markup typed into a file stays inert text.
    expect(record.rationale).toBe('<@W0AB1> decided &lt;@U0ZED&gt;.');
  });

  it('reports a supersession link that names no record', () => {
    const { adr: record } = read('# Old\n\n- Status: superseded by [Gone](0099-gone.md)\n', '0001-old.md');
    expect(resolveAdrLinks([record])).toEqual({
      supersessions: [],
      warnings: ['0001-old.md: "0099-gone.md" names no record in the folder; that supersession was not linked'],
    });
  });

  it('recognises "Partially superseded", deprecated and an unknown status', () => {
    expect(read('# A\n\n## Status\n\nPartially superseded by [B](0002-b.md)\n').adr).toMatchObject({
      status: 'superseded',
      partial: true,
      links: { supersededBy: ['0002-b.md'] },
    });
    expect(read('# A\n\n* Status: Deprecated\n').adr.status).toBe('deprecated');
    const odd = read('# A\n\n- Status: vibes\n');
    expect(odd.adr).toMatchObject({ status: 'proposed', statusText: 'vibes' });
    expect(odd.warnings).toContain(
      '0007-example.md: status "vibes" is none of the log\'s; kept as written, treated as proposed',
    );
  });

  it('refuses files without any text, and never throws on odd input', () => {
    expect(readAdr({ path: 'empty.md', text: '' })).toEqual({ ok: false, reason: 'the file is empty' });
    expect(readAdr({ path: 'blank.md', text: ' \n\r\n\t' })).toEqual({ ok: false, reason: 'the file is empty' });
    expect(readAdr({ path: 'meta.md', text: '---\nstatus: accepted\n---\n\n<!-- nothing -->\n' })).toMatchObject({
      ok: false,
    });

    const broken = read('---\nstatus: [accepted\n---\n# Title\n\n```\nunclosed fence\n# Not a title');
    expect(broken.adr.title).toBe('Title');
    expect(broken.warnings).toContain('0007-example.md: front matter is not valid YAML; its keys were ignored');
    for (const text of [
      '#',
      '# \n',
      '\u0000\u0001',
      '- Status:\n- Date: 2020-13-45',
      '[]('.repeat(1000),
      '---\n- a\n---\nx',
    ]) {
      expect(() => readAdr({ path: 'x.md', text })).not.toThrow();
    }
    expect(read('Just prose.\n\n- Date: 2020-13-45\n', 'notes.md').warnings).toEqual([
      'notes.md: no title; used "Notes" from the file name',
      'notes.md: no status; taken as accepted in the log, and an export writes none',
      'notes.md: date "2020-13-45" not readable; the record says "date unknown"',
    ]);
  });

  it('reads the date formats people write', () => {
    const dateOf = (line: string): string | null => read(`# A\n\n${line}\n\n## Status\n\nAccepted\n`, 'a.md').adr.date;
    expect(dateOf('Date: 2020-01-05T10:00:00Z')).toBe('2020-01-05');
    expect(dateOf('**Date:** 2020/1/5')).toBe('2020-01-05');
    expect(dateOf('- Date: 05.01.2020')).toBe('2020-01-05');
    expect(dateOf('Date: 5 January 2020')).toBe('2020-01-05');
    expect(dateOf('Date: January 5, 2020')).toBe('2020-01-05');
    expect(dateOf('Date: 10/04/18')).toBe('2018-04-10');
    expect(dateOf('Date: 10/04/2018')).toBe('2018-04-10');
    expect(dateOf('Date: 04/25/18')).toBe('2018-04-25');
    expect(dateOf('日期: 2017/11/22')).toBe('2017-11-22');
    expect(dateOf('日期：2017年11月22日')).toBe('2017-11-22');
    expect(dateOf('Datum: 1. März 2020')).toBe('2020-03-01');
    expect(dateOf('Fecha: 1 de enero de 2020')).toBe('2020-01-01');
    expect(dateOf('Date: 1er juin 2020')).toBe(null);
    expect(dateOf('Date: soon')).toBe(null);
  });

  it('reads a date from front matter, and keeps the date as written for the export', () => {
    const { adr: record } = read('---\ndate: 10/04/18\n---\n# A\n\nText.\n', 'a.md');
    expect(record.date).toBe('2018-04-10');
    expect(record.written.dateAsWritten).toBe('10/04/18');
  });

  it('strips the numbering styles and boilerplate of titles, keeps the title as written, and cuts nothing', () => {
    expect(read('# ADR-0012: Use Kafka\n').adr.title).toBe('Use Kafka');
    expect(read('# ADR013: Use Kafka\n').adr.title).toBe('Use Kafka');
    expect(read('# 23 Logging\n\nText.\n', '0023-logging.md').adr.title).toBe('Logging');
    expect(read('# Architecture Decision Record: Use Kafka\n').adr).toMatchObject({
      title: 'Use Kafka',
      written: { titleAsWritten: 'Architecture Decision Record: Use Kafka' },
    });
    expect(read('# Architecture Decision Record (ADR) log\n').adr.title).toBe('Architecture Decision Record (ADR) log');
    expect(read('# ADR without title\n').adr.title).toBe('ADR without title');
    expect(read('Use Kafka\n=========\n\nText.\n').adr.title).toBe('Use Kafka');
    expect(read('# 2021 plans\n').adr.title).toBe('2021 plans');

    const many = Array.from({ length: 30 }, (_v, i) => `Person ${i}`).join(', ');
    const options = Array.from({ length: 12 }, (_v, i) => `* Option ${i} ${'x'.repeat(250)}`).join('\n');
    const { adr: record, warnings } = read(
      `# ${'T'.repeat(600)}\n\n- Status: accepted\n- Deciders: ${many}\n\n## Considered Options\n\n${options}\n`,
      'big.md',
    );
    // Stored in full: only Slack's views shorten what they show.
    expect(record.title).toHaveLength(600);
    expect(record.deciders).toHaveLength(30);
    expect(record.alternatives).toHaveLength(12);
    expect(record.alternatives[0]!.length).toBeGreaterThan(LIMITS.alternative);
    expect(warnings).toEqual([]);
  });

  it("never takes options from anywhere but the document's own options", () => {
    const { adr: record } = read(
      '# Use it\n\n## Context\n\nWe tried it and them, the default was Windows.\n\n## Decision\n\nWe use it.\n',
    );
    expect(record.alternatives).toEqual([]);
  });

  it('reads headings and metadata keys in German, French, Spanish, Portuguese, Chinese and Japanese', () => {
    const fields = (text: string) => {
      const { adr: r } = read(text);
      return {
        status: r.status,
        context: r.context,
        rationale: r.rationale,
        consequences: r.consequences,
        date: r.date,
      };
    };
    const expected = { status: 'accepted', context: 'K', rationale: 'E', consequences: 'F', date: '2020-01-02' };
    expect(
      fields(
        '# A\n\nDatum: 2020-01-02\n\n## Status\n\nAkzeptiert\n\n## Kontext\n\nK\n\n## Entscheidung\n\nE\n\n## Konsequenzen\n\nF\n',
      ),
    ).toEqual(expected);
    expect(
      fields(
        '# A\n\nDate: 2020-01-02\n\n## Statut\n\nAccepté\n\n## Contexte\n\nK\n\n## Décision\n\nE\n\n## Conséquences\n\nF\n',
      ),
    ).toEqual(expected);
    expect(
      fields(
        '# A\n\nFecha: 2020-01-02\n\n## Estado\n\nAceptado\n\n## Contexto\n\nK\n\n## Decisión\n\nE\n\n## Consecuencias\n\nF\n',
      ),
    ).toEqual(expected);
    expect(
      fields(
        '# A\n\nData: 2020-01-02\n\n## Situação\n\nAprovado\n\n## Contexto\n\nK\n\n## Decisão\n\nE\n\n## Consequências\n\nF\n',
      ),
    ).toEqual(expected);
    expect(
      fields('# A\n\n日期: 2020-01-02\n\n## 状态\n\n已接受\n\n## 背景\n\nK\n\n## 决策\n\nE\n\n## 后果\n\nF\n'),
    ).toEqual(expected);
    expect(
      fields(
        '# A\n\n日付: 2020-01-02\n\n## ステータス\n\n承認済み\n\n## コンテキスト\n\nK\n\n## 決定\n\nE\n\n## 影響\n\nF\n',
      ),
    ).toEqual(expected);
    expect(
      fields(
        '# A\n\n日付: 2020-01-02\nステータス: Accepted\n\n## 背景 / Context\n\nK\n\n## 決定 / Decision\n\nE\n\n## 影響 / Consequences\n\nF\n',
      ),
    ).toEqual(expected);
    expect(
      fields(
        '# A\n\nFecha: 2020-01-02\n\n## Estado\n\nAceptada\n\n## Contexto\n\nK\n\n## Decisión\n\nE\n\n## Consecuencias\n\nF\n',
      ),
    ).toEqual(expected);
  });

  it('reads statuses written with emoji, with or without the word', () => {
    expect(read('# A\n\n## Status\n\n✅ Accepted\n').adr.status).toBe('accepted');
    expect(read('# A\n\n## Status\n\n❌\n').adr.status).toBe('rejected');
    expect(read('# A\n\n## Status\n\n🤔 Proposed\n').adr.status).toBe('proposed');
    expect(read('# A\n\n## Status\n\n⛔ Deprecated\n').adr.status).toBe('deprecated');
  });

  it("reads dated Chinese status lines, and ignores a template's list of choices", () => {
    expect(read('# A\n\n## 状态\n\n2017-11-22 提议\n\n2017-11-26 完成\n').adr.status).toBe('accepted');
    expect(read('# A\n\n## 状态\n\n列表：提议/通过/完成/已弃用/已取代\n\n2017-11-28 提议\n').adr.status).toBe(
      'proposed',
    );
    expect(read('# A\n\n## Status\n\n[Proposed | Accepted | Superseded]\n\n## Context\n\nText.\n').adr.status).toBe(
      'accepted',
    );
  });

  it('keeps every section in order, the unknown ones as written, and the status as written', () => {
    const { adr: record } = read(
      '# 3. Use Kafka\n\nDate: 2020-01-02\n\nTechnical story: #12\n\n## Status\n\nAccepted\n\nAmended by [5. X](0005-x.md)\n\n## Context\n\nC.\n\n## Discussion\n\nWe argued.\n\n```\n## not a heading\n```\n\n## Decision\n\nD.\n\n### Notes\n\nN.\n',
    );
    expect(record.written.parts).toEqual([
      { heading: null, level: 0, text: 'Date: 2020-01-02', fields: ['date'] },
      { heading: null, level: 0, text: 'Technical story: #12', fields: [] },
      { heading: 'Status', level: 2, text: 'Accepted\n\nAmended by [5. X](0005-x.md)', fields: ['status'] },
      { heading: 'Context', level: 2, text: 'C.', fields: ['context'] },
      { heading: 'Discussion', level: 2, text: 'We argued.\n\n```\n## not a heading\n```', fields: [] },
      { heading: 'Decision', level: 2, text: 'D.', fields: ['rationale'] },
      { heading: 'Notes', level: 3, text: 'N.', fields: ['rationale'] },
    ]);
    expect(record.written.statusAsWritten).toBe('Accepted\n\nAmended by [5. X](0005-x.md)');
    expect(record.links.typed).toEqual([{ verb: 'amends', direction: 'reverse', target: '0005-x.md' }]);
  });

  it("takes a title with braces for a title, and only a template's for a template", () => {
    expect(read('# Use {braces} to denote placeholders\n\nText.\n').adr.title).toBe(
      'Use {braces} to denote placeholders',
    );
    for (const title of ['[TITLE]', '{short title of solved problem}', 'ADR-XXXX: Use X', 'ADR Template'])
      expect(readAdr({ path: 'a.md', text: `# ${title}\n\nText.\n` })).toMatchObject({ ok: false });
  });

  it('reads a heading ended by a Unicode line separator as a heading', () => {
    expect(read('# A\n\n## Context\u2028\nC.\n').adr.context).toBe('C.');
  });

  it('skips templates and unfilled stubs, saying why', () => {
    expect(readAdr({ path: 'adr000-template.md', text: '---\ntitle: ADR000: [TITLE]\n---\n\n## Context\n' })).toEqual({
      ok: false,
      reason: 'a template: its title is a placeholder',
    });
    expect(
      readAdr({
        path: 'x/index.md',
        text: '# Pipeline\n\n## Status\n\nproposed\n\n## Context\n\n<!-- why -->\n\n## Decision\n',
      }),
    ).toEqual({
      ok: false,
      reason: 'a placeholder stub: no text besides its headings and metadata',
    });
  });

  it('names a folder-per-ADR record after its folder', () => {
    expect(read('## Context\n\nText.\n', '20240524-local-architecture/index.md').adr).toMatchObject({
      title: 'Local architecture',
      date: '2024-05-24',
      sourcePath: '20240524-local-architecture/index.md',
    });
    expect(read('# X\n\nText.\n', '0012-use-x/README.md').adr.number).toBe(12);
  });
});
