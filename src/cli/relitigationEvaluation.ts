import { EVERY_CHANNEL_PUBLIC } from '../app/decisions/everyChannelPublic.js';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { CANDIDATE_LIMIT } from '../app/relitigation/detectRelitigation.js';
import { judgeMessage, type LlmHelp } from '../app/relitigation/judgeMessage.js';
import type { RelitigationIndex } from '../app/relitigation/ports.js';
import type { Workspace } from '../domain/workspace.js';
import { recordDecision } from '../app/decisions/recordDecision.js';
import type { Detector } from '../domain/relitigation/detector.js';
import { assess, readMessage } from '../domain/relitigation/judge.js';
import { messageQuery } from '../domain/relitigation/messageQuery.js';
import { countEval, type EvalCounts } from '../domain/relitigation/evalCounts.js';
import { decisionContentOfText } from '../domain/relitigation/training/decisionOfText.js';
import type { WatchSensitivity } from '../domain/relitigation/types.js';
import type { Db } from '../storage/database.js';
import { createDecisionRepository } from '../storage/decisionRepository.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';
import { parseJsonLines } from './jsonLines.js';

/**
 * The scoring contract of test/fixtures/relitigation/README.md: every distinct decision of the file recorded
 * into one fresh workspace the way the app records them, then the app's own detector run on every
 * message as a message in a public channel of that workspace. A line "warns about" the decisions
 * whose verdict is strong. Latency is timed on a second pass over the messages, once the detector
 * is warm (the verdicts are the same on both passes).
 */

export const EVAL_LABELS = ['relitigation', 'related_not_relitigation', 'unrelated'] as const;

const evalLineSchema = z.object({
  id: z.string(),
  decision: z.string().min(1),
  message: z.string(),
  label: z.enum(EVAL_LABELS),
});
export type EvalLine = z.infer<typeof evalLineSchema>;

export interface EvalOptions {
  /** A migrated database in which `workspace` has no decisions yet. */
  db: Db;
  workspace: Workspace;
  detector: Detector;
  sensitivity?: WatchSensitivity;
  /** Judge as a workspace that opted in to this LLM endpoint does; without it, offline. */
  llm?: LlmHelp;
  /** Told what the run is doing, now and then (the CLI writes it to stderr). */
  progress?: (message: string) => void;
}

export interface EvalResult extends EvalCounts {
  p50_ms: number;
  p99_ms: number;
  mode: 'offline' | 'llm';
  /** LLM mode: lines the LLM was asked about and did not answer in time or at all (the offline verdicts stood). */
  llm_fallbacks?: number;
}

export interface EvalReport {
  result: EvalResult;
  /** Relitigation lines whose own decision was not warned about. */
  misses: LineOutcome[];
  /** Lines that warned about a decision other than their own. */
  falseAlarms: LineOutcome[];
}

export interface LineOutcome {
  line: EvalLine;
  /** Refs warned about. */
  warned: number[];
  ownRef: number;
}

const CHANNEL = 'C_EVAL';
const AUTHOR = 'U_EVAL';

/** The labelled lines of `jsonl`; `file` names it in the error about a bad line. */
export function parseEvalLines(jsonl: string, file = 'the labelled file'): EvalLine[] {
  return parseJsonLines(jsonl, evalLineSchema, file);
}

export async function evaluateRelitigation(lines: EvalLine[], options: EvalOptions): Promise<EvalReport> {
  const decisionTexts = [...new Set(lines.map((l) => l.decision))];
  const progress = options.progress ?? (() => {});
  progress(`recording ${decisionTexts.length} decisions`);
  const refs = await recordAll(decisionTexts, options);
  progress(`judging ${lines.length} messages${options.llm ? ' (with the LLM)' : ', twice (the first pass warms up)'}`);
  const index = createRelitigationIndex(options.db);
  const scored = lines;

  let consulted = 0;
  const judge = (line: EvalLine) =>
    judgeMessage({
      index,
      detector: options.detector,
      workspace: options.workspace,
      channelId: CHANNEL,
      text: line.message,
      sensitivity: options.sensitivity ?? 'normal',
      llmHelp: async () => {
        if (!options.llm) return null;
        consulted += 1;
        return options.llm;
      },
    });
  // One pass untimed first: the timings are those of a running app, not of the JIT warming up.
  // Not with an LLM: every pass costs calls to the endpoint.
  if (!options.llm) for (const line of scored) await judge(line);
  const timings: number[] = [];
  const outcomes: LineOutcome[] = [];
  let fallbacks = 0;
  for (const [i, line] of scored.entries()) {
    if (i > 0 && i % 50 === 0) progress(`judged ${i} of ${scored.length}`);
    const started = performance.now();
    const before = consulted;
    const { verdicts, mode } = await judge(line);
    timings.push(performance.now() - started);
    if (consulted > before && mode === 'offline') fallbacks += 1;
    outcomes.push({
      line,
      warned: verdicts.filter((v) => v.tier === 'strong').map((v) => v.decision.ref),
      ownRef: refs.get(line.decision)!,
    });
  }
  const report = score(outcomes, timings);
  return options.llm ? { ...report, result: { ...report.result, mode: 'llm', llm_fallbacks: fallbacks } } : report;
}

/** Records each decision through the app's own use case, as `/decide <text>` would. */
async function recordAll(decisionTexts: string[], options: EvalOptions): Promise<Map<string, number>> {
  const services = {
    decisions: createDecisionRepository(options.db),
    conversations: EVERY_CHANNEL_PUBLIC,
    relitigation: createRelitigationIndex(options.db),
    detector: options.detector,
  };
  const today = new Date().toISOString().slice(0, 10);
  const refs = new Map<string, number>();
  for (const [i, text] of decisionTexts.entries()) {
    const content = decisionContentOfText(text, AUTHOR, today);
    const recorded = await recordDecision({
      services,
      workspace: options.workspace,
      content,
      channelId: CHANNEL,
      createdBy: AUTHOR,
      origin: 'command',
      idempotencyKey: `eval:${i}`,
    });
    if (!recorded.ok) throw new Error(`decision ${i + 1} could not be recorded: ${JSON.stringify(recorded.problems)}`);
    refs.set(text, recorded.decision.ref);
  }
  return refs;
}

function score(outcomes: LineOutcome[], timings: number[]): EvalReport {
  const misses: LineOutcome[] = [];
  const falseAlarms: LineOutcome[] = [];
  const judged = outcomes.map((outcome) => {
    const { line, warned, ownRef } = outcome;
    const ownWarned = line.label === 'relitigation' && warned.includes(ownRef);
    const othersWarned = warned.length - (ownWarned ? 1 : 0);
    if (othersWarned > 0) falseAlarms.push(outcome);
    if (line.label === 'relitigation' && !ownWarned) misses.push(outcome);
    return { label: line.label, ownWarned, othersWarned };
  });
  return {
    result: {
      ...countEval(judged),
      p50_ms: round(percentile(timings, 0.5)),
      p99_ms: round(percentile(timings, 0.99)),
      mode: 'offline',
    },
    misses,
    falseAlarms,
  };
}

/** Why the detector judged a line as it did: each candidate's topic, stance and evidence, best first. */
export async function explainLine(
  index: RelitigationIndex,
  detector: Detector,
  workspace: Workspace,
  text: string,
): Promise<string[]> {
  const message = readMessage(detector, text);
  const candidates = await index.candidates(
    workspace,
    CHANNEL,
    messageQuery(message),
    CANDIDATE_LIMIT,
    detector.model.version,
  );
  return assess(detector, message, candidates)
    .slice(0, 3)
    .map(
      (a) =>
        `D-${a.decision.ref} topic ${a.topic.toFixed(2)} stance ${a.stance.toFixed(2)} score ${a.score.toFixed(2)}` +
        ` [shared: ${a.reasons.sharedWords.slice(0, 6).join(', ')}] [near: ${a.reasons.nearWords
          .slice(0, 3)
          .map((p) => p.join('≈'))
          .join(', ')}]` +
        (a.reasons.rejectedNamed ? ` [rejected named: ${a.reasons.rejectedNamed}]` : ''),
    );
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
