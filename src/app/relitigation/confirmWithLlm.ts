import type { MatchableDecision, Verdict } from '../../domain/relitigation/types.js';
import type { RelitigationLlm } from './ports.js';

export interface ConfirmWithLlmProps {
  llm: RelitigationLlm;
  /** Slack-encoded message text. */
  message: string;
  /** The offline verdicts, strong and weak. */
  verdicts: Verdict[];
  /** Past this the offline verdicts stand, unchanged. */
  budgetMs: number;
  /** Decision embeddings already computed, reused across messages. */
  embeddingCache: Map<string, number[]>;
  /** The offline detector's model version, told to the LLM with its score. */
  modelVersion: string;
}

/** How many candidates go to the LLM for a stance check; the rest stay weak. */
const CONFIRMED_AT_MOST = 2;

/**
 * The LLM's second opinion on the offline verdicts: embeddings re-rank the candidate decisions by
 * meaning, and a short stance check on the best ones decides which are warned about — a weak
 * offline match the LLM confirms becomes strong, a strong one it rejects is dropped. Any failure or
 * a blown budget returns the offline verdicts as they were.
 */
export async function confirmWithLlm(
  props: ConfirmWithLlmProps,
): Promise<{ verdicts: Verdict[]; mode: 'offline' | 'llm' }> {
  const { llm, message, verdicts, budgetMs, embeddingCache, modelVersion } = props;
  if (verdicts.length === 0) return { verdicts, mode: 'offline' };
  const signal = AbortSignal.timeout(budgetMs);
  const offline = { verdicts, mode: 'offline' as const };

  const missing = verdicts.filter((v) => !embeddingCache.has(cacheKey(v.decision)));
  const vectors = await llm.embed([message, ...missing.map((v) => decisionText(v.decision))], signal);
  if (!vectors) return offline;
  missing.forEach((v, i) => {
    remember(embeddingCache, cacheKey(v.decision), vectors[i + 1]!);
  });
  const messageVector = vectors[0]!;
  const ranked = verdicts
    .map((verdict) => ({ verdict, meaning: cosine(messageVector, embeddingCache.get(cacheKey(verdict.decision))!) }))
    .sort((a, b) => b.verdict.topic + b.meaning - (a.verdict.topic + a.meaning));

  const checked = ranked.slice(0, CONFIRMED_AT_MOST);
  const answers = await Promise.all(
    checked.map(({ verdict }) =>
      llm.reopens(
        message,
        {
          title: verdict.decision.title,
          rationale: verdict.decision.rationale,
          alternatives: verdict.decision.alternatives,
        },
        { score: verdict.topic * verdict.stance, modelVersion },
        signal,
      ),
    ),
  );
  if (answers.some((a) => a === null) || signal.aborted) return offline;

  const refined: Verdict[] = [];
  checked.forEach(({ verdict }, i) => {
    if (answers[i]) refined.push({ ...verdict, tier: 'strong' });
  });
  for (const { verdict } of ranked.slice(CONFIRMED_AT_MOST)) refined.push({ ...verdict, tier: 'weak' });
  return { verdicts: refined, mode: 'llm' };
}

function decisionText(decision: MatchableDecision): string {
  return [decision.title, decision.rationale, ...decision.alternatives, ...decision.aliases].filter(Boolean).join('\n');
}

function cacheKey(decision: MatchableDecision): string {
  return `${decision.id}:${decision.title.length}:${decision.alternatives.length}:${decision.aliases.length}`;
}

const CACHE_LIMIT = 5000;

function remember(cache: Map<string, number[]>, key: string, vector: number[]): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, vector);
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
