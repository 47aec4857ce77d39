import { type GraphQLErrorEntry, RequestError } from './errors';
import type { TypedDocumentString } from './generated/graphql';

/** Dispatched on `window` whenever the server answers UNAUTHENTICATED. */
export const signedOutEvent = 'fascia:signed-out';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Defaults to the page's own `/graphql` (the dev server proxies it). */
  endpoint?: string;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

interface GraphQLResponseBody<TResult> {
  data?: TResult | null;
  errors?: GraphQLErrorEntry[];
}

/**
 * Sends one operation and returns its data, or throws a {@link RequestError}
 * whose message a person can read. An aborted request rejects with the
 * signal's AbortError, which callers ignore.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await send(options.endpoint ?? '/graphql', {
      method: 'POST',
      // JSON content type: Apollo's CSRF prevention accepts it without a preflight header.
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new RequestError({ kind: 'network' }, { cause: error });
  }

  const requestId = response.headers.get('x-request-id') ?? undefined;
  let body: GraphQLResponseBody<TResult> | undefined;
  try {
    body = (await response.json()) as GraphQLResponseBody<TResult>;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // Not JSON at all: a proxy or the network answered, not the GraphQL server.
    throw new RequestError({ kind: 'http', status: response.status, ...(requestId ? { requestId } : {}) }, { cause: error });
  }

  if (body.errors?.length) {
    const error = new RequestError({ kind: 'graphql', errors: body.errors });
    // The session ended (idle or too old) while the page was open: the page goes back to signing in.
    if (error.code === 'UNAUTHENTICATED') window.dispatchEvent(new Event(signedOutEvent));
    throw error;
  }
  if (!response.ok || body.data == null) {
    throw new RequestError({ kind: 'http', status: response.status, ...(requestId ? { requestId } : {}) });
  }
  return body.data;
}
