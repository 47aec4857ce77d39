import { MikroORM } from '@mikro-orm/postgresql';
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

/** Applies pending migrations and refreshes the catalog tables from the code catalogs. */
export async function prepareSchema(orm: MikroORM, log: Logger): Promise<void> {
  const applied = await orm.migrator.up();
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  await syncCatalogs(orm.em.fork());
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under the data folder
 * when none is given; then brings the schema up to date.
 */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let clientUrl = config.databaseUrl;
  if (!clientUrl) {
    embedded = await startEmbeddedPostgres(`${config.dataDir}/postgres`, log);
    await ensureDatabase(embedded.url('postgres'), embeddedDatabaseName);
    clientUrl = embedded.url(embeddedDatabaseName);
  }
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl, logMessage: (message) => log.debug(message) }));
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
