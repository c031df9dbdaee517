import { type AnyColumn, sql } from 'drizzle-orm';

/**
 * A claim taken at `claimedAt` longer than `ms` ago, by the database's clock, which every replica
 * shares: a replica that claimed work and was not heard from since stopped before doing it.
 */
export function claimedLongerAgoThan(claimedAt: AnyColumn, ms: number) {
  return sql`${claimedAt} < now() - ${ms}::float8 * interval '1 millisecond'`;
}
