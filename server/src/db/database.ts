import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { syncCatalogs } from './catalog-sync.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';
import { ormConfig } from './orm-config.js';

export interface Database {
  orm: MikroORM;
  /** The connection URL in use (DATABASE_URL or the embedded server's), for other clients of the same database. */
  url: string;
  /** Closes the ORM's pool and, if we started one, stops the embedded PostgreSQL. */
  close(): Promise<void>;
}

const embeddedDatabaseName = 'fascia';

/** The advisory lock key that serialises schema preparation across processes ("fasc" in ASCII). */
export const schemaLockKey = 0x66617363;

/**
 * Applies pending migrations and refreshes the catalog tables from the code catalogs, holding a PostgreSQL
 * advisory lock: MikroORM's migrator takes none, so two instances starting together on an empty database both
 * ran the first migration and one died on a unique violation. The lock is held by a session of its own, so
 * PostgreSQL releases it if this process dies halfway; whoever waited then finds the work done.
 */
export async function prepareSchema(orm: MikroORM, log: Logger): Promise<void> {
  const lock = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    const free = await lock.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [schemaLockKey]);
    if (!free.rows[0]?.locked) {
      log.info('another instance is migrating the database; waiting for it');
      await lock.query('select pg_advisory_lock($1)', [schemaLockKey]);
    }
    const applied = await orm.migrator.up();
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    await syncCatalogs(orm.em.fork());
  } finally {
    // Ending the session releases the lock.
    await lock.end();
  }
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under the data folder
 * when none is given; then brings the schema up to date.
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let clientUrl = config.databaseUrl;
  if (!clientUrl) {
    embedded = await startEmbeddedPostgres(`${config.dataDir}/postgres`, log, { port: config.embeddedPostgresPort });
    await ensureDatabase(embedded.url('postgres'), embeddedDatabaseName);
    clientUrl = embedded.url(embeddedDatabaseName);
    log.info(`other Fascia instances on this machine can share this database with DATABASE_URL=${clientUrl}`);
  }
  try {
    const { poolMax, acquireTimeoutMs, statementTimeoutMs, idleInTransactionTimeoutMs } = config.database;
    const orm = await MikroORM.init(
      ormConfig({
        clientUrl,
        logMessage: (message) => log.debug(message),
        poolMax,
        timeouts: { acquireMs: acquireTimeoutMs, statementMs: statementTimeoutMs, idleInTransactionMs: idleInTransactionTimeoutMs },
      }),
    );
    await prepareSchema(orm, log);
    return {
      orm,
      url: clientUrl,
      async close() {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
