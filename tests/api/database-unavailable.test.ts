import { findFreePort } from '@fascia/server/db/embedded-postgres.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
/** The server's warnings, as JSON log lines. */
const warnings: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db);
  const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
  api = await startApi(db, therapist, { log });
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const createClient = 'mutation($input: CreateClientInput!, $key: String) { createClient(input: $input, idempotencyKey: $key) { id } }';
const ada = { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1980-12-10', sex: 'FEMALE' };
const unavailable = { code: 'SERVICE_UNAVAILABLE', retryAfter: 2 };

/** Checks out every connection of the API's pool and keeps them until `release`. */
async function holdEveryConnection(): Promise<{ release(): void }> {
  const pool = (await db.orm.em.getConnection().getNativeClient()) as pg.Pool;
  const held = await Promise.all(Array.from({ length: pool.options.max }, () => pool.connect()));
  return {
    release: () => {
      for (const client of held) client.release();
    },
  };
}

/**
 * The bound on a refusal: the server's own 1.5 s wait for a connection (`FASCIA_DB_ACQUIRE_TIMEOUT_MS`), fixed,
 * plus half a second for the rest of the request, which takes longer on a busy machine.
 */
const refusedWithinMs = 1_500 + scaledMs(500);

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await run();
  return { result, ms: Date.now() - started };
}

describe('connection settings', () => {
  test('every connection has statement_timeout and idle_in_transaction_session_timeout set', async () => {
    const [settings] = await db.orm.em
      .fork()
      .execute<{ statement: string; idle: string }[]>(
        "select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle",
      );
    expect(settings).toEqual({ statement: '15s', idle: '15s' });
  });

  test('a statement that runs past statement_timeout is cancelled by PostgreSQL', async () => {
    const em = db.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.execute("set local statement_timeout = '100ms'");
      await expect(tx.execute('select pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    });
  });
});

describe('every connection held (pool exhausted)', () => {
  test('a request fails within 2 s with SERVICE_UNAVAILABLE, HTTP 503 and Retry-After, writing nothing', async () => {
    const before = await db.count('client');
    const hold = await holdEveryConnection();
    try {
      const { result, ms } = await timed(() => api.request(createClient, { input: ada, key: 'held-1' }, {}));
      expect(ms).toBeLessThan(refusedWithinMs);
      expect(result.status).toBe(503);
      expect(result.headers['retry-after']).toBe('2');
      expect(result.errors?.map((e) => e.extensions)).toEqual([unavailable]);
      const ready = await timed(() => fetch(`${api.url}/health/ready`));
      expect(ready.ms).toBeLessThan(refusedWithinMs);
      expect(ready.result.status).toBe(503);
      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    } finally {
      hold.release();
    }
    expect(await db.count('client')).toBe(before);
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    // The log tells overload from an outage: why the request was refused, and every connection in use.
    expect(warnings.filter((line) => line.msg === 'database unavailable')).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(/timeout exceeded when trying to connect/),
        pool: { connections: 10, idle: 0, waiting: 0 },
      }),
    ]);

    // The retry with the same key, once connections are free, creates the client exactly once.
    const retry = await api.graphql(createClient, { input: ada, key: 'held-1' });
    const again = await api.graphql(createClient, { input: ada, key: 'held-1' });
    expect(retry.errors).toBeUndefined();
    expect(again.data).toEqual(retry.data);
    expect(await db.count('client')).toBe(before + 1);
  });

  test('a failure inside the mutation (not while signing the caller in) answers the same', async () => {
    // A viewer given as is needs no database to resolve; the mutation's own transaction is what waits.
    const { token: _token, email: _email, password: _password, ...viewer } = therapist;
    api.actAs(viewer);
    const before = await db.count('client');
    const hold = await holdEveryConnection();
    try {
      const response = await api.request(createClient, { input: ada }, {});
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('2');
      expect(response.errors).toEqual([expect.objectContaining({ path: ['createClient'], extensions: unavailable })]);
    } finally {
      hold.release();
      api.actAs(therapist);
    }
    expect(await db.count('client')).toBe(before);
  });
});

describe('connections that break', () => {
  test('one broken inside a transaction is given back to the pool, not held for ever', async () => {
    const pool = (await db.orm.em.getConnection().getNativeClient()) as pg.Pool;
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      // Every slot of the pool in a transaction whose connection PostgreSQL then terminates (as a restart does).
      const failures = await Promise.all(
        Array.from({ length: pool.options.max }, () =>
          db.orm.em
            .fork()
            .transactional(async (tx) => {
              const [row] = await tx.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
              // With a timeout, pg_terminate_backend returns once the backend has exited.
              await admin.query('select pg_terminate_backend($1, $2)', [row?.pid, scaledMs(10_000)]);
              await tx.execute('select 1');
            })
            .then(
              () => null,
              (error: Error) => error.message,
            ),
        ),
      );
      expect(failures).toEqual(Array(pool.options.max).fill(expect.stringMatching(/connection error|terminat/i)));
    } finally {
      await admin.end();
    }
    // The pool guard takes a broken connection back 1 s after its error (db/pool-guard.ts); the rest is the machine's.
    await vi.waitFor(() => expect(pool.totalCount - pool.idleCount).toBe(0), { timeout: 1_000 + scaledMs(500), interval: 50 });
    const { status, data } = await api.request('{ viewer { role } }', undefined, {});
    expect({ status, data }).toEqual({ status: 200, data: { viewer: { role: 'THERAPIST' } } });
  });
});

describe('PostgreSQL not reachable at all', () => {
  let orm: MikroORM;
  let down: TestApi;

  beforeAll(async () => {
    // Nothing listens on this port: every connection attempt is refused.
    orm = await MikroORM.init(ormConfig({ clientUrl: `postgresql://postgres:none@127.0.0.1:${await findFreePort()}/fascia` }));
    down = await startApi({ orm }, therapist);
  });
  afterAll(async () => {
    await down?.stop();
    await orm?.close();
  });

  test('GraphQL answers SERVICE_UNAVAILABLE (503), readiness 503, liveness 200, all at once', async () => {
    const { result, ms } = await timed(() => down.request(createClient, { input: ada }, {}));
    expect(ms).toBeLessThan(refusedWithinMs);
    expect(result.status).toBe(503);
    expect(result.headers['retry-after']).toBe('2');
    expect(result.errors).toEqual([{ message: expect.stringMatching(/unavailable.*retry/), extensions: unavailable }]);
    const ready = await fetch(`${down.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });
    expect((await fetch(`${down.url}/health/live`)).status).toBe(200);
  });
});
