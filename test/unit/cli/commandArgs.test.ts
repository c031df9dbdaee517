import { describe, expect, it } from 'vitest';
import { nearestName } from '../../../src/cli/nearestName.js';
import { channelIdOf, oneOf, workspaceIdOf } from '../../../src/cli/optionValues.js';
import { parseCommandArgs } from '../../../src/cli/parseCommandArgs.js';
import { UsageError } from '../../../src/cli/usageError.js';

const OPTIONS = { channel: { type: 'string' }, private: { type: 'boolean', default: false } } as const;

/** The message a bad argument gets (the CLI prints it above the usage). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('the CLI reading its arguments', () => {
  it('reads options and the positionals it takes, typed', () => {
    const { values, positionals } = parseCommandArgs(['adrs', '--channel', 'C0ARCH', '--private'], OPTIONS, ['DIR']);
    expect(positionals).toEqual(['adrs']);
    expect(values).toEqual({ channel: 'C0ARCH', private: true });
  });

  it('names an unknown option with the nearest one it takes, or all of them', () => {
    expect(refusal(() => parseCommandArgs(['--chanel', 'C0ARCH'], OPTIONS))).toBe(
      'There is no option "--chanel". Did you mean --channel?',
    );
    expect(refusal(() => parseCommandArgs(['--zzzzzz'], OPTIONS))).toBe(
      'There is no option "--zzzzzz". The options are --channel, --private.',
    );
  });

  it('says when a value is missing, given to a switch, or an argument is one too many', () => {
    expect(refusal(() => parseCommandArgs(['--channel'], OPTIONS))).toBe('--channel needs a value after it.');
    expect(refusal(() => parseCommandArgs(['--channel', '--private'], OPTIONS))).toBe(
      '--channel needs a value after it.',
    );
    expect(refusal(() => parseCommandArgs(['--private=yes'], OPTIONS))).toBe(
      '--private takes no value; write --private alone.',
    );
    expect(refusal(() => parseCommandArgs(['a', 'b'], OPTIONS, ['DIR']))).toBe(
      '"b" is one argument too many: give DIR once (quote a path with spaces).',
    );
    expect(refusal(() => parseCommandArgs(['now'], {}))).toBe(
      '"now" is not an option; this command takes only the options below.',
    );
  });

  it('says what a channel, a workspace or a choice takes, with capitals where they are all that is wrong', () => {
    expect(channelIdOf('C0ARCH')).toBe('C0ARCH');
    expect(refusal(() => channelIdOf('c0arch'))).toBe(
      '--channel takes the id in capitals: --channel C0ARCH, not "c0arch".',
    );
    expect(refusal(() => channelIdOf('general'))).toMatch(
      /^--channel takes a channel id such as C0123ABCD .*not "general"\.$/,
    );
    expect(refusal(() => workspaceIdOf('acme'))).toMatch(
      /^--workspace takes a workspace id such as T0123ABCD .*not "acme"\.$/,
    );
    expect(refusal(() => oneOf('--format', 'xml', ['madr', 'nygard']))).toBe('--format is madr or nygard, not "xml".');
  });

  it('answers pasted pages at once, and quotes them cut short', () => {
    const page = `C${'0'.repeat(200_000)}x`;
    expect(refusal(() => channelIdOf(page))).toContain(`"C${'0'.repeat(59)}…"`);
    expect(refusal(() => workspaceIdOf(`t${'1'.repeat(200_000)}!`))).toContain('…"');
    expect(nearestName(`--${'c'.repeat(200_000)}`, ['--channel'])).toBeUndefined();
    expect(refusal(() => parseCommandArgs([`--${'x'.repeat(200_000)}`], OPTIONS))).toContain('The options are');
  });
});
