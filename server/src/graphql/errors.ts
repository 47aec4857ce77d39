import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { DomainError, type DomainErrorCode } from '../common/errors.js';
import { isDatabaseUnavailable } from '../db/availability.js';
import type { PoolState } from '../db/pool-guard.js';
import type { RequestContext } from '../modules/request/request-context.js';
import { isLimitErrorCode } from './limits.js';

/** Codes Apollo itself gives to a malformed request; they describe the request, so they are safe to show. */
const requestErrorCodes = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/** The one mapping from a domain error code to the GraphQL `extensions.code`; the switch is exhaustive. */
function graphqlCode(code: DomainErrorCode): string {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 'BAD_USER_INPUT';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'FORBIDDEN':
      return 'FORBIDDEN';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    case 'RATE_LIMITED':
      return 'RATE_LIMITED';
    case 'COHORT_OVERLAP':
      return 'COHORT_OVERLAP';
    default:
      return assertUnreachable(code);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled error code ${String(value)}`);
}

/** type-graphql's refusals from `@Authorized`, in this API's codes. */
function accessCode(error: unknown): 'UNAUTHENTICATED' | 'FORBIDDEN' | null {
  if (error instanceof AuthenticationError) return 'UNAUTHENTICATED';
  if (error instanceof AuthorizationError) return 'FORBIDDEN';
  return null;
}

/** Seconds a client should wait before retrying when the database is away: PostgreSQL restarts in about 1-2 s. */
export const retryAfterSeconds = 2;

const unavailableCode = 'SERVICE_UNAVAILABLE';

function isUnavailable(error: unknown): boolean {
  return (error instanceof GraphQLError && error.extensions.code === unavailableCode) || isDatabaseUnavailable(error);
}

/**
 * The error of a request that could not be served because the database is away (or the server is
 * stopping): HTTP 503 with Retry-After when thrown outside execution (context, plugins), and the
 * same code and hint in the body wherever it arises. Nothing was written: every mutation is one transaction.
 */
export function serviceUnavailableError(cause?: unknown): GraphQLError {
  return new GraphQLError('The service is unavailable for a moment; retry the same request (with the same idempotencyKey) shortly.', {
    // Kept for the server's log only (formatError never shows it).
    ...(cause instanceof Error ? { originalError: cause } : {}),
    extensions: {
      code: unavailableCode,
      retryAfter: retryAfterSeconds,
      http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** Runs `work`, turning an error of a database that is away into `serviceUnavailableError`. */
export async function unlessUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isDatabaseUnavailable(error) ? serviceUnavailableError(error) : error;
  }
}

function isExpected(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  return (
    isUnavailable(original) ||
    original instanceof DomainError ||
    accessCode(original) !== null ||
    requestErrorCodes.has(String(error.extensions?.code ?? ''))
  );
}

const name = '[A-Za-z_][A-Za-z0-9_]*';
const variableHead = new RegExp(`^Variable "\\$(${name})"`);
/** graphql-js names where in a variable the value broke: `at "input.observations[0].value"`. */
const variablePath = new RegExp(` at "(${name}(?:\\.${name}|\\[\\d+\\])*)"; `);
/** … and, for an input object, which of its fields was unknown or missing. */
const inputField = new RegExp(`; Field "(${name})" (?:is not defined by type|of required type)`);

/**
 * The input field a variable coercion error of graphql-js is about, as the services name fields: the path
 * inside the variables, without a leading `input.` (`input.observations[0].value` -> `observations[0].value`).
 * Values in the message are printed as JSON, so quotes inside them are escaped and cannot fake a path.
 */
export function variableErrorField(message: string): string | null {
  const head = variableHead.exec(message);
  if (!head) return null;
  let path = variablePath.exec(message)?.[1] ?? (head[1] as string);
  const field = inputField.exec(message)?.[1];
  if (field) path += `.${field}`;
  return path.startsWith('input.') ? path.slice('input.'.length) : path;
}

/**
 * Domain errors keep their message and say which field broke which rule; request
 * errors pass through; anything else is masked, with the request id that the
 * server log also carries.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isUnavailable(original)) {
    const { message, extensions } = serviceUnavailableError();
    return {
      message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: extensions.code, retryAfter: extensions.retryAfter },
    };
  }
  if (original instanceof DomainError) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: graphqlCode(original.code),
        ...(original.field ? { field: original.field } : {}),
        ...(original.rule ? { rule: original.rule } : {}),
        // RATE_LIMITED says when to retry (and answers HTTP 429 with Retry-After, see `statusPlugin`).
        ...('retryAfterSeconds' in original && typeof original.retryAfterSeconds === 'number'
          ? { retryAfter: original.retryAfterSeconds }
          : {}),
      },
    };
  }
  const access = accessCode(original);
  if (access) {
    const message = access === 'UNAUTHENTICATED' ? 'Sign in first' : 'Your role may not do this';
    return { message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: access } };
  }
  const code = String(formatted.extensions?.code ?? '');
  // A document over one of the limits of limits.ts: Apollo files it as GRAPHQL_VALIDATION_FAILED; the client
  // gets the limit's own code and the number it went over.
  const limitCode = formatted.extensions?.validationErrorCode;
  if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && isLimitErrorCode(limitCode)) {
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: limitCode, limit: formatted.extensions?.limit },
    };
  }
  if (code === ApolloServerErrorCode.BAD_USER_INPUT) {
    // Variables that do not coerce to their declared types: named like the services name fields.
    // Refused before execution with a field of Fascia's own (audit.ts: unused variables), or variables that
    // do not coerce to their declared types, named like the services name fields.
    const own = formatted.extensions?.field;
    const field = typeof own === 'string' ? own : variableErrorField(formatted.message);
    const rule = typeof own === 'string' ? formatted.extensions?.rule : 'type';
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code, ...(field !== null && field !== undefined ? { field, rule } : {}) },
    };
  }
  if (requestErrorCodes.has(code)) {
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code },
    };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      requestId: formatted.extensions?.requestId,
    },
  };
}

/**
 * RATE_LIMITED answers HTTP 429 with Retry-After. A resolver that failed because the database is away answers HTTP 503 with Retry-After, like the
 * errors thrown before execution, so that proxies and clients see it without reading the body.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const limited = response.body.singleResult.errors?.filter((error) => error.extensions?.code === 'RATE_LIMITED') ?? [];
          if (limited.length > 0) {
            response.http.status = 429;
            const seconds = Math.max(1, ...limited.map((error) => Number(error.extensions?.retryAfter) || 1));
            response.http.headers.set('retry-after', String(seconds));
          }
          if (!response.body.singleResult.errors?.some((error) => error.extensions?.code === unavailableCode)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds));
        },
      };
    },
  };
}

/** What the database said when a request was refused as unavailable (the answer itself says only "retry"). */
function unavailableReason(error: unknown): string {
  if (error instanceof GraphQLError && error.originalError) return unavailableReason(error.originalError);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Logs every unexpected error with the request id, and tags it so the masked answer carries that id.
 * A request refused as unavailable is logged with the pool's state: every connection in use and a queue
 * means overload, none in use means PostgreSQL is away.
 */
export function errorLoggingPlugin(log: Logger, poolState: () => Promise<PoolState>): ApolloServerPlugin<RequestContext> {
  const logUnavailable = async (error: unknown, requestId?: string) =>
    log.warn({ requestId, reason: unavailableReason(error), pool: await poolState() }, 'database unavailable');
  return {
    // The session lookup runs while the context is built, before any request hook.
    async contextCreationDidFail({ error }) {
      if (isUnavailable(error)) await logUnavailable(error);
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isUnavailable(original)) await logUnavailable(original, contextValue.requestId);
            if (isExpected(error)) continue;
            log.error(
              {
                err: unwrapResolverError(error),
                requestId: contextValue.requestId,
                path: error.path,
              },
              'unexpected error',
            );
            Object.assign(error.extensions, {
              requestId: contextValue.requestId,
            });
          }
        },
      };
    },
  };
}
