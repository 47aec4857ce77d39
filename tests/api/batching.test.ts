import { startSeries } from '@fascia/server/modules/care/care.service.js';
import { createClient, recordIntake } from '@fascia/server/modules/clients/client.service.js';
import { recordSession } from '@fascia/server/modules/recording/recording.service.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { retryWhileUnavailable, startApi, type TestApi } from '../support/api.js';
import { neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, perRequestStatement, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';

let db: TestDatabase;
let api: TestApi;
/** The therapist's viewer (for the services) and account (for the API). */
let viewer: TherapistAccount;

/** Adds clients, each with an intake and a series of `visits` visits, straight through the services. */
async function addClients(count: number, visits: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const em = db.orm.em.fork();
    const client = await createClient(em, viewer, {
      givenName: 'Client',
      familyName: `N${String(i).padStart(3, '0')}`,
      dateOfBirth: '1970-01-01',
      sex: 'MALE',
    });
    await recordIntake(em, viewer, client.id, {
      takenAt: new Date('2026-01-05T10:00:00Z'),
      chiefComplaints: 'Neck pain',
      consentToTreatment: true,
    });
    const series = await startSeries(em, viewer, {
      clientId: client.id,
      conditionCode: 'NECK_PAIN',
      plannedSessions: 10,
      plannedSessionsPerWeek: 1,
      plannedMinutesPerSession: 60,
      startDate: '2026-01-05',
    });
    for (let v = 0; v < visits; v++) {
      const input = neckVisit(series.id, new Date(Date.UTC(2026, 0, 5 + 7 * v, 15)).toISOString(), 6, 4);
      await recordSession(em, viewer, {
        ...(input as any),
        startedAt: new Date(input.startedAt as string),
      });
    }
  }
}

const caseload = `{ clients(first: 100) { edges { node {
  displayName intake { chiefComplaints }
  latestObservations { measureCode value }
  series { conditionCode condition { name } client { displayName }
    sessions { startedAt regions { regionCode } observations { value measure { unit } } questionnaireResponses { score } }
    observations { value } questionnaireResponses { score } } } } } }`;

async function statementsFor(query: string): Promise<{ statements: number; perRequest: number; clients: number }> {
  // Counted for the answer that was served: one turned away (SERVICE_UNAVAILABLE, a busy machine's connection wait)
  // is retried as a client would, and its statements are not counted.
  const response = await retryWhileUnavailable(() => {
    db.statements.length = 0;
    return api.graphql(query);
  });
  expect(response.errors).toBeUndefined();
  return {
    statements: db.statements.filter((sql) => !perRequestStatement.test(sql)).length,
    perRequest: db.statements.filter((sql) => perRequestStatement.test(sql)).length,
    clients: response.data?.clients.edges.length,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  viewer = await createClinicWithTherapist(db);
  api = await startApi(db, viewer);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

test('the statement count of a nested client query does not grow with rows', { timeout: scaledMs(120_000) }, async () => {
  await addClients(5, 2);
  const small = await statementsFor(caseload);
  await addClients(45, 3);
  const large = await statementsFor(caseload);
  expect(small.clients).toBe(5);
  expect(large.clients).toBe(50);
  // page + count, intakes (2), latest observations (2), series, client by id, sessions,
  // regions, session observations, session responses, series observations, series responses
  expect(large.statements).toBe(small.statements);
  // The once-a-minute "last used" write of the token may fall in either request; nothing else.
  expect(large.perRequest).toBeLessThanOrEqual(3);
  expect(large.statements).toBeLessThanOrEqual(14);
});
