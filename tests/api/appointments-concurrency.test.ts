import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';
import { killLeftoverServers, type ServerProcess, startServerProcess } from '../support/server-process.js';

/*
 * Two server processes on one database, as two instances behind a load balancer: bookings of one slot sent to
 * both at once. Only PostgreSQL sees both, so only its exclusion constraint can refuse one of them.
 */

let db: TestDatabase;
let therapist: TherapistAccount;
let seriesId: string;
const servers: ServerProcess[] = [];
let dataDir: string;

async function graphql(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${therapist.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Two instances', timeZone: 'Europe/London' });
  const api = await startApi(db, therapist);
  const clinic = clinicApi(api);
  seriesId = await clinic.startSeries(await clinic.createClient(), { startDate: new Date().toISOString().slice(0, 10) });
  await api.stop();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'fascia-two-'));
  const env = { DATABASE_URL: db.url, FASCIA_DATA_DIR: dataDir, FASCIA_SEED_DEMO: 'false' };
  servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop('SIGTERM')));
  killLeftoverServers();
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('one slot booked through two server processes at once: exactly one booking succeeds, each time', async () => {
  const add = 'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id localDate localTime } }';
  const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  for (const time of ['09:00', '10:30', '12:00', '14:15', '16:45']) {
    // Different lengths, so the two requests differ yet overlap.
    const [first, second] = await Promise.all(
      servers.map((server, i) => graphql(server.url, add, { input: { seriesId, date, time, minutes: 30 + i * 15 } })),
    );
    const answers = [first, second];
    const won = answers.filter((a) => a.data?.addAppointment);
    const refused = answers.filter((a) => a.errors);
    expect(won, time).toHaveLength(1);
    expect(refused, time).toHaveLength(1);
    expect(refused[0].errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'time', rule: 'overlap' });
    // The refusal names the winner's time, whichever check (the service's or PostgreSQL's) caught it.
    const winner = won[0].data.addAppointment;
    expect(refused[0].errors[0].message).toContain(`${winner.localDate} ${winner.localTime}-`);
  }
  const [row] = await db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from appointment');
  expect(Number(row?.n)).toBe(5);
}, 120_000);

test('PostgreSQL itself refuses an overlapping row written past the service, and lets a cancelled one be', async () => {
  const em = db.orm.em.fork();
  const [existing] = await em.execute<{ id: string; starts_at: Date }[]>(
    'select id, starts_at from appointment order by starts_at limit 1',
  );
  const insert = (status: string) =>
    em.execute(
      `insert into appointment (id, created_at, updated_at, clinic_id, series_id, therapist_id, client_id, starts_at, ends_at, minutes, status)
       select gen_random_uuid(), now(), now(), clinic_id, series_id, therapist_id, client_id, starts_at + interval '10 minutes',
         ends_at + interval '10 minutes', minutes, ? from appointment where id = ?`,
      [status, existing?.id],
    );
  await expect(insert('BOOKED')).rejects.toMatchObject({ code: '23P01' });
  await expect(insert('CANCELLED')).resolves.toBeDefined();
});
