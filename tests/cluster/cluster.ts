import 'reflect-metadata';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '@fascia/server/db/embedded-postgres.js';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { createUsers, describeReport, driveLoad, failedChecks, type KillablePostgres, startKillablePostgres } from '../load/load-run.js';
import { killLeftoverServers, type LogLine, type ServerProcess, startServerProcess } from '../support/server-process.js';
import { createStandby, type Standby } from './replication.js';

/**
 * `pnpm cluster`: Fascia scaled out on one machine with real parts. A PostgreSQL primary and a streaming replica
 * (embedded binaries; tests/cluster/replication.ts), CLUSTER_INSTANCES Fascia servers (2; production mode, as
 * `pnpm start` runs them) reading heavy paths from the replica, and haproxy in front checking /health/ready. The
 * load and fault run of `pnpm load` then goes through the balancer while one instance is killed (SIGKILL) and
 * started again, another is restarted (SIGTERM, drained), the replica is stopped and started and the primary is
 * killed and restarted LOAD_FAULTS times. Prints what it does, the load figures, how haproxy spread and retried the
 * requests and where heavy reads went; exits non-zero when a check fails. Stops everything it started, on
 * Ctrl-C too.
 */
const setting = (name: string, fallback: number) => Number(process.env[name] || fallback);
const options = {
  seconds: setting('LOAD_SECONDS', 60),
  therapists: setting('LOAD_THERAPISTS', 50),
  clients: setting('LOAD_CLIENTS', 200),
  faultCycles: setting('LOAD_FAULTS', 2),
  say: (line: string) => console.log(line),
};
const instanceCount = Math.max(2, setting('CLUSTER_INSTANCES', 2));
const say = options.say;
const started = Date.now();
const step = (line: string) => say(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

/** haproxy from Debian's packages: installed with apt-get when missing and we may (root), else a clear refusal. */
function ensureHaproxy(): string {
  const find = () => {
    try {
      return execFileSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const found = find();
  if (found) return found;
  let aptGet = '';
  try {
    aptGet = execFileSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).trim();
  } catch {
    // not Debian-like
  }
  if (process.getuid?.() !== 0 || !aptGet) {
    throw new Error(
      'pnpm cluster needs haproxy. Install it (Debian/Ubuntu: `sudo apt-get install haproxy`; macOS: `brew install haproxy`) and run it again; ' +
        'as root on Debian the script installs it itself.',
    );
  }
  step('haproxy is missing: installing it with apt-get (Debian package)');
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'haproxy'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'haproxy'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const installed = find();
  if (!installed) throw new Error('apt-get ran but haproxy is still not on PATH');
  return installed;
}

/**
 * The balancer: round robin over the instances, each checked on /health/ready every second. A request that
 * could not be delivered, got no answer (its instance died) or was answered 503 (an instance draining, or one
 * whose database is away) is tried again on another instance, up to 3 times: every Fascia write carries an
 * idempotency key, so a retried write is never stored twice. With no instance ready, haproxy itself answers in
 * the API's own 503 format, with Retry-After.
 */
function haproxyConfig(port: number, statsPort: number, instances: { port: number }[], errorFile: string): string {
  return `global
  maxconn 4000

defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response 503
  errorfile 503 ${errorFile}

frontend fascia
  bind 127.0.0.1:${port}
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /health/ready
  http-check expect status 200
  # Lenient enough for a busy machine: a check may take 5 s, three failed checks in a row take an instance out.
  timeout check 5s
  default-server inter 1s fall 3 rise 2
${instances.map((instance, i) => `  server fascia${i + 1} 127.0.0.1:${instance.port} check`).join('\n')}

listen stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
`;
}

const unavailableAnswer = JSON.stringify({
  errors: [{ message: 'No Fascia instance is ready; retry shortly.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 2 } }],
});

interface Instance {
  port: number;
  metricsPort: number;
  process: ServerProcess | undefined;
}

let primary: KillablePostgres | undefined;
let standby: Standby | undefined;
let haproxy: ChildProcess | undefined;
const instances: Instance[] = [];
/** Every server process started, for the report's log lines. */
const everyServer: ServerProcess[] = [];
let folder: string | undefined;
let cleaning: Promise<void> | undefined;

/** Stops everything started, in reverse order; safe to call twice (Ctrl-C during the stop). */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    if (haproxy?.exitCode === null) {
      haproxy.kill('SIGTERM');
      step('haproxy stopped');
    }
    await Promise.all(instances.map((instance) => instance.process?.stop('SIGTERM').catch(() => undefined)));
    killLeftoverServers();
    if (instances.length > 0) step('Fascia instances stopped');
    await standby?.stop().catch((error: unknown) => say(`could not stop the replica: ${String(error)}`));
    if (standby) step('replica stopped');
    await primary?.stop().catch((error: unknown) => say(`could not stop the primary: ${String(error)}`));
    if (primary) step('primary stopped');
    if (folder) await rm(folder, { recursive: true, force: true });
  })();
  return cleaning;
}

process.on('SIGINT', () => {
  say('Interrupted: stopping what was started');
  void cleanUp().finally(() => process.exit(130));
});
process.on('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));

async function startInstance(instance: Instance, env: Record<string, string>): Promise<number> {
  const at = Date.now();
  // One that exits at start (the primary away, so it cannot migrate) is started again, as an orchestrator would.
  for (;;) {
    try {
      instance.process = await startServerProcess({
        ...env,
        PORT: String(instance.port),
        FASCIA_METRICS_PORT: String(instance.metricsPort),
      });
      everyServer.push(instance.process);
      return Date.now() - at;
    } catch (error) {
      if (Date.now() - at > 180_000) throw error;
      step('an instance exited at start (is the primary away?); starting it again');
      await sleep(1_000);
    }
  }
}

/** Lines of the Prometheus text of `url` whose metric name starts with one of `names`. */
async function metricLines(url: string, names: string[]): Promise<string[]> {
  try {
    const text = await (await fetch(url)).text();
    return text.split('\n').filter((line) => names.some((name) => line.startsWith(name)));
  } catch {
    return ['(metrics unavailable)'];
  }
}

async function main(): Promise<number> {
  say(`Fascia cluster run: ${os.cpus().length} CPUs, Node ${process.version}, ${instanceCount} instances behind haproxy`);
  const haproxyBinary = ensureHaproxy();
  step(`haproxy: ${execFileSync(haproxyBinary, ['-v'], { encoding: 'utf8' }).split('\n')[0]}`);
  folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-cluster-'));

  const primaryDir = path.join(folder, 'primary');
  const primaryPort = await findFreePort();
  primary = await startKillablePostgres(primaryDir, primaryPort);
  await ensureDatabase(primary.url('postgres'), 'fascia');
  const databaseUrl = primary.url('fascia');
  step(`primary PostgreSQL on 127.0.0.1:${primaryPort}`);

  const users = await createUsers(databaseUrl, options);
  step(`${options.therapists} therapists and ${options.clients} clients with accounts and sessions (migrated through the primary)`);

  const standbyPort = await findFreePort();
  standby = await createStandby(
    { clusterDir: primaryDir, port: primaryPort, maintenanceUrl: primary.url('postgres') },
    path.join(folder, 'standby'),
    standbyPort,
  );
  step(`streaming replica on 127.0.0.1:${standbyPort} (base backup with pg_backup_start/pg_backup_stop, standby.signal, primary_conninfo)`);

  const env = {
    DATABASE_URL: databaseUrl,
    FASCIA_READ_REPLICA_URLS: standby.url('fascia'),
    FASCIA_SEED_DEMO: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    // The balancer is the only proxy in front: its X-Forwarded-For is not sent here, and the address is loopback.
    FASCIA_TRUST_PROXY: 'loopback',
  };
  for (let i = 0; i < instanceCount; i++)
    instances.push({ port: await findFreePort(), metricsPort: await findFreePort(), process: undefined });
  const startMs = await Promise.all(instances.map((instance) => startInstance(instance, env)));
  instances.forEach((instance, i) => {
    step(
      `Fascia instance ${i + 1} on 127.0.0.1:${instance.port} (metrics on ${instance.metricsPort}), started in ${((startMs[i] ?? 0) / 1000).toFixed(1)} s`,
    );
  });

  const balancerPort = await findFreePort();
  const statsPort = await findFreePort();
  const errorFile = path.join(folder, '503.http');
  await writeFile(
    errorFile,
    `HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 2\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${unavailableAnswer}\n`,
  );
  const configFile = path.join(folder, 'haproxy.cfg');
  await writeFile(configFile, haproxyConfig(balancerPort, statsPort, instances, errorFile));
  haproxy = spawn(haproxyBinary, ['-f', configFile, '-db'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${balancerPort}`;
  const deadline = Date.now() + 30_000;
  while ((await fetch(`${url}/health/ready`).catch(() => null))?.status !== 200) {
    if (Date.now() > deadline || haproxy.exitCode !== null) throw new Error('haproxy did not become ready within 30 s');
    await sleep(100);
  }
  step(`haproxy on ${url}, checking /health/ready of every instance`);

  const [first, second] = instances as [Instance, Instance];
  const report = await driveLoad(options, {
    url,
    databaseUrl,
    users,
    primary,
    reads: true,
    logLines: () => everyServer.flatMap((server): LogLine[] => server.logLines),
    faults: [
      {
        at: 0.15,
        run: async () => {
          await first.process?.stop('SIGKILL');
          return 'instance 1 killed (SIGKILL)';
        },
      },
      {
        at: 0.25,
        run: async () => {
          await standby?.stop();
          return 'replica stopped (fast shutdown)';
        },
      },
      {
        at: 0.3,
        run: async () => `instance 1 started again, listening after ${((await startInstance(first, env)) / 1000).toFixed(1)} s`,
      },
      {
        at: 0.45,
        run: async () => {
          await standby?.start();
          return 'replica started again';
        },
      },
      {
        at: 0.55,
        run: async () => {
          const exit = (await second.process?.stop('SIGTERM')) ?? { code: null, ms: 0 };
          const ms = await startInstance(second, env);
          return `instance 2 restarted: SIGTERM drained and exited ${exit.code} in ${exit.ms} ms, listening again after ${(ms / 1000).toFixed(1)} s`;
        },
      },
    ],
  });
  step('load done');
  for (const line of describeReport(report)) say(line);

  say('haproxy, per instance (requests sent, retries, redispatches, 5xx answered by the instance):');
  const stats = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
  const header = (stats.split('\n')[0] ?? '').replace(/^# /, '').split(',');
  const column = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  for (const line of stats.split('\n').slice(1)) {
    const row = line.split(',');
    if (column(row, 'pxname') !== 'instances') continue;
    say(
      `  ${column(row, 'svname').padEnd(9)} sent ${column(row, 'stot')}, retries ${column(row, 'wretr')}, redispatched ${column(row, 'wredis')}, 5xx ${column(row, 'hrsp_5xx')}, status ${column(row, 'status')}`,
    );
  }
  say('heavy reads by where they ran and why (instances alive at the end; a killed instance takes its counters with it):');
  for (const [i, instance] of instances.entries()) {
    for (const line of await metricLines(`http://127.0.0.1:${instance.metricsPort}/metrics`, [
      'fascia_read_routing_total{',
      'fascia_read_replica_usable{',
    ]))
      say(`  instance ${i + 1}: ${line}`);
  }
  const failed = failedChecks(report);
  say(failed.length === 0 ? 'all checks passed' : `FAILED: ${failed.join('; ')}`);
  return failed.length === 0 ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  say(`cluster run failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
process.exit(code);
