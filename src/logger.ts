import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Tokens and secrets are redacted wherever they appear as fields; message text
 * is never logged at info level (listeners log ids and codes only).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'decision-ledger' },
    redact: {
      paths: [
        'token',
        '*.token',
        'botToken',
        '*.botToken',
        'signingSecret',
        '*.signingSecret',
        'apiKey',
        '*.apiKey',
        'headers.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * What of an error is safe and useful to log: its name and code, Slack's error string, and the
 * innermost cause's message. Never the error itself — a failed query's message carries its
 * parameters, which are the user's text.
 */
export function errorForLog(error: unknown): { name?: string; code?: string; slackError?: string; message?: string } {
  let innermost = error as { cause?: unknown; message?: string };
  while (innermost?.cause) innermost = innermost.cause as typeof innermost;
  const e = error as { name?: string; code?: string; data?: { error?: string } };
  const inner = innermost as { code?: string; message?: string };
  return {
    name: e?.name,
    code: e?.code ?? inner?.code,
    slackError: e?.data?.error,
    message: inner?.message?.slice(0, 300),
  };
}

/** How the HTTP server reports a request whose handler failed. */
export function httpErrorLogger(logger: Logger): (error: unknown, path: string) => void {
  return (error, path) => logger.error({ err: errorForLog(error), path }, 'an HTTP request failed');
}
