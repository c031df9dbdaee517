import type { Sql } from 'postgres';
import type { DbQueryOutcome, Metrics } from './metrics.js';

/*
 * Every statement the app sends updates db_queries_total, db_query_seconds and db_queries_in_flight.
 * Statements the drivers send on their own to open and end a transaction (BEGIN, COMMIT, ROLLBACK,
 * SAVEPOINT) are not counted: they are not the app's work. Both databases are reached through
 * postgres.js (PGlite as an embedded server: storage/embedded/).
 */

/**
 * Counts postgres.js's statements: a Proxy of `client` to hand to drizzle, which sends everything
 * through `unsafe` and opens transactions with `begin` (nested ones with `savepoint`).
 */
export function observePostgres<S extends Sql>(client: S, metrics: Metrics): S {
  return observeSql(client, metrics);
}

/** The parts of postgres.js's `sql` and transaction `sql` functions that are wrapped. */
interface SqlFunction {
  (...args: unknown[]): unknown;
  unsafe(...args: unknown[]): unknown;
  begin?(...args: unknown[]): unknown;
  savepoint?(...args: unknown[]): unknown;
}

// A Proxy rather than a patch: postgres.js calls its own `unsafe` for BEGIN, which should not count,
// and its functions are closures that never use `this`.
function observeSql<S extends object>(sql: S, metrics: Metrics): S {
  const target = sql as unknown as SqlFunction;
  const unsafe = (...args: unknown[]) => observeQuery(target.unsafe(...args), metrics);
  const begin = (...args: unknown[]) => target.begin!(...withObservedScope(args, metrics));
  const savepoint = (...args: unknown[]) => target.savepoint!(...withObservedScope(args, metrics));
  return new Proxy(sql, {
    // sql`…` builds a query (or, given a name or an object, a fragment that is not one).
    apply: (fn, thisArg, args) => observeQuery(Reflect.apply(fn as SqlFunction, thisArg, args), metrics),
    get(fn, property) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin' && target.begin) return begin;
      if (property === 'savepoint' && target.savepoint) return savepoint;
      return Reflect.get(fn, property);
    },
  });
}

/** begin/savepoint take the transaction's callback last; it gets an observed transaction `sql`. */
function withObservedScope(args: unknown[], metrics: Metrics): unknown[] {
  const callback = args.at(-1);
  if (typeof callback !== 'function') return args;
  return [...args.slice(0, -1), (tx: object) => callback(observeSql(tx, metrics))];
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
      Promise.prototype.then.call(this, () => done('ok'), () => done('error'));
    }
    return handle.call(this);
  };
  return value;
}

function isLazyQuery(value: unknown): value is LazyQuery {
  return value instanceof Promise && typeof (value as Partial<LazyQuery>).handle === 'function';
}

function timed<T>(metrics: Metrics, run: () => Promise<T>): Promise<T> {
  const done = startStatement(metrics);
  return run().then(
    (result) => {
      done('ok');
      return result;
    },
    (error: unknown) => {
      done('error');
      throw error;
    },
  );
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
