import type { Sql } from 'postgres';
import { interceptSql } from '../storage/interceptSql.js';
import type { DbQueryOutcome, Metrics } from './metrics.js';

/*
 * Every statement the app sends updates db_queries_total, db_query_seconds and db_queries_in_flight.
 * Statements the drivers send on their own to open and end a transaction (BEGIN, COMMIT, ROLLBACK,
 * SAVEPOINT) are not counted: they are not the app's work. Both databases are reached through
 * postgres.js (PGlite as an embedded server: storage/embedded/).
 */

/**
 * Counts postgres.js's statements: `client` as drizzle should be given it (see interceptSql for
 * what is seen).
 */
export function observePostgres<S extends Sql>(client: S, metrics: Metrics): S {
  return interceptSql(client, { query: (query) => observeQuery(query, metrics) });
}

/** What of postgres.js's Query (a lazy Promise) the timing relies on. */
interface LazyQuery extends Promise<unknown> {
  executed: boolean;
  handle(): Promise<void>;
}

/**
 * postgres.js sends a query only once something awaits it (or calls execute, forEach, cursor), and
 * each of those goes through `handle`: the timing starts there, so a query used as a fragment of
 * another, never sent itself, is never counted. The same Query is returned, so `.values()` and the
 * rest still work. (A cursor's query never settles as a whole; drizzle does not use cursors.)
 */
function observeQuery<Q>(value: Q, metrics: Metrics): Q {
  if (!isLazyQuery(value)) return value;
  const handle = value.handle;
  value.handle = function (this: LazyQuery) {
    if (!this.executed) {
      const done = startStatement(metrics);
      // Promise's own `then`, which only watches: Query's `then` would send the query. The caller still
      // gets the result or the error through its own await.
      Promise.prototype.then.call(
        this,
        () => done('ok'),
        () => done('error'),
      );
    }
    return handle.call(this);
  };
  return value;
}

function isLazyQuery(value: unknown): value is LazyQuery {
  return value instanceof Promise && typeof (value as Partial<LazyQuery>).handle === 'function';
}

function startStatement(metrics: Metrics): (outcome: DbQueryOutcome) => void {
  metrics.dbQueriesInFlight.inc();
  const stopTimer = metrics.dbQuerySeconds.startTimer();
  return (outcome) => {
    metrics.dbQueriesInFlight.dec();
    stopTimer();
    metrics.dbQueries.inc({ outcome });
  };
}
