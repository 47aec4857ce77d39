/**
 * Writes a new migration for the difference between the entities and the
 * checked-in migrations: applies the existing ones to a throwaway embedded
 * PostgreSQL, then diffs. Usage: pnpm migration:create [name]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';
import { ormConfig } from './orm-config.js';

const log = pino({ level: 'info' });
const scratch = await mkdtemp(path.join(os.tmpdir(), 'fascia-migration-'));
const embedded = await startEmbeddedPostgres(path.join(scratch, 'postgres'), log);
try {
  await ensureDatabase(embedded.url('postgres'), 'fascia');
  const orm = await MikroORM.init(ormConfig({ clientUrl: embedded.url('fascia') }));
  await orm.migrator.up();
  const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
  log.info(
    result.fileName ? { file: result.fileName } : {},
    result.fileName ? 'migration written' : 'no changes: entities match the migrations',
  );
  await orm.close();
} finally {
  await embedded.stop();
  await rm(scratch, { recursive: true, force: true });
}
