import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * Behind a reverse proxy every request comes from the proxy's address: the sign-in throttle and the audit
 * trail would count everyone together. FASCIA_TRUST_PROXY (Express `trust proxy`) says which hops to believe.
 */

let db: TestDatabase;
const apis: TestApi[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const api of apis) await api.stop();
  await db?.drop();
});

/** The address a failed sign-in through `api` was recorded with, sending X-Forwarded-For `forwarded` from `from`. */
async function recordedAddress(api: TestApi, forwarded: string, from = '127.0.0.1'): Promise<string | undefined> {
  const email = `nobody-${Math.random().toString(36).slice(2)}@example.com`;
  await api.request(
    'mutation($e: String!) { signIn(email: $e, password: "not the password") { token } }',
    { e: email },
    {
      as: null,
      from,
      headers: { 'x-forwarded-for': forwarded },
    },
  );
  const rows = await db.orm.em.fork().execute<{ address: string }[]>('select address from sign_in_attempt where email = ?', [email]);
  return rows[0]?.address;
}

describe('FASCIA_TRUST_PROXY', () => {
  test('by default X-Forwarded-For is ignored: the address is the TCP peer’s (a client cannot choose its own)', async () => {
    const api = await startApi(db, null);
    apis.push(api);
    expect(await recordedAddress(api, '203.0.113.7')).toBe('127.0.0.1');
  });

  test('a hop count believes that many proxies: one hop, the address the proxy saw', async () => {
    const api = await startApi(db, null, { trustProxy: 1 });
    apis.push(api);
    // A client that forges its own header gains nothing: only the last hop, written by the proxy, counts.
    expect(await recordedAddress(api, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
  });

  test('a list of proxies: believed only when the request comes from one of them', async () => {
    const api = await startApi(db, null, { trustProxy: ['127.0.0.2'] });
    apis.push(api);
    expect(await recordedAddress(api, '203.0.113.8', '127.0.0.2')).toBe('203.0.113.8');
    expect(await recordedAddress(api, '203.0.113.8', '127.0.0.3')).toBe('127.0.0.3');
  });
});
