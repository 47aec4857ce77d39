import { refreshMissingHeadlines } from '@fascia/server/modules/progress/series-outcome.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';

/*
 * The caseload judges a series by the headline measure its page shows: the one chosen for the series when there is
 * one (here VAS pain, which is no condition's headline), else its condition's (NPRS for osteoarthritis).
 */
let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let chosenAtStart: string;
let changedLater: string;

const day = 24 * 3600 * 1000;
const at = (daysAgo: number) => new Date(Math.floor(Date.now() / day) * day - daysAgo * day + 12 * 3600 * 1000).toISOString();

/** A series (knee osteoarthritis unless said) with NPRS and VAS pain at each visit. */
async function addSeries(
  familyName: string,
  visits: { nprs: number; vas: number }[],
  headlineMeasureCode?: string,
  conditionCode = 'OSTEOARTHRITIS',
) {
  const clinic = clinicApi(api);
  const clientId = await clinic.createClient({ familyName });
  const seriesId = await clinic.startSeries(clientId, {
    conditionCode,
    plannedSessions: 10,
    startDate: at(20).slice(0, 10),
    ...(headlineMeasureCode ? { headlineMeasureCode } : {}),
  });
  for (const [index, { nprs, vas }] of visits.entries()) {
    const value = (measureCode: string, v: number) => ({ measureCode, value: v, regionCode: 'KNEE', side: 'LEFT', context: 'PRE_SESSION' });
    await clinic.recordSession({
      seriesId,
      startedAt: at(20 - 7 * index),
      durationMinutes: 45,
      attendance: 'ATTENDED',
      observations: [value('NPRS', nprs), value('VAS_PAIN', vas)],
    });
  }
  return seriesId;
}

async function caseloadOf(seriesId: string) {
  const response = await api.request(
    `{ caseload(first: 20) { edges { node { headlineMeasureCode headline { measureCode baseline latest change points } series { id } } } } }`,
    {},
    { as: therapist },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.caseload.edges.map((e: any) => e.node).find((n: any) => n.series.id === seriesId);
}

async function updateSeries(id: string, input: Record<string, unknown>) {
  const response = await api.request(
    'mutation($id: ID!, $input: UpdateSeriesInput!) { updateSeries(id: $id, input: $input) { id headlineMeasureCode goals } }',
    { id, input },
    { as: therapist },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.updateSeries;
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db);
  api = await startApi(db, therapist);
  chosenAtStart = await addSeries(
    'Vasquez',
    [
      { nprs: 6, vas: 70 },
      { nprs: 5, vas: 52 },
    ],
    'VAS_PAIN',
  );
  changedLater = await addSeries('Norberg', [
    { nprs: 7, vas: 64 },
    { nprs: 4, vas: 58 },
    { nprs: 3, vas: 40 },
  ]);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

test('a series started with its own headline measure is judged by it in the caseload', async () => {
  expect(await caseloadOf(chosenAtStart)).toMatchObject({
    headlineMeasureCode: 'VAS_PAIN',
    headline: { measureCode: 'VAS_PAIN', baseline: 70, latest: 52, change: -18, points: 2 },
  });
});

test('choosing another headline measure for a series with values changes its caseload headline at once; clearing it restores the condition’s', async () => {
  expect(await caseloadOf(changedLater)).toMatchObject({ headlineMeasureCode: 'NPRS', headline: { measureCode: 'NPRS', change: -4 } });

  expect(await updateSeries(changedLater, { headlineMeasureCode: 'VAS_PAIN', goals: 'Walk to the shop without stopping' })).toEqual({
    id: changedLater,
    headlineMeasureCode: 'VAS_PAIN',
    goals: 'Walk to the shop without stopping',
  });
  expect(await caseloadOf(changedLater)).toMatchObject({
    headlineMeasureCode: 'VAS_PAIN',
    headline: { measureCode: 'VAS_PAIN', baseline: 64, latest: 40, change: -24, points: 3 },
  });

  // An empty string clears (null leaves a field as it was), as the plan's edit page sends it.
  expect(await updateSeries(changedLater, { headlineMeasureCode: '', goals: '' })).toEqual({
    id: changedLater,
    headlineMeasureCode: null,
    goals: null,
  });
  expect(await caseloadOf(changedLater)).toMatchObject({
    headlineMeasureCode: 'NPRS',
    headline: { measureCode: 'NPRS', baseline: 7, latest: 3 },
  });
});

test('an unknown headline measure is refused, naming the field, and nothing of the change is written', async () => {
  const response = await api.request(
    'mutation($id: ID!, $input: UpdateSeriesInput!) { updateSeries(id: $id, input: $input) { id } }',
    { id: chosenAtStart, input: { headlineMeasureCode: 'NOT_A_MEASURE', goals: 'Kneel in the garden' } },
    { as: therapist },
  );
  expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'headlineMeasureCode' });
  const [row] = await db.orm.em
    .fork()
    .execute<{ goals: string | null; headline_measure_code: string }[]>(
      'select goals, headline_measure_code from treatment_series where id = ?',
      [chosenAtStart],
    );
  expect(row).toEqual({ goals: null, headline_measure_code: 'VAS_PAIN' });
  expect(await caseloadOf(chosenAtStart)).toMatchObject({ headlineMeasureCode: 'VAS_PAIN', headline: { measureCode: 'VAS_PAIN' } });
});

test('headlines missing from storage (a database from before series could choose theirs) are written at start', async () => {
  const em = db.orm.em.fork();
  await em.execute(`delete from series_headline where series_id = ? and measure_code = 'VAS_PAIN'`, [chosenAtStart]);
  expect(await caseloadOf(chosenAtStart)).toMatchObject({ headlineMeasureCode: 'VAS_PAIN', headline: null });

  expect(await refreshMissingHeadlines(db.orm.em.fork())).toBe(1);
  expect(await caseloadOf(chosenAtStart)).toMatchObject({
    headlineMeasureCode: 'VAS_PAIN',
    headline: { measureCode: 'VAS_PAIN', baseline: 70, latest: 52, change: -18 },
  });
  // Nothing missing any more: a second start writes nothing.
  expect(await refreshMissingHeadlines(db.orm.em.fork())).toBe(0);
});

test('saving a plan with the same headline measure leaves the stored headline alone; clearing the choice drops its row', async () => {
  const storedMeasures = async () =>
    (
      await db.orm.em
        .fork()
        .execute<{ measure_code: string }[]>('select measure_code from series_headline where series_id = ? order by measure_code', [
          changedLater,
        ])
    ).map((row) => row.measure_code);
  await updateSeries(changedLater, { headlineMeasureCode: 'VAS_PAIN' });
  expect(await storedMeasures()).toEqual(['NPRS', 'VAS_PAIN']);

  db.statements.length = 0;
  expect(await updateSeries(changedLater, { headlineMeasureCode: 'VAS_PAIN', goals: 'Climb the stairs at home' })).toMatchObject({
    headlineMeasureCode: 'VAS_PAIN',
    goals: 'Climb the stairs at home',
  });
  expect(db.statements.some((sql) => /series_headline/.test(sql))).toBe(false);

  // VAS_PAIN is no condition's headline: once no series chooses it, its stored row would only be stale.
  await updateSeries(changedLater, { headlineMeasureCode: '' });
  expect(await storedMeasures()).toEqual(['NPRS']);
  expect(await caseloadOf(changedLater)).toMatchObject({ headlineMeasureCode: 'NPRS', headline: { measureCode: 'NPRS' } });
});

test("changing a series' condition shows the new condition's headline at once: every condition's headline measure is stored", async () => {
  // Chronic low back pain's headline is the ODI, which this series never recorded: no headline yet.
  const seriesId = await addSeries(
    'Lindgren',
    [
      { nprs: 6, vas: 61 },
      { nprs: 4, vas: 47 },
    ],
    undefined,
    'CHRONIC_LOW_BACK_PAIN',
  );
  expect(await caseloadOf(seriesId)).toMatchObject({ headlineMeasureCode: 'ODI', headline: null });
  // Osteoarthritis reads NPRS, which it did record: the caseload shows it at once, not after the next start.
  await updateSeries(seriesId, { conditionCode: 'OSTEOARTHRITIS' });
  expect(await caseloadOf(seriesId)).toMatchObject({
    headlineMeasureCode: 'NPRS',
    headline: { measureCode: 'NPRS', baseline: 6, latest: 4, change: -2, points: 2 },
  });
});
