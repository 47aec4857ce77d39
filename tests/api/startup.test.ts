import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { demoAccounts } from '@fascia/server/demo/accounts.js';
import { scopeClients } from '@fascia/server/demo/demo-content.js';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { createClinicWithTherapist } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';
import { killLeftoverServers, startServerProcess } from '../support/server-process.js';

const folders: string[] = [];
async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-start-'));
  folders.push(folder);
  return folder;
}
afterAll(async () => {
  killLeftoverServers();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function graphql(url: string, query: string, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

/** Signs in as the demo therapist, with the password the README gives. */
async function signInAsDemoTherapist(url: string): Promise<string> {
  const { email, password } = demoAccounts.therapist;
  const body = await graphql(url, `mutation { signIn(email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}) { token } }`);
  return body.data.signIn.token;
}

async function clientCount(url: string, token: string): Promise<number> {
  const body = await graphql(url, '{ clients { totalCount } }', token);
  return body.data.clients.totalCount;
}

describe('starting the server', () => {
  test(
    'without DATABASE_URL: embedded PostgreSQL in the data folder, seeded once, reused, stopped cleanly',
    async () => {
      const dataDir = await tempFolder();
      const cluster = path.join(dataDir, 'postgres');

      const first = await startServerProcess({ FASCIA_DATA_DIR: dataDir });
      expect(first.messages.some((m) => m.includes('initialising embedded PostgreSQL'))).toBe(true);
      expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
      const token = await signInAsDemoTherapist(first.url);
      const seeded = await clientCount(first.url, token);
      // The demo therapist's clinic holds half of the 40 generated demo clients and its share of the scope clients.
      expect(seeded).toBe(20 + scopeClients.filter((c) => c.clinic === 0).length);
      const stopped = await first.stop('SIGTERM');
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(10_000);
      expect(first.messages).toContain('embedded PostgreSQL stopped');
      expect(existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);

      const second = await startServerProcess({ FASCIA_DATA_DIR: dataDir });
      expect(second.messages.some((m) => m.includes('initialising embedded PostgreSQL'))).toBe(false);
      // The session from before the restart still holds: sessions live in the database.
      expect(await clientCount(second.url, token)).toBe(seeded);
      expect((await second.stop('SIGINT')).code).toBe(0);
      expect(second.messages).toContain('embedded PostgreSQL stopped');
      expect(existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);
    },
    scaledMs(240_000),
  );

  test(
    'with DATABASE_URL: uses that server and starts none of its own',
    async () => {
      const db = await createTestDatabase();
      try {
        const { token } = await createClinicWithTherapist(db, { clinicName: 'External' });
        const dataDir = await tempFolder();
        const server = await startServerProcess({
          DATABASE_URL: db.url,
          FASCIA_DATA_DIR: dataDir,
          FASCIA_SEED_DEMO: 'false',
        });
        expect(await graphql(server.url, '{ viewer { clinic { name } } }', token)).toEqual({
          data: { viewer: { clinic: { name: 'External' } } },
        });
        expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
        expect((await server.stop('SIGTERM')).code).toBe(0);
      } finally {
        await db.drop();
      }
    },
    scaledMs(120_000),
  );

  test('a bad setting stops the start with a message naming it', { timeout: scaledMs(60_000) }, async () => {
    await expect(startServerProcess({ PORT: 'eighty' }, { timeoutMs: scaledMs(30_000) })).rejects.toThrow(/PORT must be a whole number/);
  });
});
