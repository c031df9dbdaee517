import { type ParseArgsConfig, parseArgs } from 'node:util';
import { nearestName } from './nearestName.js';
import { quoted, UsageError } from './usageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's parseArgs, strict, with errors in the CLI's words: each names the argument and what
 * to write instead (the nearest option for a typo). `positionals` names the arguments the command
 * takes besides its options (['DIR']); one more is refused, fewer are the command's to check.
 */
export function parseCommandArgs<const O extends Options>(args: string[], options: O, positionals: string[] = []) {
  const names = Object.keys(options).map((name) => `--${name}`);
  // Read loosely first, so each problem can be told in full before the strict parse types the values.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  let given = 0;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      given += 1;
      if (given > positionals.length)
        throw new UsageError(
          positionals.length === 0
            ? `${quoted(token.value)} is not an option; this command takes only the options below.`
            : `${quoted(token.value)} is one argument too many: give ${positionals.join(' ')} once (quote a path with spaces).`,
        );
    }
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) {
      const near = nearestName(token.rawName, names);
      throw new UsageError(
        `There is no option ${quoted(token.rawName)}. ${near ? `Did you mean ${near}?` : names.length > 0 ? `The options are ${names.join(', ')}.` : 'This command takes none.'}`,
      );
    }
    if (option.type === 'boolean' && token.inlineValue)
      throw new UsageError(`${token.rawName} takes no value; write ${token.rawName} alone.`);
    // `--channel --private` reads as a channel named "--private" unless it is written --channel=….
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))))
      throw new UsageError(`${token.rawName} needs a value after it.`);
  }
  return parseArgs({ args, options, strict: true, allowPositionals: positionals.length > 0 });
}
