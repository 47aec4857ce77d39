import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

/*
 * A child's portal held by a parent (a proxy account), over real HTTP: the parent sees the child's record and
 * nobody else's, and what they enter is recorded as reported by a parent; every other role keeps its own
 * view of the child's values with who reported each. Bad reporter input is refused with its field and rule
 * and writes nothing.
 */

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
const ids = {} as Record<'child' | 'series' | 'sibling' | 'siblingSeries' | 'otherClinicSeries', string>;
const as = {} as Record<'parent' | 'sibling' | 'admin' | 'otherAdmin' | 'researcher', TestAccount>;

/** A portal diary takes values of the last day or so: a minute ago. */
const recently = () => new Date(Date.now() - 60_000).toISOString();
const seriesOf = (clientId: string) => (clientId === ids.sibling ? ids.siblingSeries : ids.series);
const diaryPain = (clientId: string, extra: Record<string, unknown> = {}) => ({
  input: {
    clientId,
    seriesId: seriesOf(clientId),
    measureCode: 'NPRS',
    value: 6,
    regionCode: 'NECK',
    context: 'BETWEEN_SESSIONS',
    takenAt: recently(),
    ...extra,
  },
});
const recordObservation =
  'mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id reporter proxyRelation reportedBy } }';
const submitPeg =
  'mutation($input: SubmitQuestionnaireInput!) { submitQuestionnaireResponse(input: $input) { id reporter proxyRelation reportedBy } }';
const peg = (clientId: string, extra: Record<string, unknown> = {}) => ({
  input: {
    clientId,
    seriesId: ids.series,
    instrumentCode: 'PEG',
    completedAt: recently(),
    answers: [1, 2, 3].map((i) => ({ itemCode: `PEG${i}`, value: 4 })),
    ...extra,
  },
});
const childRecord = 'query($id: ID!) { series(id: $id) { id observations { value reporter proxyRelation reportedBy } } }';

/** Rows of a client's observations and responses in the database: a refused write must leave both unchanged. */
async function rowsOf(clientId = ids.child): Promise<number> {
  const [row] = await db.orm.em
    .fork()
    .execute<{ n: number }[]>(
      'select (select count(*) from observation where client_id = ?)::int + (select count(*) from questionnaire_response where client_id = ?)::int as n',
      [clientId, clientId],
    );
  return row?.n ?? -1;
}

function refusal(response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  const extensions = response.errors?.[0]?.extensions;
  return { code: extensions?.code, field: extensions?.field, rule: extensions?.rule };
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Harbour A', timeZone: 'America/Toronto' });
  const other = await createClinicWithTherapist(db, { clinicName: 'Clinic B' });
  api = await startApi(db, therapist);
  const clinic = clinicApi(api);
  ids.child = await clinic.createClient({ givenName: 'Sam', familyName: 'Child', dateOfBirth: '2018-03-02', sex: 'MALE' });
  ids.series = await clinic.startSeries(ids.child);
  ids.sibling = await clinic.createClient({ givenName: 'Kim', familyName: 'Child', dateOfBirth: '2016-05-01' });
  ids.siblingSeries = await clinic.startSeries(ids.sibling);
  api.actAs(other);
  const olga = await clinicApi(api).createClient({ givenName: 'Olga', familyName: 'Other' });
  ids.otherClinicSeries = await clinicApi(api).startSeries(olga);
  api.actAs(therapist);
  Object.assign(as, {
    parent: await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId: ids.child, proxyRelation: 'PARENT' }),
    sibling: await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId: ids.sibling }),
    admin: await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId }),
    otherAdmin: await createTestAccount(db, { role: 'ADMIN', clinicId: other.clinicId }),
    researcher: await createTestAccount(db, { role: 'RESEARCHER' }),
  });
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('the parent of a child (PROXY)', () => {
  test('signs in to the child’s portal: the viewer says whose proxy they are', async () => {
    const response = await api.request('{ viewer { role proxyRelation client { id displayName } } }', {}, { as: as.parent });
    expect(response.data?.viewer).toEqual({ role: 'CLIENT', proxyRelation: 'PARENT', client: { id: ids.child, displayName: 'Sam Child' } });
  });

  test('enters pain and a questionnaire for the child: recorded as reported by a parent', async () => {
    const pain = await api.request(recordObservation, diaryPain(ids.child), { as: as.parent });
    expect(pain.data?.recordObservation).toMatchObject({
      reporter: 'PROXY',
      proxyRelation: 'PARENT',
      reportedBy: 'reported by a parent (proxy)',
    });
    const answered = await api.request(submitPeg, peg(ids.child), { as: as.parent });
    expect(answered.data?.submitQuestionnaireResponse).toMatchObject({ reporter: 'PROXY', proxyRelation: 'PARENT' });
  });

  test('sees the child’s record, and no other client’s, not even a sibling’s', async () => {
    const own = await api.request(childRecord, { id: ids.series }, { as: as.parent });
    expect(own.errors).toBeUndefined();
    expect(own.data?.series.observations).toContainEqual({
      value: 6,
      reporter: 'PROXY',
      proxyRelation: 'PARENT',
      reportedBy: 'reported by a parent (proxy)',
    });
    for (const id of [ids.siblingSeries, ids.otherClinicSeries]) {
      const other = await api.request(childRecord, { id }, { as: as.parent });
      expect(refusal(other).code, id).toBe('NOT_FOUND');
      expect(other.data?.series ?? null).toBeNull();
    }
  });

  test('cannot enter values for another client, nor as anyone but themself; nothing is written', async () => {
    const before = await rowsOf();
    const forSibling = await api.request(recordObservation, diaryPain(ids.sibling), { as: as.parent });
    expect(refusal(forSibling).code).toBe('NOT_FOUND');
    for (const claim of [{ reporter: 'CLIENT' }, { reporter: 'THERAPIST' }, { reporter: 'PROXY', proxyRelation: 'GUARDIAN' }]) {
      const pain = await api.request(recordObservation, diaryPain(ids.child, claim), { as: as.parent });
      expect(refusal(pain), JSON.stringify(claim)).toEqual({ code: 'BAD_USER_INPUT', field: 'reporter', rule: 'set-by-account' });
      const answered = await api.request(submitPeg, peg(ids.child, claim), { as: as.parent });
      expect(refusal(answered), JSON.stringify(claim)).toEqual({ code: 'BAD_USER_INPUT', field: 'reporter', rule: 'set-by-account' });
    }
    expect(await rowsOf()).toBe(before);
  });
});

describe('every other role and the child’s values', () => {
  test('a client (CLIENT) with their own account reports as themself; claiming to be the therapist or a proxy is refused and writes nothing', async () => {
    const own = await api.request(recordObservation, diaryPain(ids.sibling, { value: 3 }), { as: as.sibling });
    expect(own.data?.recordObservation).toMatchObject({ reporter: 'CLIENT', proxyRelation: null, reportedBy: 'self-report' });
    const before = await rowsOf(ids.sibling);
    for (const claim of [{ reporter: 'THERAPIST' }, { reporter: 'PROXY', proxyRelation: 'PARENT' }, { proxyRelation: 'PARENT' }]) {
      const refused = await api.request(recordObservation, diaryPain(ids.sibling, claim), { as: as.sibling });
      expect(refusal(refused), JSON.stringify(claim)).toEqual({ code: 'BAD_USER_INPUT', field: 'reporter', rule: 'set-by-account' });
    }
    expect(await rowsOf(ids.sibling)).toBe(before);
    // Another client's account does not reach the child at all.
    expect(refusal(await api.request(childRecord, { id: ids.series }, { as: as.sibling })).code).toBe('NOT_FOUND');
  });

  test('the therapist (THERAPIST) records a proxy with the relation; a proxy without one, or a relation without a proxy, is refused', async () => {
    const parent = await api.graphql(recordObservation, diaryPain(ids.child, { value: 7, reporter: 'PROXY', proxyRelation: 'PARENT' }));
    expect(parent.data?.recordObservation).toMatchObject({ reporter: 'PROXY', proxyRelation: 'PARENT' });
    const observed = await api.graphql(recordObservation, diaryPain(ids.child, { value: 5, reporter: 'THERAPIST' }));
    expect(observed.data?.recordObservation).toMatchObject({ reporter: 'THERAPIST', reportedBy: 'observed by the therapist' });
    const before = await rowsOf();
    expect(refusal(await api.graphql(recordObservation, diaryPain(ids.child, { reporter: 'PROXY' })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'proxyRelation',
      rule: 'required',
    });
    expect(refusal(await api.graphql(recordObservation, diaryPain(ids.child, { reporter: 'CLIENT', proxyRelation: 'PARENT' })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'proxyRelation',
      rule: 'not-applicable',
    });
    expect(refusal(await api.graphql(submitPeg, peg(ids.child, { reporter: 'PROXY' })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'proxyRelation',
      rule: 'required',
    });
    expect(await rowsOf()).toBe(before);
    const record = await api.graphql(childRecord, { id: ids.series });
    expect(record.data?.series.observations.map((o: any) => o.reportedBy).sort()).toEqual([
      'observed by the therapist',
      'reported by a parent (proxy)',
      'reported by a parent (proxy)',
      // The PEG's score, answered by the parent.
      'reported by a parent (proxy)',
    ]);
  });

  test('the admin (ADMIN) of the clinic reads who reported each value; another clinic’s admin does not find the child', async () => {
    const record = await api.request(childRecord, { id: ids.series }, { as: as.admin });
    expect(record.errors).toBeUndefined();
    // The parent's pain from the portal, the therapist's entry of the parent's pain, and the parent's PEG score.
    expect(record.data?.series.observations.filter((o: any) => o.reporter === 'PROXY')).toHaveLength(3);
    expect(refusal(await api.request(childRecord, { id: ids.series }, { as: as.otherAdmin })).code).toBe('NOT_FOUND');
  });

  test('a researcher (RESEARCHER) never reads the child’s record', async () => {
    const record = await api.request(childRecord, { id: ids.series }, { as: as.researcher });
    expect(refusal(record).code).toBe('FORBIDDEN');
    expect(record.data?.series ?? null).toBeNull();
  });
});
