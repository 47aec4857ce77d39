import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { entities } from './entities.js';
import { releaseBrokenConnections } from './pool-guard.js';
import { genericPlans } from './prepared.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Run from the sources (tsx, vitest) the migrations are .ts files; from the production build (server/build.mjs), .js. */
const migrationsGlob = import.meta.url.endsWith('.ts') ? '!(*.d).ts' : '*.js';

export interface OrmConfigOptions {
  clientUrl: string;
  /** Called with every SQL statement; tests count statements with it. */
  onQuery?: (sql: string) => void;
  /** Receives the ORM's own messages (e.g. migrations applied); silent by default. */
  logMessage?: (message: string) => void;
  poolMax?: number;
  /** Overrides of `databaseTimeouts` (from the environment: config.ts). */
  timeouts?: Partial<DatabaseTimeouts>;
}

export interface DatabaseTimeouts {
  acquireMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

/**
 * How long anything may wait on PostgreSQL (README, Reliability). A request that cannot get a connection
 * fails fast with SERVICE_UNAVAILABLE rather than queueing forever; a statement or an idle transaction
 * that runs away is ended by PostgreSQL itself and its connection freed.
 */
export const databaseTimeouts: Readonly<DatabaseTimeouts> = {
  /** Waiting for a free pooled connection, or for a new one to connect (pg-pool's `connectionTimeoutMillis`). */
  acquireMs: 1_500,
  /** `statement_timeout`: the slowest real statement (the caseload on the benchmark's 640,000 observations) takes ~150 ms. */
  statementMs: 15_000,
  /** `idle_in_transaction_session_timeout`: a mutation's transaction never waits on anything but its own statements. */
  idleInTransactionMs: 15_000,
};

export function ormConfig({ clientUrl, onQuery, logMessage, poolMax = 10, timeouts: given }: OrmConfigOptions) {
  const timeouts = { ...databaseTimeouts, ...given };
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Batches ref.load()/collection.load() calls made in one tick into one query per entity.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    logger: (message) => logMessage?.(message),
    pool: { min: 0, max: poolMax },
    // Passed to pg's Pool: the acquire timeout, and the session settings sent with every new connection
    // (prepared statements are planned once per connection whatever their parameters: db/prepared.ts).
    driverOptions: {
      ...genericPlans,
      onPoolCreated: releaseBrokenConnections,
      connectionTimeoutMillis: timeouts.acquireMs,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    },
    onQuery: (sql) => {
      onQuery?.(sql);
      return sql;
    },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: migrationsGlob,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotOnMigrate: false,
    },
  });
}
