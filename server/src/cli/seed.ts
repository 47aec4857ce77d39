import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { DEFAULT_CLIENTS, DEFAULT_SEED, demoAnchorDate, type SeedOptions, seedDemoData, seedDemoDataIfEmpty } from '../demo/seed.js';

/*
 * pnpm --filter @fascia/server seed [-- options]
 *
 * Seeds the configured database (DATABASE_URL, or the embedded PostgreSQL under the data folder)
 * with the demo data set when it has no clinic yet.
 *   --force             seed even when the database already has data (adds another copy)
 *   --seed=N            random seed (default DEFAULT_SEED)
 *   --clients=N         number of clients (default 40)
 *   --anchor=DATE       the "today" of the data, YYYY-MM-DD (default: FASCIA_DEMO_ANCHOR, else today in the first clinic's zone)
 */
async function main(): Promise<void> {
  // `pnpm ... seed -- --force` passes the `--` through.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: {
      force: { type: 'boolean', default: false },
      seed: { type: 'string' },
      clients: { type: 'string' },
      anchor: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: seed [--force] [--seed=N] [--clients=N] [--anchor=YYYY-MM-DD]\n' +
        `Defaults: seed ${DEFAULT_SEED}, ${DEFAULT_CLIENTS} clients, anchor FASCIA_DEMO_ANCHOR or today in the first clinic's zone.`,
    );
    return;
  }
  const config = loadConfig();
  const options: SeedOptions = { anchorDate: values.anchor ?? demoAnchorDate(config.demoAnchor) };
  if (values.seed !== undefined) options.seed = Number(values.seed);
  if (values.clients !== undefined) options.clients = Number(values.clients);

  const log = pino({
    level: config.logLevel,
    ...(config.production || !process.stdout.isTTY ? {} : { transport: { target: 'pino-pretty', options: { colorize: true } } }),
  });
  const database = await openDatabase(config, log);
  try {
    const em = database.orm.em.fork();
    if (values.force) await seedDemoData(em, log, options);
    else if (!(await seedDemoDataIfEmpty(em, log, options))) log.info('nothing to do; pass --force to add another copy of the demo data');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
