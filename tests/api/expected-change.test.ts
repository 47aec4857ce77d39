import { startJobQueue, stopJobQueue } from '@fascia/server/db/job-queue.js';
import { refitCron, refitQueueName, startRefitSchedule } from '@fascia/server/modules/expected-change/expected-change-schedule.js';
import { tQuantile } from '@fascia/server/modules/research/t-quantile.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { retryWhileUnavailable, startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, statementsDuring, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';
import { addResearchClient } from '../support/research-data.js';

/*
 * Generated research data with a known model: client i of the research clinic has postural pain, NPRS
 * baseline b at visit 1 and, at weekly visits v = 2..6, change y = 0.5 - 0.3 b - 0.2 v + noise, the noise a
 * fixed pseudo-random number in [-0.3, 0.3). Baselines 2..6 (8 clients each) and k - 1 = 4 clients at 8, so a
 * client starting at 8 has k - 1 similar clients until one more is added. The fit is checked against the
 * textbook two-predictor regression computed here from the same numbers (not from the database).
 */
const k = 5;
const condition = 'POSTURAL_PAIN';
let seed = 7;
const noise = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return (seed / 2_147_483_648) * 0.6 - 0.3;
};
const model = (b: number, v: number) => 0.5 - 0.3 * b - 0.2 * v;

interface Generated {
  b: number;
  values: number[];
}
const generate = (b: number, visits = 6): Generated => ({
  b,
  values: Array.from({ length: visits }, (_, i) => (i === 0 ? b : b + model(b, i + 1) + noise())),
});
const population: Generated[] = [
  ...[2, 3, 4, 5, 6].flatMap((b) => Array.from({ length: 8 }, () => generate(b))),
  ...[8, 8, 8, 8].map((b) => generate(b)),
];

/** The fit's points: (baseline, visit, change) for every visit after the first. */
const pointsOf = (clients: Generated[]) =>
  clients.flatMap((c) => c.values.slice(1).map((value, i) => ({ b: c.b, v: i + 2, y: value - c.b })));

/** Two-predictor least squares from centred sums (Cramer's rule), and the 80% prediction interval at (b, v). */
function reference(points: { b: number; v: number; y: number }[]) {
  const n = points.length;
  const avg = (f: (p: (typeof points)[number]) => number) => points.reduce((s, p) => s + f(p), 0) / n;
  const [mb, mv, my] = [avg((p) => p.b), avg((p) => p.v), avg((p) => p.y)];
  const sum = (f: (p: (typeof points)[number]) => number) => points.reduce((s, p) => s + f(p), 0);
  const sbb = sum((p) => (p.b - mb) ** 2);
  const svv = sum((p) => (p.v - mv) ** 2);
  const sbv = sum((p) => (p.b - mb) * (p.v - mv));
  const sby = sum((p) => (p.b - mb) * (p.y - my));
  const svy = sum((p) => (p.v - mv) * (p.y - my));
  const det = sbb * svv - sbv * sbv;
  const b1 = (svv * sby - sbv * svy) / det;
  const b2 = (sbb * svy - sbv * sby) / det;
  const b0 = my - b1 * mb - b2 * mv;
  const sse = sum((p) => (p.y - (b0 + b1 * p.b + b2 * p.v)) ** 2);
  const s = Math.sqrt(sse / (n - 3));
  const predict = (b: number, v: number) => {
    const [db, dv] = [b - mb, v - mv];
    const half = tQuantile(0.9, n - 3) * s * Math.sqrt(1 + 1 / n + (svv * db * db - 2 * sbv * db * dv + sbb * dv * dv) / det);
    const change = b0 + b1 * b + b2 * v;
    return { change, low: change - half, high: change + half };
  };
  return { b0, b1, b2, rSquared: 1 - sse / sum((p) => (p.y - my) ** 2), residualSd: s, n, predict };
}

let db: TestDatabase;
let api: TestApi;
let research: TherapistAccount;
let researcher: TestAccount;
let admin: TestAccount;
/** A client of the research clinic who did not consent to research: the therapist's series under study. */
let ownSeriesId = '';
let own: Generated;

const addClients = async (clients: Generated[], conditionCode = condition) => {
  for (const c of clients)
    await addResearchClient(db, {
      clinicId: research.clinicId,
      therapistId: research.therapistId,
      series: [{ conditionCode, startDate: '2026-03-02', visits: c.values.map((pre, i) => ({ day: 7 * i, pre })) }],
    });
};

const refit = async (as: TestAccount) => {
  const response = await retryWhileUnavailable(() => api.request('mutation { refitExpectedChange { models fittedAt } }', {}, { as }));
  expect(response.errors).toBeUndefined();
  return response.data?.refitExpectedChange as { models: number; fittedAt: string };
};

const bandQuery = `query($id: ID!, $measure: String!) { series(id: $id) { expectedChange(measureCode: $measure) {
  measureCode withheldReason baseline baselineVisit points { visit change low high } sentence performance latestVisit fittedAt } } }`;
const band = async (measure = 'NPRS') => {
  const response = await api.request(bandQuery, { id: ownSeriesId, measure }, { as: research });
  expect(response.errors).toBeUndefined();
  return response.data?.series.expectedChange;
};

beforeAll(async () => {
  db = await createTestDatabase();
  research = await createClinicWithTherapist(db, { clinicName: 'Research', research: true });
  researcher = await createTestAccount(db, { role: 'RESEARCHER' });
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: research.clinicId });
  api = await startApi(db, null, { researchMinCell: k });
  await addClients(population);
  // Three clients of another condition: a model of fewer than k clients, which researchers see suppressed.
  await addClients([generate(3), generate(5), generate(7)], 'TMJ_DISORDER');
  own = generate(8, 3);
  await addResearchClient(db, {
    clinicId: research.clinicId,
    therapistId: research.therapistId,
    consents: [false],
    series: [{ conditionCode: condition, startDate: '2026-03-02', visits: own.values.map((pre, i) => ({ day: 7 * i, pre })) }],
  });
  const [row] = await db.orm.em
    .fork()
    .execute<{ id: string }[]>(
      `select ts.id from treatment_series ts join intake i on i.client_id = ts.client_id where not i.research_consent`,
    );
  ownSeriesId = row?.id ?? '';
}, 120_000);
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('the expected-change model', () => {
  test('the stored fit equals an independent least-squares computation on the generated data', async () => {
    expect(await band()).toMatchObject({ withheldReason: 'NO_MODEL', points: [], sentence: null, performance: null, baseline: 8 });
    expect((await refit(admin)).models).toBe(2);
    const [stored] = await db.orm.em
      .fork()
      .execute<Record<string, number>[]>(`select * from expected_change_model where condition_code = ? and measure_code = 'NPRS'`, [
        condition,
      ]);
    const expected = reference(pointsOf(population));
    expect(stored).toMatchObject({ clients: population.length, points: expected.n, max_visit: 6 });
    expect(stored?.intercept).toBeCloseTo(expected.b0, 9);
    expect(stored?.baseline_coef).toBeCloseTo(expected.b1, 9);
    expect(stored?.visit_coef).toBeCloseTo(expected.b2, 9);
    expect(stored?.r_squared).toBeCloseTo(expected.rSquared, 9);
    expect(stored?.residual_sd).toBeCloseTo(expected.residualSd, 9);
    // ... and the coefficients the data were made with, within the noise.
    expect(stored?.baseline_coef).toBeCloseTo(-0.3, 1);
    expect(stored?.visit_coef).toBeCloseTo(-0.2, 1);
    expect(stored?.intercept).toBeCloseTo(0.5, 0);
    // Clients per tenth of the 0-10 range at baseline: 8 at each of 2..6, k - 1 at 8.
    expect(stored?.baseline_tenths).toEqual([0, 0, 8, 8, 8, 8, 8, 0, 4, 0]);
  });

  test('k - 1 similar clients: withheld; k: the band, its sentence and the performance', async () => {
    expect(await band()).toMatchObject({ withheldReason: 'FEW_SIMILAR_CLIENTS', points: [], sentence: null, performance: null });
    const fifth = generate(8);
    await addClients([fifth]);
    await refit(researcher);
    const shown = await band();
    expect(shown.withheldReason).toBeNull();
    const expected = reference(pointsOf([...population, fifth]));
    expect(shown.points.map((p: { visit: number }) => p.visit)).toEqual([2, 3, 4, 5, 6]);
    for (const point of shown.points) {
      const { change, low, high } = expected.predict(8, point.visit);
      expect(point.change).toBeCloseTo(change, 9);
      expect(point.low).toBeCloseTo(low, 9);
      expect(point.high).toBeCloseTo(high, 9);
    }
    // The series planned 3 visits: the sentence speaks of visit 3, in NPRS points, improvement positive.
    const at3 = expected.predict(8, 3);
    const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
    expect(shown.sentence).toBe(
      `Clients like this typically ${at3.change <= 0 ? 'improve' : 'worsen'} ${one(Math.abs(at3.change))} points [${one(-at3.high)}, ${one(-at3.low)}] by visit 3 (8 in 10 within the bracket; improvement positive).`,
    );
    expect(shown.latestVisit).toBe(3);
    expect(shown.performance).toBeCloseTo((own.values[2] as number) - 8 - at3.change, 9);
  });

  test('bad input: an unknown measure is BAD_USER_INPUT on measureCode; a measure without values is NO_VALUES', async () => {
    const response = await api.request(bandQuery, { id: ownSeriesId, measure: 'NOT_A_MEASURE' }, { as: research });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'measureCode', rule: 'unknown-code' });
    expect(await band('ODI')).toMatchObject({ withheldReason: 'NO_VALUES', baseline: null, points: [] });
  });

  test('researchers see coefficients and performance as aggregates; a model under k is suppressed', async () => {
    const response = await api.request(
      `{ expectedChangeModels { conditionCode measureCode suppressed clients intercept baselineCoef visitCoef rSquared residualSd maxVisit
        performanceMean performanceSd fittedAt } }`,
      {},
      { as: researcher },
    );
    expect(response.errors).toBeUndefined();
    const models = response.data?.expectedChangeModels as Record<string, unknown>[];
    const [stored] = await db.orm.em
      .fork()
      .execute<Record<string, number>[]>(`select * from expected_change_model where condition_code = ? and measure_code = 'NPRS'`, [
        condition,
      ]);
    const postural = models.find((m) => m.conditionCode === condition);
    expect(postural).toMatchObject({ suppressed: false, intercept: stored?.intercept, baselineCoef: stored?.baseline_coef, maxVisit: 6 });
    // Perturbed like every research count: within 2 of the truth.
    expect(Math.abs((postural?.clients as number) - population.length - 1)).toBeLessThanOrEqual(2);
    expect(postural?.performanceMean).toBeTypeOf('number');
    expect(models.find((m) => m.conditionCode === 'TMJ_DISORDER')).toMatchObject({
      suppressed: true,
      clients: null,
      intercept: null,
      performanceMean: null,
    });
    // No identifier of a person anywhere in the answer.
    expect(JSON.stringify(response.data)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  test('the caseload shows each series’ performance in one statement for the page, whatever its size', async () => {
    const query = (first: number) =>
      `{ caseload(first: ${first}) { edges { node { series { id } expectedChange { withheldReason performance } } } } }`;
    const run = (first: number) => statementsDuring(db, () => retryWhileUnavailable(() => api.request(query(first), {}, { as: research })));
    const small = await run(2);
    const large = await run(50);
    // Expected-change rows are read once for the page.
    expect(db.statements.filter((sql) => sql.includes('expected_change_model')).length).toBe(1);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    const edges = large.result.data?.caseload.edges as {
      node: { series: { id: string }; expectedChange: { performance: number | null } };
    }[];
    // Every series of the clinic: 40 + 5 at baseline 8, 3 of TMJ, the therapist's own.
    expect(edges.length).toBe(49);
    expect(large.statements).toBe(small.statements);
    const mine = edges.find((e) => e.node.series.id === ownSeriesId);
    const single = await band();
    expect(mine?.node.expectedChange.performance).toBeCloseTo(single.performance, 9);
  });

  test('the nightly refit is a pg-boss schedule whose job refits the models', { timeout: 60_000 }, async () => {
    const jobs = await startJobQueue(db.url, pino({ level: 'silent' }));
    const schedule = await startRefitSchedule(db.orm, jobs, pino({ level: 'silent' }));
    try {
      const em = db.orm.em.fork();
      const [scheduled] = await em.execute<{ cron: string; timezone: string }[]>(
        'select cron, timezone from pgboss.schedule where name = ?',
        [refitQueueName],
      );
      expect(scheduled).toEqual({ cron: refitCron, timezone: 'UTC' });
      await em.execute('delete from expected_change_model');
      // The job the schedule would create at 03:15, queued now.
      await schedule.runNow();
      await vi.waitFor(
        async () => expect((await em.execute<{ n: number }[]>('select count(*)::int as n from expected_change_model'))[0]?.n).toBe(2),
        { timeout: 30_000, interval: 250 },
      );
    } finally {
      await schedule.stop();
      await stopJobQueue(jobs);
    }
  });
});
