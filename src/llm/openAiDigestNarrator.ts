import OpenAI from 'openai';
import type { DigestNarrator } from '../app/digests/ports.js';
import { encodePlainText } from '../domain/markup.js';
import { errorForLog, type Logger } from '../logger.js';

export interface OpenAiDigestNarratorOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  /** A digest is not interactive, but a hanging endpoint must not hold the channel's digest up for long. */
  timeoutMs: number;
  logger: Logger;
}

const MAX_NARRATIVE_CHARS = 600;

const SYSTEM_PROMPT = [
  "You write the opening of a team's weekly Reflection digest in Slack: two or three plain sentences, no lists, no markup, no greetings.",
  'Say what the team decided, what it argued about again and what coordination cost, from the facts given only.',
  'Invent nothing; name decisions by their refs (D-14). Be neutral and brief.',
].join(' ');

/** A short narrative for a digest through any OpenAI-compatible endpoint; null on any failure. */
export function createOpenAiDigestNarrator(options: OpenAiDigestNarratorOptions): DigestNarrator {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    maxRetries: 1,
  });
  return {
    async narrate(facts) {
      try {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            temperature: 0.2,
            messages: [
              { role: 'system', content: SYSTEM_PROMPT },
              { role: 'user', content: facts },
            ],
          },
          { signal: AbortSignal.timeout(options.timeoutMs) },
        );
        const text = (completion.choices[0]?.message?.content ?? '').replace(/\s+/g, ' ').trim();
        if (text === '') return null;
        // Plain text in, plain text out: encoded like anything typed, so it carries no Slack markup.
        return encodePlainText(text.length > MAX_NARRATIVE_CHARS ? `${text.slice(0, MAX_NARRATIVE_CHARS - 1)}…` : text);
      } catch (error) {
        options.logger.info({ err: errorForLog(error) }, 'the digest narrative failed; the digest goes out without it');
        return null;
      }
    },
  };
}
