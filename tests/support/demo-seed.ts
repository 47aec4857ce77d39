import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { seedDemoData } from '@fascia/server/demo/seed.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database.js';

const demoTemplate = 'fascia_demo_template';

/**
 * A fresh copy of a database holding the full demo data set. The set is seeded once per run into a
 * template (the first file to ask builds it, the others wait on an advisory lock) and each file copies it,
 * which is a file copy instead of a 10-20 s seed per file.
 */
export async function createDemoDatabase(): Promise<TestDatabase> {
  const maintenanceUrl = inject('postgresMaintenanceUrl');
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [demoTemplate]);
    const found = await client.query('select 1 from pg_database where datname = $1', [demoTemplate]);
    if (found.rowCount === 0) {
      // Built under another name and renamed when complete, so a half-seeded template is never copied.
      const building = `${demoTemplate}_building`;
      await client.query(`drop database if exists ${building} with (force)`);
      await ensureDatabase(maintenanceUrl, building, inject('templateDatabase'));
      await seedDemoPatiently(maintenanceUrl.replace(/\/postgres$/, `/${building}`));
      await client.query(`alter database ${building} rename to ${demoTemplate}`);
    }
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [demoTemplate]);
    await client.end();
  }
  return createTestDatabase(demoTemplate);
}

/**
 * Seeds the demo data into a test database through an ORM of its own whose transactions may sit idle
 * longer than the app's 15 s: the seed hashes the demo passwords inside its transaction, and on a
 * machine shared by many jobs that wait outlasted the limit, so PostgreSQL ended the connection mid-seed.
 */
async function seedDemoPatiently(url: string): Promise<void> {
  const config = ormConfig({ clientUrl: url });
  const orm = await MikroORM.init({
    ...config,
    driverOptions: { ...config.driverOptions, idle_in_transaction_session_timeout: 300_000, statement_timeout: 300_000 },
  });
  try {
    await seedDemoData(orm.em.fork(), pino({ level: 'silent' }));
  } finally {
    await orm.close();
  }
}
