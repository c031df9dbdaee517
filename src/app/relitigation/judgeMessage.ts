import type { Verdict } from '../../domain/relitigation/types.js';
import { confirmWithLlm } from './confirmWithLlm.js';
import { type DetectRelitigationProps, detectRelitigation } from './detectRelitigation.js';
import type { RelitigationLlm } from './ports.js';

/** The LLM's part in judging, with the latency budget it gets and the embeddings it already made. */
export interface LlmHelp {
  llm: RelitigationLlm;
  budgetMs: number;
  embeddingCache: Map<string, number[]>;
}

/** What detectRelitigation takes, and the LLM help the message may get. */
export interface JudgeMessageProps extends DetectRelitigationProps {
  /**
   * The LLM help this message may get, or null to judge offline. Asked only when the offline
   * judgement found something: most messages never need it, nor the lookup behind it.
   */
  llmHelp: () => Promise<LlmHelp | null>;
}

/**
 * The relitigation detector as the watcher and the eval command both run it: the offline judgement
 * (detectRelitigation), then, where the LLM may help, its second opinion (confirmWithLlm), which
 * falls back to the offline verdicts on any failure or a blown budget.
 */
export async function judgeMessage(
  props: JudgeMessageProps,
): Promise<{ verdicts: Verdict[]; mode: 'offline' | 'llm' }> {
  const offline = await detectRelitigation(props);
  if (offline.length === 0) return { verdicts: offline, mode: 'offline' };
  const help = await props.llmHelp();
  if (!help) return { verdicts: offline, mode: 'offline' };
  return confirmWithLlm({
    ...help,
    message: props.text,
    verdicts: offline,
    modelVersion: props.detector.model.version,
  });
}
