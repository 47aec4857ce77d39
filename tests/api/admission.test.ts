import http from 'node:http';
import type { AdmissionLimits } from '@fascia/server/config.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer, type HttpServer } from '@fascia/server/http/app.js';
import { createViewerResolver } from '@fascia/server/modules/accounts/http-credentials.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { scaledMs } from '../support/machine.js';

// The admission gate of /graphql (server/src/http/admission.ts) in the real app: requests over the limit
// wait in line, in arrival order; one waiting too long is answered 503; one whose caller left leaves the line.

let db: TestDatabase;
const servers: HttpServer[] = [];
const metricsToken = 'metrics-token-admission-0123456789';
const body = JSON.stringify({ query: '{ __typename }' });

async function start(admission: AdmissionLimits): Promise<string> {
  const server = await createHttpServer({
    orm: db.orm,
    schema: await buildFasciaSchema(),
    log: pino({ level: 'silent' }),
    resolveViewer: createViewerResolver(db.orm),
    production: false,
    metricsToken,
    admission,
  });
  servers.push(server);
  return `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  json: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

/**
 * A POST whose body is sent only when `finish` is called: the gate admits it on its headers, and it then
 * holds its place while the server waits for the rest of the body.
 */
function post(url: string, options: { hold?: boolean; signal?: AbortSignal } = {}) {
  let finish = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      `${url}/graphql`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] as string | undefined,
            json: JSON.parse(text),
          }),
        );
      },
    );
    request.on('error', reject);
    if (options.hold) {
      request.write(body.slice(0, 5));
      finish = () => request.end(body.slice(5));
    } else request.end(body);
  });
  return { answer, finish: () => finish() };
}

/** The gate's gauge from /metrics: requests being worked on and waiting. */
async function gate(url: string): Promise<{ running: number; waiting: number }> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  const value = (state: string) => Number(new RegExp(`^fascia_graphql_requests\\{state="${state}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
  return { running: value('running'), waiting: value('waiting') };
}

/** Polls the gauge until it shows `expected` (no fixed sleeps: the machine may be busy). */
async function gateReaches(url: string, expected: { running: number; waiting: number }): Promise<void> {
  await expect.poll(() => gate(url), { timeout: scaledMs(10_000), interval: 20 }).toEqual(expected);
}

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await db?.drop();
});

describe('admission to /graphql', () => {
  test('requests over the limit wait in line and are answered in arrival order once the one ahead is done', async () => {
    const url = await start({ concurrent: 1, maxWaitMs: scaledMs(60_000) });
    const order: string[] = [];
    const first = post(url, { hold: true });
    await gateReaches(url, { running: 1, waiting: 0 });
    const second = post(url);
    await gateReaches(url, { running: 1, waiting: 1 });
    const third = post(url);
    await gateReaches(url, { running: 1, waiting: 2 });
    for (const [name, request] of [
      ['first', first],
      ['second', second],
      ['third', third],
    ] as const)
      void request.answer.then(() => order.push(name));
    // Nobody behind the first is answered while it holds its place.
    expect(order).toEqual([]);
    first.finish();
    const answers = await Promise.all([first.answer, second.answer, third.answer]);
    expect(answers.map((a) => [a.status, a.json.data])).toEqual([
      [200, { __typename: 'Query' }],
      [200, { __typename: 'Query' }],
      [200, { __typename: 'Query' }],
    ]);
    expect(order).toEqual(['first', 'second', 'third']);
    await gateReaches(url, { running: 0, waiting: 0 });
  });

  test('one that waits longer than maxWaitMs is answered 503 with Retry-After; one whose caller gives up leaves the line', async () => {
    const url = await start({ concurrent: 1, maxWaitMs: 300 });
    const holder = post(url, { hold: true });
    await gateReaches(url, { running: 1, waiting: 0 });

    const started = Date.now();
    const tooLate = await post(url).answer;
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(tooLate.status).toBe(503);
    expect(tooLate.retryAfter).toBe('2');
    expect(tooLate.json.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    const giveUp = new AbortController();
    const leaving = post(url, { signal: giveUp.signal });
    await gateReaches(url, { running: 1, waiting: 1 });
    giveUp.abort();
    await expect(leaving.answer).rejects.toThrow(/abort/i);
    await gateReaches(url, { running: 1, waiting: 0 });

    holder.finish();
    expect((await holder.answer).status).toBe(200);
    // The place is free again: the next request is answered at once, not after a wait.
    const next = await post(url).answer;
    expect([next.status, next.json.data]).toEqual([200, { __typename: 'Query' }]);
    await gateReaches(url, { running: 0, waiting: 0 });
  });
});
