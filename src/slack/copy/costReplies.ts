import type { AttendeesProblem, DurationProblem } from '../../domain/costs/durations.js';
import { COMMAND } from '../ids.js';

/** What `/decide meeting`, `/decide costs` and `/decide github` answer, privately. */

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

export const MEETING_NOT_RECORDED =
  "I couldn't record the meeting: the database did not answer. Nothing was recorded; try again in a minute.";

export const COSTS_UNAVAILABLE = "I couldn't read the costs: the database did not answer. Try again in a minute.";

/** How review waits reach this deployment, said after every `/decide github` answer. */
export function githubSetup(webhooks: boolean): string {
  return webhooks
    ? 'In the repository (or its organisation) add a webhook: Payload URL `https://<this app>/github/webhook`, content type `application/json`, the secret your operator set as GITHUB_WEBHOOK_SECRET, events *Pull requests* and *Pull request reviews*.'
    : 'This deployment does not take GitHub webhooks yet: an operator needs to set GITHUB_WEBHOOK_SECRET.';
}

export function githubRepositories(repositories: string[], setup: string): string {
  return repositories.length === 0
    ? `No repositories count their review waits here. Link one with \`${COMMAND} github owner/repo\`. ${setup}`
    : `Review waits of ${repositories.map((r) => `\`${r}\``).join(', ')} count for this channel. ${setup}`;
}

export function githubLinked(repository: string, setup: string): string {
  return `Review waits of \`${repository}\` now count for this channel, in working hours. ${setup}`;
}

export function githubUnlinked(repository: string, wasLinked: boolean): string {
  return wasLinked
    ? `\`${repository}\` no longer counts here. Waits already recorded stay in the costs.`
    : `\`${repository}\` was not linked in this workspace.`;
}

/** A repository counts for another channel: only that channel may move or unlink it. */
export function githubLinkedElsewhere(repository: string, channelId: string, action: 'link' | 'unlink'): string {
  return `\`${repository}\` counts for <#${channelId}>; only that channel can ${action === 'unlink' ? 'unlink' : 'move'} it (\`${COMMAND} github off ${repository}\` there). Nothing changed.`;
}
