import http, { type IncomingHttpHeaders } from 'node:http';
import type { ReadReplicas } from '@fascia/server/db/read-replicas.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer } from '@fascia/server/http/app.js';
import { createViewerResolver } from '@fascia/server/modules/accounts/http-credentials.js';
import type { Viewer } from '@fascia/server/modules/request/request-context.js';
import type { GraphQLSchema } from 'graphql';
import { type Logger, pino } from 'pino';
import type { TestDatabase } from './database.js';
import { scaledMs } from './machine.js';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: {
      code?: string;
      field?: string;
      rule?: string;
      requestId?: string;
      retryAfter?: number;
    };
  }[];
}

/**
 * Whom requests act as: an account's token (sent as `Authorization: Bearer`, resolved by the
 * real `resolveViewer`), or nobody. A bare Viewer without a token is injected as it is, with no
 * account behind it: only for tests of other modules written before accounts existed.
 */
export type ActAs = { token: string } | Viewer | null;

export interface RequestOptions {
  /** Acts as this account (or nobody) for this one request, instead of the current `actAs`. */
  as?: { token: string } | null;
  headers?: Record<string, string>;
  /** Local address to send from (anything in 127.0.0.0/8), to play another client address. */
  from?: string;
}

export interface TestApi {
  url: string;
  /** Sends one GraphQL operation over real HTTP, as whoever `actAs` chose last (at start: the one given to `startApi`). */
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  /** The same, with options, also returning the response headers (e.g. `set-cookie`). */
  request<Data = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> | undefined,
    options: RequestOptions,
  ): Promise<GraphQLResponse<Data> & { headers: IncomingHttpHeaders }>;
  /** Switches whom the following requests act as. */
  actAs(who: ActAs): void;
  stop(): Promise<void>;
}

let schema: Promise<GraphQLSchema> | undefined;

const isViewer = (who: ActAs): who is Viewer => who !== null && !('token' in who);

/** POST over node:http (not fetch), which can choose the local address. */
function post(url: string, body: string, headers: Record<string, string>, from?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers, ...(from ? { localAddress: from } : {}) }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Starts the real HTTP app on a free loopback port, against the test database (as in
 * development, unless `production` is set), acting as `who` until `actAs` says otherwise.
 */
export async function startApi(
  db: Pick<TestDatabase, 'orm'>,
  who: ActAs = null,
  options: {
    production?: boolean;
    researchMinCell?: number;
    log?: Logger;
    trustProxy?: false | number | string[];
    readReplicas?: ReadReplicas;
  } = {},
): Promise<TestApi> {
  schema ??= buildFasciaSchema();
  let current: ActAs = who;
  const resolveViewer = createViewerResolver(db.orm);
  const server = await createHttpServer({
    orm: db.orm,
    schema: await schema,
    log: options.log ?? pino({ level: process.env.TEST_API_LOG ?? 'silent' }),
    resolveViewer: async (req) => (isViewer(current) ? current : resolveViewer(req)),
    production: options.production ?? false,
    ...(options.researchMinCell ? { researchMinCell: options.researchMinCell } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    readReplicas: options.readReplicas,
  });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  async function request(query: string, variables: Record<string, unknown> | undefined, options: RequestOptions) {
    const as = options.as === undefined ? current : options.as;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
    const response = await post(`${url}/graphql`, JSON.stringify({ query, variables }), headers, options.from);
    return { status: response.status, headers: response.headers, ...(JSON.parse(response.body) as object) };
  }

  return {
    url,
    request,
    async graphql(query, variables) {
      const { headers: _headers, ...response } = await request(query, variables, {});
      return response;
    },
    actAs(next) {
      current = next;
    },
    stop: () => server.stop(),
  };
}

/** Whether the server turned the request away for a moment (database away or busy, shutting down): 503, retry later. */
export function isUnavailable(response: GraphQLResponse): boolean {
  return response.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE') ?? false;
}

/**
 * Sends a request until it is not answered SERVICE_UNAVAILABLE, as a real client does (docs/api.md#safe-retries): the
 * same request each time (a create with the same idempotency key), after the answer's `retryAfter` with jitter, so
 * parallel callers do not come back together. A busy machine sheds requests that wait too long for a database
 * connection; what a test checks is what the answers say once served. Gives up after `deadlineMs` (scaled by the
 * machine factor), returning the last answer.
 */
export async function retryWhileUnavailable<Response extends GraphQLResponse>(
  send: () => Promise<Response>,
  deadlineMs = scaledMs(30_000),
): Promise<Response> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const response = await send();
    if (!isUnavailable(response) || Date.now() >= deadline) return response;
    const retryAfterSeconds = response.errors?.find((error) => error.extensions?.retryAfter)?.extensions?.retryAfter ?? 1;
    await new Promise((resolve) => setTimeout(resolve, retryAfterSeconds * 1_000 * (0.5 + Math.random())));
  }
}
