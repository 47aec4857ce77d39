import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type MailCatcher, startMailCatcher } from '@fascia/server/modules/notifications/mail-catcher.js';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';
import { bookIn, clientWithSeries, icsStart } from '../support/reminders.js';
import { killLeftoverServers, type ServerProcess, startServerProcess } from '../support/server-process.js';

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let catcher: MailCatcher;
const servers: ServerProcess[] = [];
let dataDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Two instances' });
  api = await startApi(db, therapist);
  catcher = await startMailCatcher();
  dataDir = await mkdtemp(path.join(tmpdir(), 'fascia-mail-'));
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop('SIGTERM')));
  killLeftoverServers();
  await catcher?.close();
  await api?.stop();
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the reminder queue in two server instances', () => {
  test('each reminder is sent exactly once, and both instances stop cleanly', async () => {
    const queueEnv = {
      DATABASE_URL: db.url,
      SMTP_URL: catcher.url,
      FASCIA_SEED_DEMO: 'false',
      FASCIA_REMINDER_PLAN_SECONDS: '1',
      FASCIA_REMINDER_POLL_SECONDS: '1',
    };
    servers.push(...(await Promise.all([startServerProcess(queueEnv), startServerProcess(queueEnv)])));
    // Twelve appointments, each booked at shorter notice than the lead time: due at once, so both instances race for them.
    const booked: { id: string; startsAt: Date }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const { seriesId } = await clientWithSeries(api, `client${i}@example.org`);
      booked.push(await bookIn(db, therapist, seriesId, 60 + i * 45));
    }
    await vi.waitFor(
      async () => {
        const rows = await db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from reminder where status = 'SENT'`);
        expect(Number(rows[0]?.n)).toBe(12);
      },
      { timeout: scaledMs(60_000), interval: 250 },
    );
    // Every job finished (none left to retry or run again) before counting what arrived.
    await vi.waitFor(
      async () => {
        const jobs = await db.orm.em.fork().execute<{ state: string }[]>(`select state from pgboss.job where name = 'reminder'`);
        expect(jobs.map((j) => j.state)).toEqual(Array(12).fill('completed'));
      },
      { timeout: scaledMs(30_000), interval: 250 },
    );
    const mails = await catcher.messages();
    expect(mails).toHaveLength(12);
    const starts = mails.map((m) => icsStart(m.attachments[0]?.content ?? '').uid).sort();
    expect(starts).toEqual(booked.map((a) => `${a.id}@fascia`).sort());
    const exits = await Promise.all(servers.splice(0).map((server) => server.stop('SIGTERM')));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
  }, 180_000);
});

describe('the development mail page', () => {
  test('without SMTP_URL, development catches mail in the process and shows it at /dev/mail; production does not serve it', async () => {
    const development = await startServerProcess({
      DATABASE_URL: db.url,
      FASCIA_SEED_DEMO: 'false',
      FASCIA_DATA_DIR: dataDir,
      FASCIA_REMINDERS: 'false',
    });
    servers.push(development);
    expect(development.messages.some((m) => /No SMTP_URL: emails are caught by a local SMTP server on port \d+/.test(m))).toBe(true);
    const page = await fetch(`${development.url}/dev/mail`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Caught mail (development)');
    const production = await startServerProcess({
      DATABASE_URL: db.url,
      FASCIA_SEED_DEMO: 'false',
      NODE_ENV: 'production',
      FASCIA_REMINDERS: 'false',
    });
    servers.push(production);
    expect((await fetch(`${production.url}/dev/mail`)).status).toBe(404);
    expect((await fetch(`${production.url}/dev/mail.json`)).status).toBe(404);
    const exits = await Promise.all(servers.splice(0).map((server) => server.stop('SIGTERM')));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
  }, 180_000);
});
