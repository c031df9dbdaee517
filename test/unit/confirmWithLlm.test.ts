import { describe, expect, it } from 'vitest';
import { confirmWithLlm } from '../../src/app/relitigation/confirmWithLlm.js';
import type { RelitigationLlm } from '../../src/app/relitigation/ports.js';
import type { Verdict } from '../../src/domain/relitigation/types.js';

function verdict(ref: number, tier: Verdict['tier'], topic = 0.6): Verdict {
  return {
    decision: {
      id: `d${ref}`,
      ref,
      title: `Decision ${ref}`,
      rationale: '',
      context: '',
      alternatives: [],
      aliases: [],
      tags: [],
    },
    topic,
    stance: 0.5,
    tier,
    reasons: { sharedWords: [], nearWords: [], rejectedNamed: null },
  };
}

/** An LLM stand-in across the port: answers from a table, or never. */
function llm(
  answers: Record<number, boolean | null>,
  options: { hang?: boolean } = {},
): RelitigationLlm & { calls: number; offline: { score: number; modelVersion: string }[] } {
  const wait = (signal: AbortSignal) =>
    new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null)));
  const double = {
    calls: 0,
    offline: [] as { score: number; modelVersion: string }[],
    async embed(texts: string[], signal: AbortSignal) {
      double.calls += 1;
      if (options.hang) return wait(signal);
      return texts.map((_, i) => [1, i === 0 ? 1 : 0.5]);
    },
    async reopens(
      _m: string,
      decision: { title: string },
      offline: { score: number; modelVersion: string },
      signal: AbortSignal,
    ) {
      double.offline.push(offline);
      if (options.hang) return wait(signal);
      return answers[Number(decision.title.split(' ')[1])] ?? null;
    },
  };
  return double;
}

describe('confirmWithLlm', () => {
  it('promotes a weak match the LLM confirms and drops a strong one it rejects', async () => {
    const double = llm({ 1: false, 2: true });
    const result = await confirmWithLlm({
      llm: double,
      message: 'x',
      verdicts: [verdict(1, 'strong', 0.9), verdict(2, 'weak', 0.8)],
      budgetMs: 500,
      embeddingCache: new Map(),
      modelVersion: 'rd-test',
    });
    expect(result.mode).toBe('llm');
    expect(result.verdicts.map((v) => [v.decision.ref, v.tier])).toEqual([[2, 'strong']]);
    // The LLM is told the offline detector's score (topic × stance) and which model made it.
    expect(double.offline).toEqual(
      expect.arrayContaining([
        { score: 0.45, modelVersion: 'rd-test' },
        { score: 0.4, modelVersion: 'rd-test' },
      ]),
    );
  });

  it('keeps the offline verdicts when the LLM cannot answer, or takes too long', async () => {
    const offline = [verdict(1, 'strong')];
    expect(
      await confirmWithLlm({
        llm: llm({ 1: null }),
        message: 'x',
        verdicts: offline,
        budgetMs: 500,
        embeddingCache: new Map(),
        modelVersion: 'rd-test',
      }),
    ).toEqual({ verdicts: offline, mode: 'offline' });
    expect(
      await confirmWithLlm({
        llm: llm({}, { hang: true }),
        message: 'x',
        verdicts: offline,
        budgetMs: 50,
        embeddingCache: new Map(),
        modelVersion: 'rd-test',
      }),
    ).toEqual({ verdicts: offline, mode: 'offline' });
  });

  it('embeds each decision once and then reuses it', async () => {
    const cache = new Map<string, number[]>();
    const double = llm({ 1: true });
    await confirmWithLlm({
      llm: double,
      message: 'x',
      verdicts: [verdict(1, 'weak')],
      budgetMs: 500,
      embeddingCache: cache,
      modelVersion: 'rd-test',
    });
    expect(cache.size).toBe(1);
    await confirmWithLlm({
      llm: double,
      message: 'y',
      verdicts: [verdict(1, 'weak')],
      budgetMs: 500,
      embeddingCache: cache,
      modelVersion: 'rd-test',
    });
    expect(cache.size).toBe(1);
  });
});
