/*
 * One server of the read benchmark, in its own process (forked by progress-bench.ts), so that
 * its CPU time and memory are its own and not the load generator's:
 *
 * - `fascia`: the real HTTP app (`createHttpServer`, the accounts module's `resolveViewer`,
 *   production mode) on its own MikroORM pool;
 * - `baseline`: a bare `node:http` handler on a plain `pg` pool: for progress and the caseload it calls
 *   the progress service's SQL functions (`findProgress`, `listCaseload`) behind a minimal EntityManager
 *   (the pool for their prepared statements and the one `find` they use); for a client's record and the
 *   client list it runs the reads (client, series, visits, values; a page of names) and assembles the
 *   answer in JavaScript. It answers JSON in the same shape as GraphQL; it checks no token and writes no audit row.
 * - `postgraphile`: PostGraphile 5 (amber preset) on Fascia's tables, served by grafserv on `node:http`,
 *   for the client's record and the list (it has nothing like progress or the caseload).
 *
 * It samples its RSS every 20 ms and answers the parent's messages: `reset` (start a new peak),
 * `peak` (the peak since the last reset, and VmHWM), `stop` (close everything, then exit).
 *
 * It runs on Node's own type stripping, with no TypeScript loader, and takes Fascia's code from the compiled build in
 * BENCH_SERVER_DIST (`server/build.mjs`): what the container image runs, not tsx's on-the-fly transform (its loader,
 * and every transformed source and source map, in memory). The three servers run the same way.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StaffViewer } from '@fascia/server/common/viewer.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino } from 'pino';

export type ServerMode = 'fascia' | 'baseline' | 'postgraphile';
export type ToServer = { type: 'reset' } | { type: 'peak' } | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; port: number; pid: number }
  | { type: 'reset' }
  | { type: 'peak'; peakRss: number; vmHwm: number }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

const mode = process.env.BENCH_MODE as ServerMode;
const databaseUrl = process.env.BENCH_DATABASE_URL as string;
const viewer = JSON.parse(process.env.BENCH_VIEWER as string) as StaffViewer;
/** Same pool size on both sides (the ORM's default). */
const poolMax = 10;
const clinicId = process.env.BENCH_CLINIC_ID as string;

const send = (message: FromServer) => process.send?.(message);

/** A module of Fascia's compiled build, e.g. `fasciaModule<typeof import('@fascia/server/http/app.js')>('http/app.js')`. */
async function fasciaModule<T>(modulePath: string): Promise<T> {
  const dist = process.env.BENCH_SERVER_DIST;
  if (!dist) throw new Error('BENCH_SERVER_DIST (the compiled server, server/build.mjs) is not set');
  return (await import(pathToFileURL(path.join(dist, modulePath)).href)) as T;
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

/** The process's high-water RSS mark since it started, from /proc (0 where there is none). */
function vmHwm(): number {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function startBaseline(): Promise<{ server: http.Server; close(): Promise<void> }> {
  const { findProgress, listCaseload } = await fasciaModule<typeof import('@fascia/server/modules/progress/progress.service.js')>(
    'modules/progress/progress.service.js',
  );
  const { genericPlans } = await fasciaModule<typeof import('@fascia/server/db/prepared.js')>('db/prepared.js');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, ...genericPlans });
  // What the services ask of an EntityManager: the pool for their prepared statements, and
  // (caseload) one plain statement and the page's series rows.
  const em = {
    // The caseload's statement (not prepared: see progress.service.ts), `?` placeholders as the ORM writes them.
    execute: async (sql: string, params: readonly unknown[]) => {
      let next = 0;
      return (
        await pool.query(
          sql.replace(/\?/g, () => `$${++next}`),
          [...params],
        )
      ).rows;
    },
    isInTransaction: () => false,
    getConnection: () => ({ getNativeClient: async () => pool }),
    config: { get: () => () => '' },
    find: async (_entity: unknown, where: { id: { $in: string[] }; clinic: string }) =>
      (await pool.query('select * from treatment_series where id = any($1::uuid[]) and clinic_id = $2', [where.id.$in, where.clinic])).rows,
  } as unknown as EntityManager;

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    };
    const work = async () => {
      if (url.pathname === '/progress') {
        const id = url.searchParams.get('id') ?? '';
        const progress = (await findProgress(em, viewer, [id], new Date())).get(id);
        if (!progress) return answer(404, { errors: [{ message: 'not found' }] });
        return answer(200, { data: { series: { id, progress } } });
      }
      if (url.pathname === '/caseload') {
        const first = Number(url.searchParams.get('first') ?? 20);
        const page = await listCaseload(
          em,
          viewer,
          { flag: null, sort: 'LAST_VISIT', first, after: null, sessionChanges: false },
          new Date(),
        );
        return answer(200, {
          data: {
            caseload: {
              totalCount: page.totalCount,
              pageInfo: { hasNextPage: page.hasNextPage },
              edges: page.rows.map(({ series, ...node }) => ({ node: { ...node, series } })),
            },
          },
        });
      }
      if (url.pathname === '/client') {
        const id = url.searchParams.get('id') ?? '';
        const client = await clientRecord(pool, id);
        if (!client) return answer(404, { errors: [{ message: 'not found' }] });
        return answer(200, { data: { client } });
      }
      if (url.pathname === '/clients') {
        const first = Math.min(Number(url.searchParams.get('first') ?? 20), 100);
        const { rows } = await pool.query({
          name: 'bench_clients',
          text: 'select id, given_name, family_name from client where clinic_id = $1 order by family_name, given_name, id limit $2',
          values: [clinicId, first],
        });
        const edges = rows.map((r) => ({ node: { id: r.id, givenName: r.given_name, familyName: r.family_name } }));
        return answer(200, { data: { clients: { edges } } });
      }
      return answer(404, { errors: [{ message: 'no such path' }] });
    };
    work().catch((error: unknown) => answer(500, { errors: [{ message: String(error) }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

/** A client with their series, visits and values: four reads by key, the answer put together in JavaScript. */
async function clientRecord(pool: pg.Pool, id: string) {
  const client = (
    await pool.query({
      name: 'bench_client',
      text: 'select id, given_name, family_name, date_of_birth::text as date_of_birth from client where id = $1 and clinic_id = $2',
      values: [id, clinicId],
    })
  ).rows[0];
  if (!client) return null;
  const series = (
    await pool.query({
      name: 'bench_series',
      text: `select id, condition_code, status, start_date::text as start_date from treatment_series
        where client_id = $1 and clinic_id = $2 order by start_date desc, created_at desc`,
      values: [id, clinicId],
    })
  ).rows;
  const sessions = (
    await pool.query({
      name: 'bench_sessions',
      text: `select id, series_id, started_at, duration_minutes, attendance from treatment_session
        where series_id = any($1::uuid[]) and clinic_id = $2 order by started_at, created_at`,
      values: [series.map((s) => s.id), clinicId],
    })
  ).rows;
  const observations = (
    await pool.query({
      name: 'bench_observations',
      text: `select id, session_id, measure_code, region_code, side, value, taken_at from observation
        where session_id = any($1::uuid[]) and clinic_id = $2 order by taken_at, created_at`,
      values: [sessions.map((s) => s.id), clinicId],
    })
  ).rows;
  const valuesBySession = new Map<string, unknown[]>();
  for (const o of observations) {
    const list = valuesBySession.get(o.session_id) ?? [];
    list.push({ id: o.id, measureCode: o.measure_code, regionCode: o.region_code, side: o.side, value: o.value, takenAt: o.taken_at });
    valuesBySession.set(o.session_id, list);
  }
  const sessionsBySeries = new Map<string, unknown[]>();
  for (const v of sessions) {
    const list = sessionsBySeries.get(v.series_id) ?? [];
    list.push({
      id: v.id,
      startedAt: v.started_at,
      durationMinutes: v.duration_minutes,
      attendance: v.attendance,
      observations: valuesBySession.get(v.id) ?? [],
    });
    sessionsBySeries.set(v.series_id, list);
  }
  return {
    id: client.id,
    givenName: client.given_name,
    familyName: client.family_name,
    dateOfBirth: client.date_of_birth,
    series: series.map((s) => ({
      id: s.id,
      conditionCode: s.condition_code,
      status: s.status,
      startDate: s.start_date,
      sessions: sessionsBySeries.get(s.id) ?? [],
    })),
  };
}

async function startPostGraphile(): Promise<{ server: http.Server; close(): Promise<void> }> {
  const { postgraphile } = await import('postgraphile');
  const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
  const { makePgService } = await import('postgraphile/adaptors/pg');
  const { grafserv } = await import('postgraphile/grafserv/node');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafast: { explain: false },
  });
  const serv = pgl.createServ(grafserv);
  const server = http.createServer();
  await serv.addTo(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      // Releasing PostGraphile releases its grafserv too.
      await pgl.release();
      await pool.end();
    },
  };
}

async function startFascia(): Promise<{ server: http.Server; close(): Promise<void> }> {
  const { buildFasciaSchema } = await fasciaModule<typeof import('@fascia/server/graphql/schema.js')>('graphql/schema.js');
  const { createHttpServer } = await fasciaModule<typeof import('@fascia/server/http/app.js')>('http/app.js');
  const { createViewerResolver } = await fasciaModule<typeof import('@fascia/server/modules/accounts/http-credentials.js')>(
    'modules/accounts/http-credentials.js',
  );
  const { ormConfig } = await fasciaModule<typeof import('@fascia/server/db/orm-config.js')>('db/orm-config.js');
  const orm = await MikroORM.init(ormConfig({ clientUrl: databaseUrl, poolMax }));
  const app = await createHttpServer({
    orm,
    schema: await buildFasciaSchema(),
    log: pino({ level: 'silent' }),
    resolveViewer: createViewerResolver(orm),
    production: true,
  });
  await app.listen(0, '127.0.0.1');
  return {
    server: app.server,
    async close() {
      app.server.closeIdleConnections();
      await app.stop();
      await orm.close();
    },
  };
}

async function main(): Promise<void> {
  const running = mode === 'fascia' ? await startFascia() : mode === 'postgraphile' ? await startPostGraphile() : await startBaseline();
  let closing: Promise<void> | undefined;
  const close = () => {
    clearInterval(sampler);
    closing ??= running.close();
    return closing;
  };
  process.on('message', (message: ToServer) => {
    if (message.type === 'reset') {
      peakRss = process.memoryUsage().rss;
      send({ type: 'reset' });
    } else if (message.type === 'peak') {
      send({ type: 'peak', peakRss, vmHwm: vmHwm() });
    } else if (message.type === 'stop') {
      close()
        .catch((error: unknown) => console.error(`bench-server ${mode}: closing failed`, error))
        .finally(() => {
          send({ type: 'stopped' });
          process.disconnect?.();
        });
    }
  });
  // The parent gone (killed or crashed): nothing left to serve.
  process.on('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
  send({ type: 'ready', port: (running.server.address() as AddressInfo).port, pid: process.pid });
}

if (process.env.BENCH_MODE) {
  main().catch((error: unknown) => {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
}
