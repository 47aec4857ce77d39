import { type AuditResult, auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist } from '../support/factories.js';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const json = { 'content-type': 'application/json' };
const typename = JSON.stringify({ query: '{ __typename }' });
const preflight = { 'apollo-require-preflight': 'true' };

function multipart(): FormData {
  const form = new FormData();
  form.set('operations', typename);
  return form;
}

describe('malformed HTTP requests get a clear 4xx in JSON, never a 5xx', () => {
  const cases: { name: string; request: RequestInit; search?: string; status: number; code: string; message: RegExp }[] = [
    {
      name: 'a multipart body',
      request: { method: 'POST', body: multipart() },
      status: 400,
      code: 'BAD_REQUEST',
      message: /Cross-Site Request Forgery/,
    },
    {
      name: 'a form-encoded body',
      request: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' },
      status: 400,
      code: 'BAD_REQUEST',
      message: /Cross-Site Request Forgery/,
    },
    {
      name: 'a body in application/graphql',
      request: { method: 'POST', headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' },
      status: 400,
      code: 'BAD_REQUEST',
      message: /invalid Content-Type/,
    },
    {
      name: 'JSON in a charset other than UTF-8',
      request: { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: typename },
      status: 415,
      code: 'BAD_REQUEST',
      message: /unsupported charset/,
    },
    {
      name: 'a JSON body that is not an object',
      request: { method: 'POST', headers: json, body: 'null' },
      status: 400,
      code: 'BAD_REQUEST',
      message: /not a valid JSON object/,
    },
    {
      name: 'a body that says it is gzip and is not',
      request: { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: typename },
      status: 400,
      code: 'BAD_REQUEST',
      message: /incorrect header check/,
    },
    {
      name: 'no query',
      request: { method: 'POST', headers: json, body: '{}' },
      status: 400,
      code: 'BAD_REQUEST',
      message: /JSON object has no keys/,
    },
    {
      name: 'a query that is not a string',
      request: { method: 'POST', headers: json, body: '{"query": 1}' },
      status: 400,
      code: 'BAD_REQUEST',
      message: /must be strings/,
    },
    {
      name: 'variables that are not an object',
      request: { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }', variables: '{}' }) },
      status: 400,
      code: 'BAD_REQUEST',
      message: /should be provided as an object/,
    },
    {
      name: 'a mutation in a GET',
      request: { method: 'GET', headers: preflight },
      search: `?query=${encodeURIComponent('mutation { signOut }')}`,
      status: 405,
      code: 'BAD_REQUEST',
      message: /GET requests only support query operations/,
    },
    {
      name: 'a GET without a query',
      request: { method: 'GET', headers: preflight },
      status: 400,
      code: 'BAD_REQUEST',
      message: /non-empty `query`/,
    },
    {
      name: 'a PUT',
      request: { method: 'PUT', headers: json, body: typename },
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: /PUT is not supported/,
    },
    { name: 'a DELETE', request: { method: 'DELETE' }, status: 405, code: 'METHOD_NOT_ALLOWED', message: /DELETE is not supported/ },
    {
      name: 'an Accept header that excludes JSON',
      request: { method: 'POST', headers: { ...json, accept: 'application/xml' }, body: typename },
      status: 406,
      code: 'BAD_REQUEST',
      message: /does not accept application\/json/,
    },
  ];

  test.each(cases)('$name: $status $code', async ({ request, search, status, code, message }) => {
    const response = await fetch(`${api.url}/graphql${search ?? ''}`, request);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({ errors: [{ message: expect.stringMatching(message), extensions: { code } }] });
    if (status === 405 && code === 'METHOD_NOT_ALLOWED') expect(response.headers.get('allow')).toBe('GET, POST');
  });
});

describe('the GraphQL-over-HTTP audit suite of graphql-http', () => {
  /**
   * What the audit reports below error level, each a deliberate choice: Apollo answers a document that
   * does not parse, does not validate or whose variables do not coerce with 400 even for
   * application/json (the spec's SHOULD is 200; a 400 lets proxies and logs see a client error), and CSRF
   * prevention refuses a GET without a preflight header, so the audit's plain GETs are refused.
   */
  const expected = {
    warn: ['572B', 'FDE2', '7B9B'],
    notice: ['5A70', 'D6D5', '6A70'],
  };

  const belowOk = (results: AuditResult[], status: 'warn' | 'notice') =>
    results.filter((result) => result.status === status).map((result) => `${result.id} ${result.name}`);

  test('as a browser would call it (no credentials, no preflight header): no error, the known warnings only', async () => {
    const results = await auditServer({ url: `${api.url}/graphql` });
    expect(results.length).toBeGreaterThan(40);
    expect(results.filter((result) => result.status === 'error').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual(
      [],
    );
    expect(belowOk(results, 'warn').map((line) => line.slice(0, 4))).toEqual(expected.warn);
    expect(belowOk(results, 'notice').map((line) => line.slice(0, 4))).toEqual(expected.notice);
  });

  test('with a signed-in account and the preflight header on every request: no error, and GETs are served', async () => {
    const { token } = await createClinicWithTherapist(db);
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);
      headers.set('apollo-require-preflight', 'true');
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: `${api.url}/graphql`, fetchFn });
    expect(results.filter((result) => result.status === 'error')).toEqual([]);
    expect(belowOk(results, 'warn').map((line) => line.slice(0, 4))).toEqual(expected.warn);
    expect(belowOk(results, 'notice')).toEqual([]);
  });
});
