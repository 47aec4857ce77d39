import { t975 } from '@fascia/server/modules/research/statistics.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount } from '../support/factories.js';
import { addResearchClient, type VisitSpec } from '../support/research-data.js';

/*
 * 39 research-consenting clients with known NPRS values (and clients who must not count), so that
 * every statistic can be computed here by hand from the same numbers.
 *
 * Client i: clinic A (i < 24) or B; MALE when i % 3 = 0; born 1990 (i < 20) or 1960; baseline
 * 5 + i % 4; change -(i % 3) - 1 (i < 36) or +2 (i = 36-38, worsening); visits weekly, 4 (i < 24,
 * 240 min) or 8 (i < 32, 480 min), or 3 in one week (i >= 32, 180 min); post = pre - 1 - i % 2;
 * main modality DEEP_TISSUE for i < 12 (and a DEEP_TISSUE visit for i = 12-14), else SWEDISH.
 */
const clients = Array.from({ length: 39 }, (_, i) => {
  const baseline = 5 + (i % 4);
  const change = i < 36 ? -(i % 3) - 1 : 2;
  const visitDays = i < 24 ? [0, 7, 14, 21] : i < 32 ? [0, 7, 14, 21, 28, 35, 42, 49] : [0, 3, 7];
  const pres = visitDays.map((_, v) => (v === visitDays.length - 1 ? baseline + change : baseline));
  const visits: VisitSpec[] = visitDays.map((day, v) => ({
    day,
    pre: pres[v],
    post: (pres[v] as number) - 1 - (i % 2),
    modalities: i < 12 ? ['DEEP_TISSUE'] : v === 0 && i < 15 ? ['SWEDISH', 'DEEP_TISSUE'] : ['SWEDISH'],
  }));
  return {
    i,
    clinic: i < 24 ? 'A' : 'B',
    sex: i % 3 === 0 ? ('MALE' as const) : ('FEMALE' as const),
    dateOfBirth: i < 20 ? '1990-03-01' : '1960-03-01',
    startDate: `2026-01-${String(5 + (i % 10)).padStart(2, '0')}`,
    baseline,
    change,
    pres,
    visits,
    minutes: visitDays.length * 60,
    withinSession: -1 - (i % 2),
  };
});
type Subject = (typeof clients)[number];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

let db: TestDatabase;
let api: TestApi;
let researcher: TestAccount;
const ids: { clientIds: string[]; clinicA: string; clinicB: string } = { clientIds: [], clinicA: '', clinicB: '' };

const outcomeQuery = `query($measure: String!, $filter: CohortFilterInput) {
  cohortOutcomes(measureCode: $measure, filter: $filter) {
    measureCode unit direction mcid minCellSize
    overall { ...cell }
    histogram { from to suppressed n }
    visits { visitNumber value { ...mean } }
    withinSession { ...mean }
    doseResponse {
      totalMinutes { key label outcome { ...cell } }
      sessionsPerWeek { key label outcome { ...cell } }
      mainModality { key label outcome { ...cell } }
      minutesSlope { suppressed n slopePerMinute ciLow ciHigh }
    }
  }
}
fragment cell on OutcomeCell { suppressed n baselineMean baselineSd meanChange meanChangeCiLow meanChangeCiHigh changeSd effectSize
  standardizedResponseMean responderRate responderRateCiLow responderRateCiHigh }
fragment mean on MeanCell { suppressed n mean sd ciLow ciHigh }`;

async function outcomes(filter: Record<string, unknown> | null = null, as: TestApi = api, measure = 'NPRS') {
  const response = await as.request(outcomeQuery, { measure, filter }, { as: researcher });
  expect(response.errors).toBeUndefined();
  return response.data?.cohortOutcomes;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await createClinicWithTherapist(db, { clinicName: 'A', timeZone: 'America/Toronto' });
  const b = await createClinicWithTherapist(db, { clinicName: 'B', timeZone: 'Europe/London' });
  ids.clinicA = a.clinicId;
  ids.clinicB = b.clinicId;
  for (const c of clients) {
    const at = c.clinic === 'A' ? a : b;
    const series = [{ startDate: c.startDate, visits: c.visits }];
    // Client 1 has a later series too, with a huge change: only the earliest (matching) series of a client counts.
    if (c.i === 1)
      series.push({
        startDate: '2026-05-04',
        visits: [
          { day: 0, pre: 0, modalities: ['DEEP_TISSUE'] },
          { day: 7, pre: 10, modalities: ['DEEP_TISSUE'] },
        ],
      });
    ids.clientIds.push(
      await addResearchClient(db, {
        clinicId: at.clinicId,
        therapistId: at.therapistId,
        sex: c.sex,
        dateOfBirth: c.dateOfBirth,
        // Client 0 refused at a first intake and consented at the latest: the latest counts.
        consents: c.i === 0 ? [false, true] : [true],
        series,
      }),
    );
  }
  // Clients who must not count: never consented, or withdrew consent at their latest intake.
  for (const consents of [[false], [false], [true, false]]) {
    ids.clientIds.push(
      await addResearchClient(db, {
        clinicId: a.clinicId,
        therapistId: a.therapistId,
        consents,
        series: [
          {
            startDate: '2026-01-05',
            visits: [
              { day: 0, pre: 0 },
              { day: 7, pre: 10 },
            ],
          },
        ],
      }),
    );
  }
  researcher = await createTestAccount(db, { role: 'RESEARCHER' });
  api = await startApi(db, null);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

/** The outcome statistics of a group of subjects, by hand. */
function expectedCell(group: Subject[]) {
  const changes = group.map((c) => c.change);
  const baselines = group.map((c) => c.baseline);
  const m = mean(changes);
  const s = sd(changes);
  const half = (t975(group.length - 1) * s) / Math.sqrt(group.length);
  return {
    n: group.length,
    baselineMean: mean(baselines),
    baselineSd: sd(baselines),
    meanChange: m,
    changeSd: s,
    low: m - half,
    high: m + half,
  };
}

function expectCell(actual: any, group: Subject[]) {
  const expected = expectedCell(group);
  expect(actual.suppressed).toBe(false);
  expect(actual.n).toBe(expected.n);
  expect(actual.baselineMean).toBeCloseTo(expected.baselineMean, 10);
  expect(actual.baselineSd).toBeCloseTo(expected.baselineSd, 10);
  expect(actual.meanChange).toBeCloseTo(expected.meanChange, 10);
  expect(actual.changeSd).toBeCloseTo(expected.changeSd, 10);
  expect(actual.meanChangeCiLow).toBeCloseTo(expected.low, 10);
  expect(actual.meanChangeCiHigh).toBeCloseTo(expected.high, 10);
  expect(actual.effectSize).toBeCloseTo(expected.meanChange / expected.baselineSd, 10);
  expect(actual.standardizedResponseMean).toBeCloseTo(expected.meanChange / expected.changeSd, 10);
}

/** Every number of a hidden cell is null (a histogram bin keeps its edges, which say nothing about clients). */
const hiddenNumbers = (cell: Record<string, unknown>) =>
  Object.entries(cell)
    .filter(([key]) => !['suppressed', 'from', 'to'].includes(key))
    .every(([, value]) => value === null);

/**
 * The privacy invariants of every output: a shown cell has 0 or at least k clients; a hidden cell
 * has no numbers; in a group of cells adding up to the cohort (histogram, each kind of band,
 * responders), the hidden cells are none, or at least two holding at least k together (the shown
 * total minus the shown cells), or the whole group when the total is hidden.
 */
function expectNothingDerivable(outcome: any) {
  const k = outcome.minCellSize;
  const overall = outcome.overall;
  const checkCell = (cell: any) => {
    if (cell.suppressed) expect(hiddenNumbers(cell)).toBe(true);
    else expect(cell.n === 0 || cell.n >= k).toBe(true);
    if (!cell.suppressed && typeof cell.responderRate === 'number') {
      const responders = Math.round(cell.responderRate * cell.n);
      expect(responders === 0 || responders >= k).toBe(true);
      expect(cell.n - responders === 0 || cell.n - responders >= k).toBe(true);
    }
  };
  const checkGroup = (cells: { suppressed: boolean; n: number | null }[]) => {
    for (const cell of cells) checkCell(cell);
    const hidden = cells.filter((cell) => cell.suppressed);
    if (overall.suppressed) {
      expect(hidden.length).toBe(cells.length);
      return;
    }
    const shownSum = cells.reduce((sum, cell) => sum + (cell.n ?? 0), 0);
    if (hidden.length === 0) expect(shownSum).toBe(overall.n);
    else {
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(overall.n - shownSum).toBeGreaterThanOrEqual(k);
    }
  };
  checkCell(overall);
  checkGroup(outcome.histogram);
  for (const kind of ['totalMinutes', 'sessionsPerWeek', 'mainModality']) {
    checkGroup(outcome.doseResponse[kind].map((band: any) => band.outcome));
  }
  for (const visit of outcome.visits) checkCell(visit.value);
  if (outcome.visits.length > 0) expect(outcome.visits.at(-1).value.suppressed).toBe(false);
  checkCell(outcome.withinSession);
  const slope = outcome.doseResponse.minutesSlope;
  if (slope.suppressed) expect(hiddenNumbers(slope)).toBe(true);
  else expect(slope.n === 0 || slope.n >= k).toBe(true);
}

describe('cohort outcomes', () => {
  test('overall change, effect sizes and responders of the consenting clients match the hand computation', async () => {
    const outcome = await outcomes();
    expect(outcome).toMatchObject({ measureCode: 'NPRS', unit: '{score}', direction: -1, mcid: 2, minCellSize: 11 });
    expectCell(outcome.overall, clients);
    // Responders: change <= -2, i.e. i % 3 = 1 or 2 among the first 36: 24 of 39.
    const responders = clients.filter((c) => c.change <= -2).length;
    expect(responders).toBe(24);
    expect(outcome.overall.responderRate).toBeCloseTo(24 / 39, 12);
    // Wilson by hand: (p + z²/2n ± z√(p(1-p)/n + z²/4n²)) / (1 + z²/n).
    const [p, n, z] = [24 / 39, 39, 1.959963984540054];
    const centre = p + (z * z) / (2 * n);
    const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
    expect(outcome.overall.responderRateCiLow).toBeCloseTo((centre - half) / (1 + (z * z) / n), 10);
    expect(outcome.overall.responderRateCiHigh).toBeCloseTo((centre + half) / (1 + (z * z) / n), 10);
    expectNothingDerivable(outcome);
  });

  test('the histogram counts changes in bins of 1 point; the 3 worsening clients drag the smallest other bin into suppression', async () => {
    const { histogram } = await outcomes();
    expect(histogram).toHaveLength(20);
    expect(histogram[0]).toMatchObject({ from: -10, to: -9 });
    const bin = (change: number) => histogram[change + 10];
    // Changes -3, -2, -1: 12 clients each; +2: 3 clients (hidden), and one bin of 12 hidden with it.
    expect(bin(2)).toEqual({ from: 2, to: 3, suppressed: true, n: null });
    const shown = [-3, -2, -1].map((c) => bin(c));
    expect(shown.filter((b: any) => b.suppressed)).toHaveLength(1);
    expect(shown.filter((b: any) => !b.suppressed).map((b: any) => b.n)).toEqual([12, 12]);
    expect(histogram.filter((b: any) => !b.suppressed && b.n > 0)).toHaveLength(2);
  });

  test('time course by visit number: visits 1-4 (39, 39, 39 and 32 clients); later visits of 8 clients are left out', async () => {
    const { visits } = await outcomes();
    expect(visits.map((v: any) => v.visitNumber)).toEqual([1, 2, 3, 4]);
    for (const [index, visit] of visits.entries()) {
      const values = clients.filter((c) => c.pres.length > index).map((c) => c.pres[index] as number);
      expect(visit.value.n).toBe(values.length);
      expect(visit.value.mean).toBeCloseTo(mean(values), 10);
      expect(visit.value.sd).toBeCloseTo(sd(values), 10);
      const half = (t975(values.length - 1) * sd(values)) / Math.sqrt(values.length);
      expect(visit.value.ciLow).toBeCloseTo(mean(values) - half, 10);
    }
    expect(visits.map((v: any) => v.value.n)).toEqual([39, 39, 39, 32]);
  });

  test('within-session change is the mean over clients of their mean post - pre', async () => {
    const { withinSession } = await outcomes();
    const values = clients.map((c) => c.withinSession);
    expect(withinSession).toMatchObject({ suppressed: false, n: 39 });
    expect(withinSession.mean).toBeCloseTo(mean(values), 10);
    expect(withinSession.sd).toBeCloseTo(sd(values), 10);
  });

  test('filters: sex, clinic, age band, attended sessions, planned frequency, start dates, modality any or main', async () => {
    const cases: [Record<string, unknown>, (c: Subject) => boolean][] = [
      [{ sex: 'MALE' }, (c) => c.sex === 'MALE'],
      [{ clinicId: ids.clinicB }, (c) => c.clinic === 'B'],
      [{ ageBands: ['AGE_30_39'] }, (c) => c.i < 20],
      [{ ageBands: ['AGE_60_69', 'AGE_90_PLUS'] }, (c) => c.i >= 20],
      [{ minAttendedSessions: 4, maxAttendedSessions: 4 }, (c) => c.pres.length === 4],
      [{ startFrom: '2026-01-07', startTo: '2026-01-12' }, (c) => c.i % 10 >= 2 && c.i % 10 <= 7],
      [{ modality: 'DEEP_TISSUE', modalityMatch: 'ANY' }, (c) => c.i < 15],
      [{ modality: 'SWEDISH', modalityMatch: 'MAIN' }, (c) => c.i >= 12],
      [{ conditionCode: 'NECK_PAIN', minPlannedSessionsPerWeek: 1, maxPlannedSessionsPerWeek: 1 }, () => true],
      [{ conditionCode: 'FIBROMYALGIA' }, () => false],
    ];
    for (const [filter, keep] of cases) {
      const outcome = await outcomes(filter);
      const group = clients.filter(keep);
      if (group.length >= 11) expectCell(outcome.overall, group);
      else expect(outcome.overall.suppressed || group.length === 0).toBe(true);
      expectNothingDerivable(outcome);
    }
  });

  test('a cohort under k is suppressed whole: every cell of every output', async () => {
    const outcome = await outcomes({ minAttendedSessions: 5 });
    expect(outcome.overall.suppressed).toBe(true);
    expect(hiddenNumbers(outcome.overall)).toBe(true);
    expect(outcome.histogram.every((b: any) => b.suppressed)).toBe(true);
    for (const kind of ['totalMinutes', 'sessionsPerWeek', 'mainModality']) {
      expect(outcome.doseResponse[kind].every((b: any) => b.outcome.suppressed)).toBe(true);
    }
    expect(outcome.doseResponse.minutesSlope.suppressed).toBe(true);
    expect(outcome.visits).toEqual([]);
    expect(outcome.withinSession.suppressed).toBe(true);
    expectNothingDerivable(outcome);
  });

  test('the answer holds no identifier: no names, contact, birth or visit dates, notes or ids', async () => {
    const response = await api.request(outcomeQuery, { measure: 'NPRS', filter: null }, { as: researcher });
    const text = JSON.stringify(response);
    for (const secret of [
      ...ids.clientIds,
      ids.clinicA,
      ids.clinicB,
      'Research',
      'Subject',
      'example.com',
      '555-',
      '1990',
      '1960',
      '2026-',
      'Private',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  test('researchers list the clinics by name, for the clinic filter', async () => {
    const response = await api.request('{ researchClinics { id name timeZone } }', undefined, { as: researcher });
    expect(response.data?.researchClinics).toEqual([
      { id: ids.clinicA, name: 'A', timeZone: 'America/Toronto' },
      { id: ids.clinicB, name: 'B', timeZone: 'Europe/London' },
    ]);
  });

  test('a measure without a published MCID has no responder rate', async () => {
    const outcome = await outcomes(null, api, 'LUMBAR_FLEXION');
    expect(outcome.mcid).toBeNull();
    expect(outcome.overall).toMatchObject({ n: 0, responderRate: null, responderRateCiLow: null });
  });
});

describe('dose-response', () => {
  test('bands of total minutes: 180 (7 clients) and 480 (8) hidden together; 240 (24) shown with its statistics', async () => {
    const { doseResponse } = await outcomes();
    const bands = doseResponse.totalMinutes;
    expect(bands.map((b: any) => b.key)).toEqual([
      'MINUTES_0_239',
      'MINUTES_240_479',
      'MINUTES_480_719',
      'MINUTES_720_959',
      'MINUTES_960_PLUS',
    ]);
    expect(bands.map((b: any) => b.outcome.suppressed)).toEqual([true, false, true, false, false]);
    expectCell(
      bands[1].outcome,
      clients.filter((c) => c.minutes === 240),
    );
    expect(bands[3].outcome.n).toBe(0);
  });

  test('bands of visits per week: one small band (3 visits in a week: 7 clients) drags the weekly band (32) with it', async () => {
    const { doseResponse } = await outcomes();
    expect(doseResponse.sessionsPerWeek.map((b: any) => [b.key, b.outcome.suppressed, b.outcome.n])).toEqual([
      ['PER_WEEK_UNDER_0_75', false, 0],
      ['PER_WEEK_0_75_1_5', true, null],
      ['PER_WEEK_1_5_2_5', true, null],
      ['PER_WEEK_2_5_PLUS', false, 0],
    ]);
  });

  test('bands of main modality: DEEP_TISSUE (12) and SWEDISH (27) with their statistics', async () => {
    const { doseResponse } = await outcomes();
    const byKey = Object.fromEntries(doseResponse.mainModality.map((b: any) => [b.key, b.outcome]));
    expectCell(
      byKey.DEEP_TISSUE,
      clients.filter((c) => c.i < 12),
    );
    expectCell(
      byKey.SWEDISH,
      clients.filter((c) => c.i >= 12),
    );
    expect(byKey.NONE.n).toBe(0);
  });

  test('slope of change on total minutes, with its 95% interval, by hand', async () => {
    const { minutesSlope } = (await outcomes()).doseResponse;
    const xs = clients.map((c) => c.minutes);
    const ys = clients.map((c) => c.change);
    const [mx, my] = [mean(xs), mean(ys)];
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const sxy = xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] as number) - my), 0);
    const slope = sxy / sxx;
    const rss = ys.reduce((a, y, i) => a + (y - my - slope * ((xs[i] as number) - mx)) ** 2, 0);
    const half = t975(37) * Math.sqrt(rss / 37 / sxx);
    expect(minutesSlope).toMatchObject({ suppressed: false, n: 39 });
    expect(minutesSlope.slopePerMinute).toBeCloseTo(slope, 10);
    expect(minutesSlope.ciLow).toBeCloseTo(slope - half, 10);
    expect(minutesSlope.ciHigh).toBeCloseTo(slope + half, 10);
  });
});

describe('comparison of two cohorts', () => {
  const comparisonQuery = `query($a: CohortFilterInput!, $b: CohortFilterInput!) {
    cohortComparison(measureCode: "NPRS", a: $a, b: $b) {
      minCellSize a { suppressed n meanChange } b { suppressed n meanChange } difference { suppressed estimate ciLow ciHigh } } }`;

  test('clinic B against clinic A: difference in mean change with Welch’s interval, by hand', async () => {
    const response = await api.request(comparisonQuery, { a: { clinicId: ids.clinicA }, b: { clinicId: ids.clinicB } }, { as: researcher });
    const result = response.data?.cohortComparison;
    const [a, b] = [clients.filter((c) => c.clinic === 'A'), clients.filter((c) => c.clinic === 'B')].map((g) =>
      g.map((c) => c.change),
    ) as [number[], number[]];
    const [va, vb] = [sd(a) ** 2 / a.length, sd(b) ** 2 / b.length];
    const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
    const estimate = mean(b) - mean(a);
    const half = t975(df) * Math.sqrt(va + vb);
    expect(result.a).toMatchObject({ suppressed: false, n: 24 });
    expect(result.b).toMatchObject({ suppressed: false, n: 15 });
    expect(result.difference.estimate).toBeCloseTo(estimate, 10);
    expect(result.difference.ciLow).toBeCloseTo(estimate - half, 10);
    expect(result.difference.ciHigh).toBeCloseTo(estimate + half, 10);
  });

  test('a side under k is suppressed, and so is the difference', async () => {
    const response = await api.request(
      comparisonQuery,
      { a: { clinicId: ids.clinicA }, b: { minAttendedSessions: 5 } },
      { as: researcher },
    );
    const result = response.data?.cohortComparison;
    expect(result.a.n).toBe(24);
    expect(result.b).toEqual({ suppressed: true, n: null, meanChange: null });
    expect(result.difference).toEqual({ suppressed: true, estimate: null, ciLow: null, ciHigh: null });
  });
});

describe('minimum cell size from the configuration', () => {
  test('with k = 5 the bands of 7 and 8 clients are shown, and nothing is derivable still', async () => {
    const api5 = await startApi(db, null, { researchMinCell: 5 });
    try {
      const outcome = await outcomes(null, api5);
      expect(outcome.minCellSize).toBe(5);
      expect(outcome.doseResponse.totalMinutes.map((b: any) => b.outcome.n)).toEqual([7, 24, 8, 0, 0]);
      expectCell(
        outcome.doseResponse.totalMinutes[0].outcome,
        clients.filter((c) => c.minutes === 180),
      );
      expectNothingDerivable(outcome);
      for (const filter of [{ sex: 'MALE' }, { clinicId: ids.clinicB }, { minAttendedSessions: 5 }, { ageBands: ['AGE_30_39'] }]) {
        expectNothingDerivable(await outcomes(filter, api5));
      }
    } finally {
      await api5.stop();
    }
  });
});

describe('audit and input', () => {
  test('every research query is in the audit trail with its filters', async () => {
    const filter = { sex: 'FEMALE', ageBands: ['AGE_30_39'] };
    await outcomes(filter);
    const rows = await db.orm.em
      .fork()
      .execute<{ role: string; operation: string; client_id: string | null; detail: any }[]>(
        `select role, operation, client_id, detail from audit_event where operation = 'Query.cohortOutcomes' order by at desc limit 1`,
      );
    expect(rows[0]).toMatchObject({ role: 'RESEARCHER', client_id: null });
    expect(rows[0]?.detail).toMatchObject({
      measureCode: 'NPRS',
      filter: { sex: 'FEMALE', ageBands: ['AGE_30_39'], modalityMatch: 'ANY' },
    });
  });

  test.each([
    [{ measure: 'NOPE' }, 'measureCode', 'unknown-code'],
    [{ filter: { conditionCode: 'NOPE' } }, 'filter.conditionCode', 'unknown-code'],
    [{ filter: { minAttendedSessions: 5, maxAttendedSessions: 2 } }, 'filter.minAttendedSessions', 'min-not-above-max'],
    [{ filter: { minAttendedSessions: -1 } }, 'filter.minAttendedSessions', 'range'],
    [{ filter: { maxPlannedSessionsPerWeek: 20 } }, 'filter.maxPlannedSessionsPerWeek', 'range'],
    [{ filter: { clinicId: 'x' } }, 'filter.clinicId', 'id'],
    [{ filter: { startFrom: '2026-03-01', startTo: '2026-02-01' } }, 'filter.startFrom', 'min-not-above-max'],
  ])('bad input %j names %s and %s', async (variables, field, rule) => {
    const response = await api.request(outcomeQuery, { measure: 'NPRS', filter: null, ...variables }, { as: researcher });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(response.data).toBeNull();
  });
});
