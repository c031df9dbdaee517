import type { FeedProblem } from '../../app/costs/ports.js';
import { CALENDAR_LOOKBACK_DAYS, type FeedSyncResult } from '../../app/costs/syncCalendarFeed.js';
import { hours, money, personHours } from '../blocks/costFormat.js';
import { COMMAND } from '../ids.js';

/** What `/decide calendar` answers, and what a channel is told when its feed stops working. */

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

export const NO_CALENDAR_FEEDS = `No calendar feeds count for this channel. Subscribe one with \`${COMMAND} calendar <ics link>\`.`;

export function calendarFeedList(
  feeds: { url: string; meetingsRecorded: number; lastProblem: FeedProblem | null; lastSyncedAt: Date | null }[],
): string {
  const lines = feeds.map((f) => {
    const state = f.lastProblem
      ? `not working: ${describeFeedProblem(f.lastProblem)}`
      : f.lastSyncedAt
        ? `last read ${f.lastSyncedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
        : 'not read yet';
    return `• ${feedHost(f.url)} — ${f.meetingsRecorded} meetings recorded; ${state}`;
  });
  return `Calendar feeds of this channel:\n${lines.join('\n')}\n\`${COMMAND} calendar off\` removes them.`;
}

export function calendarsRemoved(removed: number): string {
  return removed === 0
    ? 'This channel had no calendar feeds.'
    : `Removed ${removed} calendar ${removed === 1 ? 'feed' : 'feeds'}. Meetings already recorded stay in the costs.`;
}

export function notSubscribed(problem: FeedProblem): string {
  return `I did not subscribe this channel: ${describeFeedProblem(problem)} Nothing was stored.`;
}

/** A feed subscribed (or found subscribed already), with what its first read found. */
export function subscribed(props: {
  host: string;
  alreadySubscribed: boolean;
  first: Extract<FeedSyncResult, { ok: true }>;
}): string {
  const { first } = props;
  const found =
    first.found === 0
      ? `It had no meetings with two or more people in the past ${CALENDAR_LOOKBACK_DAYS} days`
      : `It had ${first.found} ${first.found === 1 ? 'meeting' : 'meetings'} in the past ${CALENDAR_LOOKBACK_DAYS} days: ${personHours(first.personHours)}, ${money(first.money, first.settings.currency)}, ≈ ${hours(first.buildHours)} build-hours forgone`;
  return (
    `${props.alreadySubscribed ? 'This channel was already subscribed to' : 'Subscribed this channel to'} the calendar at ${props.host}. ${found}. ` +
    `I read it every hour and count each meeting once; all-day, solo, declined, cancelled and free events are left out. \`${COMMAND} costs\` shows the totals.`
  );
}

/** Posted in the channel, once, when a feed that worked stops working. */
export function feedStopped(url: string, problem: FeedProblem): string {
  return (
    `The calendar feed at ${feedHost(url)} stopped working: ${describeFeedProblem(problem)} ` +
    `I'll keep trying every hour and won't mention it again until it works. \`${COMMAND} calendar off\` removes it.`
  );
}
