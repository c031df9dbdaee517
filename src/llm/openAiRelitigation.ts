import OpenAI from 'openai';
import { z } from 'zod';
import type { RelitigationLlm } from '../app/relitigation/ports.js';
import { errorForLog, type Logger } from '../logger.js';

export interface OpenAiRelitigationOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  embeddingModel: string;
  logger: Logger;
}

const verdictSchema = z.object({ reopens: z.boolean() });

const SYSTEM_PROMPT = [
  'You review Slack messages for a team decision log.',
  'Given a recorded decision and a later message, answer whether the message argues to reopen the decision:',
  'to question it, revisit it, reverse it or replace it with something else (directly or by proposing an alternative it rejected).',
  'Messages that implement it, follow it, cite it, ask how to do something under it, report a bug, or only mention its topic do NOT reopen it.',
  "offline_detector_score is a learned detector's estimate (0 to 1) that the message reopens the decision: a hint, not the answer.",
  'Answer with one JSON object: {"reopens": true} or {"reopens": false}.',
].join(' ');

/** The watcher's LLM help through any OpenAI-compatible endpoint. Callers bound it with an AbortSignal. */
export function createOpenAiRelitigation(options: OpenAiRelitigationOptions): RelitigationLlm {
  // No retries: the watcher has a latency budget, and the offline judgement is always there.
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 });
  return {
    async embed(texts, signal) {
      try {
        const response = await client.embeddings.create({ model: options.embeddingModel, input: texts }, { signal });
        const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
        return vectors.length === texts.length && vectors.every((v) => Array.isArray(v) && v.length > 0)
          ? vectors
          : null;
      } catch (error) {
        options.logger.info({ err: errorForLog(error) }, 'embeddings failed; judging without them');
        return null;
      }
    },
    async reopens(message, decision, offline, signal) {
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            temperature: 0,
            max_tokens: 20,
            response_format: { type: 'json_object' },
            messages: [
              { role: 'system', content: SYSTEM_PROMPT },
              {
                role: 'user',
                content: JSON.stringify({
                  decision: decision.title,
                  rationale: decision.rationale,
                  rejected_alternatives: decision.alternatives,
                  offline_detector_score: Math.round(offline.score * 100) / 100,
                  message: message.slice(0, 4000),
                }),
              },
            ],
          },
          { signal },
        );
        const content = completion.choices[0]?.message?.content ?? '';
        const parsed = verdictSchema.safeParse(JSON.parse(content.replace(/^```(?:json)?|```$/g, '').trim()));
        return parsed.success ? parsed.data.reopens : null;
      } catch (error) {
        options.logger.info({ err: errorForLog(error) }, 'LLM stance check failed; keeping the offline judgement');
        return null;
      }
    },
  };
}
