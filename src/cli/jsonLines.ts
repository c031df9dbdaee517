import type { z } from 'zod';

/**
 * The lines of a JSONL file, each checked by `schema`. The first bad line stops the command, named
 * by file and line number with what is wrong in it (the field and the problem).
 */
export function parseJsonLines<S extends z.ZodType>(text: string, schema: S, file: string): z.infer<S>[] {
  const parsed: z.infer<S>[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}, line ${i + 1}: not JSON (${(error as Error).message}).`);
    }
    const checked = schema.safeParse(value);
    if (!checked.success)
      throw new Error(
        `${file}, line ${i + 1}: ${checked.error.issues.map((issue) => inWords(issue, value)).join('; ')}.`,
      );
    parsed.push(checked.data);
  }
  return parsed;
}

function inWords(issue: z.core.$ZodIssue, line: unknown): string {
  const field = issue.path.join('.') || 'the line';
  // zod's words for a field that is not there at all ("expected string, received undefined") say less.
  const given = issue.path.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown> | null)?.[key], line);
  return issue.path.length > 0 && given === undefined ? `${field} is missing` : `${field}: ${issue.message}`;
}
