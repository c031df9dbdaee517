import type { AdminRefusal } from '../app/workspace/adminOnly.js';
import type { CostSettingKey, CostSettingProblem } from '../domain/costs/costSettings.js';
import type { AttendeesProblem, DurationProblem } from '../domain/costs/durations.js';
import type { FeedProblem } from '../app/costs/ports.js';
import type { DigestArgumentProblem } from '../domain/digest/schedule.js';
import type { ContentProblem } from '../domain/decision.js';
import type { WatchSensitivity } from '../domain/relitigation/types.js';
import { DECISION_STATUSES, formatRef } from '../domain/decision.js';
import { neutraliseBroadcasts } from '../domain/markup.js';
import type { InlineDecisionProblem } from '../domain/parseInlineDecision.js';
import { COMMAND, FIELD } from './ids.js';
import type { SlackFailure } from './slackFailure.js';

/** The domain returns codes; this is where they become words. */

const FIELD_NAMES: Record<ContentProblem['field'], string> = {
  title: 'The decision',
  context: 'The context',
  rationale: 'The rationale',
  consequences: 'The consequences',
  alternatives: 'The list of alternatives',
  alternative: 'One alternative',
  tags: 'Tags',
  tag: 'A tag',
  deciders: 'The list of deciders',
  commandText: 'The text',
  revisitOn: 'The revisit date',
};

export function describeContentProblem(problem: ContentProblem): string {
  switch (problem.code) {
    case 'required':
      return 'Write what was decided.';
    case 'too_long':
      return problem.field === 'alternatives' || problem.field === 'tags' || problem.field === 'deciders'
        ? `${FIELD_NAMES[problem.field]} can have at most ${problem.limit} entries (you gave ${problem.actual}).`
        : `${FIELD_NAMES[problem.field]} is ${problem.actual.toLocaleString('en')} characters; the limit is ${problem.limit.toLocaleString('en')}.`;
    case 'in_the_past':
      return 'Pick a revisit date after the decision date.';
    case 'invalid_tag':
      // The tag and the revisit phrase below are the user's own text, echoed: a <!channel> in it stays inert.
      return `“${neutraliseBroadcasts(problem.tag)}” is not a tag: use letters, digits, - and _ (up to 40).`;
  }
}

/** Which modal input a content problem belongs to, for `response_action: 'errors'`. */
export function fieldOfProblem(problem: ContentProblem): string {
  switch (problem.field) {
    case 'alternative':
    case 'alternatives':
      return FIELD.alternatives;
    case 'revisitOn':
      return FIELD.revisitOn;
    case 'tag':
      return FIELD.tags;
    case 'commandText':
      return FIELD.title;
    default:
      return FIELD[problem.field];
  }
}

export function describeInlineProblem(problem: InlineDecisionProblem): string {
  switch (problem.code) {
    case 'empty':
    case 'no_decision_text':
      return `I couldn't find the decision in that — only tags, mentions or a date. Write what was decided, e.g. \`${COMMAND} We use Postgres for orders because refunds need transactions #orders\`.`;
    case 'bad_revisit':
      return `I couldn't read the revisit date “${neutraliseBroadcasts(problem.phrase)}”. Try \`revisit in 6 months\`, \`revisit in 2 weeks\` or \`revisit on 2027-03-01\`.`;
    case 'revisit_in_past':
      return `The revisit date ${problem.date} is not in the future. Pick a later date.`;
    case 'too_long':
      return problem.field === 'text'
        ? `That is ${problem.actual.toLocaleString('en')} characters, more than a decision card can hold (${problem.limit.toLocaleString('en')}). Shorten it, or use \`${COMMAND}\` alone for the form, which has room for context and rationale.`
        : `The ${problem.field === 'title' ? 'decision' : 'rationale'} is ${problem.actual.toLocaleString('en')} characters; the limit is ${problem.limit.toLocaleString('en')}. Put detail in the rationale, or use \`${COMMAND}\` alone for the form.`;
  }
}

export const USAGE: Record<'list' | 'search' | 'show' | 'supersede' | 'watch' | 'llm' | 'costs' | 'admin', string> = {
  admin: `\`${COMMAND} admin purge\` deletes everything Decision Ledger has stored for this workspace, after showing what that is and asking you to confirm. Workspace admins and owners only.`,
  costs: `\`${COMMAND} costs [week|month|quarter] [all]\` sums this channel's coordination costs for the period (\`all\`: the workspace's public channels), e.g. \`${COMMAND} costs quarter\`.`,
  llm: `\`${COMMAND} llm on|off\` lets the relitigation watcher ask this deployment's LLM endpoint for a second opinion (it sends message text there; workspace admins and owners only); \`${COMMAND} llm\` shows the setting.`,
  watch: `\`${COMMAND} watch off|low|normal|high\` sets how readily I point out that a thread reopens a recorded decision in this channel; \`${COMMAND} watch\` shows the setting.`,
  list: `\`${COMMAND} list\` takes an optional #tag and an optional status (${DECISION_STATUSES.join(', ')}), e.g. \`${COMMAND} list #payments accepted\`.`,
  search: `Tell me what to look for: \`${COMMAND} search stripe invoicing\`.`,
  show: `Which decision? \`${COMMAND} show D-14\`.`,
  supersede: `Name the decision and write the new one: \`${COMMAND} supersede D-14 We move billing back in-house because fees doubled\`.`,
};

const WATCH_WORDS: Record<WatchSensitivity, string> = {
  off: 'off: I will not point out reopened decisions in this channel.',
  low: 'low: I point out only messages that clearly reopen a recorded decision.',
  normal: 'normal: I point out messages that reopen a recorded decision.',
  high: 'high: I point out messages that reopen a recorded decision, including less certain ones.',
};

export function describeWatch(sensitivity: WatchSensitivity, changed: boolean): string {
  return `${changed ? 'Relitigation watch is now' : 'Relitigation watch in this channel:'} ${WATCH_WORDS[sensitivity]}${sensitivity === 'off' ? '' : ' Change it with `/decide watch off|low|normal|high`.'}`;
}

export function describeLlmSetting(state: {
  configured: boolean;
  optIn: boolean;
  changed: boolean;
  endpoint: string | null;
}): string {
  if (!state.configured)
    return 'No LLM endpoint is configured on this deployment, so the relitigation watcher judges offline. An operator can set OPENAI_API_KEY (and OPENAI_BASE_URL).';
  const where = state.endpoint ? ` (${state.endpoint})` : '';
  if (state.optIn)
    return `${state.changed ? 'Done: the' : 'The'} relitigation watcher now asks the LLM endpoint${where} for a second opinion. This sends the text of messages that look like they reopen a decision there. \`${COMMAND} llm off\` stops it.`;
  return `${state.changed ? 'Done: the' : 'The'} relitigation watcher judges offline; no message text leaves this deployment. \`${COMMAND} llm on\` adds the LLM endpoint's${where} second opinion.`;
}

export function describeLlmRefusal(reason: AdminRefusal, orgWide: boolean, failure?: SlackFailure): string {
  if (reason === 'not_admin')
    return `Only ${adminsOf(orgWide)} can turn the LLM's second opinion on or off: it sends messages from every channel I am in, private ones included, to the LLM endpoint. The setting is unchanged; ask one of them.`;
  return `I couldn't check with Slack that you are one of the ${adminsOf(orgWide)}, so the setting is unchanged. ${roleUnknownCause(failure)}`;
}

export function describeSettingsScopeRefusal(reason: AdminRefusal): string {
  return reason === 'not_admin'
    ? 'Only workspace admins and owners can save settings for the whole workspace. Save them for this channel instead.'
    : "I couldn't check with Slack that you are a workspace admin or owner. Save for this channel, or try again in a minute.";
}

/** A repository counts for another channel: only that channel may move or unlink it. */
export function githubLinkedElsewhere(repository: string, channelId: string, action: 'link' | 'unlink'): string {
  return `\`${repository}\` counts for <#${channelId}>; only that channel can ${action === 'unlink' ? 'unlink' : 'move'} it (\`${COMMAND} github off ${repository}\` there). Nothing changed.`;
}

export function notVisible(ref: number): string {
  return `There is no ${formatRef(ref)} that can be shown here. It may not exist, or it was recorded in a private channel — \`${COMMAND} list\` shows what is visible in this channel.`;
}

/** A decision is superseded from its own channel only (the new record lives where it is made). */
export function supersedeElsewhere(ref: number, channelId: string): string {
  return `${formatRef(ref)} was recorded in <#${channelId}>: supersede it there, where the new record will be seen by the same people. Nothing was recorded.`;
}

export function alreadySuperseded(ref: number, byRef: number): string {
  return `${formatRef(ref)} was already superseded by ${formatRef(byRef)}. Supersede ${formatRef(byRef)} instead: \`${COMMAND} supersede ${formatRef(byRef)} …\``;
}

/** Slack's failures, in words a user can act on: the cause only; callers say what it means for them. */
export function describeSlackFailure(failure: SlackFailure, where: string): string {
  switch (failure.kind) {
    case 'not_in_channel':
      return `I'm not a member of ${where}: add me with \`/invite @Decision Ledger\`.`;
    case 'channel_not_found':
      return `I can't see ${where}; it may be private or deleted. Add me with \`/invite @Decision Ledger\`.`;
    case 'archived':
      return `${where[0]!.toUpperCase()}${where.slice(1)} is archived.`;
    case 'rate_limited':
      return 'Slack is rate-limiting me right now.';
    case 'unavailable':
      return 'Slack returned an error or did not answer in time.';
    case 'other':
      return `Slack answered \`${failure.code}\`.`;
  }
}

export function withTextBack(message: string, text: string): string {
  // The user's own text comes back in a code block, so nothing they typed is lost.
  return `${message}\nHere is what you wrote, to copy:\n\`\`\`${neutraliseBroadcasts(text).replace(/```/g, "'''")}\`\`\``;
}

// ───────────────────────────── answering within Slack's 3 seconds ─────────────────────────────

/**
 * What a sub-command acks with when its answer is not ready within the ack budget (the database is
 * slow); the answer follows through the command's response_url.
 */
export const HOLDING = {
  lookUp: 'Looking that up — the answer follows in a moment.',
  change: 'Saving that — the database is slow right now. I will confirm here in a moment.',
  decision: 'Saving your decision — the database is slow right now. I will confirm here.',
  meeting: 'Recording the meeting — the database is slow right now. I will confirm here.',
  costs: 'Adding up the costs — the database is slow right now. I will answer here.',
  calendar: 'Reading the calendar… I will answer here in a moment.',
  working: 'Working on it — the database is slow right now. I will answer here in a moment.',
  purge: 'Checking that you are an admin and counting what is stored — I will answer here in a moment.',
} as const;

/** `/decide settings` could not read the settings while Slack still let it open the form (3 s from the command). */
export const SETTINGS_TOO_SLOW =
  'The settings took too long to load — the database is slow right now — and Slack only lets me open the form within 3 seconds of your command. Run `/decide settings` again in a minute.';

// ───────────────────────────── coordination costs ─────────────────────────────

const MEETING_EXAMPLE = `\`${COMMAND} meeting 45m 8 architecture sync\``;

export function describeMeetingProblem(problem: DurationProblem | AttendeesProblem | 'no_attendees'): string {
  const why: Record<typeof problem, string> = {
    not_a_duration: "I couldn't read the meeting's length. Write it like `45m`, `1h30` or `1.5h`.",
    zero: 'A meeting of 0 minutes costs nothing; give its length, like `45m`.',
    too_long: 'That is longer than 24 hours; give one meeting at a time.',
    no_attendees: 'How many people attended? Give the count after the length.',
    not_a_number: 'The number of attendees must be a whole number, like `8`.',
    too_few: 'A meeting needs at least 1 attendee.',
    too_many: 'That is more than 10,000 attendees; check the number.',
  };
  return `${why[problem]} For example: ${MEETING_EXAMPLE}. Nothing was recorded.`;
}

const SETTING_NAMES: Record<CostSettingKey, string> = {
  hourlyRate: 'The hourly rate',
  currency: 'The currency',
  buildMultiplier: 'The AI build multiplier',
  switchOverheadMinutes: 'The switch overhead',
  reviewInterruptionFactor: 'The review interruption factor',
  workingDays: 'Working days',
  workdayStart: 'The start of the working day',
  workdayEnd: 'The end of the working day',
  timeZone: 'The time zone',
};

export function describeSettingProblem(key: CostSettingKey, problem: CostSettingProblem): string {
  const name = SETTING_NAMES[key];
  switch (problem) {
    case 'not_a_number':
      return `${name} must be a number, like 120 or 1.5.`;
    case 'not_positive':
      return `${name} must be more than 0.`;
    case 'negative':
      return `${name} can't be negative.`;
    case 'too_high':
      return `${name} is higher than this setting allows; check for a typo.`;
    case 'invalid_currency':
      return 'Give a three-letter currency code, like EUR, USD or GBP.';
    case 'invalid_day':
    case 'no_days':
      return 'Pick at least one working day.';
    case 'invalid_time':
      return `${name} must be a time like 09:00.`;
    case 'end_not_after_start':
      return 'The working day must end after it starts.';
    case 'invalid_time_zone':
      return 'Give an IANA time zone, like Europe/Berlin, America/New_York or UTC.';
  }
}

/**
 * Why a feed cannot be read, in words. Every failure to fetch gets the same answer: telling
 * "HTTP 403" from "could not connect" would let a member probe what the server can reach.
 */
export function describeFeedProblem(problem: FeedProblem): string {
  switch (problem) {
    case 'invalid_url':
      return 'That is not a calendar link I can fetch; give the http(s) or webcal link of an ICS feed.';
    case 'private_host':
    case 'timeout':
    case 'http_error':
    case 'network':
      return "I couldn't fetch a calendar from that link. Give the feed's public (secret) address, an ICS link that opens without signing in.";
    case 'too_large':
      return 'The calendar is larger than I fetch.';
    case 'not_a_calendar':
      return 'That link does not return an ICS calendar.';
    case 'malformed':
      return 'The calendar could not be read; it looks damaged or cut off.';
  }
}

/** Feed links often carry a private token: shown by host only. */
export function feedHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the feed';
  }
}

const DIGEST_EXAMPLES =
  '`/decide digest weekly fri 16:00`, `/decide digest daily 09:30 America/New_York`, `/decide digest monthly 1 09:00`, `off` or `preview`';

export function describeDigestProblem(problem: DigestArgumentProblem): string {
  const why: Record<DigestArgumentProblem, string> = {
    unknown_cadence: 'Say how often: daily, weekly or monthly.',
    missing_day: 'A weekly digest needs a day (mon…sun); a monthly one a day of the month.',
    invalid_day: 'That is not a day of the week I know (mon, tue, wed, thu, fri, sat, sun).',
    invalid_time: 'Give the time like 16:00 or 9:30.',
    invalid_time_zone: 'That is not a time zone I know; use an IANA name like Europe/Berlin, America/New_York or UTC.',
    day_of_month_out_of_range: 'A monthly digest can come on day 1 to 28, so that every month has it.',
  };
  return `${why[problem]} For example: ${DIGEST_EXAMPLES}.`;
}

// ───────────────────────────── deleting a workspace's data ─────────────────────────────

/** Why `/decide admin purge` (or its button) did nothing; `failure` is Slack's, when it would not say who is asking. */
export function describePurgeRefusal(reason: AdminRefusal, orgWide: boolean, failure?: SlackFailure): string {
  if (reason === 'not_admin')
    return `Only ${adminsOf(orgWide)} can delete ${orgWide ? "the organisation's" : "this workspace's"} Decision Ledger data. Nothing was deleted.`;
  return `I couldn't check with Slack that you are one of the ${adminsOf(orgWide)}, so nothing was deleted. ${roleUnknownCause(failure)}`;
}

/** Who may act for the whole ledger: on an org-wide install, the organisation's admins and owners. */
function adminsOf(orgWide: boolean): string {
  return orgWide ? 'admins and owners of the organisation' : 'workspace admins and owners';
}

/** Why Slack could not say whether someone is an admin, and what to do about it. */
function roleUnknownCause(failure?: SlackFailure): string {
  if (failure?.kind === 'other' && failure.code === 'missing_scope')
    return 'The app lacks the users:read permission it needs for that: ask whoever installed it to reinstall it.';
  return failure ? `${describeSlackFailure(failure, 'Slack')} Try again in a minute.` : 'Try again in a minute.';
}

/** A warning's button whose judgement or decision is gone. */
export const WARNING_GONE = 'That warning is no longer valid.';

export const REOPEN_FORM_FAILED = "I couldn't open the Reopen form. Try again in a moment.";

export const REOPEN_FORM_STALE = 'This form is out of date. Close it and press Reopen again.';
export const REOPEN_NEEDS_WHAT_IS_NEW = 'Say what is new since the decision.';

export function decisionGone(ref: number): string {
  return `${formatRef(ref)} can no longer be found.`;
}

/** Told in the warned thread when someone reopens the decision from the warning. */
export function reopenedInThread(userId: string, ref: number, whatIsNew: string): string {
  return `<@${userId}> reopened ${formatRef(ref)}. What is new: ${whatIsNew}`;
}

export const DATABASE_DOWN_NOTHING_CHANGED =
  "I couldn't reach the database just now; nothing changed. Try again in a minute.";

export function digestScheduled(when: string, next: Date): string {
  return (
    `This channel's Reflection digest comes ${when}; the next one on ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
    `It covers what was decided, superseded and due for revisit, the threads that reopened a decision, and what coordination cost. \`${COMMAND} digest preview\` shows it now; \`${COMMAND} digest off\` stops it. Invite me to the channel if I am not in it yet.`
  );
}

export function digestStopped(hadOne: boolean): string {
  return hadOne ? 'The Reflection digest of this channel is off.' : 'This channel had no Reflection digest.';
}

export const NO_DIGEST_YET = `No Reflection digest here yet. Set one with \`${COMMAND} digest weekly fri 16:00\` (or \`daily 09:30\`, \`monthly 1 09:00\`, with a time zone after the time if you like).`;

export function digestScheduleShown(when: string, pausedReason: string | null): string {
  return `This channel's Reflection digest comes ${when}.${pausedReason ? ` It is paused: ${pausedReason}` : ''}`;
}

/** Told to a digest's owner when Slack will not take it in its channel. */
export function digestPaused(channelId: string, why: string): string {
  return `I paused the Reflection digest of <#${channelId}>: ${why} Set it again with \`${COMMAND} digest …\` in that channel once that is fixed.`;
}

/** A revisit reminder, to the decision's owner. */
export function revisitDue(ref: number, revisitOn: string, channelId: string): string {
  return `${formatRef(ref)} is due for revisit (${revisitOn}), in <#${channelId}>. Keep it, or supersede it with \`${COMMAND} supersede ${formatRef(ref)} …\`.`;
}
