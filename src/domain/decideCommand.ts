import { channelLinksAsTags } from './markup.js';
import { type DecisionStatus, isDecisionStatus, normaliseTags, parseRef, TAG_PATTERN } from './decision.js';
import { type AttendeesProblem, type DurationProblem, parseAttendees, parseDuration } from './costs/durations.js';
import type { PeriodKind } from './costs/periods.js';
import { type DigestArguments, parseDigestArguments } from './digest/schedule.js';
import { WATCH_SENSITIVITIES, type WatchSensitivity } from './relitigation/types.js';

/** What `/decide <text>` asks for. Sub-commands are single leading words; anything else is a decision. */
export type DecideCommand =
  | { kind: 'open_modal' }
  | { kind: 'help'; unknown?: string }
  | { kind: 'record'; text: string }
  | { kind: 'list'; tag: string | null; status: DecisionStatus | null }
  | { kind: 'search'; query: string }
  /** `full`: every section of the record, an imported file's included (`/decide show D-14 full`). */
  | { kind: 'show'; ref: number; full?: true }
  | { kind: 'supersede'; ref: number; text: string }
  | { kind: 'watch'; sensitivity: WatchSensitivity | null }
  | { kind: 'llm'; optIn: boolean | null }
  | { kind: 'meeting'; minutes: number; attendees: number; title: string }
  | { kind: 'meeting_invalid'; problem: DurationProblem | AttendeesProblem | 'no_attendees'; given: string }
  | { kind: 'costs'; period: PeriodKind; scope: 'channel' | 'workspace' }
  | { kind: 'settings' }
  | { kind: 'calendar'; action: 'list' }
  | { kind: 'calendar'; action: 'subscribe'; url: string }
  | { kind: 'calendar'; action: 'off' }
  | { kind: 'github'; action: 'list' }
  | { kind: 'github'; action: 'link' | 'unlink'; repository: string }
  | { kind: 'digest'; request: DigestArguments }
  | { kind: 'admin_purge' }
  | {
      kind: 'usage';
      subcommand: 'list' | 'search' | 'show' | 'supersede' | 'watch' | 'llm' | 'costs' | 'admin';
      given: string;
    };

const SUBCOMMANDS = new Set([
  'help',
  'list',
  'search',
  'show',
  'supersede',
  'watch',
  'llm',
  'meeting',
  'costs',
  'settings',
  'calendar',
  'github',
  'digest',
  'admin',
]);
const PERIODS: readonly PeriodKind[] = ['week', 'month', 'quarter'];
// `owner/repo` as GitHub allows them.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export function parseDecideCommand(rawText: string): DecideCommand {
  const text = channelLinksAsTags(rawText).trim();
  if (text === '') return { kind: 'open_modal' };
  const [first = '', ...restWords] = text.split(/\s+/);
  const word = first.toLowerCase();
  const rest = text.slice(first.length).trim();

  if (!SUBCOMMANDS.has(word)) {
    // One word that is no sub-command is far more likely a typo ("/decide lsit") than a decision.
    if (restWords.length === 0) return { kind: 'help', unknown: first };
    return { kind: 'record', text };
  }

  // The cost sub-commands are everyday words ("/decide meeting notes live in Notion"): when what
  // follows is not what the sub-command takes, the text is a decision, as before they existed.
  const costCommand = parseCostCommand(word, rest);
  if (costCommand === 'not_a_cost_command') return { kind: 'record', text };
  if (costCommand) return costCommand;

  switch (word) {
    case 'help':
      return { kind: 'help' };
    case 'list':
      return parseListArguments(rest);
    case 'search':
      return rest === '' ? { kind: 'usage', subcommand: 'search', given: rest } : { kind: 'search', query: rest };
    case 'watch': {
      if (rest === '') return { kind: 'watch', sensitivity: null };
      const level = rest.toLowerCase();
      return (WATCH_SENSITIVITIES as readonly string[]).includes(level)
        ? { kind: 'watch', sensitivity: level as WatchSensitivity }
        : { kind: 'usage', subcommand: 'watch', given: rest };
    }
    case 'llm': {
      const answer = rest.toLowerCase();
      if (answer === '') return { kind: 'llm', optIn: null };
      if (answer === 'on' || answer === 'off') return { kind: 'llm', optIn: answer === 'on' };
      return { kind: 'usage', subcommand: 'llm', given: rest };
    }
    case 'show': {
      const [refText = '', more, ...extra] = rest.split(/\s+/);
      const ref = parseRef(refText);
      const full = more?.toLowerCase() === 'full';
      if (ref === null || extra.length > 0 || (more !== undefined && !full))
        return { kind: 'usage', subcommand: 'show', given: rest };
      return full ? { kind: 'show', ref, full } : { kind: 'show', ref };
    }
    case 'admin': {
      const args = rest.toLowerCase().split(/\s+/).filter(Boolean);
      if (args.length === 1 && args[0] === 'purge') return { kind: 'admin_purge' };
      // "/decide admin rights go to team leads" is a decision; "/decide admin", "admin prune" and
      // "admin purge all" are someone reaching for the admin commands.
      if (args.length >= 2 && args[0] !== 'purge') return { kind: 'record', text };
      return { kind: 'usage', subcommand: 'admin', given: rest };
    }
    default: {
      const [refText = '', ...words] = rest.split(/\s+/);
      const ref = parseRef(refText);
      const newText = rest.slice(refText.length).trim();
      if (ref === null || words.length === 0 || newText === '')
        return { kind: 'usage', subcommand: 'supersede', given: rest };
      return { kind: 'supersede', ref, text: newText };
    }
  }
}

function parseCostCommand(word: string, rest: string): DecideCommand | 'not_a_cost_command' | null {
  const args = rest.split(/\s+/).filter(Boolean);
  const lower = args.map((a) => a.toLowerCase());
  switch (word) {
    case 'meeting': {
      // `/decide meeting 45m 8 architecture sync`: a leading number makes it a meeting, right or wrong.
      if (!/^\d/.test(args[0] ?? '')) return 'not_a_cost_command';
      const duration = parseDuration(args[0]!);
      if (!duration.ok) return { kind: 'meeting_invalid', problem: duration.problem, given: rest };
      if (args.length < 2) return { kind: 'meeting_invalid', problem: 'no_attendees', given: rest };
      const attendees = parseAttendees(args[1]!);
      if (!attendees.ok) return { kind: 'meeting_invalid', problem: attendees.problem, given: rest };
      return {
        kind: 'meeting',
        minutes: duration.minutes,
        attendees: attendees.attendees,
        title: args.slice(2).join(' '),
      };
    }
    case 'costs': {
      const period = lower.find((a) => (PERIODS as readonly string[]).includes(a)) as PeriodKind | undefined;
      const workspaceWide = lower.includes('all') || lower.includes('workspace');
      const understood = lower.filter((a) => a === period || a === 'all' || a === 'workspace').length;
      if (understood !== args.length)
        return args.length > 2 ? 'not_a_cost_command' : { kind: 'usage', subcommand: 'costs', given: rest };
      return { kind: 'costs', period: period ?? 'month', scope: workspaceWide ? 'workspace' : 'channel' };
    }
    case 'settings':
      return args.length === 0 ? { kind: 'settings' } : 'not_a_cost_command';
    case 'digest': {
      const request = parseDigestArguments(rest);
      // "/decide digest emails go out on Mondays" is a decision, not a schedule gone wrong.
      if (request.kind === 'invalid' && request.problem === 'unknown_cadence' && args.length > 2)
        return 'not_a_cost_command';
      return { kind: 'digest', request };
    }
    case 'calendar': {
      if (args.length === 0 || (args.length === 1 && lower[0] === 'list')) return { kind: 'calendar', action: 'list' };
      if (args.length === 1 && (lower[0] === 'off' || lower[0] === 'remove'))
        return { kind: 'calendar', action: 'off' };
      // Slack sends links as <https://…> or <https://…|label>; a typed webcal:// may come bare.
      if (args.length === 1 && /^<?(https?|webcal):\/\//i.test(args[0]!))
        return { kind: 'calendar', action: 'subscribe', url: args[0]! };
      return 'not_a_cost_command';
    }
    case 'github': {
      if (args.length === 0 || (args.length === 1 && lower[0] === 'list')) return { kind: 'github', action: 'list' };
      const unlink = lower[0] === 'off' || lower[0] === 'remove';
      const repository = repositoryOf(unlink ? args[1] : args[0]);
      if (repository && args.length === (unlink ? 2 : 1))
        return { kind: 'github', action: unlink ? 'unlink' : 'link', repository };
      return 'not_a_cost_command';
    }
    default:
      return null;
  }
}

/** `owner/repo` from what was typed: plain, or a github.com link as Slack sends it. */
function repositoryOf(text: string | undefined): string | null {
  if (!text) return null;
  const plain = text
    .replace(/^<|>$/g, '')
    .split('|')[0]!
    .replace(/^https?:\/\/(www\.)?github\.com\//i, '')
    .replace(/(\.git)?\/?$/, '');
  return REPOSITORY.test(plain) ? plain : null;
}

function parseListArguments(rest: string): DecideCommand {
  let tag: string | null = null;
  let status: DecisionStatus | null = null;
  for (const argument of rest.split(/\s+/).filter(Boolean)) {
    const lower = argument.toLowerCase();
    if (lower.startsWith('#') && TAG_PATTERN.test(lower.slice(1)) && tag === null) tag = normaliseTags([lower])[0]!;
    else if (isDecisionStatus(lower) && status === null) status = lower;
    else return { kind: 'usage', subcommand: 'list', given: rest };
  }
  return { kind: 'list', tag, status };
}
