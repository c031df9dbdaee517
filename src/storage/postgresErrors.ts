/** True when a driver error (possibly wrapped by drizzle, which keeps it as `cause`) is a unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

// postgres.js's own codes for a connection that could not be made or was lost, and the
// PostgreSQL classes for a server going away (57P01 admin_shutdown, 57P02/57P03, 08xxx connection).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * True when a driver error (possibly wrapped by drizzle) says the database could not be reached,
 * rather than that the query was wrong: the same work may succeed once the server is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(?:08|57P0)/.test(code))) return true;
    // PGlite, once closed, only says so in words.
    if (/^PGlite is closed/.test(String((e as { message?: unknown }).message))) return true;
  }
  return false;
}
