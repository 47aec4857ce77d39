import { randomUUID } from 'node:crypto';
import type { TherapistViewer } from '@fascia/server/common/viewer.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistViewer;
let other: TherapistAccount;
let clientId: string;
let seriesId: string;

interface AuditRow {
  operation: string;
  outcome: string;
  role: string;
  client_ids: string[];
  clinic_id: string | null;
  account_id: string | null;
  address: string;
  detail: { requestedIds?: string[] } | null;
}

async function auditRows(): Promise<AuditRow[]> {
  return db.orm.em.fork().execute<AuditRow[]>('select * from audit_event order by at, id');
}

let portal: Promise<TestAccount> | undefined;
/** The portal account of the client (made once). */
const clientAccount = () => {
  portal ??= createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId });
  return portal;
};

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
      client_ids: [clientId],
      clinic_id: therapist.clinicId,
      account_id: therapist.accountId,
      address: expect.stringMatching(/127\.0\.0\.1/),
    });
  });

  test('a list writes one row listing every client listed, and the catalogs none', async () => {
    await clinicApi(api).createClient({ familyName: 'Babbage' });
    let ids: string[] = [];
    const listed = await auditOf(async () => {
      const response = await api.graphql('{ clients { edges { node { id } } } }');
      ids = response.data?.clients.edges.map((edge: any) => edge.node.id);
    });
    expect(ids).toHaveLength(2);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ operation: 'Query.clients', outcome: 'ALLOWED', clinic_id: therapist.clinicId });
    expect([...(listed[0]?.client_ids ?? [])].sort()).toEqual([...ids].sort());
    expect(await auditOf(() => api.graphql('{ measures { code } }'))).toEqual([]);
  });

  test('a change is audited with it; a refused change leaves neither', async () => {
    const recorded = await auditOf(() => clinicApi(api).recordSession(neckVisit(seriesId, '2026-01-06T15:00:00Z', 6, 4)));
    expect(recorded).toMatchObject([{ operation: 'Mutation.recordSession', outcome: 'ALLOWED', client_ids: [clientId] }]);
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
      // Filed under the caller's clinic, and a second time under the client and clinic whose record it was.
      expect(rows).toMatchObject([
        { operation: 'Query.client', outcome: 'NOT_FOUND', clinic_id: other.clinicId, client_ids: [] },
        { operation: 'Query.client', outcome: 'NOT_FOUND', clinic_id: therapist.clinicId, client_ids: [clientId] },
      ]);
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
      // The caller's row, and the attempt filed under the client whose record it was.
      expect(rows).toMatchObject([
        { operation: 'Query.client', outcome: 'DENIED', role: 'RESEARCHER', client_ids: [] },
        { operation: 'Query.client', outcome: 'DENIED', role: 'RESEARCHER', client_ids: [clientId], clinic_id: therapist.clinicId },
      ]);
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

  test('a refused read with hostile unused variables is audited and answers BAD_USER_INPUT, never 500', async () => {
    const hostile: [string, string][] = [
      ['a NUL', '"a\\u0000b"'],
      ['a lone surrogate', '"\\udfff"'],
      ['an id holding a NUL', '{"clientId":"\\u0000"}'],
      ['100,000 nested arrays', `${'['.repeat(100_000)}1${']'.repeat(100_000)}`],
    ];
    for (const [name, extra] of hostile) {
      let status = 0;
      let body: any;
      const rows = await auditOf(async () => {
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
          body: `{"query":"query($id: ID!) { client(id: $id) { id } }","variables":{"id":"${clientId}","extra":${extra}}}`,
        });
        status = response.status;
        body = await response.json();
      });
      expect(status, name).toBe(400);
      expect(
        body.errors?.map((e: any) => e.extensions.code),
        name,
      ).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].extensions.field, name).toMatch(/^extra/);
      expect(rows.length, name).toBeGreaterThan(0);
      expect(rows[0], name).toMatchObject({ operation: 'Query.client', outcome: 'DENIED', clinic_id: other.clinicId });
      expect(rows[0]?.detail?.requestedIds, name).toEqual([clientId]);
    }
  });

  test('a refusal stores only the ids the operation asked for, capped, however they were written', async () => {
    api.actAs(null);
    try {
      const junk = Array.from({ length: 13_000 }, () => randomUUID());
      const unused = await auditOf(() =>
        api.graphql('query($id: ID!) { client(id: $id) { id } }', { id: clientId, ids: junk, more: { clientId: junk } }),
      );
      expect(unused.filter((row) => row.client_ids.length === 0)).toHaveLength(1);
      expect(unused[0]?.detail).toEqual({ requestedIds: [clientId] });
      // Inline, in the document itself.
      api.actAs(other);
      const inline = await auditOf(() => api.graphql(`{ client(id: "${clientId}") { id } }`));
      expect(inline[0]?.detail?.requestedIds).toEqual([clientId]);
      // Many ids asked for at once (aliases): capped, with a count of the rest.
      const many = Array.from({ length: 10 }, (_, i) => `a${i}: auditTrail(clientId: "${randomUUID()}") { id }`);
      api.actAs({ role: 'ADMIN', accountId: randomUUID(), clinicId: other.clinicId, therapistId: null });
      const capped = await auditOf(() => api.graphql(`{ ${many.join(' ')} }`));
      expect(capped.length).toBeGreaterThan(0);
      const [{ size } = { size: 0 }] = await db.orm.em
        .fork()
        .execute<{ size: number }[]>('select max(octet_length(detail::text))::int as size from audit_event');
      expect(size).toBeLessThan(2_000);
    } finally {
      api.actAs(therapist);
    }
  });

  test('attempts on a record from another clinic are seen by its clinic admin and by the client, and tell the caller nothing', async () => {
    const client = await clientAccount();
    const missing = randomUUID();
    const asked = await api.request('query($id: ID!) { client(id: $id) { id } }', { id: clientId }, { as: other });
    const none = await api.request('query($id: ID!) { client(id: $id) { id } }', { id: missing }, { as: other });
    // The same answer, word for word but for the id.
    expect(JSON.stringify(asked.errors).replace(clientId, 'ID')).toBe(JSON.stringify(none.errors).replace(missing, 'ID'));
    api.actAs({ role: 'ADMIN', accountId: randomUUID(), clinicId: therapist.clinicId, therapistId: null });
    try {
      const trail = await api.graphql('query($id: ID!) { auditTrail(clientId: $id) { operation outcome role clientId } }', {
        id: clientId,
      });
      expect(trail.data?.auditTrail).toContainEqual({ operation: 'Query.client', outcome: 'NOT_FOUND', role: 'THERAPIST', clientId });
    } finally {
      api.actAs(therapist);
    }
    const mine = await api.request('{ myRecordAccess { operation outcome role } }', {}, { as: client });
    expect(mine.data?.myRecordAccess).toContainEqual({ operation: 'Query.client', outcome: 'NOT_FOUND', role: 'THERAPIST' });
  });

  test('a row of many clients is one event per client in the admin’s trail (paged by cursor) and in each client’s record access', async () => {
    const clinic = clinicApi(api);
    await clinic.createClient({ familyName: 'Curie' });
    const client = await clientAccount();
    const listed = await auditOf(() => api.graphql('{ clients { edges { node { id } } } }'));
    expect(listed).toHaveLength(1);
    const clientIds = listed[0]?.client_ids ?? [];
    expect(clientIds.length).toBeGreaterThanOrEqual(3);
    const admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    const trail = '{ auditTrail(operation: "Query.clients", first: 200) { id at clientId cursor operation outcome role } }';
    const events = (await api.request(trail, {}, { as: admin })).data?.auditTrail as any[];
    const latest = events.filter((event) => event.at === events[0].at);
    expect(latest.map((event) => event.clientId).sort()).toEqual([...clientIds].sort());
    expect(latest.every((event) => event.operation === 'Query.clients' && event.outcome === 'ALLOWED' && event.role === 'THERAPIST')).toBe(
      true,
    );
    // Every event of the trail has an id of its own, and pages of one walk them all in the same order.
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page <= events.length; page++) {
      const response: { data?: any } = await api.request(
        'query($after: String) { auditTrail(operation: "Query.clients", first: 1, after: $after) { id cursor } }',
        { after },
        { as: admin },
      );
      const [event]: { id: string; cursor: string }[] = response.data?.auditTrail ?? [];
      if (!event) break;
      paged.push(event.id);
      after = event.cursor;
    }
    expect(paged).toEqual(events.map((event) => event.id));
    // The client sees the same event, with the same id, in their record's access.
    const mine = (await api.request('{ myRecordAccess(first: 200) { id operation outcome role } }', {}, { as: client })).data
      ?.myRecordAccess as any[];
    const theirs = latest.find((event) => event.clientId === clientId);
    expect(mine).toContainEqual({ id: theirs.id, operation: 'Query.clients', outcome: 'ALLOWED', role: 'THERAPIST' });
    // The CSV download lists the same events.
    const csv = await fetch(`${api.url}/audit/export.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ operation: 'Query.clients' }),
    });
    const lines = (await csv.text()).trimEnd().split('\r\n').slice(1);
    expect(lines.map((line) => line.split(',')[6])).toEqual(events.map((event) => event.clientId));
  });

  test('"who read client X" is answered from the GIN index on client_ids', async () => {
    const em = db.orm.em.fork();
    const plan = await em.transactional(async (tx) => {
      // A small table is scanned whole by choice; forbid that to see whether the index can serve the search.
      await tx.execute('set local enable_seqscan = off');
      return tx.execute<{ 'QUERY PLAN': string }[]>('explain select id from audit_event where client_ids @> array[?::uuid]', [clientId]);
    });
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain('audit_event_client_ids_index');
  });

  test('a client’s data read from any root field is audited as a read of that client (an admin through accounts)', async () => {
    await clientAccount();
    const admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    const rows = await auditOf(async () => {
      const response = await api.request(
        '{ accounts { client { id intake { id } series { sessions { soap { subjective } } } } } }',
        {},
        { as: admin },
      );
      expect(response.errors).toBeUndefined();
    });
    expect(rows.filter((row) => row.client_ids.includes(clientId))).toMatchObject([
      { operation: 'Query.accounts', outcome: 'ALLOWED', role: 'ADMIN' },
    ]);
  });
});
