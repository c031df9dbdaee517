import { describe, expect, it } from 'vitest';
import { parseDecideCommand } from '../../src/domain/decideCommand.js';

describe('parseDecideCommand', () => {
  it('opens the form when nothing follows /decide', () => {
    expect(parseDecideCommand('  ')).toEqual({ kind: 'open_modal' });
  });

  it('routes sub-commands and treats everything else as a decision', () => {
    expect(parseDecideCommand('help')).toEqual({ kind: 'help' });
    expect(parseDecideCommand('list #Payments accepted')).toEqual({
      kind: 'list',
      tag: 'payments',
      status: 'accepted',
    });
    expect(parseDecideCommand('list')).toEqual({ kind: 'list', tag: null, status: null });
    expect(parseDecideCommand('search stripe fees')).toEqual({ kind: 'search', query: 'stripe fees' });
    expect(parseDecideCommand('show D-14')).toEqual({ kind: 'show', ref: 14 });
    expect(parseDecideCommand('SHOW d14')).toEqual({ kind: 'show', ref: 14 });
    expect(parseDecideCommand('show D-14 full')).toEqual({ kind: 'show', ref: 14, full: true });
    expect(parseDecideCommand('show D-14 please')).toMatchObject({ kind: 'usage', subcommand: 'show' });
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

  describe('the cost sub-commands', () => {
    it('reads a meeting: length, head count and title', () => {
      expect(parseDecideCommand('meeting 45m 8 architecture sync')).toEqual({
        kind: 'meeting',
        minutes: 45,
        attendees: 8,
        title: 'architecture sync',
      });
      expect(parseDecideCommand('meeting 1h30 3')).toEqual({ kind: 'meeting', minutes: 90, attendees: 3, title: '' });
      expect(parseDecideCommand('Meeting 1.5h 4 retro')).toMatchObject({ kind: 'meeting', minutes: 90, attendees: 4 });
    });

    it('names what is wrong with a meeting it cannot count', () => {
      expect(parseDecideCommand('meeting 0m 8')).toMatchObject({ kind: 'meeting_invalid', problem: 'zero' });
      expect(parseDecideCommand('meeting 25h 8')).toMatchObject({ kind: 'meeting_invalid', problem: 'too_long' });
      expect(parseDecideCommand('meeting 45m')).toMatchObject({ kind: 'meeting_invalid', problem: 'no_attendees' });
      expect(parseDecideCommand('meeting 45m 0 sync')).toMatchObject({ kind: 'meeting_invalid', problem: 'too_few' });
      expect(parseDecideCommand('meeting 45m many')).toMatchObject({
        kind: 'meeting_invalid',
        problem: 'not_a_number',
      });
      expect(parseDecideCommand('meeting 4x5 8')).toMatchObject({ kind: 'meeting_invalid', problem: 'not_a_duration' });
    });

    it('keeps decisions that merely start with a sub-command word', () => {
      for (const text of [
        'meeting notes live in Notion from now on',
        'costs of CI are charged to each team',
        'settings pages use the new design system',
        'calendar invites go out from the team account',
        'github actions replace Jenkins for all repositories',
      ]) {
        expect(parseDecideCommand(text)).toEqual({ kind: 'record', text });
      }
    });

    it('reads periods, scopes, feeds and repositories', () => {
      expect(parseDecideCommand('costs')).toEqual({ kind: 'costs', period: 'month', scope: 'channel' });
      expect(parseDecideCommand('costs quarter all')).toEqual({ kind: 'costs', period: 'quarter', scope: 'workspace' });
      expect(parseDecideCommand('costs fortnight')).toMatchObject({ kind: 'usage', subcommand: 'costs' });
      expect(parseDecideCommand('settings')).toEqual({ kind: 'settings' });
      expect(parseDecideCommand('calendar')).toEqual({ kind: 'calendar', action: 'list' });
      expect(parseDecideCommand('calendar off')).toEqual({ kind: 'calendar', action: 'off' });
      expect(parseDecideCommand('calendar <https://cal.example.com/a.ics|a.ics>')).toEqual({
        kind: 'calendar',
        action: 'subscribe',
        url: '<https://cal.example.com/a.ics|a.ics>',
      });
      expect(parseDecideCommand('calendar webcal://cal.example.com/a.ics')).toMatchObject({ action: 'subscribe' });
      expect(parseDecideCommand('github octo/api')).toEqual({ kind: 'github', action: 'link', repository: 'octo/api' });
      expect(parseDecideCommand('github <https://github.com/octo/api.git>')).toEqual({
        kind: 'github',
        action: 'link',
        repository: 'octo/api',
      });
      expect(parseDecideCommand('github off octo/api')).toEqual({
        kind: 'github',
        action: 'unlink',
        repository: 'octo/api',
      });
      expect(parseDecideCommand('github')).toEqual({ kind: 'github', action: 'list' });
    });
  });

  describe('the admin sub-command', () => {
    it('reads /decide admin purge, whatever the case', () => {
      expect(parseDecideCommand('admin purge')).toEqual({ kind: 'admin_purge' });
      expect(parseDecideCommand('  Admin   PURGE ')).toEqual({ kind: 'admin_purge' });
    });

    it('explains its usage when alone, misspelt or given more than it takes, and never purges then', () => {
      expect(parseDecideCommand('admin')).toEqual({ kind: 'usage', subcommand: 'admin', given: '' });
      expect(parseDecideCommand('admin prune')).toEqual({ kind: 'usage', subcommand: 'admin', given: 'prune' });
      expect(parseDecideCommand('admin purge everything now')).toMatchObject({ kind: 'usage', subcommand: 'admin' });
    });

    it('keeps decisions that merely start with the word admin', () => {
      const text = 'admin rights go to team leads only';
      expect(parseDecideCommand(text)).toEqual({ kind: 'record', text });
    });
  });
});
