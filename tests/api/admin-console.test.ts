import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

/**
 * The admin console's API (issue 15) and client API tokens as a clinic setting (issue 14): what the accounts
 * page, the clinic settings and the audit trail viewer read and change, with values; who may is in
 * access-matrix.test.ts, and the other clinic's admin is checked here for every new id-taking field.
 */

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let other: TherapistAccount;
let admin: TestAccount;
let otherAdmin: TestAccount;
let client: TestAccount;
let clientId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'A', timeZone: 'America/Toronto' });
  other = await createClinicWithTherapist(db, { clinicName: 'B' });
  api = await startApi(db, therapist);
  clientId = await clinicApi(api).createClient();
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
  otherAdmin = await createTestAccount(db, { role: 'ADMIN', clinicId: other.clinicId });
  client = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId });
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const as = (who: { token: string } | null) => ({ as: who });

async function ok<T = any>(query: string, variables: Record<string, unknown> | undefined, who: { token: string } | null): Promise<T> {
  const answer = await api.request(query, variables, as(who));
  expect(answer.errors).toBeUndefined();
  return answer.data as T;
}

async function errorCode(query: string, variables: Record<string, unknown> | undefined, who: { token: string } | null) {
  const answer = await api.request(query, variables, as(who));
  return answer.errors?.[0]?.extensions;
}

const accountsQuery = '{ accounts { id email role status activeSessions apiTokens { id name } client { id } therapist { id } } }';

describe('the accounts page', () => {
  test('each account has its status, live sessions and live API tokens', async () => {
    const made = await ok<any>(
      'mutation { createApiToken(name: "nightly export", expiresInDays: 30) { apiToken { id } } }',
      undefined,
      therapist,
    );
    const accounts = (await ok<any>(accountsQuery, undefined, admin)).accounts;
    const mine = accounts.find((a: any) => a.id === therapist.accountId);
    expect(mine).toMatchObject({ role: 'THERAPIST', status: 'ACTIVE', therapist: { id: therapist.therapistId } });
    // The session createClinicWithTherapist made, and the one token just made.
    expect(mine.activeSessions).toBe(1);
    expect(mine.apiTokens).toEqual([{ id: made.createApiToken.apiToken.id, name: 'nightly export' }]);
    expect(accounts.find((a: any) => a.id === client.accountId)).toMatchObject({ role: 'CLIENT', client: { id: clientId } });
    // Only the admin's clinic.
    expect(accounts.map((a: any) => a.id)).not.toContain(other.accountId);
  });

  test('pending invites are listed until accepted', async () => {
    const email = `${randomUUID()}@invite.example.com`;
    const invited = await ok<any>(
      'mutation($email: String!) { inviteTherapist(email: $email, givenName: "Ada", familyName: "Nguyen") { id token } }',
      { email },
      admin,
    );
    const pending = (await ok<any>('{ pendingInvites { id email role therapistName expiresAt } }', undefined, admin)).pendingInvites;
    expect(pending).toContainEqual(
      expect.objectContaining({ id: invited.inviteTherapist.id, email, role: 'THERAPIST', therapistName: 'Ada Nguyen' }),
    );
    expect((await ok<any>('{ pendingInvites { id } }', undefined, otherAdmin)).pendingInvites).toEqual([]);
    await ok(
      'mutation($token: String!) { acceptInvite(token: $token, password: "a long and unusual passphrase") { role } }',
      { token: invited.inviteTherapist.token },
      null,
    );
    const after = (await ok<any>('{ pendingInvites { id } }', undefined, admin)).pendingInvites;
    expect(after.map((i: any) => i.id)).not.toContain(invited.inviteTherapist.id);
  });

  test('a disabled account is enabled again: it signs in anew, its old sessions stay ended', async () => {
    const person = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    const disabled = await ok<any>(
      'mutation($id: ID!) { disableAccount(accountId: $id) { status disabledAt activeSessions } }',
      { id: person.accountId },
      admin,
    );
    expect(disabled.disableAccount).toMatchObject({ status: 'DISABLED', activeSessions: 0 });
    expect((await errorCode('{ viewer { role } }', undefined, person))?.code).toBe('UNAUTHENTICATED');
    const enabled = await ok<any>(
      'mutation($id: ID!) { enableAccount(accountId: $id) { status disabledAt } }',
      { id: person.accountId },
      admin,
    );
    expect(enabled.enableAccount).toEqual({ status: 'ACTIVE', disabledAt: null });
    expect((await errorCode('{ viewer { role } }', undefined, person))?.code).toBe('UNAUTHENTICATED');
    const signedIn = await ok<any>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: person.email, p: person.password },
      null,
    );
    expect((await ok<any>('{ viewer { role } }', undefined, { token: signedIn.signIn.token })).viewer.role).toBe('ADMIN');
    // Another clinic's admin cannot enable (or tell it exists).
    expect(
      (await errorCode('mutation($id: ID!) { enableAccount(accountId: $id) { id } }', { id: person.accountId }, otherAdmin))?.code,
    ).toBe('NOT_FOUND');
  });

  test("the admin revokes an account's API token: it stops working at once, and the revocation is audited", async () => {
    const made = await ok<any>('mutation { createApiToken(name: "laptop script") { token apiToken { id } } }', undefined, therapist);
    const token = { token: made.createApiToken.token };
    const id = made.createApiToken.apiToken.id;
    expect((await ok<any>('{ viewer { role } }', undefined, token)).viewer.role).toBe('THERAPIST');
    // Another clinic's admin: not found, and the token still works.
    expect((await errorCode('mutation($id: ID!) { revokeAccountApiToken(id: $id) { id } }', { id }, otherAdmin))?.code).toBe('NOT_FOUND');
    expect((await ok<any>('{ viewer { role } }', undefined, token)).viewer.role).toBe('THERAPIST');
    const revoked = await ok<any>('mutation($id: ID!) { revokeAccountApiToken(id: $id) { id revokedAt } }', { id }, admin);
    expect(revoked.revokeAccountApiToken.revokedAt).toEqual(expect.any(String));
    expect((await errorCode('{ viewer { role } }', undefined, token))?.code).toBe('UNAUTHENTICATED');
    const [row] = await db.orm.em
      .fork()
      .execute(
        `select account_id, clinic_id, outcome from audit_event where operation = 'Mutation.revokeAccountApiToken' order by at desc limit 1`,
      );
    expect(row).toEqual({ account_id: admin.accountId, clinic_id: therapist.clinicId, outcome: 'ALLOWED' });
    // A session is not an API token: not found.
    const [session] = await db.orm.em
      .fork()
      .execute<{ id: string }[]>(`select id from access_token where kind = 'SESSION' and account_id = ? limit 1`, [therapist.accountId]);
    expect((await errorCode('mutation($id: ID!) { revokeAccountApiToken(id: $id) { id } }', { id: session?.id }, admin))?.code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('client API tokens, a clinic setting', () => {
  const create = 'mutation($days: Int!) { createApiToken(name: "my diary sync", expiresInDays: $days) { token apiToken { expiresAt } } }';
  const setting = 'mutation($on: Boolean!) { updateClinicSettings(input: { clientApiTokensAllowed: $on }) { clientApiTokensAllowed } }';

  test('off by default: a client may not make a token, and the policy says why', async () => {
    expect((await ok<any>('{ viewer { clinic { clientApiTokensAllowed } } }', undefined, admin)).viewer.clinic.clientApiTokensAllowed).toBe(
      false,
    );
    expect(await errorCode(create, { days: 7 }, client)).toMatchObject({ code: 'FORBIDDEN' });
    const policy = (await ok<any>('{ apiTokenPolicy { allowed reason maxDays defaultDays idleDays } }', undefined, client)).apiTokenPolicy;
    expect(policy).toEqual({
      allowed: false,
      reason: 'Your clinic does not allow client accounts to make API tokens',
      maxDays: 30,
      defaultDays: 30,
      idleDays: 30,
    });
  });

  test('on: a client makes tokens within the role’s 30 days; the change is audited; off again stops new ones', async () => {
    const changed = await ok<any>(setting, { on: true }, admin);
    expect(changed.updateClinicSettings.clientApiTokensAllowed).toBe(true);
    const [row] = await db.orm.em
      .fork()
      .execute(`select account_id, outcome from audit_event where operation = 'Mutation.updateClinicSettings' order by at desc limit 1`);
    expect(row).toEqual({ account_id: admin.accountId, outcome: 'ALLOWED' });
    expect((await ok<any>('{ apiTokenPolicy { allowed reason } }', undefined, client)).apiTokenPolicy).toEqual({
      allowed: true,
      reason: null,
    });
    expect(await errorCode(create, { days: 31 }, client)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays' });
    const made = await ok<any>(create, { days: 30 }, client);
    const days = (Date.parse(made.createApiToken.apiToken.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    // The token reads the client's own record, as the portal does.
    expect((await ok<any>('{ viewer { client { id } } }', undefined, { token: made.createApiToken.token })).viewer.client.id).toBe(
      clientId,
    );
    // Another clinic's setting is its own.
    expect(
      (await ok<any>('{ viewer { clinic { clientApiTokensAllowed } } }', undefined, otherAdmin)).viewer.clinic.clientApiTokensAllowed,
    ).toBe(false);
    await ok(setting, { on: false }, admin);
    expect(await errorCode(create, { days: 7 }, client)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the audit trail viewer', () => {
  const trail = `query($clientId: ID, $accountId: ID, $operation: String, $refused: Boolean, $fromDate: LocalDate, $toDate: LocalDate, $after: String, $first: Int!) {
    auditTrail(clientId: $clientId, accountId: $accountId, operation: $operation, refused: $refused, fromDate: $fromDate, toDate: $toDate, after: $after, first: $first) {
      id at accountId accountEmail role operation clientId outcome address requestedIds moreRequestedIds cursor
    }
  }`;
  const events = async (variables: Record<string, unknown>, who: TestAccount = admin) =>
    (await ok<any>(trail, { first: 200, ...variables }, who)).auditTrail as any[];

  test('filters by account and action: the therapist’s reads of a client, with who, when and from where', async () => {
    await ok('query($id: ID!) { client(id: $id) { displayName } }', { id: clientId }, therapist);
    const reads = await events({ accountId: therapist.accountId, operation: 'Query.client' });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.accountId === therapist.accountId && e.operation === 'Query.client')).toBe(true);
    expect(reads[0]).toMatchObject({
      accountEmail: therapist.email,
      role: 'THERAPIST',
      clientId,
      outcome: 'ALLOWED',
      address: expect.stringMatching(/127\.0\.0\.1/),
      requestedIds: [],
    });
    const byClient = await events({ clientId, accountId: therapist.accountId });
    expect(byClient.every((e) => e.clientId === clientId)).toBe(true);
  });

  test('refusals only, with the ids that were asked for, including other clinics’ attempts on the clinic’s records', async () => {
    const probe = randomUUID();
    await api.request('query($id: ID!) { client(id: $id) { id } }', { id: probe }, as(therapist));
    await api.request('query($id: ID!) { client(id: $id) { id } }', { id: clientId }, as(other));
    const refused = await events({ refused: true });
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((e) => e.outcome !== 'ALLOWED')).toBe(true);
    expect(refused).toContainEqual(
      expect.objectContaining({ accountId: therapist.accountId, outcome: 'NOT_FOUND', requestedIds: [probe] }),
    );
    // Clinic B's therapist probing clinic A's client: filed under A with the client, visible to A's admin.
    expect(refused).toContainEqual(
      expect.objectContaining({ accountId: other.accountId, clientId, outcome: 'NOT_FOUND', requestedIds: [clientId] }),
    );
    const allowed = await events({ refused: false });
    expect(allowed.every((e) => e.outcome === 'ALLOWED')).toBe(true);
  });

  test("a date range counts the clinic's calendar days", async () => {
    // 03:30 UTC on 2 March is still 1 March in Toronto (UTC-5).
    await db.orm.em.fork().execute(
      `insert into audit_event (id, at, account_id, role, operation, clinic_id, client_ids, outcome, address, request_id)
       values (gen_random_uuid(), '2026-03-02T03:30:00Z', ?, 'THERAPIST', 'Query.series', ?, array[?::uuid], 'ALLOWED', '127.0.0.1', gen_random_uuid())`,
      [therapist.accountId, therapist.clinicId, clientId],
    );
    expect((await events({ fromDate: '2026-03-01', toDate: '2026-03-01' })).map((e) => e.at)).toEqual(['2026-03-02T03:30:00.000Z']);
    expect(await events({ fromDate: '2026-03-02', toDate: '2026-03-02' })).toEqual([]);
    expect(await errorCode(trail, { first: 5, fromDate: '2026-03-02', toDate: '2026-03-01' }, admin)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'toDate',
    });
  });

  test('pages by cursor: every event once, in order, whatever the page size', async () => {
    const all = await events({});
    expect(all.length).toBeGreaterThan(6);
    const paged: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any[] = await events({ first: 3, after }, admin);
      if (page.length === 0) break;
      paged.push(...page);
      after = page[page.length - 1].cursor;
    }
    // The paging requests are reads of no client, so they add no rows to compare against.
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(await errorCode(trail, { first: 5, after: 'not-a-cursor' }, admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test("another clinic's client answers NOT_FOUND; another clinic's account finds nothing of this clinic", async () => {
    expect(await errorCode(trail, { first: 5, clientId }, otherAdmin)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await events({ accountId: therapist.accountId }, otherAdmin)).toEqual([]);
  });
});

describe('the audit trail as CSV (POST /audit/export.csv)', () => {
  const download = (body: unknown, options: { token?: string; contentType?: string } = {}) =>
    fetch(`${api.url}/audit/export.csv`, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** RFC 4180 lines of this file: no field holds a line break. */
  const rowsOf = (csv: string) =>
    csv
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));

  test('the filtered rows, the same as the query gives, and the download is audited', async () => {
    await ok('query($id: ID!) { client(id: $id) { displayName } }', { id: clientId }, therapist);
    const filter = { accountId: therapist.accountId, operation: 'Query.client', refused: false };
    const listed = (
      await ok<any>(
        'query($a: ID, $o: String, $r: Boolean) { auditTrail(accountId: $a, operation: $o, refused: $r, first: 200) { id at clientId } }',
        { a: filter.accountId, o: filter.operation, r: filter.refused },
        admin,
      )
    ).auditTrail;
    const response = await download(filter, { token: admin.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('fascia-audit-trail.csv');
    const [header, ...rows] = rowsOf(await response.text());
    expect(header).toEqual([
      'time_utc',
      'time_clinic',
      'account_email',
      'account_id',
      'role',
      'action',
      'client_id',
      'outcome',
      'address',
      'requested_ids',
    ]);
    expect(rows.map((r) => [r[0], r[6]])).toEqual(listed.map((e: any) => [e.at, e.clientId]));
    expect(rows[0]?.slice(2, 8)).toEqual([therapist.email, therapist.accountId, 'THERAPIST', 'Query.client', clientId, 'ALLOWED']);
    const [row] = await db.orm.em
      .fork()
      .execute(`select account_id, outcome, detail from audit_event where operation = 'Export.auditCsv' order by at desc limit 1`);
    expect(row).toMatchObject({ account_id: admin.accountId, outcome: 'ALLOWED', detail: { filter } });
  });

  test('refusals: signed out 401, not an admin 403 (audited), cross-site form 400, foreign client 404, bad date 400', async () => {
    expect((await download({})).status).toBe(401);
    const refused = await download({}, { token: therapist.token });
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    const [denied] = await db.orm.em
      .fork()
      .execute(`select account_id, outcome from audit_event where operation = 'Export.auditCsv' order by at desc limit 1`);
    expect(denied).toEqual({ account_id: therapist.accountId, outcome: 'DENIED' });
    const form = await download('refused=true', { token: admin.token, contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect((await form.json()).errors[0].message).toContain('Cross-Site Request Forgery');
    const foreign = await download({ clientId }, { token: otherAdmin.token });
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    const badDate = await download({ fromDate: '2026-02-30' }, { token: admin.token });
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromDate' });
    const unknown = await download({ everything: true }, { token: admin.token });
    expect((await unknown.json()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'everything' });
  });
});
