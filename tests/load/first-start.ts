import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@fascia/server/db/embedded-postgres.js';
import { pino } from 'pino';
import { concurrentFirstStart } from '../support/first-start.js';

/**
 * `pnpm load:first-start`: two instances started together on an empty database, FIRST_START_RUNS times in a
 * row (10), each on a new database. The suite runs it once (tests/api/first-start.test.ts).
 */
const runs = Number(process.env.FIRST_START_RUNS ?? 10);
const folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-first-start-'));
const embedded = await startEmbeddedPostgres(path.join(folder, 'postgres'), pino({ level: 'warn' }));
let clean = 0;
try {
  for (let run = 1; run <= runs; run++) {
    const report = await concurrentFirstStart(embedded.url('postgres'), 2);
    const ok =
      report.starts.every((start) => start.ok) &&
      report.migrationRows === report.migrationFiles &&
      report.distinctMigrations === report.migrationFiles &&
      report.exitCodes.every((code) => code === 0);
    if (ok) clean += 1;
    console.log(
      `first start ${run}/${runs}: ${report.starts.filter((start) => start.ok).length} of 2 started, ` +
        `${report.migrationRows} migration rows for ${report.migrationFiles} files, exits ${report.exitCodes.join(', ')}` +
        (ok ? '' : ` FAILED ${JSON.stringify(report.starts)}`),
    );
  }
} finally {
  await embedded.stop();
  await rm(folder, { recursive: true, force: true });
}
console.log(`${clean} of ${runs} concurrent first starts succeeded`);
process.exit(clean === runs ? 0 : 1);
