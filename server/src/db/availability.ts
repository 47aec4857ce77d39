/**
 * Tells a database that is away (down, restarting, unreachable, out of connections or too slow)
 * from every other error, so the API can answer "unavailable, retry" instead of a masked 500.
 */

/** Socket errors of a connection that cannot be made or was cut. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * SQLSTATEs (PostgreSQL manual, appendix A): class 08 connection exceptions; 57P01-57P03 admin and
 * crash shutdown, cannot connect now (starting up or recovering); 57014 query cancelled, which here
 * means `statement_timeout`; 25P03 `idle_in_transaction_session_timeout`; 53300 too many connections.
 */
const sqlStates = /^(08...|57P0[123]|57014|25P03|53300)$/;

/** `pg` and `pg-pool` raise these without a code. */
const driverMessages = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Cannot use a pool after calling end on the pool/,
  /^terminating connection/,
];

/** Causes to look through: MikroORM and kysely wrap driver errors, node wraps dual-stack connects in an AggregateError. */
function causes(error: unknown, depth = 0): unknown[] {
  if (!(error instanceof Error) || depth > 5) return [];
  const nested = [error.cause, ...(error instanceof AggregateError ? error.errors : [])];
  return [error, ...nested.flatMap((inner) => causes(inner, depth + 1))];
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((cause) => {
    const { code, message } = cause as Error & { code?: unknown };
    if (typeof code === 'string' && (socketCodes.has(code) || sqlStates.test(code))) return true;
    return driverMessages.some((pattern) => pattern.test(message));
  });
}
