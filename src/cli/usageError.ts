/**
 * A bad argument. Its message names the argument and says what to write instead; the CLI prints it
 * above the command's usage and exits 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const SHOWN = 60;

/** A value as the operator typed it, quoted and cut short: a pasted page must not fill the terminal. */
export function quoted(value: string): string {
  return JSON.stringify(value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value);
}
