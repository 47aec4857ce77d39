import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { entities } from './entities.js';
import { genericPlans } from './prepared.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OrmConfigOptions {
  clientUrl: string;
  /** Called with every SQL statement; tests count statements with it. */
  onQuery?: (sql: string) => void;
  /** Receives the ORM's own messages (e.g. migrations applied); silent by default. */
  logMessage?: (message: string) => void;
  poolMax?: number;
}

export function ormConfig({ clientUrl, onQuery, logMessage, poolMax = 10 }: OrmConfigOptions) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Batches ref.load()/collection.load() calls made in one tick into one query per entity.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    logger: (message) => logMessage?.(message),
    pool: { min: 0, max: poolMax },
    // Prepared statements are planned once per connection whatever their parameters (db/prepared.ts).
    driverOptions: genericPlans,
    onQuery: (sql) => {
      onQuery?.(sql);
      return sql;
    },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).ts',
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotOnMigrate: false,
    },
  });
}
