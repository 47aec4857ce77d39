import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareSchema } from '@fascia/server/db/database.js';
import { startEmbeddedPostgres } from '@fascia/server/db/embedded-postgres.js';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the `postgres` database of the test cluster; swap the path for another database. */
    postgresMaintenanceUrl: string;
    /** Name of the migrated, catalog-filled database each test file copies. */
    templateDatabase: string;
  }
}

export const templateDatabase = 'fascia_template';

/**
 * One embedded PostgreSQL for the whole run, with a template database migrated
 * once; every test file then gets its own copy (CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const log = pino({ level: 'warn' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fascia-test-'));
  const embedded = await startEmbeddedPostgres(path.join(dir, 'postgres'), log);
  try {
    await ensureDatabase(embedded.url('postgres'), templateDatabase);
    const orm = await MikroORM.init(ormConfig({ clientUrl: embedded.url(templateDatabase) }));
    await prepareSchema(orm, log);
    await orm.close();
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  project.provide('postgresMaintenanceUrl', embedded.url('postgres'));
  project.provide('templateDatabase', templateDatabase);
  return async () => {
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
