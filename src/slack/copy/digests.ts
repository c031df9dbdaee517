import { formatRef } from '../../domain/decision.js';
import type { DigestArgumentProblem } from '../../domain/digest/schedule.js';
import { COMMAND } from '../ids.js';

/**
 * What `/decide digest` answers, what a digest's owner is told when it pauses, the words of its
 * chart, and the revisit reminder. The digest's own blocks are in blocks/digest.ts.
 */

const DIGEST_EXAMPLES = `\`${COMMAND} digest weekly fri 16:00\`, \`${COMMAND} digest daily 09:30 America/New_York\`, \`${COMMAND} digest monthly 1 09:00\`, \`off\` or \`preview\``;

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

/** The cost chart posted in the digest's thread. */
export const DIGEST_CHART = {
  title: 'Coordination cost by kind (hours)',
  fileTitle: 'Coordination cost per period, by kind',
  altText: 'Bar chart of meeting, review-wait and relitigation hours over the last eight periods',
} as const;

/** A revisit reminder, to the decision's owner. */
export function revisitDue(ref: number, revisitOn: string, channelId: string): string {
  return `${formatRef(ref)} is due for revisit (${revisitOn}), in <#${channelId}>. Keep it, or supersede it with \`${COMMAND} supersede ${formatRef(ref)} …\`.`;
}
