import { describe, expect, it } from 'vitest';
import { findConcepts, siblingsOf } from '../../src/domain/relitigation/concepts.js';
import { messageQuery } from '../../src/domain/relitigation/messageQuery.js';
import { plainTextOf } from '../../src/domain/relitigation/slackText.js';
import { stem, tokenize } from '../../src/domain/relitigation/words.js';

const canonicalNamesIn = (text: string) => findConcepts(tokenize(text)).map((m) => m.concept.canonical);

describe('plainTextOf', () => {
  it('drops mentions, channel links and broadcasts, keeps link labels and decodes entities', () => {
    const { text } = plainTextOf(
      'ping <@U05J2KQ1M> and <@U02|raj> in <#C0123|infra> <!here>: see <https://github.com/acme/x/pull/812|notifications#812> &amp; <https://example.com> &lt;3',
    );
    expect(text).toBe('ping and in : see notifications#812 & <3');
  });

  it('removes emoji codes but reports them, and leaves clock times alone', () => {
    const result = plainTextOf('handoff at 10:00 CET :tada: :+1::skin-tone-2: done');
    expect(result.text).toBe('handoff at 10:00 CET done');
    expect(result.emoji).toEqual(['tada', '+1', 'skin-tone-2']);
  });

  it('drops code from messages, where it is pasted errors and commands, and keeps it for decisions', () => {
    const message = 'getting `UNAVAILABLE: upstream` from ```\nstack\ntrace\n``` on staging';
    expect(plainTextOf(message)).toEqual({ text: 'getting from on staging', emoji: [], hadCode: true });
    expect(plainTextOf('Terraform in the `infra-live` repo', { keepCode: true }).text).toBe('Terraform in the infra-live repo');
  });
});

describe('words', () => {
  it('folds plurals and common suffixes so both sides of a comparison agree', () => {
    expect(['deploys', 'deployed', 'deploying', 'deployment'].map(stem)).toEqual(['deploy', 'deploy', 'deploy', 'deploy']);
    expect(stem('injector')).toBe(stem('injected'));
    expect(stem('policies')).toBe('policy');
    expect(stem('status')).toBe('status');
  });

  it('keeps version numbers whole', () => {
    expect(tokenize('Python 3.12, not 3.9').map((t) => t.lower)).toEqual(['python', '3.12', 'not', '3.9']);
  });
});

describe('the knowledge base', () => {
  it('finds products by any of their names, the longest name first', () => {
    expect(canonicalNamesIn('RN app vs React Native vs react')).toEqual(['React Native', 'React Native', 'React']);
    expect(canonicalNamesIn('the DD ingest bill, k8s, GHA minutes and mongo')).toEqual(['Datadog', 'Kubernetes', 'GitHub Actions', 'MongoDB']);
  });

  it('reads abbreviations that are also words only in capitals', () => {
    expect(canonicalNamesIn('rn I am busy')).toEqual([]);
  });

  it('does not take ordinary words for product names', () => {
    expect(canonicalNamesIn('we are optimizing for paperwork; she reacted fast')).toEqual([]);
  });

  it('matches practice words in any form and spelling', () => {
    expect(canonicalNamesIn('the oncall rotation and on-call pager')).toEqual(['on-call', 'on-call', 'on-call']);
    expect(canonicalNamesIn('stand-ups and postmortems')).toEqual(['standup', 'postmortem']);
  });

  it('knows the rivals of a technology', () => {
    const [flutter] = findConcepts(tokenize('Flutter'));
    expect(siblingsOf(flutter!.concept).map((c) => c.canonical)).toContain('React Native');
  });
});

describe('messageQuery', () => {
  it('searches the telling words and the names of what the message names, not function or everyday words', () => {
    const query = messageQuery('honestly should we just move orders to mongo? the team keeps writing migrations <@U1>');
    expect(query.words).toEqual(expect.arrayContaining(['mongodb', 'orders', 'migrations', 'mongo']));
    expect(query.words).not.toEqual(expect.arrayContaining(['should', 'we', 'the', 'team', 'keeps']));
    expect(query.related).toEqual(expect.arrayContaining(['postgresql', 'dynamodb']));
    expect(query.text).toBe('honestly should we just move orders to mongo? the team keeps writing migrations');
  });

  it('has nothing to search in a message of emoji and mentions', () => {
    expect(messageQuery(':tada: <@U123>')).toEqual({ words: [], related: [], text: '' });
  });
});
