import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { type AdmissionLimits, defaultAdmissionLimits, defaultResearchMinCell } from '../config.js';
import { poolState } from '../db/pool-guard.js';
import { heavyReads, type ReadReplicas } from '../db/read-replicas.js';
import { auditPlugin } from '../graphql/audit.js';
import { errorLoggingPlugin, formatError, retryAfterSeconds, unavailableStatusPlugin, unlessUnavailable } from '../graphql/errors.js';
import { graphqlLimits, limitRules } from '../graphql/limits.js';
import { readYourWritesPlugin } from '../graphql/read-your-writes.js';
import { withCredentials } from '../modules/accounts/http-credentials.js';
import { auditExportRouter } from '../modules/audit/audit-export.js';
import { fhirExportHandler } from '../modules/fhir/fhir.http.js';
import { devMailRouter } from '../modules/notifications/dev-mail.http.js';
import type { MailCatcher } from '../modules/notifications/mail-catcher.js';
import { reportPdfHandler } from '../modules/reports/report.http.js';
import { createContext, type RequestContext, type Viewer } from '../modules/request/request-context.js';
import { researchExportRouter } from '../modules/research/research-export.js';
import { admissionGate } from './admission.js';
import { calendarFeedHandler } from './calendar-feed.js';
import { graphiqlRouter } from './graphiql.js';
import { createObservability, publicMetricsRoute, requestIdOf } from './observability.js';

export interface HttpServerOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  log: Logger;
  /** Who the request acts as: `createViewerResolver` of the accounts module reads its cookie or Bearer token. */
  resolveViewer: (request: express.Request) => Promise<Viewer>;
  production: boolean;
  /** Built web client to serve at `/`, when it exists. */
  clientDistDir?: string;
  /** Minimum cell size k of research outputs (default 11). */
  researchMinCell?: number;
  /** Reverse proxies whose X-Forwarded-For gives the client's address (Express `trust proxy`); none by default. */
  trustProxy?: false | number | string[];
  /** How long requests in flight get to finish at shutdown (default 5 s; FASCIA_SHUTDOWN_GRACE_MS). */
  shutdownGraceMs?: number;
  /** Bearer token that opens `/metrics` on the public port (FASCIA_METRICS_TOKEN); without one it answers 404. */
  metricsToken?: string | undefined;
  /** Development's mail catcher: its messages are shown at /dev/mail (never in production). */
  devMailbox?: MailCatcher;
  /** Streaming replicas for heavy reads (FASCIA_READ_REPLICA_URLS); without them every read is on the primary. */
  readReplicas?: ReadReplicas | undefined;
  /** How many GraphQL requests are worked on at once, and how long the others may wait (admission.ts). */
  admission?: AdmissionLimits;
}

export interface HttpServer {
  server: http.Server;
  /** Listens and resolves with the bound port (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests (new ones answer 503), lets those in flight finish, then closes. */
  stop(): Promise<void>;
  /** Serves Prometheus metrics alone on a port of its own (FASCIA_METRICS_PORT); resolves with the bound port. */
  listenMetrics(port: number, host: string): Promise<number>;
}

/** Paths the server answers itself (the API, downloads, feeds, development pages); every other GET is the web page's. */
const apiPathPrefixes = ['/graphql', '/graphiql', '/health', '/metrics', '/fhir', '/research', '/audit', '/reports', '/dev'];

const notFound: express.RequestHandler = (_request, response) => {
  response.status(404).type('text/plain').send('Not found');
};

/** Requests in flight at shutdown get this long to finish before their connections are cut, unless configured. */
const defaultShutdownGraceMs = 5_000;
/** Once they have, connections still open get this long to close by themselves. */
const closeGraceMs = 1_000;

export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { orm, schema, log } = options;
  const app = express();
  app.disable('x-powered-by');
  // No ETag of each answer: GraphQL answers are `no-store`, so hashing every answer (SHA-1 of a client's 60 KB record)
  // was work nobody used. Static files keep theirs (express.static sets its own), index.html its Last-Modified.
  app.set('etag', false);
  // Operations (docs/operating.md): the request id and an access log line of every request, and the metrics.
  const admission = admissionGate(options.admission ?? defaultAdmissionLimits);
  const observability = createObservability(orm, log, admission.state, options.readReplicas);
  app.use(observability.accessLog);
  // Security headers on every response, first of all (docs/operating.md#security).
  app.use(securityHeaders(options.production));
  // The client address the sign-in throttle and the audit trail see (`request.ip`): the TCP peer's unless
  // proxies are trusted (FASCIA_TRUST_PROXY). Express then takes X-Forwarded-For from the trusted hops only.
  app.set('trust proxy', options.trustProxy ?? false);
  const server = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    // In production, errors in variables lose their "Did you mean …?" too (the option below covers validation only).
    formatError: options.production ? (formatted, error) => withoutSuggestions(formatError(formatted, error)) : formatError,
    // GraphiQL (/graphiql) needs introspection in development; production hides the schema.
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // Production drops the "Did you mean …?" of validation errors, which would spell out the schema.
    hideSchemaDetailsFromClientErrors: options.production,
    // Limits of every document, introspection included: depth, aliases, directives, cost (limits.ts) …
    validationRules: limitRules(),
    // … and tokens, checked while parsing, so an oversized document is dropped before it is even built.
    parseOptions: { maxTokens: graphqlLimits.maxTokens },
    // Apollo's defaults, stated: one operation per HTTP request (a batch would multiply every limit), and
    // CSRF prevention (a POST must be JSON, a GET must carry a preflight header such as apollo-require-preflight).
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Shutdown is owned by main.ts alone (stop() below). Apollo's own SIGTERM/SIGINT handler, installed unless
    // NODE_ENV=test, closed the listener at once (new requests were refused instead of answered 503) and left
    // the application's stop() waiting on a server already stopping.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: closeGraceMs }),
      // The hosted Sandbox needs the internet; developers have GraphiQL from a local package at /graphiql.
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL answers (they hold clinical data), so no per-field cache hints either.
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin(log, () => poolState(orm.em)),
      auditPlugin(),
      // … and as many of them as there were mistakes would tell them apart too: one of each answer.
      ...(options.production ? [oneOfEachErrorPlugin()] : []),
      unavailableStatusPlugin(),
      observability.plugin,
      ...(options.readReplicas ? [readYourWritesPlugin(options.readReplicas, log)] : []),
    ],
  });
  await apollo.start();

  // Shutdown keeps listening until the requests in flight are done: closing the listener at once would
  // also reset connections whose request the server has not read yet. Meanwhile a new request is refused
  // with a 503 and its connection closed.
  let stopping = false;
  let inFlight = 0;
  app.use((_request, response, next) => {
    if (!stopping) {
      inFlight += 1;
      response.once('close', () => {
        inFlight -= 1;
      });
      next();
      return;
    }
    response
      .status(503)
      .set({ connection: 'close', 'retry-after': String(retryAfterSeconds) })
      .json({
        errors: [
          {
            message: 'The server is shutting down; retry shortly.',
            extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: retryAfterSeconds },
          },
        ],
      });
  });

  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request, response) => {
    try {
      await orm.em.fork().execute('select 1');
      response.json({ status: 'ok', database: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  app.get('/metrics', publicMetricsRoute(observability.metricsHandler, options.metricsToken));

  // A file download, so plain HTTP rather than a GraphQL field; same credentials (cookie or Bearer).
  app.get('/fhir/export', fhirExportHandler(orm, options.resolveViewer, log));
  // Calendar programs subscribe to a plain address: the token in it is the credential.
  app.get('/calendar/:token.ics', calendarFeedHandler(orm, log));
  // The progress report of a series as a PDF (a disclosure, audited; docs/api.md#progress-report).
  app.get('/reports/series/:id.pdf', reportPdfHandler(orm, options.resolveViewer, log));

  app.use(
    '/graphql',
    // GraphQL over HTTP knows GET (queries) and POST; anything else would first meet the CSRF check's
    // confusing "blocked" message.
    (request, response, next) => {
      if (request.method === 'GET' || request.method === 'POST') {
        next();
        return;
      }
      response
        .status(405)
        .set('allow', 'GET, POST')
        .json({
          errors: [
            {
              message: `${request.method} is not supported: send GraphQL with POST (or queries with GET).`,
              extensions: { code: 'METHOD_NOT_ALLOWED' },
            },
          ],
        });
    },
    // In line before the body is read: a waiting request holds nothing but its socket.
    admission.middleware,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(res);
        // Answers hold clinical data: no browser or proxy may keep a copy.
        res.setHeader('cache-control', 'no-store');
        const viewer = await unlessUnavailable(() => options.resolveViewer(req));
        const em = orm.em.fork();
        const reads = heavyReads(options.readReplicas, em, 'accountId' in viewer ? viewer.accountId : null);
        const researchMinCell = options.researchMinCell ?? defaultResearchMinCell;
        const context = createContext(em, viewer, { requestId, address: req.ip ?? '' }, reads, researchMinCell);
        // Signing in and out reads the presented token and sets or clears the session cookie.
        return Object.assign(withCredentials(context, req, res, options.production), { researchMinCell });
      },
    }),
  );

  app.use(
    '/research',
    researchExportRouter({
      orm,
      log,
      resolveViewer: options.resolveViewer,
      minCell: options.researchMinCell ?? defaultResearchMinCell,
      readReplicas: options.readReplicas,
    }),
  );

  app.use('/audit', auditExportRouter({ orm, log, resolveViewer: options.resolveViewer }));

  // Before the web client's files, so that production answers 404 here rather than the app shell.
  app.use('/graphiql', graphiqlRouter({ production: options.production, clientDistDir: options.clientDistDir }));

  // Caught mail holds clients' names and addresses: production never serves it, even if given a catcher.
  if (options.devMailbox && !options.production) app.use('/dev', devMailRouter(options.devMailbox));

  // Below the API's own paths nothing is a page: an unknown one is a 404, never the app shell (which would
  // answer 200 with HTML to a script that asked for data).
  for (const prefix of apiPathPrefixes) app.use(prefix, notFound);

  if (options.clientDistDir && existsSync(options.clientDistDir)) {
    const dist = options.clientDistDir;
    // Source maps would hand out the client's source: development only.
    if (options.production) app.get(/\.map$/, notFound);
    app.use(
      express.static(dist, {
        index: false,
        setHeaders: (response, file) => {
          // Built assets carry a content hash in their name: a new build is a new name, so they never change.
          if (file.startsWith(path.join(dist, 'assets') + path.sep))
            response.setHeader('cache-control', 'public, max-age=31536000, immutable');
          // The page itself names the current assets: always revalidated.
          else if (file.endsWith('.html')) response.setHeader('cache-control', 'no-cache');
          else response.setHeader('cache-control', 'public, max-age=3600');
        },
      }),
    );
    // The app shell, at / and at every client-side route: any other GET (the API's paths answered above).
    app.get(/.*/, (_request, response) => {
      response.setHeader('cache-control', 'no-cache');
      response.sendFile(path.join(dist, 'index.html'));
    });
  }

  app.use(requestErrorHandler(log));

  let metricsServer: http.Server | undefined;
  return {
    listenMetrics: (port, host) =>
      new Promise((resolve, reject) => {
        const metricsApp = express();
        metricsApp.disable('x-powered-by');
        metricsApp.get('/metrics', observability.metricsHandler);
        const listener = http.createServer(metricsApp);
        metricsServer = listener;
        listener.once('error', reject);
        listener.listen(port, host, () => resolve((listener.address() as AddressInfo).port));
      }),
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    stop: async () => {
      stopping = true;
      // A kept-alive connection closes as soon as its response is sent, instead of idling for 5 s.
      server.keepAliveTimeout = 1;
      const deadline = Date.now() + (options.shutdownGraceMs ?? defaultShutdownGraceMs);
      while (inFlight > 0 && Date.now() < deadline) await sleep(20);
      // Stops listening, closes idle connections, and cuts what is still open after closeGraceMs.
      await apollo.stop();
      metricsServer?.closeAllConnections();
      await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
    },
  };
}

/** What production answers to any document the schema does not validate (the limits of limits.ts excepted). */
export const productionValidationMessage = 'The document does not match the schema.';

/**
 * Production tells nothing of the schema's names: graphql's "Did you mean …?" suggestions go, and a
 * document that does not validate gets one message, without locations, whatever was wrong with it, so
 * "Unknown argument … on field Query.client" and "Cannot query field" (which would tell a field that
 * exists from one that does not) answer alike.
 */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && !formatted.message.includes('introspection is not allowed')) {
    return { message: productionValidationMessage, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean [^?]*\?/g, '') };
}

/**
 * helmet's headers, set on every response: a Content-Security-Policy that allows scripts of this origin only
 * (no inline script, no eval, so injected markup cannot run), no framing by anyone (clickjacking), no MIME
 * sniffing, no Referer (URLs can hold ids), and HSTS in production (served over HTTPS behind its proxy).
 * Styles may be inline: React and chart.js set style attributes. GraphiQL (development only) runs Monaco's
 * workers from blob: URLs.
 */
export function securityHeaders(production: boolean): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    xContentTypeOptions: true,
    // The page loads nothing from other origins; COEP would only get in the way of downloads.
    crossOriginEmbedderPolicy: false,
  });
}

/** Identical errors answered once (production's validation errors all read alike). */
function oneOfEachErrorPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const seen = new Set<string>();
          response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
            const key = JSON.stringify(error);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        },
      };
    },
  };
}

/** What body-parser and http-errors put on the errors they raise. */
interface HttpError extends Error {
  status?: number;
  type?: string;
  limit?: number;
}

/**
 * Errors raised before GraphQL sees the request (a body too large or not JSON) as a GraphQL-shaped JSON
 * answer with a code, rather than express's HTML page, which shows the stack trace outside production.
 */
function requestErrorHandler(log: Logger): express.ErrorRequestHandler {
  return (error: HttpError, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const status = error.status ?? 500;
    const answer = (code: string, message: string) => response.status(status).json({ errors: [{ message, extensions: { code } }] });
    if (error.type === 'entity.too.large') {
      const limit = error.limit ?? 0;
      const size = limit % 1_048_576 === 0 ? `${limit / 1_048_576} MB` : `${limit} bytes`;
      answer('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${size}.`);
    } else if (error.type === 'entity.parse.failed') {
      answer('BAD_REQUEST', 'The request body is not a valid JSON object.');
    } else if (status >= 400 && status < 500) {
      answer('BAD_REQUEST', error.message);
    } else {
      log.error({ err: error }, 'unexpected error outside GraphQL');
      answer('INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
}
