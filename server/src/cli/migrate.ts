import 'reflect-metadata';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

/*
 * pnpm migrate
 *
 * Brings the configured database (DATABASE_URL, or the embedded PostgreSQL under the data folder) up to date:
 * applies pending migrations and refreshes the catalogs, then exits. For deployments that migrate once
 * before rolling out new instances; instances also do it at start, under the same advisory lock, so running
 * both is safe.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const database = await openDatabase(config, log);
  const rows = await database.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from mikro_orm_migrations');
  log.info({ migrations: Number(rows[0]?.n) }, 'database is up to date');
  await database.close();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
