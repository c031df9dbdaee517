import { IANAZone } from 'luxon';

/**
 * Whether `zone` names an IANA time zone, remembered per name. luxon's `IANAZone.isValidZone`
 * builds an Intl.DateTimeFormat on every call, and the digest job checks every schedule's zone
 * every minute: two thirds of the tick's time at 1,000 schedules (issue 24, bench/digestTick.bench.ts).
 * Zone names come from what people type, so the memory is bounded: past `MAX_REMEMBERED` names,
 * the oldest is forgotten.
 */
export function isValidTimeZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (validity.size >= MAX_REMEMBERED) validity.delete(validity.keys().next().value!);
    validity.set(zone, valid);
  }
  return valid;
}

// Some 600 zones and links exist; room for them all and for typos besides.
const MAX_REMEMBERED = 2000;
const validity = new Map<string, boolean>();
