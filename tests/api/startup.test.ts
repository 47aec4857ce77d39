import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { createClinicWithTherapist } from '../support/factories.js';
import { startServerProcess } from '../support/server-process.js';

const folders: string[] = [];
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-start-'));
  folders.push(folder);
  return folder;
}
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function clientCount(url: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ clients { totalCount } }' }),
  });
  const body = (await response.json()) as {
    data: { clients: { totalCount: number } };
  };
  return body.data.clients.totalCount;
}

describe('starting the server', () => {
  test('without DATABASE_URL: embedded PostgreSQL in the data folder, seeded once, reused, stopped cleanly', async () => {
    const dataDir = await tempFolder();
    const cluster = path.join(dataDir, 'postgres');

    const first = await startServerProcess({ FASCIA_DATA_DIR: dataDir });
    expect(first.messages.some((m) => m.includes('initialising embedded PostgreSQL'))).toBe(true);
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
    const seeded = await clientCount(first.url);
    // The demo clinic the server acts for holds half of the 40 demo clients.
    expect(seeded).toBe(20);
    const stopped = await first.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(first.messages).toContain('embedded PostgreSQL stopped');
    expect(existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);

    const second = await startServerProcess({ FASCIA_DATA_DIR: dataDir });
    expect(second.messages.some((m) => m.includes('initialising embedded PostgreSQL'))).toBe(false);
    expect(await clientCount(second.url)).toBe(seeded);
    expect((await second.stop('SIGINT')).code).toBe(0);
    expect(second.messages).toContain('embedded PostgreSQL stopped');
    expect(existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);
  }, 240_000);

  test('with DATABASE_URL: uses that server and starts none of its own', async () => {
    const db = await createTestDatabase();
    try {
      await createClinicWithTherapist(db, { clinicName: 'External' });
      const dataDir = await tempFolder();
      const server = await startServerProcess({
        DATABASE_URL: db.url,
        FASCIA_DATA_DIR: dataDir,
        FASCIA_SEED_DEMO: 'false',
      });
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { clinic { name } } }' }),
      });
      expect(await response.json()).toEqual({
        data: { viewer: { clinic: { name: 'External' } } },
      });
      expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
      expect((await server.stop('SIGTERM')).code).toBe(0);
    } finally {
      await db.drop();
    }
  }, 120_000);

  test('a bad setting stops the start with a message naming it', async () => {
    await expect(startServerProcess({ PORT: 'eighty' }, 30_000)).rejects.toThrow(/PORT must be a whole number/);
  }, 60_000);
});
