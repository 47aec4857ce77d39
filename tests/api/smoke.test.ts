import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
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

test('create a client and read it back', async () => {
  const created = await api.graphql(`mutation($input: CreateClientInput!) { createClient(input: $input) { id displayName } }`, {
    input: {
      givenName: 'Ada',
      familyName: 'Lovelace',
      dateOfBirth: '1980-12-10',
      sex: 'FEMALE',
    },
  });
  expect(created.errors).toBeUndefined();
  const list = await api.graphql(`{ clients { totalCount edges { node { displayName } } } }`);
  expect(list.data?.clients.totalCount).toBe(1);
  expect(list.data?.clients.edges[0].node.displayName).toBe('Ada Lovelace');
});
