/*
 * One server of the progress benchmark, in its own process (forked by progress-bench.ts), so that
 * its CPU time and memory are its own and not the load generator's:
 *
 * - `fascia`: the real HTTP app (`createHttpServer`, the accounts module's `resolveViewer`,
 *   production mode) on its own MikroORM pool;
 * - `baseline`: a bare `node:http` handler that calls the progress service's SQL functions
 *   (`findProgress`, `listCaseload`) with a plain `pg` pool behind a minimal EntityManager
 *   (the pool for their prepared statements and the one `find` they use), and answers JSON in the same shape as GraphQL.
 *
 * It samples its RSS every 20 ms and answers the parent's messages: `reset` (start a new peak),
 * `peak` (the peak since the last reset, and VmHWM), `stop` (close everything, then exit).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaffViewer } from '@fascia/server/common/viewer.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { genericPlans } from '@fascia/server/db/prepared.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino } from 'pino';

export type ServerMode = 'fascia' | 'baseline';
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

const send = (message: FromServer) => process.send?.(message);

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
  const { findProgress, listCaseload } = await import('@fascia/server/modules/progress/progress.service.js');
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
        const page = await listCaseload(em, viewer, { flag: null, sort: 'LAST_VISIT', first, after: null }, new Date());
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

async function startFascia(): Promise<{ server: http.Server; close(): Promise<void> }> {
  const { buildFasciaSchema } = await import('@fascia/server/graphql/schema.js');
  const { createHttpServer } = await import('@fascia/server/http/app.js');
  const { createViewerResolver } = await import('@fascia/server/modules/accounts/http-credentials.js');
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
  const running = mode === 'fascia' ? await startFascia() : await startBaseline();
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
