import { describe, expect, it } from 'vitest';
import { readAdr } from '../../src/domain/adr/readAdr.js';
import { parseDecideCommand } from '../../src/domain/decideCommand.js';
import { parseDigestArguments } from '../../src/domain/digest/schedule.js';
import { mentionedUserIds, neutraliseBroadcasts } from '../../src/domain/markup.js';
import { parseInlineDecision } from '../../src/domain/parseInlineDecision.js';
import { plainTextOf } from '../../src/domain/relitigation/slackText.js';
import { wordsOf } from '../../src/domain/relitigation/terms.js';

/**
 * Text no person types but anyone can send: hundreds of mentions, tags, quotes, separators and
 * half-open markup. Every parser of user text must answer it correctly; a backtracking pattern
 * would not answer at all (a single expression over a run of mentions took minutes at 30).
 * The assertions are on the results, never on the time.
 */
const mentions = (n: number, glue = ' ') =>
  Array.from({ length: n }, (_, i) => `<@U${String(i).padStart(4, '0')}X>`).join(glue);
const parse = (text: string) => parseInlineDecision({ text, author: 'U0AUTHOR', today: '2026-12-07' });

function recorded(text: string) {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result.problem)}`);
  return result.content;
}

describe('parsers on pathological input', () => {
  it('lifts a trailing run of hundreds of mentions out of the title, and names them all', () => {
    const c = recorded(`We adopt Valkey for caching by ${mentions(200, ', ')} and <@U9999X>`);
    expect(c.title).toBe('We adopt Valkey for caching');
    expect(c.deciders).toHaveLength(201);
  });

  it('keeps mentions that a word follows as written, and says when there are too many for a title', () => {
    const text = `We adopt Valkey ${mentions(45)} today`;
    const c = recorded(text);
    expect(c.title).toBe(text);
    expect(c.deciders).toHaveLength(45);
    expect(parse(`We adopt Valkey ${mentions(280)} today`)).toMatchObject({
      ok: false,
      problem: { code: 'too_long', field: 'title' },
    });
  });

  it('keeps half-open mentions as text', () => {
    const text = `We adopt Valkey ${'<@U1|a '.repeat(60)}x`;
    expect(recorded(text).title).toBe(text.replace(/\s+/g, ' ').trim());
    expect(parse(`We adopt Valkey ${'<@U1|a '.repeat(400)}`)).toMatchObject({
      ok: false,
      problem: { code: 'too_long' },
    });
  });

  it('reads hundreds of tags, runs of spaces and separators', () => {
    const tags = Array.from({ length: 300 }, (_, i) => `#t${i}`).join(' ');
    const c = recorded(`We adopt Valkey ${tags}`);
    expect(c.title).toBe('We adopt Valkey');
    expect(c.tags.length).toBeGreaterThan(0);
    expect(recorded(`We adopt Valkey${' '.repeat(2500)}for caching`).title).toBe('We adopt Valkey for caching');
    expect(recorded(`We adopt Valkey${', ;'.repeat(150)} now`).title.startsWith('We adopt Valkey')).toBe(true);
    expect(parse(`We adopt Valkey${', ;'.repeat(900)} now`)).toMatchObject({
      ok: false,
      problem: { code: 'too_long', field: 'title' },
    });
  });

  it('reads long lists of alternatives, quotes and connectives', () => {
    expect(recorded(`We adopt Valkey alternatives: ${'a, '.repeat(800)}b`).title).toBe('We adopt Valkey');
    expect(recorded(`We adopt Valkey "${'"a'.repeat(200)}`).title.startsWith('We adopt Valkey')).toBe(true);
    expect(parse(`We adopt Valkey "${'"a'.repeat(1400)}`)).toMatchObject({
      ok: false,
      problem: { code: 'too_long', field: 'title' },
    });
    expect(recorded(`We adopt Valkey ${'instead of a '.repeat(30)}`).title.startsWith('We adopt Valkey')).toBe(true);
    expect(parse(`We adopt Valkey ${'instead of a '.repeat(220)}`).ok).toBeDefined();
    expect(recorded(`We adopt Valkey ${'because '.repeat(200)}`).title).toBe('We adopt Valkey');
    expect(parse(`We adopt Valkey ${'because '.repeat(340)}`)).toMatchObject({
      ok: false,
      problem: { code: 'too_long', field: 'rationale' },
    });
  });

  it('reads every other parser of user text', () => {
    expect(parseDecideCommand(`search ${mentions(300)}`)).toMatchObject({ kind: 'search' });
    expect(parseDecideCommand(`list ${'#t '.repeat(1000)}`).kind).toBeDefined();
    expect(parseDigestArguments(`weekly ${'on friday at 16:00 '.repeat(150)}`)).toBeDefined();
    expect(mentionedUserIds(mentions(500))).toHaveLength(500);
    expect(neutraliseBroadcasts(`${'<!channel'.repeat(400)} <!here>`)).not.toContain('<!here>');
    expect(
      plainTextOf(`x ${'```a'.repeat(700)} ${'`b'.repeat(700)} ${'<https://a|'.repeat(300)}`).text.length,
    ).toBeGreaterThan(0);
    expect(wordsOf(`${'a-'.repeat(3000)}`)).toHaveLength(3000);
    const adr = readAdr({
      path: 'docs/adr/0001-pathological.md',
      text: `# 1. Pathological\n\n## Status\n\nAccepted\n\n## Context\n\n${'['.repeat(2000)}a](b ${'*'.repeat(2000)}`,
    });
    expect(adr.ok).toBe(true);
  });
});
