import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

/**
 * Hostile input found answering 500 or 503 (issue 14), each as a regression test: every one must answer a 4xx
 * with a code of Fascia's own and, where the input has one, the field.
 */

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let researcher: TestAccount;
let clientId: string;

const cursor = (key: unknown) => Buffer.from(typeof key === 'string' ? key : JSON.stringify(key)).toString('base64url');

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db);
  researcher = await createTestAccount(db, { role: 'RESEARCHER' });
  api = await startApi(db, therapist);
  const clinic = clinicApi(api);
  clientId = await clinic.createClient();
  await clinic.startSeries(clientId);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('cursors that decode to junk answer BAD_USER_INPUT on `after`', () => {
  const clientCursors: [string, unknown][] = [
    ['a key of the right arity whose id is no id', ['a', 'b', 'x']],
    ['a NUL in the key', ['a\u0000', 'b', '00000000-0000-4000-8000-000000000000']],
    ['a lone surrogate in the key', ['\udfff', 'b', '00000000-0000-4000-8000-000000000000']],
    ['the wrong arity', ['a']],
    ['numbers', [1, 2, 3]],
    ['not JSON', '{"'],
    ['an object', { a: 1 }],
  ];
  test.each(clientCursors)('clients(after:) %s', async (_name, key) => {
    const response = await api.request('query($after: String) { clients(after: $after) { totalCount } }', { after: cursor(key) }, {});
    expect(response.status).toBe(200);
    expect(response.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' }]);
  });

  const caseloadCursors: [string, unknown][] = [
    ['NaN', ['abc']],
    ['a negative offset', ['-1']],
    ['a huge offset', ['99999999999999999999']],
    ['a fraction', ['1.5']],
    ['an exponent', ['1e3']],
    ['a NUL', ['\u0000']],
    ['the wrong arity', ['1', '2']],
  ];
  test.each(caseloadCursors)('caseload(after:) %s', async (_name, key) => {
    const response = await api.request('query($after: String) { caseload(after: $after) { totalCount } }', { after: cursor(key) }, {});
    expect(response.status).toBe(200);
    expect(response.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' }]);
  });

  test('a real caseload cursor still pages', async () => {
    const response = await api.graphql('query($after: String) { caseload(first: 1, after: $after) { totalCount } }', {
      after: cursor(['0']),
    });
    expect(response.errors).toBeUndefined();
  });
});

describe('REST endpoints', () => {
  test('GET /fhir/export?client=%00 answers 400 naming the parameter', async () => {
    for (const query of ['client=%00', 'series=a%00b', 'client=%00%00%00']) {
      const response = await fetch(`${api.url}/fhir/export?${query}`, { headers: { authorization: `Bearer ${therapist.token}` } });
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.resourceType).toBe('OperationOutcome');
      expect(body.issue[0].expression, query).toEqual([query.split('=')[0]]);
    }
  });

  // The export's date filters were 500s from PostgreSQL (2026-02-30); they are months now (main), checked as strictly.
  test.each([
    ['startMonthFrom', '2026-13', 'month'],
    ['startMonthTo', '2026-00', 'month'],
    ['startMonthFrom', '2026-02-30', 'month'],
  ])('POST /research/export.csv with %s %s answers 400 with the field', async (key, value, rule) => {
    const response = await fetch(`${api.url}/research/export.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${researcher.token}` },
      body: JSON.stringify({ filter: { [key]: value } }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `filter.${key}`, rule });
  });
});

describe('variables of the wrong type', () => {
  test('are BAD_USER_INPUT with the field, as the services name it, and rule "type"', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
        { input: { givenName: 12345, familyName: 'T', dateOfBirth: '1980-01-01', sex: 'MALE' } },
        'givenName',
      ],
      ['mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', { input: 'nope' }, 'input'],
      [
        'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
        { input: { givenName: 'A', familyName: 'T', dateOfBirth: '1980-01-01', sex: 'MALE', extra: 1 } },
        'extra',
      ],
      ['query($first: Int) { clients(first: $first) { totalCount } }', { first: 'ten' }, 'first'],
      ['query($first: Int) { clients(first: $first) { totalCount } }', { first: 2 ** 40 }, 'first'],
      ['query($id: ID!) { client(id: $id) { id } }', { id: { a: 1 } }, 'id'],
      ['query($id: ID!) { client(id: $id) { id } }', {}, 'id'],
      [
        'mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }',
        {
          input: {
            seriesId: '00000000-0000-4000-8000-000000000000',
            startedAt: '2026-01-01T00:00:00Z',
            durationMinutes: 60,
            attendance: 'ATTENDED',
            observations: [{ measureCode: 'NPRS', value: 'x', context: 'PRE_SESSION' }],
          },
        },
        'observations[0].value',
      ],
    ];
    for (const [query, variables, field] of cases) {
      const response = await api.request(query, variables, {});
      expect(response.status, JSON.stringify(variables)).toBe(400);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ field, rule: 'type' });
    }
  });
});

describe('calendar dates', () => {
  test('a day no calendar has (2026-02-30) is BAD_USER_INPUT on its field, not a 500 from PostgreSQL', async () => {
    const response = await api.request(
      'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
      { input: { givenName: 'A', familyName: 'T', dateOfBirth: '1990-02-30', sex: 'MALE' } },
      {},
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dateOfBirth' });
  });
});

describe('empty ids', () => {
  test.each(['seriesId', 'sessionId'])('recordObservation with %s "" answers NOT_FOUND, not a 500 from the insert', async (key) => {
    const input = {
      clientId,
      measureCode: 'NPRS',
      value: 4,
      regionCode: 'NECK',
      context: key === 'sessionId' ? 'PRE_SESSION' : 'BETWEEN_SESSIONS',
      takenAt: '2026-01-14T20:00:00Z',
      [key]: '',
    };
    const response = await api.request(
      'mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }',
      { input },
      {},
    );
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
