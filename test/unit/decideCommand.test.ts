import { describe, expect, it } from 'vitest';
import { parseDecideCommand } from '../../src/domain/decideCommand.js';

describe('parseDecideCommand', () => {
  it('opens the form when nothing follows /decide', () => {
    expect(parseDecideCommand('  ')).toEqual({ kind: 'open_modal' });
  });

  it('routes sub-commands and treats everything else as a decision', () => {
    expect(parseDecideCommand('help')).toEqual({ kind: 'help' });
    expect(parseDecideCommand('list #Payments accepted')).toEqual({ kind: 'list', tag: 'payments', status: 'accepted' });
    expect(parseDecideCommand('list')).toEqual({ kind: 'list', tag: null, status: null });
    expect(parseDecideCommand('search stripe fees')).toEqual({ kind: 'search', query: 'stripe fees' });
    expect(parseDecideCommand('show D-14')).toEqual({ kind: 'show', ref: 14 });
    expect(parseDecideCommand('SHOW d14')).toEqual({ kind: 'show', ref: 14 });
    expect(parseDecideCommand('supersede D-3 We go back to cron because queues are overkill')).toEqual({
      kind: 'supersede',
      ref: 3,
      text: 'We go back to cron because queues are overkill',
    });
    expect(parseDecideCommand('We adopt Renovate for dependency updates')).toEqual({
      kind: 'record',
      text: 'We adopt Renovate for dependency updates',
    });
  });

  it('answers a lone unknown word with help rather than recording it', () => {
    expect(parseDecideCommand('lsit')).toEqual({ kind: 'help', unknown: 'lsit' });
  });

  it('explains usage when a sub-command is missing its arguments', () => {
    expect(parseDecideCommand('show')).toEqual({ kind: 'usage', subcommand: 'show', given: '' });
    expect(parseDecideCommand('show fourteen')).toMatchObject({ kind: 'usage', subcommand: 'show' });
    expect(parseDecideCommand('search')).toMatchObject({ kind: 'usage', subcommand: 'search' });
    expect(parseDecideCommand('supersede D-3')).toMatchObject({ kind: 'usage', subcommand: 'supersede' });
    expect(parseDecideCommand('list prices in euros')).toMatchObject({ kind: 'usage', subcommand: 'list' });
  });
});
