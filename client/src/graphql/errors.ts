/** One entry of a GraphQL response's `errors`, as the Fascia server formats it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: {
    code?: string;
    /** Input field that broke a rule (BAD_USER_INPUT). */
    field?: string;
    /** Short name of the rule that failed (BAD_USER_INPUT). */
    rule?: string;
    /** Reference the server log carries for masked errors (INTERNAL_SERVER_ERROR). */
    requestId?: string;
  };
}

/** What went wrong with a request, in a shape the UI can act on. */
export type RequestFailure =
  | { kind: 'network' }
  | { kind: 'http'; status: number; requestId?: string }
  | { kind: 'graphql'; errors: readonly GraphQLErrorEntry[] };

/**
 * A failed GraphQL request. `message` is written for the person using the app;
 * `failure` keeps the technical detail for code and logs.
 */
export class RequestError extends Error {
  readonly code: string;
  readonly requestId: string | undefined;
  /** For bad input: the field the server rejected, so a form can point at it. */
  readonly field: string | undefined;

  constructor(
    readonly failure: RequestFailure,
    options?: { cause?: unknown },
  ) {
    super(describeFailure(failure), options);
    this.name = 'RequestError';
    const first = failure.kind === 'graphql' ? failure.errors[0] : undefined;
    this.code =
      failure.kind === 'graphql' ? (first?.extensions?.code ?? 'UNKNOWN') : failure.kind === 'http' ? `HTTP_${failure.status}` : 'NETWORK';
    this.requestId = failure.kind === 'http' ? failure.requestId : first?.extensions?.requestId;
    this.field = first?.extensions?.field;
  }
}

/** Ends a text with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function withReference(text: string, requestId: string | undefined): string {
  return requestId ? `${text} If it keeps happening, tell support the reference ${requestId}.` : text;
}

/** One GraphQL error, as a sentence for a person. */
export function describeGraphQLError(error: GraphQLErrorEntry): string {
  const code = error.extensions?.code;
  switch (code) {
    case 'BAD_USER_INPUT':
      // The server words these for people already ("dateOfBirth: must not be in the future").
      return sentence(`Some of the details were not accepted: ${error.message}`);
    case 'UNAUTHENTICATED':
      return 'You are signed out: sessions end after 30 minutes without use, or after 12 hours. Sign in again to go on.';
    case 'FORBIDDEN':
      return "Your account is not allowed to do this. If you think it should be, ask your clinic's admin.";
    case 'RATE_LIMITED':
    // The server words these for people (research: why a cohort is refused, never who it would expose).
    case 'COHORT_OVERLAP':
    case 'COHORT_TOO_SMALL':
      // The server words it for people and says when to try again.
      return sentence(error.message);
    case 'NOT_FOUND':
      return 'This record could not be found. It may have been removed, or it belongs to another clinic.';
    case 'CONFLICT':
      return `${sentence(`This change clashes with the current record: ${error.message}`)} Reload and try again.`;
    case 'INTERNAL_SERVER_ERROR':
      return withReference('Something went wrong on the server. Please try again in a moment.', error.extensions?.requestId);
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
    case 'BAD_REQUEST':
      return 'This page is out of date with the server. Reload the page to get the latest version.';
    default:
      return withReference('Something unexpected went wrong. Please try again.', error.extensions?.requestId);
  }
}

/** The whole failure as a message for a person: the first error decides, as later ones are usually consequences. */
export function describeFailure(failure: RequestFailure): string {
  switch (failure.kind) {
    case 'network':
      return 'Could not reach the Fascia server. Check your connection and try again.';
    case 'http':
      if (failure.status === 401 || failure.status === 403) return 'You are not allowed to see this. Sign in again and retry.';
      if (failure.status >= 500) {
        return withReference(
          `The server is not answering properly (error ${failure.status}). Please try again in a moment.`,
          failure.requestId,
        );
      }
      return withReference(`The server refused the request (error ${failure.status}). Reload the page and try again.`, failure.requestId);
    case 'graphql': {
      const first = failure.errors[0];
      return first ? describeGraphQLError(first) : describeGraphQLError({ message: '' });
    }
    default:
      return assertUnreachable(failure);
  }
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled failure ${JSON.stringify(value)}`);
}

/** A message for any thrown value: request errors carry their own, anything else is a bug in the page. */
export function messageOf(error: unknown): string {
  if (error instanceof RequestError) return error.message;
  return 'Something went wrong in this page. Reload it and try again.';
}
