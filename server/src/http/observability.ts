import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Logger } from 'pino';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { poolState } from '../db/pool-guard.js';
import type { ReadReplicas } from '../db/read-replicas.js';
import { hashQueueDepth } from '../modules/accounts/hash-pool.js';
import type { RequestContext } from '../modules/request/request-context.js';

/**
 * An incoming X-Request-Id is kept when it is a UUID (what a load balancer or a client library generates, and
 * what the audit trail stores); anything else is replaced, so a client cannot put arbitrary text in the logs.
 */
const requestIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request id of this request (set by the access log middleware, first of all). */
export function requestIdOf(response: express.Response): string {
  const id = response.locals.requestId;
  return typeof id === 'string' ? id : randomUUID();
}

/** Operation names are chosen by clients: at most this many distinct ones become metric labels, the rest count as "other". */
const maxOperationLabels = 200;
const operationNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Paths outside GraphQL that get their own label; anything else is "other" (the web page's files, unknown paths). */
const knownPaths = ['/health/live', '/health/ready', '/fhir/export', '/research/export', '/metrics'];

export interface Observability {
  registry: Registry;
  /** First middleware of the app: request id, access log line, request metrics. */
  accessLog: express.RequestHandler;
  /** Records each GraphQL request's operation name and error codes. */
  plugin: ApolloServerPlugin<RequestContext>;
  /** Prometheus text exposition of the registry. */
  metricsHandler: express.RequestHandler;
}

export function createObservability(
  orm: MikroORM,
  log: Logger,
  admission: () => { running: number; waiting: number },
  replicas?: ReadReplicas,
): Observability {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fascia_' });
  const labelled = new Set<string>();
  const requests = new Counter({
    name: 'fascia_http_requests_total',
    help: 'HTTP requests answered, by GraphQL operation name (or path) and status',
    labelNames: ['operation', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'fascia_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its answer, by GraphQL operation name (or path)',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'fascia_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const unavailable = new Counter({
    name: 'fascia_unavailable_responses_total',
    help: 'Answers 503 SERVICE_UNAVAILABLE (database away, pool exhausted, too long in line, shutting down)',
    registers: [registry],
  });
  new Gauge({
    name: 'fascia_db_pool_connections',
    help: 'Database pool connections by state (in use, idle) and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      try {
        const pool = await poolState(orm.em);
        this.set({ state: 'in_use' }, pool.connections - pool.idle);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      } catch {
        // A pool that is gone (shutting down) has nothing to report.
      }
    },
  });
  new Gauge({
    name: 'fascia_graphql_requests',
    help: 'GraphQL requests being worked on, and waiting in line for their turn (admission.ts)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const { running, waiting } = admission();
      this.set({ state: 'running' }, running);
      this.set({ state: 'waiting' }, waiting);
    },
  });
  new Gauge({
    name: 'fascia_password_hash_queue_depth',
    help: 'Password hashes (sign-ins, accepted invites) waiting for a worker thread',
    registers: [registry],
    collect() {
      this.set(hashQueueDepth());
    },
  });

  if (replicas) registerReplicaMetrics(registry, replicas);

  const operationOf = new Map<string, string>();
  const label = (name: string | null | undefined): string => {
    if (!name || !operationNamePattern.test(name)) return name ? 'other' : 'anonymous';
    if (labelled.has(name)) return name;
    if (labelled.size >= maxOperationLabels) return 'other';
    labelled.add(name);
    return name;
  };

  const accessLog: express.RequestHandler = (request, response, next) => {
    const started = process.hrtime.bigint();
    const incoming = request.get('x-request-id');
    const requestId = incoming && requestIdPattern.test(incoming) ? incoming.toLowerCase() : randomUUID();
    response.locals.requestId = requestId;
    response.setHeader('x-request-id', requestId);
    response.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = request.originalUrl.split('?')[0] ?? '';
      const graphqlOperation = operationOf.get(requestId);
      operationOf.delete(requestId);
      const operation = path === '/graphql' ? (graphqlOperation ?? 'none') : knownPaths.includes(path) ? path : 'other';
      requests.inc({ operation, status: String(response.statusCode) });
      duration.observe({ operation }, seconds);
      if (response.statusCode === 503) unavailable.inc();
      const line = {
        method: request.method,
        // The path only: a GET's query string holds the GraphQL document and its variables.
        path,
        operation: path === '/graphql' ? (graphqlOperation ?? null) : null,
        status: response.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
        requestId,
      };
      // Health checks come every few seconds from every load balancer: kept out of the info log.
      if (path.startsWith('/health/')) log.debug(line, 'request');
      else log.info(line, 'request');
    });
    next();
  };

  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operationName }) {
          operationOf.set(contextValue.requestId, label(operationName));
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            errors.inc({ code: typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'OTHER' });
          }
        },
      };
    },
  };

  const metricsHandler: express.RequestHandler = async (_request, response) => {
    response.setHeader('cache-control', 'no-store');
    response.type(registry.contentType).send(await registry.metrics());
  };

  return { registry, accessLog, plugin, metricsHandler };
}

/** Where heavy reads went and why, and each replica's state (db/read-replicas.ts). */
function registerReplicaMetrics(registry: Registry, replicas: ReadReplicas): void {
  new Counter({
    name: 'fascia_read_routing_total',
    help: 'Heavy reads (research, exports, progress, caseload) by where they ran (replica, primary) and why (replica; own_write: the account wrote and no replica has replayed it yet; replica_unavailable: every replica down or lagging; replica_failed: it failed on a replica and ran again on the primary)',
    labelNames: ['target', 'reason'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [key, n] of replicas.routed) {
        const [target = '', reason = ''] = key.split(' ');
        this.inc({ target, reason }, n);
      }
    },
  });
  new Gauge({
    name: 'fascia_read_replica_usable',
    help: 'Whether a read replica is used (1), or left out as unreachable or lagging beyond FASCIA_READ_REPLICA_MAX_LAG_MS (0)',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      for (const replica of replicas.status()) this.set({ replica: replica.name }, replica.usable ? 1 : 0);
    },
  });
  new Gauge({
    name: 'fascia_read_replica_lag_bytes',
    help: 'WAL bytes a read replica had still to replay at its last check (absent while it cannot be asked)',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const replica of replicas.status()) if (replica.lagBytes !== null) this.set({ replica: replica.name }, replica.lagBytes);
    },
  });
}

/**
 * `/metrics` on the public port: with FASCIA_METRICS_TOKEN, for a scraper that presents it as a Bearer token;
 * without one, 404 (metrics then live on FASCIA_METRICS_PORT only, or nowhere). Never the web page.
 */
export function publicMetricsRoute(metricsHandler: express.RequestHandler, token: string | undefined): express.RequestHandler {
  return (request, response, next) => {
    const presented = /^Bearer (.+)$/.exec(request.get('authorization') ?? '')?.[1] ?? '';
    const expected = Buffer.from(token ?? '');
    const given = Buffer.from(presented);
    if (token && given.length === expected.length && timingSafeEqual(given, expected)) {
      metricsHandler(request, response, next);
      return;
    }
    response
      .status(token ? 401 : 404)
      .type('text/plain')
      .send(token ? 'A metrics token is required.' : 'Not found');
  };
}
