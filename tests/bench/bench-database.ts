/*
 * The throwaway database of a benchmark: an embedded PostgreSQL in a temp folder with an empty
 * `fascia` database, stopped and removed when the benchmark ends or is interrupted (Ctrl-C).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@fascia/server/db/embedded-postgres.js';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import type { Logger } from 'pino';

export interface BenchDatabase {
  url: string;
  folder: string;
  /** Stops what `beforeStop` stops, then PostgreSQL, and removes the folder; once, however often called. */
  cleanup: () => Promise<void>;
}

export async function startBenchDatabase(
  prefix: string,
  log: Logger,
  beforeStop: () => Promise<void> = async () => {},
): Promise<BenchDatabase> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  let embedded: EmbeddedDatabase | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanup = () => {
    cleaned ??= (async () => {
      await beforeStop();
      await embedded?.stop().catch((error: unknown) => console.error('stopping PostgreSQL failed:', error));
      await rm(folder, { recursive: true, force: true });
    })();
    return cleaned;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    embedded = await startEmbeddedPostgres(path.join(folder, 'postgres'), log);
    await ensureDatabase(embedded.url('postgres'), 'fascia');
    return { url: embedded.url('fascia'), folder, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
