import { randomBytes, scryptSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { databaseTimeouts } from '@fascia/server/db/orm-config.js';
import { secretHash } from '@fascia/server/modules/accounts/secrets.js';
import { createClient } from '@fascia/server/modules/clients/client.service.js';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type GraphQLResponse, retryWhileUnavailable, startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';

let db: TestDatabase;
let api: TestApi;
/** Clinic A: a therapist, an admin (who does not treat) and a client record; clinic B: a therapist and a client. */
let therapist: TherapistAccount;
let admin: TestAccount;
let otherTherapist: TherapistAccount;
let clientId: string;
let otherClientId: string;

beforeAll(async () => {
  // The server's wait for a free connection (1.5 s) scaled with the machine, like the latency bounds below: on a
  // busy machine the burst test's reads would otherwise be turned away for the machine's load, not the burst's.
  db = await createTestDatabase(undefined, { timeouts: { acquireMs: scaledMs(databaseTimeouts.acquireMs) } });
  therapist = await createClinicWithTherapist(db, { clinicName: 'A' });
  otherTherapist = await createClinicWithTherapist(db, { clinicName: 'B' });
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
  api = await startApi(db, null);
  const client = { givenName: 'Cleo', familyName: 'Client', dateOfBirth: '1985-04-02', sex: 'FEMALE' } as const;
  clientId = (await createClient(db.orm.em.fork(), therapist, client)).id;
  otherClientId = (await createClient(db.orm.em.fork(), otherTherapist, client)).id;
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return db.orm.em.fork().execute<T[]>(text, params);
}

// Every test starts with no failed sign-ins on record, so the rate limits only see its own.
beforeEach(async () => {
  await sql('delete from sign_in_attempt');
});

const signInMutation = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token expiresAt idleTimeoutMinutes role }
}`;

function signIn(email: string, password: string, from?: string) {
  return api.request(signInMutation, { email, password }, { as: null, ...(from ? { from } : {}) });
}

/** Signs in and returns the session token. */
async function sessionOf(account: { email: string; password: string }): Promise<string> {
  const response = await signIn(account.email, account.password);
  expect(response.errors).toBeUndefined();
  return response.data?.signIn.token;
}

/** The role a token acts as, or the error code it gets. */
async function roleOf(token: string | null, headers: Record<string, string> = {}): Promise<string | undefined> {
  const response = await api.request('{ viewer { role } }', undefined, { as: token === null ? null : { token }, headers });
  return response.data?.viewer.role ?? response.errors?.[0]?.extensions?.code;
}

/** The data of a response that must have succeeded. */
function dataOf(response: GraphQLResponse): Record<string, any> {
  if (!response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const code = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

/** Each sign-in hashes a password (about 250 ms here, seconds on a busy machine): tests with many of them get longer. */
const slow = { timeout: scaledMs(60_000) };
const slower = { timeout: scaledMs(120_000) };

function sessionCookie(headers: IncomingHttpHeaders): string {
  const cookie = headers['set-cookie']?.find((c) => c.startsWith('fascia_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(headers['set-cookie'])}`);
  return cookie;
}

describe('signing in and out', () => {
  test('sign-in gives scripts a token and browsers an HttpOnly, SameSite=Lax cookie (Secure only in production)', async () => {
    // Email in any case and with spaces around it.
    const response = await signIn(`  ${therapist.email.toUpperCase()} `, therapist.password);
    expect(response.errors).toBeUndefined();
    const { token, expiresAt, idleTimeoutMinutes, role } = dataOf(response).signIn;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(role).toBe('THERAPIST');
    expect(idleTimeoutMinutes).toBe(30);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(12 * 3600_000 - 60_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(12 * 3600_000);

    const cookie = sessionCookie(response.headers);
    expect(cookie.startsWith(`fascia_session=${token};`)).toBe(true);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(new Date(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '').getTime()).toBe(Math.floor(Date.parse(expiresAt) / 1000) * 1000);
    expect(cookie).not.toMatch(/Secure/);

    expect(await roleOf(token)).toBe('THERAPIST');
    expect(await roleOf(null, { cookie: `theme=dark; fascia_session=${token}` })).toBe('THERAPIST');

    const production = await startApi(db, null, { production: true });
    try {
      const secure = await production.request(signInMutation, { email: therapist.email, password: therapist.password }, {});
      expect(sessionCookie(secure.headers)).toMatch(/; Secure/);
    } finally {
      await production.stop();
    }
  });

  test('without a valid token every operation but the public ones answers UNAUTHENTICATED', async () => {
    expect(await roleOf(null)).toBe('UNAUTHENTICATED');
    expect(await roleOf(randomBytes(32).toString('base64url'))).toBe('UNAUTHENTICATED');
    expect(await roleOf(null, { authorization: 'Basic dXNlcjpwYXNz' })).toBe('UNAUTHENTICATED');
    expect(await roleOf(null, { cookie: 'fascia_session=' })).toBe('UNAUTHENTICATED');
    const list = await api.request('{ clients { totalCount } }', undefined, { as: null });
    expect(code(list)).toBe('UNAUTHENTICATED');
  });

  test('signOut ends this session only and clears the cookie', async () => {
    const [first, second] = [await sessionOf(therapist), await sessionOf(therapist)];
    const out = await api.request('mutation { signOut }', undefined, { as: { token: first } });
    expect(out.data?.signOut).toBe(true);
    expect(sessionCookie(out.headers)).toMatch(/^fascia_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await roleOf(first)).toBe('UNAUTHENTICATED');
    expect(await roleOf(second)).toBe('THERAPIST');
    // Signing out through the cookie works the same.
    const byCookie = await api.request('mutation { signOut }', undefined, { as: null, headers: { cookie: `fascia_session=${second}` } });
    expect(byCookie.data?.signOut).toBe(true);
    expect(await roleOf(second)).toBe('UNAUTHENTICATED');
  });

  test("signOutEverywhere ends all the account's sessions and API tokens, and nobody else's", async () => {
    const sessions = [await sessionOf(admin), await sessionOf(admin)];
    const created = await api.request('mutation { createApiToken(name: "export") { token } }', undefined, {
      as: { token: sessions[0] as string },
    });
    const apiToken = created.data?.createApiToken.token as string;
    const othersSession = await sessionOf(therapist);

    const everywhere = await api.request('mutation { signOutEverywhere }', undefined, { as: { token: sessions[1] as string } });
    // The two sessions, the API token, and the factory's own session of the admin.
    expect(everywhere.data?.signOutEverywhere).toBe(4);
    expect(sessionCookie(everywhere.headers)).toMatch(/^fascia_session=;/);
    for (const token of [...sessions, apiToken, admin.token]) expect(await roleOf(token)).toBe('UNAUTHENTICATED');
    expect(await roleOf(othersSession)).toBe('THERAPIST');
    admin = { ...admin, token: await sessionOf(admin) };
  });
});

describe('failed sign-ins tell nothing', () => {
  test('a wrong password and an unknown email answer exactly alike', async () => {
    const wrong = await signIn(therapist.email, 'not the right password');
    const unknown = await signIn('nobody@test.example.com', 'not the right password');
    expect(wrong.errors).toEqual([
      { message: 'The email or password is not right', path: ['signIn'], extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(unknown.errors).toEqual(wrong.errors);
    expect(unknown.data).toEqual(wrong.data);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  test('… and take the same time: an unknown email is checked against a dummy hash', slow, async () => {
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    async function timed(email: string): Promise<number> {
      await sql('delete from sign_in_attempt');
      const started = performance.now();
      const response = await signIn(email, 'not the right password');
      const elapsed = performance.now() - started;
      expect(code(response)).toBe('UNAUTHENTICATED');
      return elapsed;
    }
    await timed(therapist.email);
    await timed('warm-up@test.example.com');
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy moment of the machine weighs on both alike; medians ignore the odd outlier.
    for (let i = 0; i < 7; i++) {
      known.push(await timed(therapist.email));
      unknown.push(await timed(`nobody-${i}@test.example.com`));
    }
    // Without the dummy hash an unknown email answers in a few milliseconds against ~250 ms of scrypt (a ratio near
    // 0.05); the bounds leave room for a busy 2-core machine.
    const ratio = median(unknown) / median(known);
    expect(ratio, `medians: unknown ${median(unknown)} ms, known ${median(known)} ms`).toBeGreaterThan(0.5);
    expect(ratio, `medians: unknown ${median(unknown)} ms, known ${median(known)} ms`).toBeLessThan(2);
  });
});

describe('sign-in throttling: slow down per (account, address) and per address, never lock the owner out', () => {
  const retryAt = (response: GraphQLResponse) => Date.parse(/after (.+Z)\)/.exec(response.errors?.[0]?.message ?? '')?.[1] ?? '');
  const latestFailure = async (where: string, params: unknown[]) =>
    new Date(
      (await sql<{ at: Date }>(`select max(attempted_at) as at from sign_in_attempt where ${where}`, params))[0]?.at as Date,
    ).getTime();

  test('5 failures from one address slow that address down for that account; the owner elsewhere signs in at once', async () => {
    const account = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    for (let i = 0; i < 5; i++) expect(code(await signIn(account.email, `wrong password ${i}`, '127.0.0.2'))).toBe('UNAUTHENTICATED');
    const limited = await signIn(account.email, account.password, '127.0.0.2');
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.errors?.[0]?.message).toMatch(/^Too many failed sign-ins\. Try again in 1 minute \(after .+Z\)\.$/);
    expect(retryAt(limited)).toBe((await latestFailure('email = ?', [account.email])) + 30_000);
    // The same email in another case is the same account.
    expect(code(await signIn(account.email.toUpperCase(), account.password, '127.0.0.2'))).toBe('RATE_LIMITED');
    // The owner, from an address with no failures: straight in, not locked out by someone else's guesses.
    expect((await signIn(account.email, account.password, '127.0.0.3')).errors).toBeUndefined();
  });

  test('the wait doubles with each further failure (exponential back-off), up to 15 minutes', slow, async () => {
    const account = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    for (let i = 0; i < 5; i++) await signIn(account.email, 'wrong password', '127.0.0.4');
    const waits: number[] = [];
    for (let round = 0; round < 7; round++) {
      const limited = await signIn(account.email, 'wrong password', '127.0.0.4');
      expect(code(limited)).toBe('RATE_LIMITED');
      const latest = await latestFailure('email = ? and address = ?', [account.email, '127.0.0.4']);
      waits.push(retryAt(limited) - latest);
      // Wait it out (in the database's clock), then fail once more.
      await sql(`update sign_in_attempt set attempted_at = attempted_at - interval '1 millisecond' * ? where email = ?`, [
        retryAt(limited) - latest,
        account.email,
      ]);
      expect(code(await signIn(account.email, 'wrong password', '127.0.0.4'))).toBe('UNAUTHENTICATED');
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  test('a successful sign-in starts the account’s count again', async () => {
    const account = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    for (let i = 0; i < 4; i++) await signIn(account.email, 'wrong password');
    expect((await signIn(account.email, account.password)).errors).toBeUndefined();
    for (let i = 0; i < 4; i++) expect(code(await signIn(account.email, 'wrong password'))).toBe('UNAUTHENTICATED');
  });

  test('20 failures from one address, whichever emails, slow that address down; other addresses are not affected', slow, async () => {
    for (let i = 0; i < 20; i++)
      expect(code(await signIn(`guess-${i}@test.example.com`, 'password guess', '127.0.0.5'))).toBe('UNAUTHENTICATED');
    const limited = await signIn(therapist.email, therapist.password, '127.0.0.5');
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(retryAt(limited)).toBe((await latestFailure('address = ?', ['127.0.0.5'])) + 60_000);
    expect((await signIn(therapist.email, therapist.password, '127.0.0.6')).errors).toBeUndefined();
    const [row] = await sql<{ n: string }>(`select count(*) as n from sign_in_attempt where address = '127.0.0.5'`);
    // Refused attempts are not recorded, so they do not push the retry time away.
    expect(Number(row?.n)).toBe(20);
  });

  test('attempts at the same moment cannot slip past the limit (several server instances count in PostgreSQL)', async () => {
    const account = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    // A real client sends a sign-in turned away for the load (SERVICE_UNAVAILABLE, nothing counted) again.
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => retryWhileUnavailable(() => signIn(account.email, 'wrong password'))),
    );
    const codes = answers.map(code).sort();
    expect(codes).toEqual([...Array(3).fill('RATE_LIMITED'), ...Array(5).fill('UNAUTHENTICATED')]);
  });

  test('a burst of sign-ins is hashed on its own bounded pool: others’ requests keep their latency, overflow is 429', slower, async () => {
    const read = async () => {
      // A real client retries SERVICE_UNAVAILABLE; here it must never be needed.
      const started = performance.now();
      const response = await api.request('{ clients { totalCount } }', undefined, { as: therapist });
      return { ms: performance.now() - started, code: code(response), status: response.status };
    };
    const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))] ?? 0;
    const unloaded: number[] = [];
    for (let i = 0; i < 30; i++) unloaded.push((await read()).ms);

    let bursting = true;
    const burst = Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(`nobody-${i}@test.example.com`, 'some password here', `127.0.1.${1 + (i % 10)}`)),
    ).finally(() => {
      bursting = false;
    });
    const loaded: { ms: number; code: string | undefined; status: number }[] = [];
    while (bursting || loaded.length < 30) loaded.push(await read());
    const signIns = await burst;

    expect(loaded.filter((r) => r.status !== 200 || r.code !== undefined)).toEqual([]);
    const [before, during] = [p99(unloaded), p99(loaded.map((r) => r.ms))];
    expect(during, `p99 ${before.toFixed(0)} ms unloaded, ${during.toFixed(0)} ms during the burst`).toBeLessThan(before * 10 + 500);
    // Each sign-in either failed as usual or was turned away for the load, with 429 and Retry-After.
    for (const answer of signIns) {
      expect(['UNAUTHENTICATED', 'RATE_LIMITED']).toContain(code(answer));
      if (code(answer) === 'RATE_LIMITED') expect([answer.status, answer.headers['retry-after']]).toEqual([429, '2']);
    }
    expect(signIns.some((answer) => code(answer) === 'RATE_LIMITED')).toBe(true);
  });
});

describe('session lifetime', () => {
  const shift = (token: string, column: 'last_used_at' | 'expires_at', interval: string) =>
    sql(`update access_token set ${column} = ${column} - interval '${interval}' where token_hash = ?`, [secretHash(token)]);
  const lastUsed = async (token: string) =>
    new Date(
      (await sql<{ at: string }>('select last_used_at as at from access_token where token_hash = ?', [secretHash(token)]))[0]?.at ?? '',
    );

  test('a session ends after 30 minutes without a request; requests keep it alive', async () => {
    const token = await sessionOf(therapist);
    await shift(token, 'last_used_at', '29 minutes');
    expect(await roleOf(token)).toBe('THERAPIST');
    // That request counted as use: another 29 minutes later it still works …
    await shift(token, 'last_used_at', '29 minutes');
    expect(await roleOf(token)).toBe('THERAPIST');
    // … but not after 31 idle minutes.
    await shift(token, 'last_used_at', '31 minutes');
    expect(await roleOf(token)).toBe('UNAUTHENTICATED');
  });

  test('a session ends at its absolute expiry, 12 hours after sign-in, however busy', async () => {
    const token = await sessionOf(therapist);
    await shift(token, 'expires_at', '12 hours');
    expect(await roleOf(token)).toBe('UNAUTHENTICATED');
  });

  test('last use is written at most once a minute, so reads do not write on every request', async () => {
    const token = await sessionOf(therapist);
    const signedIn = await lastUsed(token);
    await roleOf(token);
    await roleOf(token);
    expect(await lastUsed(token)).toEqual(signedIn);
    await shift(token, 'last_used_at', '2 minutes');
    const before = Date.now();
    await roleOf(token);
    expect((await lastUsed(token)).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('personal API tokens', () => {
  const listQuery = '{ apiTokens { id name expiresAt lastUsedAt revokedAt } }';

  test('made, listed without their secret, used as Bearer with no session idle timeout (30 days for tokens), and revoked', async () => {
    const as = { token: therapist.token };
    const created = await api.request(
      'mutation { createApiToken(name: " nightly export ") { token apiToken { id name expiresAt } } }',
      undefined,
      { as },
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = dataOf(created).createApiToken;
    expect(apiToken.name).toBe('nightly export');
    const days = (Date.parse(apiToken.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);

    const list = await api.request(listQuery, undefined, { as });
    expect(list.data?.apiTokens).toEqual([expect.objectContaining({ id: apiToken.id, name: 'nightly export', revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(token);

    expect(await roleOf(token)).toBe('THERAPIST');
    await sql(`update access_token set last_used_at = last_used_at - interval '29 days' where id = ?`, [apiToken.id]);
    expect(await roleOf(token)).toBe('THERAPIST');

    // Someone else's token answers like a missing one.
    const foreign = await api.request(
      'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
      { id: apiToken.id },
      { as: { token: admin.token } },
    );
    expect(code(foreign)).toBe('NOT_FOUND');
    const revoked = await api.request('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, { as });
    expect(revoked.data?.revokeApiToken.revokedAt).toBeTruthy();
    expect(await roleOf(token)).toBe('UNAUTHENTICATED');
    expect((await api.request(listQuery, undefined, { as })).data?.apiTokens).toEqual([]);
  });

  test('they stop at their expiry; a name and a sensible lifetime are required', async () => {
    const as = { token: therapist.token };
    const created = await api.request('mutation { createApiToken(name: "short", expiresInDays: 1) { token apiToken { id } } }', undefined, {
      as,
    });
    const { token, apiToken } = dataOf(created).createApiToken;
    await sql(`update access_token set expires_at = now() - interval '1 second' where id = ?`, [apiToken.id]);
    expect(await roleOf(token)).toBe('UNAUTHENTICATED');

    const unnamed = await api.request('mutation { createApiToken(name: " ") { token } }', undefined, { as });
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', rule: 'required' });
    const forever = await api.request('mutation { createApiToken(name: "x", expiresInDays: 3650) { token } }', undefined, { as });
    expect(forever.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInDays', rule: 'range' });
  });
});

const inviteTherapist = `mutation($email: String!) {
  inviteTherapist(email: $email, givenName: "Ines", familyName: "Invited", registrationNumber: "LMT-77") { id token email role expiresAt }
}`;
const inviteClient = `mutation($clientId: ID!, $email: String!) {
  inviteClient(clientId: $clientId, email: $email) { token email role expiresAt }
}`;
const acceptInvite = `mutation($token: String!, $password: String!) {
  acceptInvite(token: $token, password: $password) { token role }
}`;

const newEmail = (name: string) => `${name}-${randomBytes(3).toString('hex')}@test.example.com`;

describe('invites', () => {
  test('an admin invites a therapist; accepting makes the account and the therapist record, and signs in; once only', async () => {
    const email = newEmail('ines');
    const invited = await api.request(inviteTherapist, { email: email.toUpperCase() }, { as: { token: admin.token } });
    expect(invited.errors).toBeUndefined();
    const invite = dataOf(invited).inviteTherapist;
    expect(invite).toMatchObject({ email, role: 'THERAPIST' });
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(invite.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const accepted = await api.request(acceptInvite, { token: invite.token, password: 'a long and new password' }, { as: null });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvite.role).toBe('THERAPIST');
    expect(sessionCookie(accepted.headers)).toContain(accepted.data?.acceptInvite.token);
    const me = await api.request('{ viewer { role clinic { name } therapist { givenName familyName registrationNumber } } }', undefined, {
      as: { token: accepted.data?.acceptInvite.token },
    });
    expect(me.data?.viewer).toEqual({
      role: 'THERAPIST',
      clinic: { name: 'A' },
      therapist: { givenName: 'Ines', familyName: 'Invited', registrationNumber: 'LMT-77' },
    });
    expect((await signIn(email, 'a long and new password')).errors).toBeUndefined();

    const again = await api.request(acceptInvite, { token: invite.token, password: 'another long password' }, { as: null });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', rule: 'used' });
    const accounts = await api.request('{ accounts { email role therapist { familyName } } }', undefined, { as: { token: admin.token } });
    expect(accounts.data?.accounts).toContainEqual({ email, role: 'THERAPIST', therapist: { familyName: 'Invited' } });
  });

  test('only admins invite therapists; the email must be free', async () => {
    expect(code(await api.request(inviteTherapist, { email: newEmail('x') }, { as: { token: therapist.token } }))).toBe('FORBIDDEN');
    expect(code(await api.request(inviteTherapist, { email: newEmail('x') }, { as: null }))).toBe('UNAUTHENTICATED');
    const taken = await api.request(inviteTherapist, { email: therapist.email }, { as: { token: admin.token } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  test('a therapist invites a client of their clinic to the portal; the client sees their own record only', async () => {
    const email = newEmail('client');
    const invited = await api.request(inviteClient, { clientId, email }, { as: { token: therapist.token } });
    expect(invited.data?.inviteClient).toMatchObject({ email, role: 'CLIENT' });
    const accepted = await api.request(
      acceptInvite,
      { token: invited.data?.inviteClient.token, password: 'my own portal password' },
      { as: null },
    );
    expect(accepted.data?.acceptInvite.role).toBe('CLIENT');
    const as = { token: accepted.data?.acceptInvite.token as string };
    const me = await api.request('{ viewer { role client { id } } clients { totalCount } }', undefined, { as });
    expect(me.data).toEqual({ viewer: { role: 'CLIENT', client: { id: clientId } }, clients: { totalCount: 1 } });
    // Clients do not invite, and a client has one account.
    expect(code(await api.request(inviteClient, { clientId, email: newEmail('x') }, { as }))).toBe('FORBIDDEN');
    const twice = await api.request(inviteClient, { clientId, email: newEmail('x') }, { as: { token: therapist.token } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'clientId' });
  });

  test("another clinic's client answers NOT_FOUND, like a client that does not exist", async () => {
    const foreign = await api.request(inviteClient, { clientId: otherClientId, email: newEmail('x') }, { as: { token: therapist.token } });
    expect(code(foreign)).toBe('NOT_FOUND');
    expect(await db.count('invite')).toBeGreaterThan(0);
    const [row] = await sql<{ n: string }>('select count(*) as n from invite where client_id = ?', [otherClientId]);
    expect(Number(row?.n)).toBe(0);
  });

  test('an invite expires after 7 days; an unknown token is refused', async () => {
    const invited = await api.request(inviteTherapist, { email: newEmail('late') }, { as: { token: admin.token } });
    const { id, token } = dataOf(invited).inviteTherapist;
    await sql(`update invite set expires_at = now() - interval '1 second' where id = ?`, [id]);
    const late = await api.request(acceptInvite, { token, password: 'a long and new password' }, { as: null });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', rule: 'expired' });
    const unknown = await api.request(
      acceptInvite,
      { token: randomBytes(32).toString('base64url'), password: 'a long and new password' },
      { as: null },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token', rule: 'invalid' });
  });

  test('short and common passwords are refused with a field error, and the invite stays usable', async () => {
    const email = newEmail('pw');
    const invited = await api.request(inviteTherapist, { email }, { as: { token: admin.token } });
    const { token } = dataOf(invited).inviteTherapist;
    const refusals = [
      ['short pw 11', 'min-length'],
      // Among the most common passwords, whatever the case.
      ['1QAZ2WSX3EDC', 'common'],
      ['passwordpassword', 'common'],
      ['x'.repeat(129), 'max-length'],
      // A short pattern repeated (NIST SP 800-63B 5.1.1.2: repetitive characters).
      ['xyzxyzxyzxyz', 'repetitive'],
      ['q7!q7!q7!q7!q7!', 'repetitive'],
      ['#'.repeat(20), 'repetitive'],
      // The account's own email and name (context-specific words).
      [`my ${email.split('@')[0]?.toUpperCase()} login`, 'context'],
      ['welcome back ines!', 'context'],
      ['dr invited 2026 rocks', 'context'],
    ];
    for (const [password, rule] of refusals) {
      const refused = await api.request(acceptInvite, { token, password }, { as: null });
      expect(refused.errors?.[0]?.extensions, password).toEqual({ code: 'BAD_USER_INPUT', field: 'password', rule });
    }
    // Runs of spaces count as one character (ASVS 2.1.1), so this is 11 long.
    const spaced = await api.request(acceptInvite, { token, password: 'short      pw 1' }, { as: null });
    expect(spaced.errors?.[0]?.extensions?.rule).toBe('min-length');
    const accepted = await api.request(acceptInvite, { token, password: 'correct horse battery staple' }, { as: null });
    expect(accepted.errors).toBeUndefined();
  });
});

describe('admins disable accounts', () => {
  test('a disabled account loses every session and token at once and cannot sign in, answering like a wrong password', async () => {
    const account = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    const session = await sessionOf(account);
    const created = await api.request('mutation { createApiToken(name: "script") { token } }', undefined, { as: { token: session } });
    const apiToken = created.data?.createApiToken.token as string;

    const disabled = await api.request(
      'mutation($id: ID!) { disableAccount(accountId: $id) { email disabledAt } }',
      { id: account.accountId },
      {
        as: { token: admin.token },
      },
    );
    expect(disabled.data?.disableAccount.email).toBe(account.email);
    expect(disabled.data?.disableAccount.disabledAt).toBeTruthy();
    for (const token of [session, apiToken, account.token]) expect(await roleOf(token)).toBe('UNAUTHENTICATED');
    const rightPassword = await signIn(account.email, account.password);
    const wrongPassword = await signIn(account.email, 'not the right password');
    expect(rightPassword.errors).toEqual(wrongPassword.errors);
    expect(code(rightPassword)).toBe('UNAUTHENTICATED');
  });

  test("only an admin, only their clinic's accounts, and not their own", async () => {
    const disable = 'mutation($id: ID!) { disableAccount(accountId: $id) { id } }';
    expect(code(await api.request(disable, { id: otherTherapist.accountId }, { as: { token: admin.token } }))).toBe('NOT_FOUND');
    expect(code(await api.request(disable, { id: admin.accountId }, { as: { token: therapist.token } }))).toBe('FORBIDDEN');
    const self = await api.request(disable, { id: admin.accountId }, { as: { token: admin.token } });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId', rule: 'self' });
    const accounts = await api.request('{ accounts { email } }', undefined, { as: { token: admin.token } });
    expect(accounts.data?.accounts.map((a: { email: string }) => a.email)).not.toContain(otherTherapist.email);
    expect(code(await api.request('{ accounts { email } }', undefined, { as: { token: therapist.token } }))).toBe('FORBIDDEN');
  });
});

describe('what the database keeps', () => {
  test('passwords as scrypt hashes and tokens as SHA-256, never the secrets', async () => {
    const session = await sessionOf(therapist);
    const invite = (await api.request(inviteTherapist, { email: newEmail('kept') }, { as: { token: admin.token } })).data?.inviteTherapist;
    const [account] = await sql<{ password_hash: string }>('select password_hash from account where id = ?', [therapist.accountId]);
    expect(account?.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    const [token] = await sql<{ token_hash: string }>('select token_hash from access_token where token_hash = ?', [secretHash(session)]);
    expect(token?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const [invited] = await sql<{ n: string }>('select count(*) as n from invite where token_hash = ?', [secretHash(invite.token)]);
    expect(Number(invited?.n)).toBe(1);
    // No column of any of these tables holds a secret or a password as it was given.
    for (const table of ['account', 'access_token', 'invite', 'sign_in_attempt']) {
      for (const secret of [session, invite.token, therapist.password]) {
        const [hit] = await sql<{ n: string }>(`select count(*) as n from "${table}" t where t::text like ?`, [`%${secret}%`]);
        expect(Number(hit?.n), `${table} holds a secret`).toBe(0);
      }
    }
  });

  test('the database itself refuses an account without the records its role needs', async () => {
    const hash = '$scrypt$ln=17,r=8,p=1$AAAA$AAAA';
    const insert = (role: string, clinicId: string | null, therapistId: string | null, clientId: string | null) =>
      sql(
        `insert into account (id, created_at, updated_at, email, password_hash, role, clinic_id, therapist_id, client_id)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?)`,
        [newEmail('raw'), hash, role, clinicId, therapistId, clientId],
      );
    await expect(insert('THERAPIST', therapist.clinicId, null, null)).rejects.toThrow(/account_therapist_check/);
    await expect(insert('CLIENT', therapist.clinicId, null, null)).rejects.toThrow(/account_client_check/);
    await expect(insert('RESEARCHER', therapist.clinicId, null, null)).rejects.toThrow(/account_clinic_check/);
    await expect(insert('ADMIN', null, null, null)).rejects.toThrow(/account_clinic_check/);
    await expect(insert('CLIENT', therapist.clinicId, therapist.therapistId, clientId)).rejects.toThrow(/account_therapist_check/);
  });

  test('a therapist or client record has one account at most', async () => {
    const second = createTestAccount(db, { role: 'THERAPIST', clinicId: therapist.clinicId, therapistId: therapist.therapistId });
    await expect(second).rejects.toMatchObject({ code: 'CONFLICT', field: 'therapistId' });
  });

  test('a password hashed with older parameters still signs in, and is rehashed with today’s', async () => {
    const account = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
    const salt = randomBytes(16);
    const key = scryptSync(account.password, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
    await sql('update account set password_hash = ? where id = ?', [`$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(key)}`, account.accountId]);
    expect((await signIn(account.email, account.password)).errors).toBeUndefined();
    const [row] = await sql<{ password_hash: string }>('select password_hash from account where id = ?', [account.accountId]);
    expect(row?.password_hash.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
  });
});

describe('API tokens: per-role lifetime, idle expiry, none for clients', () => {
  const create = (as: { token: string }, days?: number) =>
    api.request(
      `mutation($name: String!${days ? ', $days: Int!' : ''}) { createApiToken(name: $name${days ? ', expiresInDays: $days' : ''}) { token apiToken { expiresAt } } }`,
      { name: 'script', ...(days ? { days } : {}) },
      { as },
    );

  test('a client account may not create API tokens', async () => {
    const record = await createClient(db.orm.em.fork(), therapist, {
      givenName: 'Tobi',
      familyName: 'Token',
      dateOfBirth: '1990-01-02',
      sex: 'FEMALE',
    });
    const client = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId: record.id });
    expect(code(await create(client))).toBe('FORBIDDEN');
  });

  test('each role has its longest lifetime: an admin 90 days, a therapist 180, a researcher 365', async () => {
    const researcher = await createTestAccount(db, { role: 'RESEARCHER' });
    for (const [as, max] of [
      [admin, 90],
      [therapist, 180],
      [researcher, 365],
    ] as const) {
      expect((await create(as, max)).errors, `${max}`).toBeUndefined();
      expect((await create(as, max + 1)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'expiresInDays',
        rule: 'range',
      });
    }
  });

  test('a token unused for 30 days stops working, whatever its expiry', async () => {
    const created = dataOf(await create(therapist, 180)).createApiToken;
    expect(await roleOf(created.token)).toBe('THERAPIST');
    await sql(`update access_token set last_used_at = last_used_at - interval '29 days' where token_hash = ?`, [secretHash(created.token)]);
    expect(await roleOf(created.token)).toBe('THERAPIST');
    await sql(`update access_token set last_used_at = last_used_at - interval '31 days' where token_hash = ?`, [secretHash(created.token)]);
    expect(await roleOf(created.token)).toBe('UNAUTHENTICATED');
  });
});
