import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { type DatabaseTimeouts, ormConfig } from '@fascia/server/db/orm-config.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  orm: MikroORM;
  url: string;
  /** SQL statements run since the last reset (every statement the ORM sends). */
  statements: string[];
  /** Row count of a table, for "nothing was written" checks. */
  count(table: string): Promise<number>;
  drop(): Promise<void>;
}

/**
 * A fresh database copied from a template (by default the migrated, catalog-filled one): isolated per
 * test file.
 */
export async function createTestDatabase(
  template = inject('templateDatabase'),
  options: { timeouts?: Partial<DatabaseTimeouts> } = {},
): Promise<TestDatabase> {
  const maintenanceUrl = inject('postgresMaintenanceUrl');
  const name = `fascia_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(maintenanceUrl, name, template);
  const url = maintenanceUrl.replace(/\/postgres$/, `/${name}`);
  const statements: string[] = [];
  const orm = await MikroORM.init(ormConfig({ clientUrl: url, onQuery: (sql) => statements.push(sql), timeouts: options.timeouts }));
  return {
    orm,
    url,
    statements,
    async count(table) {
      const rows = await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${table}"`);
      return Number(rows[0]?.n);
    },
    async drop() {
      await orm.close();
      const client = new pg.Client({ connectionString: maintenanceUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

/** What every request costs whatever it reads: the token lookup and the audit row of the read. */
export const perRequestStatement = /\baccess_token\b|into "?audit_event\b/;

/** The statements `run` sends, leaving out the per-request ones (token lookup, audit row). */
export async function statementsDuring<T>(db: TestDatabase, run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  db.statements.length = 0;
  const result = await run();
  return { result, statements: db.statements.filter((sql) => !perRequestStatement.test(sql)).length };
}
