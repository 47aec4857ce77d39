import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import pg from 'pg';
import { type ServerProcess, startServerProcess } from './server-process.js';

const migrationsDir = fileURLToPath(new URL('../../server/src/db/migrations/', import.meta.url));

export interface FirstStartReport {
  /** Per instance: started (and where), or the error it died with. */
  starts: ({ ok: true; url: string } | { ok: false; error: string })[];
  /** Rows of mikro_orm_migrations, and how many distinct names among them. */
  migrationRows: number;
  distinctMigrations: number;
  migrationFiles: number;
  /** Exit codes of the instances stopped with SIGTERM afterwards. */
  exitCodes: (number | null)[];
}

/**
 * Creates an empty database on the cluster behind `maintenanceUrl` and starts `instances` servers on it at the
 * same moment, as a deployment that scales out on first roll-out does; then stops them and drops the database.
 */
export async function concurrentFirstStart(maintenanceUrl: string, instances = 2): Promise<FirstStartReport> {
  const name = `fascia_first_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(maintenanceUrl, name);
  const url = maintenanceUrl.replace(/\/postgres$/, `/${name}`);
  try {
    const settled = await Promise.allSettled(
      Array.from({ length: instances }, () => startServerProcess({ DATABASE_URL: url, FASCIA_SEED_DEMO: 'false' })),
    );
    const running = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client
      .query<{ n: string; d: string }>('select count(*) as n, count(distinct name) as d from mikro_orm_migrations')
      .catch(() => ({ rows: [{ n: '0', d: '0' }] }));
    await client.end();
    const exits = await Promise.all(running.map((server: ServerProcess) => server.stop('SIGTERM')));
    return {
      starts: settled.map((result) =>
        result.status === 'fulfilled' ? { ok: true, url: result.value.url } : { ok: false, error: String(result.reason).slice(0, 2000) },
      ),
      migrationRows: Number(rows.rows[0]?.n),
      distinctMigrations: Number(rows.rows[0]?.d),
      migrationFiles: readdirSync(migrationsDir).filter((file) => /^Migration.*\.ts$/.test(file) && !file.endsWith('.d.ts')).length,
      exitCodes: exits.map((exit) => exit.code),
    };
  } finally {
    const client = new pg.Client({ connectionString: maintenanceUrl });
    await client.connect();
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
  }
}
