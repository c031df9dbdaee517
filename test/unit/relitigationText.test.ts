import { describe, expect, it } from 'vitest';
import { readMessage } from '../../src/domain/relitigation/judge.js';
import { messageQuery } from '../../src/domain/relitigation/messageQuery.js';
import { relatedWordsOf } from '../../src/domain/relitigation/relatedWords.js';
import { plainTextOf } from '../../src/domain/relitigation/slackText.js';
import { termBagOf, wordsOf } from '../../src/domain/relitigation/terms.js';
import { detector } from '../support/detector.js';

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
    expect(plainTextOf('Terraform in the `infra-live` repo', { keepCode: true }).text).toBe(
      'Terraform in the infra-live repo',
    );
  });
});

describe('terms', () => {
  it('splits on anything but letters and digits, in any script, lower-cased', () => {
    expect(wordsOf('Müller’s k8s-Cluster: 3.12 ok')).toEqual(['müller', 's', 'k8s', 'cluster', '3', '12', 'ok']);
  });

  it('keeps one term per stem, and weighs a word by how rare it is', () => {
    const bag = termBagOf('the caches and the caching of the cache in Valkey', detector.vectors);
    expect(bag.terms.filter((t) => t.stem === 'cach')).toHaveLength(1);
    const weight = (word: string) => bag.terms.find((t) => t.word === word)?.weight ?? 0;
    // Function words carry no topic and are left out; a name too rare for the vectors weighs most.
    expect(bag.terms.map((t) => t.word)).not.toContain('the');
    expect(weight('valkey')).toBe(1);
    expect(weight('caches')).toBeGreaterThan(0);
  });
});

describe('word vectors', () => {
  it('put words of one meaning near each other, and unrelated words apart', () => {
    const v = detector.vectors;
    const cosine = (a: string, b: string) => v.cosine(v.idOf(a), v.idOf(b));
    expect(cosine('refund', 'reimbursement')).toBeGreaterThan(cosine('refund', 'volcano'));
    expect(v.neighboursOf(v.idOf('refund'))).toContain('refunds');
    expect(v.neighboursOf(-1)).toEqual([]);
  });

  it('derive the words a decision may be found by, beyond its own', () => {
    const related = relatedWordsOf(
      {
        title: 'Refund requests above 500 euros need a second approval',
        alternatives: [],
        tags: [],
        rationale: '',
        context: '',
      },
      detector.vectors,
    );
    expect(related).toContain('reimbursement');
    expect(related).not.toContain('refunds');
    expect(related).not.toContain('refund');
  });
});

describe('messageQuery', () => {
  it('searches the telling words, rarest first, not function or everyday words', () => {
    const query = messageQuery(
      readMessage(detector, 'honestly should we just move the orders service to mongo? <@U1>'),
    );
    expect(query.words).toEqual(expect.arrayContaining(['orders', 'mongo']));
    expect(query.words).not.toEqual(expect.arrayContaining(['should', 'we', 'the', 'just']));
    expect(query.words.indexOf('mongo')).toBeLessThan(query.words.indexOf('orders'));
    expect(query.text).toBe('honestly should we just move the orders service to mongo?');
  });

  it('offers its long words for typo matching', () => {
    expect(messageQuery(readMessage(detector, 'why not terrafrom for the networking bits')).typos).toContain(
      'terrafrom',
    );
  });

  it('has nothing to search in a message of emoji and mentions', () => {
    expect(messageQuery(readMessage(detector, ':tada: <@U123>'))).toEqual({ words: [], typos: [], text: '' });
  });
});
