import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TherapistAccount } from '../support/factories.js';

/**
 * The client's own record in the portal: a diary entry for an earlier time today or yesterday with a short
 * note, who has read the record (with the names of the clinic's staff), and the note in the FHIR download.
 * Clinic A keeps Toronto time; clinic B is another clinic.
 */
let db: TestDatabase;
let api: TestApi;
let therapistA: TherapistAccount;
let therapistB: TherapistAccount;
const ids = {} as { client: string; series: string; other: string };
const personas = ['anonymous', 'researcher', 'adminA', 'adminB', 'therapistA', 'therapistB', 'clientA1', 'clientA2'] as const;
type Persona = (typeof personas)[number];
const accounts = {} as Record<Exclude<Persona, 'anonymous'>, { token: string }>;
const as = (persona: Persona) => (persona === 'anonymous' ? null : accounts[persona]);

const hour = 3600_000;
const recordDiary = `mutation($input: RecordObservationInput!) {
  recordObservation(input: $input) { id value takenAt note recordedByRole }
}`;
const diaryInput = (overrides: Record<string, unknown> = {}) => ({
  clientId: ids.client,
  seriesId: ids.series,
  measureCode: 'NPRS',
  value: 3,
  regionCode: 'NECK',
  context: 'BETWEEN_SESSIONS',
  takenAt: new Date(Date.now() - hour).toISOString(),
  ...overrides,
});

async function diaryRows(): Promise<number> {
  const [row] = await db.orm.em
    .fork()
    .execute<{ n: string }[]>(`select count(*) as n from observation where client_id = ? and context = 'BETWEEN_SESSIONS'`, [ids.client]);
  return Number(row?.n);
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapistA = await createClinicWithTherapist(db, { clinicName: 'A', timeZone: 'America/Toronto' });
  therapistB = await createClinicWithTherapist(db, { clinicName: 'B' });
  api = await startApi(db, therapistA);
  const clinic = clinicApi(api);
  ids.client = await clinic.createClient();
  ids.series = await clinic.startSeries(ids.client);
  await clinic.recordSession(neckVisit(ids.series, '2026-01-05T15:00:00Z', 6, 4));
  ids.other = await clinic.createClient({ givenName: 'Grace' });
  Object.assign(accounts, {
    researcher: await createTestAccount(db, { role: 'RESEARCHER' }),
    adminA: await createTestAccount(db, { role: 'ADMIN', clinicId: therapistA.clinicId }),
    adminB: await createTestAccount(db, { role: 'ADMIN', clinicId: therapistB.clinicId }),
    therapistA,
    therapistB,
    clientA1: await createTestAccount(db, { role: 'CLIENT', clinicId: therapistA.clinicId, clientId: ids.client }),
    clientA2: await createTestAccount(db, { role: 'CLIENT', clinicId: therapistA.clinicId, clientId: ids.other }),
  });
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('a diary entry for an earlier time, with a note', () => {
  test('the client logs pain for an hour ago with a note: stored as said, trimmed, and entered by the client', async () => {
    const takenAt = new Date(Date.now() - hour).toISOString();
    const response = await api.request(
      recordDiary,
      { input: diaryInput({ takenAt, note: '  after gardening  ' }) },
      { as: accounts.clientA1 },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordObservation).toMatchObject({ value: 3, takenAt, note: 'after gardening', recordedByRole: 'CLIENT' });
  });

  test('a blank note is no note', async () => {
    const response = await api.request(recordDiary, { input: diaryInput({ note: '   ' }) }, { as: accounts.clientA1 });
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordObservation.note).toBeNull();
  });

  test.each([
    ['an hour ahead', () => new Date(Date.now() + hour), 'not-in-future'],
    ['three days ago', () => new Date(Date.now() - 72 * hour), 'not-before-yesterday'],
  ])('an entry for %s is refused, naming takenAt and the rule, and nothing is stored', async (_when, time, rule) => {
    const before = await diaryRows();
    const response = await api.request(recordDiary, { input: diaryInput({ takenAt: time().toISOString() }) }, { as: accounts.clientA1 });
    expect(response.data?.recordObservation ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'takenAt', rule });
    expect(await diaryRows()).toBe(before);
  });

  test('a note longer than 280 characters is refused with the field and the rule', async () => {
    const before = await diaryRows();
    const response = await api.request(recordDiary, { input: diaryInput({ note: 'x'.repeat(281) }) }, { as: accounts.clientA1 });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note', rule: 'max-length' });
    expect(await diaryRows()).toBe(before);
    const longest = await api.request(recordDiary, { input: diaryInput({ note: 'y'.repeat(280) }) }, { as: accounts.clientA1 });
    expect(longest.data?.recordObservation.note).toHaveLength(280);
  });

  test('the window is for the client’s own entries: a therapist may enter a value from a paper diary of last week', async () => {
    const takenAt = new Date(Date.now() - 7 * 24 * hour).toISOString();
    const response = await api.request(recordDiary, { input: diaryInput({ takenAt, note: 'from the paper diary' }) }, { as: therapistA });
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordObservation).toMatchObject({ takenAt, recordedByRole: 'THERAPIST', note: 'from the paper diary' });
  });

  test.each([
    ['adminA', 'ok'],
    ['therapistA', 'ok'],
    ['clientA1', 'ok'],
    ['clientA2', 'NOT_FOUND'],
    ['adminB', 'NOT_FOUND'],
    ['therapistB', 'NOT_FOUND'],
    ['researcher', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('the note is read like the value it belongs to: %s → %s', async (persona, outcome) => {
    const response = await api.request(
      'query($id: ID!) { series(id: $id) { observations(measureCode: "NPRS") { note } } }',
      { id: ids.series },
      { as: as(persona) },
    );
    if (outcome === 'ok') {
      expect(response.errors).toBeUndefined();
      expect(response.data?.series.observations.map((o: { note: string | null }) => o.note)).toContain('after gardening');
    } else {
      expect(response.errors?.[0]?.extensions?.code).toBe(outcome);
      expect(JSON.stringify(response.data ?? null)).not.toContain('after gardening');
    }
  });

  test('the client’s own FHIR download carries the note as the Observation’s note', async () => {
    const response = await fetch(`${api.url}/fhir/export?client=${ids.client}`, {
      headers: { authorization: `Bearer ${accounts.clientA1.token}` },
    });
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as { entry: { resource: { resourceType: string; note?: { text: string }[] } }[] };
    const notes = bundle.entry.flatMap((e) => (e.resource.resourceType === 'Observation' ? (e.resource.note ?? []) : []));
    expect(notes).toContainEqual({ text: 'after gardening' });
  });
});

describe('who has seen my record', () => {
  const accessQuery = '{ myRecordAccess(first: 200) { operation outcome role actorName byViewer } }';
  type Access = { operation: string; outcome: string; role: string; actorName: string | null; byViewer: boolean };

  test('names the clinic’s therapist, marks the client’s own reads, and names nobody from elsewhere', async () => {
    await api.request('query($id: ID!) { client(id: $id) { id } }', { id: ids.client }, { as: therapistA });
    const probeB = await api.request('query($id: ID!) { client(id: $id) { id } }', { id: ids.client }, { as: therapistB });
    expect(probeB.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const probeA2 = await api.request('query($id: ID!) { client(id: $id) { id } }', { id: ids.client }, { as: accounts.clientA2 });
    expect(probeA2.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await fetch(`${api.url}/fhir/export?client=${ids.client}`, { headers: { authorization: `Bearer ${accounts.clientA1.token}` } });

    const response = await api.request(accessQuery, {}, { as: accounts.clientA1 });
    expect(response.errors).toBeUndefined();
    const events: Access[] = response.data?.myRecordAccess;
    expect(events).toContainEqual({
      operation: 'Query.client',
      outcome: 'ALLOWED',
      role: 'THERAPIST',
      actorName: 'Tess Therapist',
      byViewer: false,
    });
    const refused = events.filter((e) => e.operation === 'Query.client' && e.outcome === 'NOT_FOUND');
    expect(refused.map((e) => e.role).sort()).toEqual(['CLIENT', 'THERAPIST']);
    // Another clinic's therapist and another client are not named to this client.
    expect(refused.every((e) => e.actorName === null && !e.byViewer)).toBe(true);
    expect(events).toContainEqual({ operation: 'Export.fhirBundle', outcome: 'ALLOWED', role: 'CLIENT', actorName: null, byViewer: true });
  });

  test('the admin’s audit trail names the clinic’s staff too', async () => {
    const response = await api.request(
      'query($id: ID) { auditTrail(clientId: $id, first: 200) { operation role actorName byViewer } }',
      { id: ids.client },
      { as: accounts.adminA },
    );
    expect(response.errors).toBeUndefined();
    const rows = response.data?.auditTrail as Access[];
    expect(rows.filter((r) => r.role === 'THERAPIST' && r.actorName === 'Tess Therapist').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.role === 'CLIENT').every((r) => r.actorName === null && !r.byViewer)).toBe(true);
  });

  test.each([
    ['clientA1', 'ok'],
    ['clientA2', 'ok'],
    ['adminA', 'FORBIDDEN'],
    ['therapistA', 'FORBIDDEN'],
    ['therapistB', 'FORBIDDEN'],
    ['researcher', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('the new fields go only where the list goes: %s → %s', async (persona, outcome) => {
    const response = await api.request(accessQuery, {}, { as: as(persona) });
    if (outcome === 'ok') {
      expect(response.errors).toBeUndefined();
      // Each client's list holds their own record's events only: the therapist who created it, and for client A1
      // their own download; client A2's probe of A1's record is on A1's list, not on A2's.
      const events = response.data?.myRecordAccess as Access[];
      expect(events.some((e) => e.actorName === 'Tess Therapist')).toBe(true);
      expect(events.some((e) => e.operation === 'Export.fhirBundle' && e.byViewer)).toBe(persona === 'clientA1');
      expect(events.some((e) => e.outcome === 'NOT_FOUND')).toBe(persona === 'clientA1');
    } else {
      expect(response.errors?.[0]?.extensions?.code).toBe(outcome);
      expect(response.data?.myRecordAccess ?? null).toBeNull();
    }
  });
});
