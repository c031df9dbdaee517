import OpenAI from 'openai';
import { z } from 'zod';
import type { DecisionDraft, DecisionDrafter } from '../app/decisions/ports.js';
import { LIMITS } from '../domain/decision.js';
import { encodePlainText } from '../domain/markup.js';
import { errorForLog, type Logger } from '../logger.js';

export interface OpenAiDrafterOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  /** The whole call, connection included; past it the form opens without a draft. */
  timeoutMs: number;
  logger: Logger;
}

const draftSchema = z.object({
  decision: z.string().trim().min(1),
  rationale: z.string().trim().default(''),
  alternatives: z.array(z.string().trim().min(1)).default([]),
});

const MAX_PROMPT_CHARS = 8000;

const SYSTEM_PROMPT = [
  'You turn a Slack thread into a decision record.',
  'Answer with one JSON object: {"decision": string, "rationale": string, "alternatives": string[]}.',
  '"decision": one sentence stating what was decided, in the thread\'s words.',
  '"rationale": why, in at most three sentences, from the thread only.',
  '"alternatives": options the thread considered and rejected, each a few words.',
  'Invent nothing. If the thread decided nothing, still state the most likely decision being discussed.',
].join(' ');

/** Drafts a decision from a thread through any OpenAI-compatible endpoint; resolves null on any failure. */
export function createOpenAiDrafter(options: OpenAiDrafterOptions): DecisionDrafter {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    // A retry would blow the 3-second window the form has to open in.
    maxRetries: 0,
  });
  return {
    async draftFromThread(messages): Promise<DecisionDraft | null> {
      let transcript = messages.map((m) => `<${m.user}>: ${m.text}`).join('\n');
      if (transcript.length > MAX_PROMPT_CHARS) transcript = transcript.slice(-MAX_PROMPT_CHARS);
      const signal = AbortSignal.timeout(options.timeoutMs);
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            temperature: 0,
            response_format: { type: 'json_object' },
            messages: [
              { role: 'system', content: SYSTEM_PROMPT },
              { role: 'user', content: transcript },
            ],
          },
          { signal },
        );
        const content = completion.choices[0]?.message?.content ?? '';
        const parsed = draftSchema.safeParse(JSON.parse(extractJson(content)));
        if (!parsed.success) {
          options.logger.info('LLM draft did not match the expected shape; opening the form without it');
          return null;
        }
        // LLM output is plain text: encode it like anything typed into a form, so it cannot carry Slack markup.
        return {
          title: encodePlainText(parsed.data.decision).slice(0, LIMITS.title),
          rationale: encodePlainText(parsed.data.rationale).slice(0, LIMITS.rationale),
          alternatives: parsed.data.alternatives
            .slice(0, LIMITS.alternatives)
            .map((a) => encodePlainText(a).slice(0, LIMITS.alternative)),
        };
      } catch (error) {
        options.logger.info({ err: errorForLog(error) }, 'LLM draft failed; opening the form without it');
        return null;
      }
    },
  };
}

/** Some compatible servers wrap JSON in a Markdown fence despite response_format. */
function extractJson(content: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(content);
  return (fenced ? fenced[1]! : content).trim();
}
