import 'reflect-metadata';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { type JobQueue, startJobQueue, stopJobQueue } from './db/job-queue.js';
import { ReadReplicas } from './db/read-replicas.js';
import { buildFasciaSchema } from './graphql/schema.js';
import { createHttpServer } from './http/app.js';
import { Account } from './modules/accounts/account.entity.js';
import { createViewerResolver } from './modules/accounts/http-credentials.js';
import { type RefitSchedule, startRefitSchedule } from './modules/expected-change/expected-change-schedule.js';
import { type Notifications, startNotifications } from './modules/notifications/notifications.js';
import { refreshMissingHeadlines } from './modules/progress/series-outcome.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({
    level: config.logLevel,
    ...(config.production || !process.stdout.isTTY ? {} : { transport: { target: 'pino-pretty', options: { colorize: true } } }),
  });
  const database = await openDatabase(config, log);
  let readReplicas: ReadReplicas | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // The drain's grace, the listener's close and stopping PostgreSQL: past this, something hangs.
    const limitMs = config.shutdownGraceMs + 5_000;
    const timer = setTimeout(() => {
      log.error(`shutdown took longer than ${limitMs / 1000} s; exiting`);
      process.exit(1);
    }, limitMs);
    const started = Date.now();
    try {
      await http?.stop();
      log.info({ ms: Date.now() - started }, 'requests drained, HTTP server closed');
      // After the HTTP server: requests in flight may still schedule reminders; then the jobs being sent finish.
      await notifications?.stop();
      await refitSchedule?.stop();
      if (jobs) await stopJobQueue(jobs);
      await readReplicas?.close();
      await database.close();
      log.info({ ms: Date.now() - started }, 'shutdown complete');
    } finally {
      clearTimeout(timer);
    }
    process.exit(0);
  };
  // `on`, not `once`: Ctrl-C may arrive twice (from the terminal and relayed by a parent such as pnpm), and a second
  // signal with no listener would kill the process mid-shutdown.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let http: Awaited<ReturnType<typeof createHttpServer>> | undefined;
  let notifications: Notifications | undefined;
  let refitSchedule: RefitSchedule | undefined;
  let jobs: JobQueue | undefined;
  try {
    if (config.seedDemoData) {
      // Loaded only when asked for: the demo's content and its generator are not part of a production server.
      const { demoAnchorDate, seedDemoDataIfEmpty } = await import('./demo/seed.js');
      await seedDemoDataIfEmpty(database.orm.em.fork(), log, { anchorDate: demoAnchorDate(config.demoAnchor) });
    }
    const healed = await refreshMissingHeadlines(database.orm.em.fork());
    if (healed > 0) log.info({ series: healed }, 'wrote the caseload headlines that were missing');
    if ((await database.orm.em.fork().count(Account, {})) === 0) {
      log.warn(
        'No account exists yet, so nobody can sign in: create a clinic and its admin with `pnpm fascia clinic:create` (docs/clinic-setup.md).',
      );
    }
    if (config.readReplicaUrls.length > 0) {
      const { poolMax, acquireTimeoutMs, statementTimeoutMs, idleInTransactionTimeoutMs } = config.database;
      readReplicas = await ReadReplicas.open(database.orm, config.readReplicaUrls, {
        maxLagMs: config.readReplicaMaxLagMs,
        poolMax,
        timeouts: { acquireMs: acquireTimeoutMs, statementMs: statementTimeoutMs, idleInTransactionMs: idleInTransactionTimeoutMs },
        log,
      });
      log.info({ replicas: readReplicas.status() }, 'heavy reads go to read replicas when they may answer');
    }
    jobs = await startJobQueue(database.url, log);
    notifications = await startNotifications({
      orm: database.orm,
      jobs,
      log,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      publicUrl: config.publicUrl,
      production: config.production,
      dataDir: config.dataDir,
      queue: config.reminders,
    });
    refitSchedule = await startRefitSchedule(database.orm, jobs, log);
    http = await createHttpServer({
      orm: database.orm,
      schema: await buildFasciaSchema(),
      log,
      resolveViewer: createViewerResolver(database.orm),
      production: config.production,
      trustProxy: config.trustProxy,
      clientDistDir: config.clientDistDir,
      researchMinCell: config.researchMinCell,
      shutdownGraceMs: config.shutdownGraceMs,
      admission: config.admission,
      metricsToken: config.metricsToken,
      devMailbox: notifications.catcher,
      readReplicas,
    });
    if (config.metricsPort !== undefined) {
      const metricsPort = await http.listenMetrics(config.metricsPort, config.host);
      log.info({ metricsPort }, `Prometheus metrics at http://${config.host}:${metricsPort}/metrics`);
    }
    const port = await http.listen(config.port, config.host);
    log.info(`Fascia is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/ (GraphQL at /graphql)`);
  } catch (error) {
    await notifications?.stop();
    await refitSchedule?.stop();
    if (jobs) await stopJobQueue(jobs);
    await readReplicas?.close();
    await database.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
