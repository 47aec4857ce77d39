import { randomUUID } from 'node:crypto';
import type { TherapistViewer } from '@fascia/server/common/viewer.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist } from '../support/factories.js';

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistViewer;
let other: TherapistViewer;
let clientId: string;
let seriesId: string;

interface AuditRow {
  operation: string;
  outcome: string;
  role: string;
  client_id: string | null;
  clinic_id: string | null;
  account_id: string | null;
  address: string;
  detail: { requestedIds?: string[] } | null;
}

async function auditRows(): Promise<AuditRow[]> {
  return db.orm.em.fork().execute<AuditRow[]>('select * from audit_event order by at, id');
}

/** The audit rows written by `action`. */
async function auditOf(action: () => Promise<unknown>): Promise<AuditRow[]> {
  const before = (await auditRows()).length;
  await action();
  return (await auditRows()).slice(before);
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'A' });
  other = await createClinicWithTherapist(db, { clinicName: 'B' });
  api = await startApi(db, therapist);
  const clinic = clinicApi(api);
  clientId = await clinic.createClient();
  seriesId = await clinic.startSeries(clientId);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('the audit trail', () => {
  test('a read of a client writes who, which client, what, from where, and that it was allowed', async () => {
    const rows = await auditOf(() => api.graphql('query($id: ID!) { client(id: $id) { displayName } }', { id: clientId }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operation: 'Query.client',
      outcome: 'ALLOWED',
      role: 'THERAPIST',
      client_id: clientId,
      clinic_id: therapist.clinicId,
      account_id: therapist.accountId,
      address: expect.stringMatching(/127\.0\.0\.1/),
    });
  });

  test('a list writes one row per client listed, and the catalogs none', async () => {
    await clinicApi(api).createClient({ familyName: 'Babbage' });
    const listed = await auditOf(() => api.graphql('{ clients { edges { node { id } } } }'));
    expect(listed.map((r) => r.operation)).toEqual(['Query.clients', 'Query.clients']);
    expect(await auditOf(() => api.graphql('{ measures { code } }'))).toEqual([]);
  });

  test('a change is audited with it; a refused change leaves neither', async () => {
    const recorded = await auditOf(() => clinicApi(api).recordSession(neckVisit(seriesId, '2026-01-06T15:00:00Z', 6, 4)));
    expect(recorded).toMatchObject([{ operation: 'Mutation.recordSession', outcome: 'ALLOWED', client_id: clientId }]);
    const sessions = await db.count('treatment_session');
    const refused = await auditOf(() =>
      api.graphql('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', {
        input: { ...neckVisit(seriesId, '2026-01-07T15:00:00Z', 11, 4) },
      }),
    );
    expect(refused).toEqual([]);
    expect(await db.count('treatment_session')).toBe(sessions);
  });

  test('asking for another clinic’s client is refused as not found and audited with the id asked for', async () => {
    api.actAs(other);
    try {
      const rows = await auditOf(() => api.graphql('query($id: ID!) { client(id: $id) { id } }', { id: clientId }));
      expect(rows).toMatchObject([{ operation: 'Query.client', outcome: 'NOT_FOUND', clinic_id: other.clinicId, client_id: null }]);
      expect(rows[0]?.detail?.requestedIds).toEqual([clientId]);
    } finally {
      api.actAs(therapist);
    }
  });

  test('a role that may not is refused and audited as denied', async () => {
    api.actAs({ role: 'RESEARCHER', accountId: randomUUID() });
    try {
      let response: Awaited<ReturnType<TestApi['graphql']>> | undefined;
      const rows = await auditOf(async () => {
        response = await api.graphql('query($id: ID!) { client(id: $id) { id } }', { id: clientId });
      });
      expect(response?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(rows).toMatchObject([{ operation: 'Query.client', outcome: 'DENIED', role: 'RESEARCHER', client_id: null }]);
    } finally {
      api.actAs(therapist);
    }
  });

  test('the trail is append-only in the database itself', async () => {
    const em = db.orm.em.fork();
    await expect(em.execute("update audit_event set outcome = 'ALLOWED'")).rejects.toThrow(/append-only/);
    await expect(em.execute('delete from audit_event')).rejects.toThrow(/append-only/);
    expect((await auditRows()).length).toBeGreaterThan(0);
  });

  test('an admin reads the clinic’s trail; a client sees who accessed their record; a therapist neither', async () => {
    api.actAs({ role: 'ADMIN', accountId: randomUUID(), clinicId: therapist.clinicId, therapistId: null });
    try {
      const trail = await api.graphql('query($id: ID!) { auditTrail(clientId: $id) { operation outcome clientId address } }', {
        id: clientId,
      });
      expect(trail.errors).toBeUndefined();
      expect(trail.data?.auditTrail.length).toBeGreaterThan(2);
      expect(trail.data?.auditTrail.every((e: any) => e.clientId === clientId)).toBe(true);
      api.actAs({ role: 'CLIENT', accountId: randomUUID(), clinicId: therapist.clinicId, clientId });
      const mine = await api.graphql('{ myRecordAccess { operation role address } }');
      expect(mine.data?.myRecordAccess.some((e: any) => e.operation === 'Query.client' && e.role === 'THERAPIST')).toBe(true);
      // Staff addresses are for the clinic admin only.
      expect(mine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      api.actAs(therapist);
      const refused = await api.graphql('{ auditTrail { id } }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      api.actAs(therapist);
    }
  });
});
