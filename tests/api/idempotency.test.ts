import { afterAll, beforeAll, expect, test } from 'vitest';
import { retryWhileUnavailable, startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist } from '../support/factories.js';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, await createClinicWithTherapist(db));
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const createClient = `mutation($input: CreateClientInput!, $key: String) {
  createClient(input: $input, idempotencyKey: $key) { id familyName }
}`;
const grace = { givenName: 'Grace', familyName: 'Hopper', dateOfBirth: '1956-12-09', sex: 'FEMALE' };

test('20 parallel identical calls with one key create exactly one client', async () => {
  const before = await db.count('client');
  // On a busy machine some wait too long for a connection and are told SERVICE_UNAVAILABLE: like real clients they
  // retry with the same key, and still exactly one client is created.
  const responses = await Promise.all(
    Array.from({ length: 20 }, () => retryWhileUnavailable(() => api.graphql(createClient, { input: grace, key: 'retry-grace-1' }))),
  );
  expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
  const ids = new Set(responses.map((r) => r.data?.createClient.id));
  expect(ids.size).toBe(1);
  expect(await db.count('client')).toBe(before + 1);
});

test('a retry returns the first result even with the input fields in another order', async () => {
  const first = await api.graphql(createClient, { input: { ...grace, familyName: 'Brewster' }, key: 'retry-grace-2' });
  const { givenName, ...rest } = { ...grace, familyName: 'Brewster' };
  const retry = await api.graphql(createClient, { input: { ...rest, givenName }, key: 'retry-grace-2' });
  expect(retry.data?.createClient).toEqual(first.data?.createClient);
});

test('the same key with a different input is a conflict and writes nothing', async () => {
  await api.graphql(createClient, { input: grace, key: 'retry-grace-3' });
  const before = await db.count('client');
  const other = await api.graphql(createClient, { input: { ...grace, familyName: 'Murray' }, key: 'retry-grace-3' });
  expect(other.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'idempotencyKey', rule: 'reused-with-different-input' });
  expect(await db.count('client')).toBe(before);
});

test('without a key every call creates', async () => {
  const before = await db.count('client');
  await api.graphql(createClient, { input: grace });
  await api.graphql(createClient, { input: grace });
  expect(await db.count('client')).toBe(before + 2);
});

test('a session retried with its key is recorded once, observations included', async () => {
  const client = await api.graphql(createClient, { input: grace });
  const series = await api.graphql(
    'mutation($input: StartSeriesInput!) { startSeries(input: $input, idempotencyKey: "series-1") { id } }',
    {
      input: {
        clientId: client.data?.createClient.id,
        conditionCode: 'NECK_PAIN',
        plannedSessions: 6,
        plannedSessionsPerWeek: 1,
        plannedMinutesPerSession: 45,
        startDate: '2026-03-02',
      },
    },
  );
  expect(series.errors).toBeUndefined();
  const visit = {
    seriesId: series.data?.startSeries.id,
    startedAt: '2026-03-02T10:00:00Z',
    durationMinutes: 45,
    attendance: 'ATTENDED',
    observations: [{ measureCode: 'NPRS', value: 6, regionCode: 'NECK', context: 'PRE_SESSION' }],
  };
  const record = 'mutation($input: RecordSessionInput!) { recordSession(input: $input, idempotencyKey: "visit-1") { id } }';
  const [a, b] = await Promise.all([1, 2].map(() => retryWhileUnavailable(() => api.graphql(record, { input: visit }))));
  expect(a?.errors).toBeUndefined();
  expect(a?.data?.recordSession.id).toBe(b?.data?.recordSession.id);
  const rows = await db.orm.em
    .fork()
    .execute<{ n: string }[]>('select count(*) as n from observation where series_id = ?', [visit.seriesId]);
  expect(Number(rows[0]?.n)).toBe(1);
});
