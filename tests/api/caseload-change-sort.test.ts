import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';

/*
 * "Worst change first" across measures on different scales: each headline change is read in units
 * of its measure's MCID (the catalog's `mcid`, which holds the MDC where no MCID is published).
 * ODI (0-100 %, MCID 10, lower is better) against NPRS (0-10, MCID 2, lower is better).
 */
let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;

const day = 24 * 3600 * 1000;
const at = (daysAgo: number) => new Date(Math.floor(Date.now() / day) * day - daysAgo * day + 12 * 3600 * 1000).toISOString();

/** ODI answers (10 sections, 0-5) whose score is `score` %: score / 2 points spread over the sections. */
function odiAnswers(score: number) {
  const total = score / 2;
  return Array.from({ length: 10 }, (_, i) => ({ itemCode: `ODI${i + 1}`, value: Math.floor(total / 10) + (i < total % 10 ? 1 : 0) }));
}

async function addSeries(name: string, conditionCode: string, values: number[]) {
  const clinic = clinicApi(api);
  const clientId = await clinic.createClient({ familyName: name });
  const seriesId = await clinic.startSeries(clientId, { conditionCode, plannedSessions: 10, startDate: at(20).slice(0, 10) });
  for (const [index, value] of values.entries()) {
    const startedAt = at(20 - 7 * index);
    await clinic.recordSession({
      seriesId,
      startedAt,
      durationMinutes: 60,
      attendance: 'ATTENDED',
      ...(conditionCode === 'CHRONIC_LOW_BACK_PAIN'
        ? { questionnaireResponses: [{ instrumentCode: 'ODI', answers: odiAnswers(value) }] }
        : { observations: [{ measureCode: 'NPRS', value, regionCode: 'KNEE', side: 'LEFT', context: 'PRE_SESSION' }] }),
    });
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db);
  api = await startApi(db, therapist);
  await addSeries('Odie', 'CHRONIC_LOW_BACK_PAIN', [28, 32]); // +4: 0.4 MCID worse
  await addSeries('Nora', 'OSTEOARTHRITIS', [4, 6]); // +2: 1 MCID worse, clinically important
  await addSeries('Ivy', 'OSTEOARTHRITIS', [5, 4]); // -1: 0.5 MCID better
  await addSeries('Owen', 'CHRONIC_LOW_BACK_PAIN', [40, 26]); // -14: 1.4 MCID better
  await addSeries('Ned', 'OSTEOARTHRITIS', [7, 4]); // -3: 1.5 MCID better
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

test('worst change first is in units of each measure’s MCID, not in raw points across scales', async () => {
  const response = await api.request(
    `{ caseload(sort: CHANGE, first: 20) { edges { node { flags headlineMeasureCode headline { change } series { client { familyName } } } } } }`,
    {},
    { as: therapist },
  );
  expect(response.errors).toBeUndefined();
  const nodes = response.data?.caseload.edges.map((e: any) => e.node);
  expect(nodes.map((n: any) => [n.series.client.familyName, n.headlineMeasureCode, n.headline.change])).toEqual([
    ['Nora', 'NPRS', 2],
    ['Odie', 'ODI', 4],
    ['Ivy', 'NPRS', -1],
    ['Owen', 'ODI', -14],
    ['Ned', 'NPRS', -3],
  ]);
  expect(nodes[0].flags).toContain('WORSENING');
  expect(nodes[1].flags).not.toContain('WORSENING');
});
