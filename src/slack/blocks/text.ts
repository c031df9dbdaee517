import { isSlackUserId } from '../../domain/decision.js';
import { encodePlainText, neutraliseUserMarkup, truncate } from '../../domain/markup.js';

/**
 * Every piece of user text that reaches a Block Kit builder passes through here before it is
 * posted: no broadcast, no link that hides its target, no reordering controls (neutraliseUserMarkup).
 */
export function userText(storedText: string, max = 2900): string {
  return truncate(neutraliseUserMarkup(storedText), max);
}

/** For `plain_text` objects, which do not render markup: same neutralising, tighter limit. */
export function plainUserText(storedText: string, max: number): string {
  return truncate(neutraliseUserMarkup(storedText), max);
}

// A decider who is not a Slack user is a name from an imported file, shown shortened past this.
const NAME_SHOWN = 60;
// Past this many people a list says "and N others": a context block holds 3,000 characters.
const PEOPLE_SHOWN = 10;

export function personMention(decider: string): string {
  return isSlackUserId(decider)
    ? `<@${decider}>`
    : truncate(encodePlainText(neutraliseUserMarkup(decider)), NAME_SHOWN);
}

/** "<@A>, <@B> and <@C>"; past `max` people (ten at most), "<@A>, <@B> and 5 others". */
export function listOfPeople(people: string[], max = PEOPLE_SHOWN): string {
  max = Math.min(max, PEOPLE_SHOWN);
  if (people.length === 0) return 'nobody recorded';
  if (people.length > max)
    return `${people.slice(0, max).map(personMention).join(', ')} and ${people.length - max} others`;
  const mentions = people.map(personMention);
  return mentions.length === 1 ? mentions[0]! : `${mentions.slice(0, -1).join(', ')} and ${mentions.at(-1)}`;
}

/** A `<url|label>` link, or the bare label when there is no url. */
export function link(url: string | null, label: string): string {
  return url ? `<${url}|${label}>` : label;
}

/** A decision's date as shown: a record imported from a file without one says so instead of inventing one. */
export function decisionDate(decidedOn: string | null): string {
  return decidedOn ?? '(date unknown)';
}
