import { seedResearchNetwork } from '@fascia/server/demo/research-network.js';
import { findMeasure } from '@fascia/server/modules/measures/measure-catalog.js';
import { checkCohortFilter } from '@fascia/server/modules/research/research.input.js';
import { histogramBounds, outcomeStatement } from '@fascia/server/modules/research/research.sql.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createDemoDatabase } from '../support/demo-seed.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount } from '../support/factories.js';
import { addResearchClient, type VisitSpec } from '../support/research-data.js';

/*
 * The research outputs attacked as a hostile researcher would, on two data sets: a generated research
 * network of 600 clients, and the demo data with its synthetic network (1,600 clients). Into each, a
 * few "targets" are planted whose attributes make them unique (a lone start month, age over 90, 20
 * visits at 3 a week, sex OTHER in each of 8 conditions), each with a known NPRS change. Every attack
 * tries to recover a target's value, date or membership; each must fail: either the server refuses the
 * query (COHORT_OVERLAP, a filter under k), or the value the attacker computes misses the true one by
 * about the perturbation (checked numerically over all targets).
 */

const k = 11;
const log = pino({ level: 'silent' });

const outcomeQuery = `query($filter: CohortFilterInput) {
  cohortOutcomes(measureCode: "NPRS", filter: $filter) {
    overall { suppressed n meanChange responderRate }
    visits { visitNumber value { suppressed n mean } }
    histogram { suppressed n }
    doseResponse { totalMinutes { outcome { suppressed n meanChange } } }
  }
}`;
const comparisonQuery = `query($a: CohortFilterInput!, $b: CohortFilterInput!) {
  cohortComparison(measureCode: "NPRS", a: $a, b: $b) { a { suppressed n meanChange } b { suppressed n meanChange } difference { estimate } } }`;

interface Setting {
  db: TestDatabase;
  api: TestApi;
  researchers: [TestAccount, TestAccount];
  /** The planted targets: their NPRS change (latest - baseline). */
  targets: { lonelyMonth: number; old: number; manyVisits: number; other: { condition: string; change: number }[] };
}

/** Weekly visits with NPRS falling from `from` by `change` over them. */
function visitsOf(count: number, from: number, change: number, everyDays = 7): VisitSpec[] {
  return Array.from({ length: count }, (_, v) => ({
    day: v * everyDays,
    pre: v === count - 1 ? from + change : from,
    post: from - 1,
    modalities: ['SWEDISH'],
  }));
}

const otherConditions = [
  'NECK_PAIN',
  'CHRONIC_LOW_BACK_PAIN',
  'TENSION_TYPE_HEADACHE',
  'WHIPLASH',
  'FIBROMYALGIA',
  'POSTURAL_PAIN',
  'OSTEOARTHRITIS',
  'FROZEN_SHOULDER',
];

async function plantTargets(db: TestDatabase): Promise<Setting['targets']> {
  const clinic = await createClinicWithTherapist(db, { clinicName: 'Attack clinic', timeZone: 'UTC', research: true });
  const at = { clinicId: clinic.clinicId, therapistId: clinic.therapistId };
  // Start month 2023-03: no other series starts in it (the networks start from late 2024).
  await addResearchClient(db, {
    ...at,
    series: [{ conditionCode: 'NECK_PAIN', startDate: '2023-03-13', visits: visitsOf(6, 7, -5) }],
  });
  // Born 1930: the only client over 90.
  await addResearchClient(db, {
    ...at,
    dateOfBirth: '1930-02-01',
    series: [{ conditionCode: 'NECK_PAIN', startDate: '2025-06-02', visits: visitsOf(6, 8, -6) }],
  });
  // 20 visits, planned 3 a week: the only one (the networks plan at most 2 and have at most 14).
  await addResearchClient(db, {
    ...at,
    series: [{ conditionCode: 'NECK_PAIN', startDate: '2025-06-02', plannedSessionsPerWeek: 3, visits: visitsOf(20, 6, 3, 2) }],
  });
  const other: Setting['targets']['other'] = [];
  for (const [i, condition] of otherConditions.entries()) {
    const change = [-7, 4, -1, 6, -3, 2, -8, 5][i] as number;
    await addResearchClient(db, {
      ...at,
      sex: 'OTHER',
      series: [{ conditionCode: condition, startDate: '2025-07-07', visits: visitsOf(5, change > 0 ? 2 : 9, change) }],
    });
    other.push({ condition, change });
  }
  return { lonelyMonth: -5, old: -6, manyVisits: 3, other };
}

async function setUp(kind: 'network' | 'demo'): Promise<Setting> {
  const db = kind === 'network' ? await createTestDatabase() : await createDemoDatabase();
  if (kind === 'network') {
    await db.orm.em.fork().transactional((tx) => seedResearchNetwork(tx, log, { clients: 600, anchorDate: '2026-11-20', seed: 99 }));
  }
  const targets = await plantTargets(db);
  const researchers: [TestAccount, TestAccount] = [
    await createTestAccount(db, { role: 'RESEARCHER' }),
    await createTestAccount(db, { role: 'RESEARCHER' }),
  ];
  const api = await startApi(db, null, { researchMinCell: k });
  return { db, api, researchers, targets };
}

type Answer = { data: any; code: string | null; rule: string | null; message: string | null };

async function ask(setting: Setting, filter: Record<string, unknown> | null, researcher = 0): Promise<Answer> {
  const response = await setting.api.request(outcomeQuery, { filter }, { as: setting.researchers[researcher] as TestAccount });
  const error = response.errors?.[0];
  return {
    data: response.data?.cohortOutcomes ?? null,
    code: (error?.extensions?.code as string) ?? null,
    rule: (error?.extensions?.rule as string) ?? null,
    message: error?.message ?? null,
  };
}

/** The exact (unperturbed) figures of a cohort, from the server's own statement: the attacker's unknown truth. */
async function exact(setting: Setting, filter: Record<string, unknown>) {
  const measure = findMeasure('NPRS');
  if (!measure) throw new Error('NPRS missing');
  const statement = outcomeStatement(checkCohortFilter(filter as never), 'NPRS', histogramBounds(measure));
  const [row] = await setting.db.orm.em.fork().execute<{ result: any }[]>(statement.sql, statement.params);
  return row?.result;
}

/**
 * The attacker's estimate of one client's change from a cohort's published n and mean and the
 * cohorts that cover all of it but that client: n·m - Σ nᵢ·mᵢ.
 */
function solveForOne(whole: any, parts: any[]): number | null {
  if (whole.overall.suppressed || parts.some((p) => p.overall.suppressed)) return null;
  return whole.overall.n * whole.overall.meanChange - parts.reduce((sum, p) => sum + p.overall.n * p.overall.meanChange, 0);
}

const settings: Record<'network' | 'demo', Setting> = {} as never;

beforeAll(async () => {
  settings.network = await setUp('network');
  settings.demo = await setUp('demo');
}, 240_000);
afterAll(async () => {
  for (const setting of Object.values(settings)) {
    await setting?.api.stop();
    await setting?.db.drop();
  }
});

describe.each(['network', 'demo'] as const)('attacks on the %s data', (kind) => {
  test('the data set is worth attacking: the whole population is shown, with time course and dose bands, at k = 11', async () => {
    const setting = settings[kind];
    const whole = await ask(setting, null);
    expect(whole.code).toBeNull();
    expect(whole.data.overall.suppressed).toBe(false);
    expect(whole.data.overall.n).toBeGreaterThan(kind === 'demo' ? 1300 : 450);
    expect(whole.data.visits.filter((v: any) => !v.value.suppressed).length).toBeGreaterThanOrEqual(10);
    expect(whole.data.doseResponse.totalMinutes.filter((b: any) => !b.outcome.suppressed).length).toBeGreaterThanOrEqual(3);
    expect(whole.data.overall.responderRate).not.toBeNull();
  });

  test('date sweep by month: the month that holds one client cannot be subtracted out, alone or in a comparison', async () => {
    const setting = settings[kind];
    const answers: Answer[] = [];
    for (const month of ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05'])
      answers.push(await ask(setting, { startMonthFrom: month }));
    // From 2023-01 to 2023-03 the cohort is the same (the lonely client included): the same answer.
    expect(answers[1]?.data).toEqual(answers[0]?.data);
    expect(answers[2]?.data).toEqual(answers[0]?.data);
    // From 2023-04 the lonely client is gone: one client fewer than a released cohort, refused, naming nobody.
    expect(answers[3]?.code).toBe('COHORT_OVERLAP');
    expect(answers[3]?.message).not.toMatch(/2023|NECK|client [0-9a-f]{8}/i);
    expect(answers[4]?.code).toBe('COHORT_OVERLAP');
    // The month on its own: a filter under k.
    const alone = await ask(setting, { startMonthFrom: '2023-03', startMonthTo: '2023-03' });
    expect(alone.rule).toBe('matches-fewer-than-k');
    // Both cohorts in one request: refused too.
    const comparison = await setting.api.request(
      comparisonQuery,
      { a: { startMonthFrom: '2023-03' }, b: { startMonthFrom: '2023-04' } },
      { as: setting.researchers[0] },
    );
    expect(comparison.errors?.[0]?.extensions?.code).toBe('COHORT_OVERLAP');
    expect(comparison.data).toBeNull();
  });

  test('pairwise differencing over every filter dimension: each pair that isolates a target is refused', async () => {
    const setting = settings[kind];
    expect((await ask(setting, {})).code).toBeNull();
    const allBut90 = ['AGE_0_9', 'AGE_10_19', 'AGE_20_29', 'AGE_30_39', 'AGE_40_49', 'AGE_50_59', 'AGE_60_69', 'AGE_70_79', 'AGE_80_89'];
    const pairs: Record<string, unknown>[] = [
      { ageBands: allBut90 },
      { maxAttendedSessions: 19 },
      { maxPlannedSessionsPerWeek: 2.5 },
      { startMonthFrom: '2023-04' },
    ];
    for (const filter of pairs) {
      const answer = await ask(setting, filter);
      expect(answer.code, JSON.stringify(filter)).toBe('COHORT_OVERLAP');
    }
    // The other researcher gets the same refusal: releases are remembered for all researchers together.
    for (const filter of pairs) expect((await ask(setting, filter, 1)).code).toBe('COHORT_OVERLAP');
    // The dimensions whose value isolates a target on its own are refused before any statistic.
    for (const filter of [{ ageBands: ['AGE_90_PLUS'] }, { startMonthTo: '2023-12' }, { conditionCode: 'CARPAL_TUNNEL', sex: 'OTHER' }]) {
      expect((await ask(setting, filter)).rule).toBe('matches-fewer-than-k');
    }
  });

  test('a tracker of overlapping cohorts, asked by two researchers: the sums do not give a target’s change', async () => {
    const setting = settings[kind];
    const errors: number[] = [];
    for (const [i, target] of setting.targets.other.entries()) {
      // condition = female + male + the one target with sex OTHER; researcher A asks two, B the third.
      const whole = await ask(setting, { conditionCode: target.condition }, i % 2);
      const female = await ask(setting, { conditionCode: target.condition, sex: 'FEMALE' }, (i + 1) % 2);
      const male = await ask(setting, { conditionCode: target.condition, sex: 'MALE' }, i % 2);
      const answers = [whole, female, male];
      if (answers.some((a) => a.code !== null)) {
        // A refusal (overlap or a filter under k) defeats the attack too.
        errors.push(Number.POSITIVE_INFINITY);
        continue;
      }
      const estimate = solveForOne(whole.data, [female.data, male.data]);
      errors.push(estimate === null ? Number.POSITIVE_INFINITY : Math.abs(estimate - target.change));
    }
    // The truth is an integer from -8 to 6; an estimate within half a point would give it away.
    const recovered = errors.filter((e) => e < 0.5).length;
    expect(recovered, `errors ${errors.map((e) => e.toFixed(2)).join(', ')}`).toBeLessThanOrEqual(2);
    const finite = errors.filter(Number.isFinite);
    if (finite.length > 0) expect(finite.reduce((a, b) => a + b, 0) / finite.length).toBeGreaterThan(1);
  });

  test('differencing two near-identical cohorts that overlap control allows (k apart): noise of one client in each', async () => {
    const setting = settings[kind];
    // Cohorts that differ by exactly k clients are allowed; their published means differ from the exact ones
    // by noise of the size of one client's influence, so each mean is within range / n of the truth.
    const filter = { conditionCode: 'NECK_PAIN' };
    const published = await ask(setting, filter);
    if (published.code !== null) return;
    const truth = await exact(setting, filter);
    const n = truth.overall.n;
    const error = Math.abs(published.data.overall.meanChange - truth.overall.change_mean);
    expect(error).toBeLessThanOrEqual(10 / n + 1e-9);
    expect(Math.abs(published.data.overall.n - n)).toBeLessThanOrEqual(2);
  });

  test('the presence oracle: 0 and 1..k-1 matching clients answer alike', async () => {
    const setting = settings[kind];
    // One filter value: the only client over 90 vs nobody under 10.
    const one = await ask(setting, { ageBands: ['AGE_90_PLUS'] });
    const none = await ask(setting, { ageBands: ['AGE_0_9'] });
    expect(one.code).toBe('BAD_USER_INPUT');
    expect(none.code).toBe('BAD_USER_INPUT');
    expect(one.message?.replace(/^filter\.\w+: /, '')).toBe(none.message?.replace(/^filter\.\w+: /, ''));
    // A combination: the sex-OTHER target of one condition (1) vs a condition with no sex-OTHER client (0).
    // (With 8 sex-OTHER clients, sex OTHER is itself a filter under k: both are refused, in the same words.)
    const target = await ask(setting, { conditionCode: 'NECK_PAIN', sex: 'OTHER' });
    const nobody = await ask(setting, { conditionCode: 'CARPAL_TUNNEL', sex: 'OTHER' });
    expect(target).toEqual(nobody);
    expect(target.data?.overall?.suppressed ?? target.code).toBeTruthy();
    // A combination of filters each over k but together matching 1 or 0: the whole answer is suppressed alike.
    const oneOld = await ask(setting, { conditionCode: 'NECK_PAIN', minAttendedSessions: 20 });
    const noneOld = await ask(setting, { conditionCode: 'CARPAL_TUNNEL', minAttendedSessions: 20 });
    expect(oneOld).toEqual(noneOld);
  });

  test('per-visit count differencing: consecutive visit counts do not give the clients who stopped', async () => {
    const setting = settings[kind];
    const published = await ask(setting, { conditionCode: 'CHRONIC_LOW_BACK_PAIN' });
    expect(published.code).toBeNull();
    const truth = await exact(setting, { conditionCode: 'CHRONIC_LOW_BACK_PAIN' });
    const exactCounts = new Map<number, number>(truth.visits.map((v: any) => [v.visit_number, v.n]));
    const shown = published.data.visits.filter((v: any) => !v.value.suppressed);
    let exactHits = 0;
    let pairs = 0;
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1], shown[i]];
      if (b.visitNumber !== a.visitNumber + 1) continue;
      const trueDrop = (exactCounts.get(a.visitNumber) ?? 0) - (exactCounts.get(b.visitNumber) ?? 0);
      const publishedDrop = a.value.n - b.value.n;
      pairs++;
      if (publishedDrop === trueDrop && trueDrop > 0 && trueDrop < k) exactHits++;
      // Never a published count under k.
      expect(b.value.n).toBeGreaterThanOrEqual(k);
    }
    expect(pairs).toBeGreaterThanOrEqual(3);
    // With independent -2..+2 noise on each count, the published drop equals the true small drop by chance only.
    expect(exactHits / pairs).toBeLessThanOrEqual(0.75);
  });

  test('CSV differencing: a second export one participant away is refused; no absolute date; every combination holds k', async () => {
    const setting = settings[kind];
    const exportCsv = async (body: unknown, researcher = 0) => {
      const response = await fetch(`${setting.api.url}/research/export.csv`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${(setting.researchers[researcher] as TestAccount).token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text(), generalization: response.headers.get('x-export-generalization') };
    };
    const first = await exportCsv({ measureCode: 'NPRS', filter: { minAttendedSessions: 5 } });
    expect(first.status, first.text.slice(0, 300)).toBe(200);
    // Without the only client over 90 (6 visits): one participant fewer, by the other researcher.
    const second = await exportCsv(
      {
        measureCode: 'NPRS',
        filter: {
          minAttendedSessions: 5,
          ageBands: ['AGE_0_9', 'AGE_10_19', 'AGE_20_29', 'AGE_30_39', 'AGE_40_49', 'AGE_50_59', 'AGE_60_69', 'AGE_70_79', 'AGE_80_89'],
        },
      },
      1,
    );
    if (second.status === 200) {
      // Allowed only if k-anonymity had already left the target out of the first file (same participants).
      expect(second.text.split('\r\n').length).toBe(first.text.split('\r\n').length);
    } else expect(JSON.parse(second.text).errors[0].extensions.code, second.text.slice(0, 300)).toBe('COHORT_OVERLAP');
    const [header, ...lines] = first.text.trim().split('\r\n');
    expect(first.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const columns = (header as string).split(',');
    const at = (name: string) => columns.indexOf(name);
    const classes = new Map<string, Set<string>>();
    for (const line of lines) {
      const f = line.split(',');
      const key = ['age_band', 'sex', 'condition', 'clinic', 'main_modality', 'start_month'].map((c) => f[at(c)]).join('|');
      classes.set(key, (classes.get(key) ?? new Set()).add(f[0] as string));
    }
    for (const [key, participants] of classes) expect(participants.size, key).toBeGreaterThanOrEqual(k);
    // The lone client over 90 is not identifiable by age band in the file.
    expect(lines.some((line) => line.split(',')[at('age_band')] === 'AGE_90_PLUS')).toBe(false);
  });
});
