import type { Attendee, Organizer } from 'node-ical';

/** `MAILTO:Bob@Example.com ` → `bob@example.com`; null when nothing is left. */
export function normaliseEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value
    .trim()
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return email === '' ? null : email;
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value);
}

export type People = {
  /** People expected in the room: listed attendees who did not decline, plus the organizer if unlisted. */
  counted: number;
  /** The feed owner is listed and answered DECLINED. */
  ownerDeclined: boolean;
};

/**
 * Counts the people an occurrence occupies.
 * Rooms and equipment (CUTYPE=ROOM|RESOURCE, how Google and Exchange list them) are not people.
 * DELEGATED counts like DECLINED: the delegate appears as an attendee of their own.
 */
export function countPeople(
  organizer: Organizer | undefined,
  attendees: Attendee[] | Attendee | undefined,
  ownerEmail: string | null,
): People {
  // Last answer wins when a producer lists someone twice.
  const answers = new Map<string, string>();
  for (const attendee of toList(attendees)) {
    const params = typeof attendee === 'string' ? {} : attendee.params;
    const cutype = String(params.CUTYPE ?? 'INDIVIDUAL').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') continue;
    const identity = identify(attendee);
    if (identity === null) continue;
    answers.set(identity, String(params.PARTSTAT ?? 'NEEDS-ACTION').toUpperCase());
  }

  let counted = 0;
  for (const answer of answers.values()) if (answer !== 'DECLINED' && answer !== 'DELEGATED') counted += 1;
  const organizerIdentity = organizer === undefined ? null : identify(organizer);
  if (organizerIdentity !== null && !answers.has(organizerIdentity)) counted += 1;

  return { counted, ownerDeclined: ownerEmail !== null && answers.get(ownerEmail) === 'DECLINED' };
}

function toList(attendees: Attendee[] | Attendee | undefined): Attendee[] {
  if (attendees === undefined) return [];
  return Array.isArray(attendees) ? attendees : [attendees];
}

// Apple writes the address in an EMAIL parameter and a urn:uuid as the value; others write
// mailto:. Without any address the display name is the best identity there is.
function identify(person: Attendee | Organizer): string | null {
  if (typeof person === 'string') return normaliseEmail(person);
  const params: Record<string, unknown> = person.params;
  return normaliseEmail(params.EMAIL) ?? normaliseEmail(person.val) ?? normaliseEmail(params.CN);
}
