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

export function personMention(decider: string): string {
  return isSlackUserId(decider) ? `<@${decider}>` : encodePlainText(neutraliseUserMarkup(decider));
}

/** "<@A>, <@B> and <@C>"; past `max` people, "<@A>, <@B> and 5 others". */
export function listOfPeople(people: string[], max = Number.POSITIVE_INFINITY): string {
  if (people.length === 0) return 'nobody recorded';
  if (people.length > max) return `${people.slice(0, max).map(personMention).join(', ')} and ${people.length - max} others`;
  const mentions = people.map(personMention);
  return mentions.length === 1 ? mentions[0]! : `${mentions.slice(0, -1).join(', ')} and ${mentions.at(-1)}`;
}

/** A `<url|label>` link, or the bare label when there is no url. */
export function link(url: string | null, label: string): string {
  return url ? `<${url}|${label}>` : label;
}
