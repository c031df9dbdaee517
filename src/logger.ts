import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Tokens and secrets are redacted wherever they appear as fields; message text
 * is never logged at info level (listeners log ids and codes only).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'decision-ledger' },
    redact: {
      paths: ['token', '*.token', 'botToken', '*.botToken', 'signingSecret', '*.signingSecret', 'apiKey', '*.apiKey', 'headers.authorization'],
      censor: '[redacted]',
    },
  });
}
