/**
 * What to change or watch in the statements a postgres.js client sends for drizzle. Drizzle sends
 * every statement through `unsafe(query, parameters, options)`, opens transactions with `begin`
 * (nested ones with `savepoint`) and runs its own statements inside with the transaction's `sql`:
 * an interceptor sees all of those.
 */
export interface SqlInterceptor {
  /** The arguments of an `unsafe` call, before postgres.js sees them. */
  unsafeArguments?(args: unknown[]): unknown[];
  /** Each query built (by `unsafe` or as a tagged template), before anything awaits it. */
  query?<Q>(query: Q): Q;
}

/** The parts of postgres.js's `sql` and transaction `sql` functions that are wrapped. */
interface SqlFunction {
  (...args: unknown[]): unknown;
  unsafe(...args: unknown[]): unknown;
  begin?(...args: unknown[]): unknown;
  savepoint?(...args: unknown[]): unknown;
}

/**
 * `sql` as a Proxy that runs `interceptor` on its statements and on those of the transactions it
 * opens. A Proxy rather than a patch: postgres.js calls its own `unsafe` for BEGIN, which is not
 * the app's statement, and its functions are closures that never use `this`.
 */
export function interceptSql<S extends object>(sql: S, interceptor: SqlInterceptor): S {
  const target = sql as unknown as SqlFunction;
  const query = interceptor.query ?? (<Q>(q: Q) => q);
  const adjust = interceptor.unsafeArguments ?? ((args: unknown[]) => args);
  const unsafe = (...args: unknown[]) => query(target.unsafe(...adjust(args)));
  const begin = (...args: unknown[]) => target.begin!(...withInterceptedScope(args, interceptor));
  const savepoint = (...args: unknown[]) => target.savepoint!(...withInterceptedScope(args, interceptor));
  return new Proxy(sql, {
    // sql`…` builds a query (or, given a name or an object, a fragment that is not one).
    apply: (fn, thisArg, args) => query(Reflect.apply(fn as SqlFunction, thisArg, args)),
    get(fn, property) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin' && target.begin) return begin;
      if (property === 'savepoint' && target.savepoint) return savepoint;
      return Reflect.get(fn, property);
    },
  });
}

/** begin/savepoint take the transaction's callback last; it gets an intercepted transaction `sql`. */
function withInterceptedScope(args: unknown[], interceptor: SqlInterceptor): unknown[] {
  const callback = args.at(-1);
  if (typeof callback !== 'function') return args;
  return [...args.slice(0, -1), (tx: object) => callback(interceptSql(tx, interceptor))];
}
