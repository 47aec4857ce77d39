import { cellKeySql, maxCountNoise, publishCount } from '@fascia/server/modules/research/perturbation.js';
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
 *
 * Published figures are perturbed (cell-key method, research/perturbation.ts) by a bounded noise: a
 * count by at most 2, a mean or SD of n clients on the 0-10 NPRS by at most 10 / n, a rate by at most
 * 1 / n. So each figure is checked against the hand computation within that bound, and the figures
 * derived from others (intervals, effect sizes) exactly from the published ones. Overlap control
 * (refusing a cohort a few clients away from an earlier one) is the subject of research-attacks.test.ts;
 * here every question is asked as if it were the first (the released cohorts are forgotten before each).
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

/** Forgets the released cohorts (overlap control), so that each question here stands on its own. */
async function forgetReleases() {
  await db.orm.em.fork().execute('delete from research_release');
}

async function outcomes(filter: Record<string, unknown> | null = null, as: TestApi = api, measure = 'NPRS') {
  await forgetReleases();
  const response = await as.request(outcomeQuery, { measure, filter }, { as: researcher });
  expect(response.errors).toBeUndefined();
  return response.data?.cohortOutcomes;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await createClinicWithTherapist(db, { clinicName: 'A', timeZone: 'America/Toronto', research: true });
  const b = await createClinicWithTherapist(db, { clinicName: 'B', timeZone: 'Europe/London', research: true });
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

/** NPRS runs 0-10: the perturbation of a mean or SD of n clients is at most 10 / n. */
const noiseBound = (n: number) => 10 / n + 1e-9;

function expectWithin(actual: number, expected: number, bound: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(bound);
}

function expectCell(actual: any, group: Subject[]) {
  const expected = expectedCell(group);
  const bound = noiseBound(expected.n);
  expect(actual.suppressed).toBe(false);
  expectWithin(actual.n, expected.n, maxCountNoise);
  expectWithin(actual.baselineMean, expected.baselineMean, bound);
  expectWithin(actual.baselineSd, expected.baselineSd, bound);
  expectWithin(actual.meanChange, expected.meanChange, bound);
  expectWithin(actual.changeSd, expected.changeSd, bound);
  // The interval, effect size and SRM follow from the published figures exactly.
  const half = (t975(actual.n - 1) * actual.changeSd) / Math.sqrt(actual.n);
  expect(actual.meanChangeCiLow).toBeCloseTo(actual.meanChange - half, 10);
  expect(actual.meanChangeCiHigh).toBeCloseTo(actual.meanChange + half, 10);
  expectRatio(actual.effectSize, actual.meanChange, actual.baselineSd);
  expectRatio(actual.standardizedResponseMean, actual.meanChange, actual.changeSd);
}

/**
 * A published ratio of published figures. A perturbed SD never goes below 0: a small cell's noise can exceed its
 * true SD (7 baselines of SD 1.15 with noise up to 10 / 7), and then the SD is 0 and the ratio null.
 */
function expectRatio(actual: number | null, numerator: number, denominator: number) {
  if (denominator === 0) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(numerator / denominator, 10);
}

/** A group's cell key as the server computes it: the sum of its members' research keys modulo 2^32. */
async function cellKeyOf(group: Subject[]): Promise<number> {
  const rows: { ck: string }[] = await db.orm.em
    .fork()
    .execute(`select ${cellKeySql('research_key')} as ck from client where id = any(?::uuid[])`, [
      `{${group.map((c) => ids.clientIds[c.i]).join(',')}}`,
    ]);
  return Number(rows[0]?.ck);
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
    // 0 is never shown: it answers like 1..k-1 (suppressed).
    else expect(cell.n).toBeGreaterThanOrEqual(k);
    if (!cell.suppressed && typeof cell.responderRate === 'number') {
      const responders = cell.responderRate * cell.n;
      expect(responders).toBeGreaterThanOrEqual(k - 2 * maxCountNoise);
      expect(cell.n - responders).toBeGreaterThanOrEqual(k - 2 * maxCountNoise);
    }
  };
  const checkGroup = (cells: { suppressed: boolean; n: number | null }[]) => {
    for (const cell of cells) checkCell(cell);
    const hidden = cells.filter((cell) => cell.suppressed);
    if (overall.suppressed) {
      expect(hidden.length).toBe(cells.length);
      return;
    }
    // The total minus the shown cells is the hidden cells' sum plus the noise of every published count:
    // either about 0 (only empty cells hidden) or at least k less that noise, never 1..k-1 for sure.
    const shown = cells.filter((cell) => !cell.suppressed);
    const shownSum = shown.reduce((sum, cell) => sum + (cell.n ?? 0), 0);
    const margin = maxCountNoise * (shown.length + 1);
    const rest = overall.n - shownSum;
    expect(Math.abs(rest) <= margin || rest >= k - margin).toBe(true);
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
  else expect(slope.n).toBeGreaterThanOrEqual(k);
}

describe('cohort outcomes', () => {
  test('overall change, effect sizes and responders of the consenting clients match the hand computation', async () => {
    const outcome = await outcomes();
    expect(outcome).toMatchObject({ measureCode: 'NPRS', unit: '{score}', direction: -1, mcid: 2, minCellSize: 11 });
    expectCell(outcome.overall, clients);
    // Responders: change <= -2, i.e. i % 3 = 1 or 2 among the first 36: 24 of 39.
    const responders = clients.filter((c) => c.change <= -2).length;
    expect(responders).toBe(24);
    // The rate moves by at most one client (1 / n); its Wilson interval is that of the published rate and n.
    expectWithin(outcome.overall.responderRate, 24 / 39, 1 / 39 + 1e-9);
    // Wilson by hand: (p + z²/2n ± z√(p(1-p)/n + z²/4n²)) / (1 + z²/n).
    const [p, n, z] = [outcome.overall.responderRate, outcome.overall.n, 1.959963984540054];
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
    // One of them hidden with the +2 bin. Another may be hidden by its noise: 12 published as 10 is under k
    // (publishCount), with probability 0.1 per bin, by the members' cell key, which differs run to run.
    const hidden = shown.filter((b: any) => b.suppressed).length;
    expect(hidden).toBeGreaterThanOrEqual(1);
    for (const b of shown.filter((b: any) => !b.suppressed)) {
      expectWithin(b.n, 12, maxCountNoise);
      expect(b.n).toBeGreaterThanOrEqual(11);
    }
    // Empty bins answer like small ones: suppressed, no count.
    expect(histogram.filter((b: any) => !b.suppressed)).toHaveLength(3 - hidden);
    expect(bin(-9)).toEqual({ from: -9, to: -8, suppressed: true, n: null });
  });

  test('time course by visit number: visits 1-4 (39, 39, 39 and 32 clients); later visits of 8 clients are left out', async () => {
    const { visits } = await outcomes();
    expect(visits.map((v: any) => v.visitNumber)).toEqual([1, 2, 3, 4]);
    for (const [index, visit] of visits.entries()) {
      const values = clients.filter((c) => c.pres.length > index).map((c) => c.pres[index] as number);
      expectWithin(visit.value.n, values.length, maxCountNoise);
      expectWithin(visit.value.mean, mean(values), noiseBound(values.length));
      expectWithin(visit.value.sd, sd(values), noiseBound(values.length));
      const half = (t975(visit.value.n - 1) * visit.value.sd) / Math.sqrt(visit.value.n);
      expect(visit.value.ciLow).toBeCloseTo(visit.value.mean - half, 10);
    }
    // Visits 1-3 have the same 39 clients: the same cell key, so the same count noise; visit 4 has 32.
    const counts = visits.map((v: any) => v.value.n);
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBe(counts[2]);
  });

  test('within-session change is the mean over clients of their mean post - pre', async () => {
    const { withinSession } = await outcomes();
    const values = clients.map((c) => c.withinSession);
    expect(withinSession.suppressed).toBe(false);
    expectWithin(withinSession.n, 39, maxCountNoise);
    expectWithin(withinSession.mean, mean(values), noiseBound(39));
    expectWithin(withinSession.sd, sd(values), noiseBound(39));
  });

  test('filters: sex, clinic, age band, attended sessions, planned frequency, start months, modality any or main', async () => {
    const cases: [Record<string, unknown>, (c: Subject) => boolean][] = [
      [{ sex: 'MALE' }, (c) => c.sex === 'MALE'],
      [{ clinicId: ids.clinicB }, (c) => c.clinic === 'B'],
      [{ ageBands: ['AGE_30_39'] }, (c) => c.i < 20],
      [{ ageBands: ['AGE_60_69', 'AGE_90_PLUS'] }, (c) => c.i >= 20],
      [{ minAttendedSessions: 4, maxAttendedSessions: 4 }, (c) => c.pres.length === 4],
      [{ startMonthFrom: '2026-01', startMonthTo: '2026-01' }, () => true],
      [{ clinicId: ids.clinicB, sex: 'MALE' }, (c) => c.clinic === 'B' && c.sex === 'MALE'],
      [{ modality: 'DEEP_TISSUE', modalityMatch: 'ANY' }, (c) => c.i < 15],
      [{ modality: 'SWEDISH', modalityMatch: 'MAIN' }, (c) => c.i >= 12],
      [{ conditionCode: 'NECK_PAIN', minPlannedSessionsPerWeek: 1, maxPlannedSessionsPerWeek: 1 }, () => true],
    ];
    for (const [filter, keep] of cases) {
      const outcome = await outcomes(filter);
      const group = clients.filter(keep);
      if (group.length >= 11) expectCell(outcome.overall, group);
      else expect(outcome.overall.suppressed).toBe(true);
      expectNothingDerivable(outcome);
    }
  });

  test('a filter that on its own matches fewer than k clients (0 or 1..k-1) is refused alike, before any statistic', async () => {
    const answers = [];
    for (const filter of [{ conditionCode: 'FIBROMYALGIA' }, { minAttendedSessions: 5 }, { ageBands: ['AGE_90_PLUS'] }]) {
      const response = await api.request(outcomeQuery, { measure: 'NPRS', filter }, { as: researcher });
      expect(response.data).toBeNull();
      const { extensions, message } = response.errors?.[0] ?? {};
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'matches-fewer-than-k' });
      answers.push(message?.replace(/^filter\.\w+: /, ''));
    }
    // 0 clients (FIBROMYALGIA, 90+) and 8 clients (5+ visits) get the very same words.
    expect(new Set(answers).size).toBe(1);
  });

  test('a cohort under k is suppressed whole: every cell of every output', async () => {
    // Clinic B (15) and MALE (13) each pass the per-filter check; together they are 5 clients.
    const outcome = await outcomes({ clinicId: ids.clinicB, sex: 'MALE' });
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
      // Birth years as they would appear in a date (perturbed figures have 16 digits, which may hold "1990").
      '1990-',
      '1960-',
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
    // Nobody has lumbar flexion here: an empty cohort answers like a small one.
    expect(outcome.overall).toMatchObject({ suppressed: true, n: null, responderRate: null, responderRateCiLow: null });
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
    // Empty bands (720 min and more) are suppressed too: 0 answers like 1..k-1.
    expect(bands.map((b: any) => b.outcome.suppressed)).toEqual([true, false, true, true, true]);
    expectCell(
      bands[1].outcome,
      clients.filter((c) => c.minutes === 240),
    );
    expect(bands[3].outcome.n).toBeNull();
  });

  test('bands of visits per week: one small band (3 visits in a week: 7 clients) drags the weekly band (32) with it', async () => {
    const { doseResponse } = await outcomes();
    expect(doseResponse.sessionsPerWeek.map((b: any) => [b.key, b.outcome.suppressed, b.outcome.n])).toEqual([
      ['PER_WEEK_UNDER_0_75', true, null],
      ['PER_WEEK_0_75_1_5', true, null],
      ['PER_WEEK_1_5_2_5', true, null],
      ['PER_WEEK_2_5_PLUS', true, null],
    ]);
  });

  test('bands of main modality: DEEP_TISSUE (12) and SWEDISH (27) with their statistics', async () => {
    const { doseResponse, minCellSize } = await outcomes();
    const byKey = Object.fromEntries(doseResponse.mainModality.map((b: any) => [b.key, b.outcome]));
    const deepTissue = clients.filter((c) => c.i < 12);
    // 12 is one above k: a count noise of -2 (probability 0.1, by the members' random research keys)
    // publishes 10, which is under k, so the band is hidden. Which way it goes follows from their cell key.
    if (publishCount(deepTissue.length, await cellKeyOf(deepTissue), minCellSize, 'NPRS:n') === null)
      expect(hiddenNumbers(byKey.DEEP_TISSUE) && byKey.DEEP_TISSUE.suppressed).toBe(true);
    else expectCell(byKey.DEEP_TISSUE, deepTissue);
    expectCell(
      byKey.SWEDISH,
      clients.filter((c) => c.i >= 12),
    );
    expect(byKey.NONE).toMatchObject({ suppressed: true, n: null });
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
    expect(minutesSlope.suppressed).toBe(false);
    expectWithin(minutesSlope.n, 39, maxCountNoise);
    // Perturbed by at most one client's largest influence: range of change x range of minutes / Sxx.
    const bound = (10 * (Math.max(...xs) - Math.min(...xs))) / sxx;
    expectWithin(minutesSlope.slopePerMinute, slope, bound);
    expectWithin(minutesSlope.ciLow, slope - half, bound + half * 0.5);
    expectWithin(minutesSlope.ciHigh, slope + half, bound + half * 0.5);
  });
});

describe('comparison of two cohorts', () => {
  const comparisonQuery = `query($a: CohortFilterInput!, $b: CohortFilterInput!) {
    cohortComparison(measureCode: "NPRS", a: $a, b: $b) {
      minCellSize a { suppressed n meanChange } b { suppressed n meanChange } difference { suppressed estimate ciLow ciHigh } } }`;

  test('clinic B against clinic A: difference in mean change with Welch’s interval, by hand', async () => {
    await forgetReleases();
    const response = await api.request(comparisonQuery, { a: { clinicId: ids.clinicA }, b: { clinicId: ids.clinicB } }, { as: researcher });
    const result = response.data?.cohortComparison;
    const [a, b] = [clients.filter((c) => c.clinic === 'A'), clients.filter((c) => c.clinic === 'B')].map((g) =>
      g.map((c) => c.change),
    ) as [number[], number[]];
    const [va, vb] = [sd(a) ** 2 / a.length, sd(b) ** 2 / b.length];
    const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
    const estimate = mean(b) - mean(a);
    const half = t975(df) * Math.sqrt(va + vb);
    expectWithin(result.a.n, 24, maxCountNoise);
    expectWithin(result.b.n, 15, maxCountNoise);
    // The difference is that of the published means (each perturbed by its own cohort's key).
    expect(result.difference.estimate).toBeCloseTo(result.b.meanChange - result.a.meanChange, 10);
    expectWithin(result.difference.estimate, estimate, noiseBound(24) + noiseBound(15));
    expectWithin(result.difference.ciLow, estimate - half, noiseBound(24) + noiseBound(15) + half * 0.5);
    expectWithin(result.difference.ciHigh, estimate + half, noiseBound(24) + noiseBound(15) + half * 0.5);
  });

  test('a side under k is suppressed, and so is the difference', async () => {
    await forgetReleases();
    const response = await api.request(
      comparisonQuery,
      { a: { clinicId: ids.clinicA }, b: { clinicId: ids.clinicB, sex: 'MALE' } },
      { as: researcher },
    );
    const result = response.data?.cohortComparison;
    expectWithin(result.a.n, 24, maxCountNoise);
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
      const bandCounts = outcome.doseResponse.totalMinutes.map((b: any) => b.outcome.n);
      [7, 24, 8].forEach((n, i) => {
        expectWithin(bandCounts[i], n, maxCountNoise);
      });
      expect(bandCounts.slice(3)).toEqual([null, null]);
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
      .execute<{ role: string; operation: string; client_ids: string[]; detail: any }[]>(
        `select role, operation, client_ids, detail from audit_event where operation = 'Query.cohortOutcomes' order by at desc limit 1`,
      );
    expect(rows[0]).toMatchObject({ role: 'RESEARCHER', client_ids: [] });
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
    [{ filter: { startMonthFrom: '2026-03', startMonthTo: '2026-02' } }, 'filter.startMonthFrom', 'min-not-above-max'],
    [{ filter: { startMonthFrom: '2026-13' } }, 'filter.startMonthFrom', 'month'],
    [{ filter: { startMonthTo: '2026-02-30' } }, 'filter.startMonthTo', 'month'],
    [{ filter: { startMonthFrom: '2026-00' } }, 'filter.startMonthFrom', 'month'],
  ])('bad input %j names %s and %s', async (variables, field, rule) => {
    const response = await api.request(outcomeQuery, { measure: 'NPRS', filter: null, ...variables }, { as: researcher });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(response.data).toBeNull();
  });
});
