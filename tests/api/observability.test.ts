import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer, type HttpServer } from '@fascia/server/http/app.js';
import { createViewerResolver } from '@fascia/server/modules/accounts/http-credentials.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let folder: string;
const servers: HttpServer[] = [];
const lines: Record<string, unknown>[] = [];
const token = 'metrics-token-0123456789abcdef';

async function start(metricsToken?: string): Promise<{ url: string; server: HttpServer }> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const server = await createHttpServer({
    orm: db.orm,
    schema: await buildFasciaSchema(),
    log: pino({ level: 'info' }, sink),
    resolveViewer: createViewerResolver(db.orm),
    production: false,
    clientDistDir: folder,
    metricsToken,
  });
  servers.push(server);
  const port = await server.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, server };
}

const graphql = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

/** The value of one sample line of the Prometheus text, e.g. `name{label="x"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  db = await createTestDatabase();
  folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-observability-'));
  // A stand-in for the built web client, to tell its app shell apart from a metrics answer.
  await writeFile(path.join(folder, 'index.html'), '<!doctype html><title>Fascia</title>');
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await db?.drop();
  await rm(folder, { recursive: true, force: true });
});

describe('access log and request id', () => {
  test('one line per request with method, path, operation, status, duration and request id; a UUID X-Request-Id is kept', async () => {
    const { url } = await start(token);
    const incoming = '7b0c8a52-3f1e-4c69-9d7e-2a51f0c3b8e4';
    const response = await graphql(url, 'query AccessProbe { __typename }', { 'x-request-id': incoming });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(incoming);
    await response.text();
    const line = lines.find((candidate) => candidate.msg === 'request' && candidate.requestId === incoming);
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', operation: 'AccessProbe', status: 200, requestId: incoming });
    expect(typeof line?.ms).toBe('number');
  });

  test('an X-Request-Id that is not a UUID is replaced, never logged', async () => {
    const { url } = await start(token);
    const response = await graphql(url, '{ __typename }', { 'x-request-id': 'drop table; <script>' });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await response.text();
    expect(lines.some((line) => line.requestId === id && line.operation === 'anonymous')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('drop table');
  });
});

describe('Prometheus metrics', () => {
  test('behind a token on the public port: rate and latency by operation, errors by code, pool use', async () => {
    const { url } = await start(token);
    await (await graphql(url, 'query CountMe { __typename }')).text();
    await (await graphql(url, 'query CountMe { __typename }')).text();
    await (await graphql(url, '{ noSuchField }')).text();

    const refused = await fetch(`${url}/metrics`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('<title>');

    const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, 'fascia_http_requests_total{operation="CountMe",status="200"}')).toBe(2);
    expect(sample(text, 'fascia_http_request_duration_seconds_count{operation="CountMe"}')).toBe(2);
    expect(sample(text, 'fascia_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    // Pool and queue gauges are read at scrape time (other requests' audit writes may still hold a connection).
    for (const state of ['in_use', 'idle', 'waiting']) {
      expect(sample(text, `fascia_db_pool_connections{state="${state}"}`)).toBeGreaterThanOrEqual(0);
    }
    expect(sample(text, 'fascia_db_pool_connections{state="idle"}')).toBeGreaterThan(0);
    expect(sample(text, 'fascia_password_hash_queue_depth')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('fascia_unavailable_responses_total 0');
  });

  test('without a token /metrics on the public port answers 404, not the web page; a metrics port serves them', async () => {
    const { url, server } = await start();
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
    // The app shell still answers other client-side routes.
    expect(await (await fetch(`${url}/caseload`)).text()).toContain('<title>Fascia</title>');

    const metricsPort = await server.listenMetrics(0, '127.0.0.1');
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('fascia_http_requests_total{operation="/metrics",status="404"} 1');
  });
  test('an unknown path below any API prefix is a 404, never the app shell; client-side routes get the shell', async () => {
    const { url } = await start();
    for (const target of [
      '/metrics/x',
      '/health',
      '/health/x',
      '/fhir/x',
      '/research/x',
      '/audit/x',
      '/reports/x',
      '/dev/x',
      '/graphiql/x',
    ]) {
      const response = await fetch(`${url}${target}`);
      expect({ target, status: response.status, body: await response.text() }).toEqual({ target, status: 404, body: 'Not found' });
    }
    for (const target of ['/', '/calendar', '/clients/123', '/portal/history', '/researchers-guide']) {
      const response = await fetch(`${url}${target}`);
      expect({ target, status: response.status }).toEqual({ target, status: 200 });
      expect(await response.text()).toContain('<title>Fascia</title>');
    }
  });
});
