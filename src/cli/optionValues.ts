import { quoted, UsageError } from './usageError.js';

/** Checks of option values, each refusing with the option's name, what it takes and what was given. */

/** Linear patterns: a pasted page must not hang the check. */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const WORKSPACE_ID = /^T[A-Z0-9]{2,}$/;

/** A channel id: C… (public, and private ones since 2021) or G… (older private channels). */
export function channelIdOf(value: string): string {
  if (CHANNEL_ID.test(value)) return value;
  throw refusedId(
    '--channel',
    value,
    CHANNEL_ID,
    "a channel id such as C0123ABCD (the last line of the channel's details in Slack)",
  );
}

export function workspaceIdOf(value: string): string {
  if (WORKSPACE_ID.test(value)) return value;
  throw refusedId(
    '--workspace',
    value,
    WORKSPACE_ID,
    'a workspace id such as T0123ABCD (the T… in the address of Slack in a browser)',
  );
}

/** One of a few words, as `--format madr|nygard`. */
export function oneOf<const C extends string>(option: string, value: string, choices: readonly C[]): C {
  if ((choices as readonly string[]).includes(value)) return value as C;
  throw new UsageError(`${option} is ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, not ${quoted(value)}.`);
}

function refusedId(option: string, value: string, pattern: RegExp, takes: string): UsageError {
  const upper = value.toUpperCase();
  // Ids copied by hand come in lower case often enough to say so; a name ("general") has no digit.
  if (upper !== value && pattern.test(upper) && /\d/.test(value))
    return new UsageError(`${option} takes the id in capitals: ${option} ${upper}, not ${quoted(value)}.`);
  return new UsageError(`${option} takes ${takes}, not ${quoted(value)}.`);
}
