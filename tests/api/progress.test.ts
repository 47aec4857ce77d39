import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, statementsDuring, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;

const measureFields = `measureCode regionCode side baseline latest change percentChange mcid mcidPercentOfBaseline thresholdKind mcidReached points slopePerWeek trendPoints
  sessionChanges { visitNumber pre post change } meanSessionChange unpairedSessions`;
const progressQuery = `query($id: ID!) { series(id: $id) { progress {
  measures { ${measureFields} } diary { ${measureFields} }
  attendance { plannedSessions attended cancelled noShows weeksElapsed expectedByNow plannedPerWeek attendedPerWeek }
  dose { totalMinutes byModality { code minutes sessions } byRegion { code side minutes sessions } } } } }`;

type Obs = [measureCode: string, context: 'PRE_SESSION' | 'POST_SESSION', value: number, where?: { regionCode?: string; side?: string }];

function visit(seriesId: string, startedAt: string, durationMinutes: number, modalities: string[], regions: object[], observations: Obs[]) {
  return {
    seriesId,
    startedAt,
    durationMinutes,
    attendance: 'ATTENDED',
    modalities,
    regions,
    pressure: 3,
    observations: observations.map(([measureCode, context, value, where]) => ({ measureCode, context, value, ...where })),
  };
}
const neck = { regionCode: 'NECK' };
const left = { side: 'LEFT' };
const missedVisit = (seriesId: string, startedAt: string, attendance: string) => ({ seriesId, startedAt, durationMinutes: 0, attendance });

async function progressOf(id: string, as: { token: string } = therapist) {
  const response = await api.request(progressQuery, { id }, { as });
  expect(response.errors).toBeUndefined();
  return response.data?.series.progress;
}

let seriesA: string;
let seriesB: string;
let seriesC: string;
let clientAccount: TestAccount;

/** FIQR with every item at `value` (function 9v / 3 + overall 2v + symptoms 10v / 2 = 10v) and PSFS with three activities at `rating`. */
const questionnaires = (value: number, rating: number) => [
  {
    instrumentCode: 'FIQR',
    answers: [
      ...Array.from({ length: 9 }, (_, i) => ({ itemCode: `FIQR_F${i + 1}`, value })),
      ...Array.from({ length: 2 }, (_, i) => ({ itemCode: `FIQR_O${i + 1}`, value })),
      ...Array.from({ length: 10 }, (_, i) => ({ itemCode: `FIQR_S${i + 1}`, value })),
    ],
  },
  {
    instrumentCode: 'PSFS',
    answers: ['Stairs', 'Lifting', 'Gardening'].map((label, i) => ({ itemCode: `PSFS${i + 1}`, value: rating, label })),
  },
];

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db);
  api = await startApi(db, therapist);
  const clinic = clinicApi(api);
  const clientId = await clinic.createClient();
  // Series A (UTC clinic), starting Monday 2026-01-05, weekly, 8 planned; discontinued on 2026-02-01.
  seriesA = await clinic.startSeries(clientId);
  await clinic.recordSession(
    visit(
      seriesA,
      '2026-01-05T15:00:00Z',
      60,
      ['SWEDISH', 'TRIGGER_POINT'],
      [neck, { regionCode: 'SHOULDER', side: 'LEFT', minutes: 15 }],
      [
        ['NPRS', 'PRE_SESSION', 6, neck],
        ['NPRS', 'POST_SESSION', 4, neck],
        ['CERVICAL_ROTATION', 'PRE_SESSION', 60, left],
      ],
    ),
  );
  await clinic.recordSession(
    visit(
      seriesA,
      '2026-01-12T15:00:00Z',
      60,
      ['SWEDISH'],
      [{ ...neck, minutes: 20 }],
      [
        ['NPRS', 'PRE_SESSION', 5, neck],
        ['NPRS', 'POST_SESSION', 3, neck],
        ['CERVICAL_ROTATION', 'PRE_SESSION', 64, left],
      ],
    ),
  );
  await clinic.recordSession(missedVisit(seriesA, '2026-01-19T15:00:00Z', 'CANCELLED'));
  await clinic.recordSession(
    visit(
      seriesA,
      '2026-01-26T15:00:00Z',
      45,
      ['SWEDISH', 'DEEP_TISSUE', 'MYOFASCIAL_RELEASE'],
      [
        { ...neck, minutes: 10 },
        { regionCode: 'SHOULDER', side: 'LEFT', minutes: 20 },
      ],
      [
        ['NPRS', 'PRE_SESSION', 3, neck],
        ['CERVICAL_ROTATION', 'PRE_SESSION', 72, left],
        ['CERVICAL_ROTATION', 'POST_SESSION', 75, left],
      ],
    ),
  );
  await clinic.recordSession(missedVisit(seriesA, '2026-01-29T15:00:00Z', 'NO_SHOW'));
  // Diary: two values on the same day (a tie), one a week later.
  for (const [takenAt, value] of [
    ['2026-01-08T20:00:00Z', 5],
    ['2026-01-08T21:00:00Z', 5],
    ['2026-01-15T20:00:00Z', 4],
  ] as const) {
    const diary = await api.graphql('mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }', {
      input: { clientId, seriesId: seriesA, measureCode: 'NPRS', value, regionCode: 'NECK', context: 'BETWEEN_SESSIONS', takenAt },
    });
    expect(diary.errors).toBeUndefined();
  }
  const closed = await api.graphql(
    'mutation($id: ID!) { closeSeries(id: $id, input: { status: DISCONTINUED, endDate: "2026-02-01", dischargeReason: CLIENT_CHOICE }) { id } }',
    {
      id: seriesA,
    },
  );
  expect(closed.errors).toBeUndefined();
  // Series B: a single visit with a pre value only.
  seriesB = await clinic.startSeries(clientId, { startDate: '2026-03-02' });
  await clinic.recordSession(visit(seriesB, '2026-03-02T15:00:00Z', 30, [], [], [['NPRS', 'PRE_SESSION', 7, neck]]));
  // Series C (fibromyalgia): questionnaires at two visits.
  seriesC = await clinic.startSeries(clientId, { conditionCode: 'FIBROMYALGIA', startDate: '2026-04-06' });
  for (const [startedAt, value, rating] of [
    ['2026-04-06T15:00:00Z', 5, 3],
    ['2026-04-13T15:00:00Z', 3, 6],
  ] as const) {
    await clinic.recordSession({ ...visit(seriesC, startedAt, 60, [], [], []), questionnaireResponses: questionnaires(value, rating) });
  }
  clientAccount = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId });
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('series progress', () => {
  test('pain: baseline, latest, change, MCID (lower is better), slope and pre/post pairs', async () => {
    const progress = await progressOf(seriesA);
    const pain = progress.measures.find((m: any) => m.measureCode === 'NPRS');
    // Visits 1, 2, 4 (pre values 6, 5, 3) on days 0, 7, 21 = weeks 0, 1, 3.
    // change 3 - 6 = -3, -50 %; improvement 3 >= MCID 2.
    // slope: mean x 4/3, mean y 14/3; Sxy = (-4/3)(4/3) + (-1/3)(1/3) + (5/3)(-5/3) = -42/9; Sxx = 42/9; slope -1.
    // pairs: visit 1 6->4 (-2), visit 2 5->3 (-2); visit 4 has no post value (unpaired).
    expect(pain).toMatchObject({
      regionCode: 'NECK',
      side: null,
      baseline: 6,
      latest: 3,
      change: -3,
      percentChange: -50,
      mcid: 2,
      thresholdKind: 'MCID',
      mcidReached: true,
      points: 3,
      trendPoints: 3,
      sessionChanges: [
        { visitNumber: 1, pre: 6, post: 4, change: -2 },
        { visitNumber: 2, pre: 5, post: 3, change: -2 },
      ],
      meanSessionChange: -2,
      unpairedSessions: 1,
    });
    expect(pain.slopePerWeek).toBeCloseTo(-1, 10);
  });

  test('range of motion on one side only: higher is better, latest is the pre value', async () => {
    const progress = await progressOf(seriesA);
    const rotation = progress.measures.filter((m: any) => m.measureCode === 'CERVICAL_ROTATION');
    // Only LEFT was measured: one row, no RIGHT row.
    expect(rotation.map((m: any) => m.side)).toEqual(['LEFT']);
    // Pre values 60, 64, 72 on weeks 0, 1, 3: change +12 (+20 %) >= 10, the catalog's MDC (Fletcher & Bandy 2008) -> reached,
    // and said to be an MDC: a change beyond measurement error, not a clinically important one.
    // slope: y - mean(196/3) = -16/3, -4/3, 20/3; Sxy = (64 + 4 + 100)/9 = 168/9; / (42/9) = 4 per week.
    // pair: visit 4 72 -> 75 (+3); visits 1 and 2 have only a pre value.
    expect(rotation[0]).toMatchObject({
      baseline: 60,
      latest: 72,
      change: 12,
      percentChange: 20,
      mcid: 10,
      mcidPercentOfBaseline: null,
      thresholdKind: 'MDC',
      mcidReached: true,
      points: 3,
      sessionChanges: [{ visitNumber: 3, pre: 72, post: 75, change: 3 }],
      meanSessionChange: 3,
      unpairedSessions: 2,
    });
    expect(rotation[0].slopePerWeek).toBeCloseTo(4, 10);
  });

  test('diary values are reported apart from visit values; ties on one day', async () => {
    const progress = await progressOf(seriesA);
    // Days 3, 3, 10 with 5, 5, 4: change -1 (-20 %), short of the MCID 2.
    // slope per day: x - 16/3 = -7/3, -7/3, 14/3; y - 14/3 = 1/3, 1/3, -2/3; Sxy = -42/9, Sxx = 294/9: -1/7 per day = -1 per week.
    expect(progress.diary).toHaveLength(1);
    expect(progress.diary[0]).toMatchObject({
      measureCode: 'NPRS',
      baseline: 5,
      latest: 4,
      change: -1,
      percentChange: -20,
      mcidReached: false,
      points: 3,
      trendPoints: 3,
      sessionChanges: [],
      meanSessionChange: null,
    });
    expect(progress.diary[0].slopePerWeek).toBeCloseTo(-1, 10);
    // The visit figures for NPRS are untouched by the diary.
    expect(progress.measures.find((m: any) => m.measureCode === 'NPRS').points).toBe(3);
  });

  test('attendance against plan of a discontinued series, and dose', async () => {
    const progress = await progressOf(seriesA);
    // 2026-01-05 to 2026-02-01 (end date), both included: 28 days = 4 weeks; weekly plan expects 4 by then.
    expect(progress.attendance).toEqual({
      plannedSessions: 8,
      attended: 3,
      cancelled: 1,
      noShows: 1,
      weeksElapsed: 4,
      expectedByNow: 4,
      plannedPerWeek: 1,
      attendedPerWeek: 0.75,
    });
    // 60 + 60 + 45 minutes. Modalities share each visit's minutes: visit 1 30/30, visit 2 60, visit 4 15/15/15.
    // Regions: neck -, 20, 10 = 30 over 3 visits; left shoulder 15 + 20 = 35 over 2 visits.
    expect(progress.dose).toEqual({
      totalMinutes: 165,
      byModality: [
        { code: 'SWEDISH', minutes: 105, sessions: 3 },
        { code: 'TRIGGER_POINT', minutes: 30, sessions: 1 },
        { code: 'DEEP_TISSUE', minutes: 15, sessions: 1 },
        { code: 'MYOFASCIAL_RELEASE', minutes: 15, sessions: 1 },
      ],
      byRegion: [
        { code: 'SHOULDER', side: 'LEFT', minutes: 35, sessions: 2 },
        { code: 'NECK', side: null, minutes: 30, sessions: 3 },
      ],
    });
  });

  test('a single point: no trend, no change to judge, no pair', async () => {
    const progress = await progressOf(seriesB);
    expect(progress.measures).toEqual([
      {
        measureCode: 'NPRS',
        regionCode: 'NECK',
        side: null,
        baseline: 7,
        latest: 7,
        change: 0,
        percentChange: 0,
        mcid: 2,
        mcidPercentOfBaseline: null,
        thresholdKind: 'MCID',
        mcidReached: null,
        points: 1,
        slopePerWeek: null,
        trendPoints: 1,
        sessionChanges: [],
        meanSessionChange: null,
        unpairedSessions: 1,
      },
    ]);
    expect(progress.diary).toEqual([]);
  });

  test('values all on one calendar day: no slope (no trend can be read from one day), whatever their number', async () => {
    const clinic = clinicApi(api);
    const series = await clinic.startSeries(await clinic.createClient());
    // Six visits on day 2 of the series (x = 2/7 week, not exact in binary), pain 7 down to 4: PostgreSQL's
    // regr_slope over six equal x values returns rounding noise (about 7e16 here), not null.
    for (const [hour, value] of [
      ['08', 7],
      ['10', 6],
      ['12', 6],
      ['14', 5],
      ['16', 5],
      ['18', 4],
    ] as const) {
      await clinic.recordSession(visit(series, `2026-01-07T${hour}:00:00Z`, 30, [], [], [['NPRS', 'PRE_SESSION', value, neck]]));
    }
    const [pain] = (await progressOf(series)).measures;
    expect(pain).toMatchObject({ baseline: 7, latest: 4, change: -3, points: 6, slopePerWeek: null });
  });

  test('changes and slopes of a measure with decimals come without double-precision noise', async () => {
    const clinic = clinicApi(api);
    const series = await clinic.startSeries(await clinic.createClient());
    // Sit-and-reach (1 decimal) 38.6 -> 36.4 a week later: in doubles 36.4 - 38.6 is -2.200000000000003 and the
    // slope -2.2000000000000028, which an API client would otherwise get as they are.
    await clinic.recordSession(visit(series, '2026-01-05T09:00:00Z', 30, [], [], [['SIT_AND_REACH', 'PRE_SESSION', 38.6, {}]]));
    await clinic.recordSession(visit(series, '2026-01-12T09:00:00Z', 30, [], [], [['SIT_AND_REACH', 'PRE_SESSION', 36.4, {}]]));
    const [reach] = (await progressOf(series)).measures;
    expect(36.4 - 38.6).not.toBe(-2.2);
    expect(reach).toMatchObject({ baseline: 38.6, latest: 36.4, change: -2.2, slopePerWeek: -2.2, mcidReached: false });
    // 2.2 / 38.6 x 100 = 5.699481865284974…: kept to 12 significant digits.
    expect(reach.percentChange).toBe(-5.69948186528);
  });

  test.each([
    // Tokyo (UTC+9): 2026-01-11T15:30Z is 00:30 on Monday 12 January there: day 7, week 1 (UTC would say day 6).
    ['Asia/Tokyo', '2026-01-05T01:00:00Z', '2026-01-11T15:30:00Z'],
    // Vancouver (UTC-8): 2026-01-13T07:30Z is 23:30 on Monday 12 January there: day 7, week 1 (UTC would say day 8).
    ['America/Vancouver', '2026-01-05T18:00:00Z', '2026-01-13T07:30:00Z'],
  ])('weeks are counted in the clinic zone (%s)', async (timeZone, first, second) => {
    const local = await createClinicWithTherapist(db, { timeZone, clinicName: timeZone });
    api.actAs(local);
    try {
      const clinic = clinicApi(api);
      const series = await clinic.startSeries(await clinic.createClient());
      await clinic.recordSession(visit(series, first, 60, [], [], [['NPRS', 'PRE_SESSION', 6, neck]]));
      await clinic.recordSession(visit(series, second, 60, [], [], [['NPRS', 'PRE_SESSION', 4, neck]]));
      const progress = await progressOf(series, local);
      // (4 - 6) / 1 week = -2 per week.
      expect(progress.measures[0].slopePerWeek).toBeCloseTo(-2, 10);
    } finally {
      api.actAs(therapist);
    }
  });
});

describe('questionnaire scores and who may read', () => {
  test('PSFS: higher is better; FIQR: the MCID is 14% of the baseline', async () => {
    const progress = await progressOf(seriesC);
    const byCode = Object.fromEntries(progress.measures.map((m: any) => [m.measureCode, m]));
    // PSFS mean rating 3 -> 6: +3 >= MCID 2 -> reached (with the sign of pain it would not be).
    expect(byCode.PSFS).toMatchObject({ baseline: 3, latest: 6, change: 3, percentChange: 100, mcid: 2, mcidReached: true });
    // FIQR 50 -> 30: -20 (-40 %); the MCID is 14% of the baseline (Bennett 2009): 7 points from 50 -> reached.
    expect(byCode.FIQR).toMatchObject({
      baseline: 50,
      latest: 30,
      change: -20,
      percentChange: -40,
      mcid: 7,
      mcidPercentOfBaseline: 14,
      thresholdKind: 'MCID',
      mcidReached: true,
    });
    expect(byCode.FIQR.slopePerWeek).toBeCloseTo(-20, 10);
  });

  test('the client reads the progress of their own series, with the same figures', async () => {
    expect(await progressOf(seriesA, clientAccount)).toEqual(await progressOf(seriesA));
  });
});

describe('statements', () => {
  const query =
    '{ clients(first: 100) { edges { node { series { progress { measures { baseline } diary { latest } attendance { attended } dose { totalMinutes } } } } } } }';

  async function statementsFor(as: TherapistAccount): Promise<{ statements: number; series: number }> {
    const { result, statements } = await statementsDuring(db, () => api.request(query, undefined, { as }));
    expect(result.errors).toBeUndefined();
    return { statements, series: result.data?.clients.edges.flatMap((e: any) => e.node.series).length };
  }

  test('progress of 2 or 20 series costs the same number of statements', async () => {
    const owner = await createClinicWithTherapist(db, { clinicName: 'Counting' });
    api.actAs(owner);
    try {
      const clinic = clinicApi(api);
      const addSeries = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const series = await clinic.startSeries(await clinic.createClient({ familyName: `C${i}` }));
          await clinic.recordSession(visit(series, '2026-01-05T15:00:00Z', 60, ['SWEDISH'], [neck], [['NPRS', 'PRE_SESSION', 5, neck]]));
        }
      };
      await addSeries(2);
      const small = await statementsFor(owner);
      await addSeries(18);
      const large = await statementsFor(owner);
      expect([small.series, large.series]).toEqual([2, 20]);
      // clients page + count, series, then progress: measures, attendance, dose.
      expect(large.statements).toBe(small.statements);
    } finally {
      api.actAs(therapist);
    }
  }, 120_000);
});
