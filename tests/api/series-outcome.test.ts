import {
  amendObservation,
  amendQuestionnaireResponse,
  amendSession,
  markObservationEnteredInError,
  markQuestionnaireResponseEnteredInError,
  markSessionEnteredInError,
} from '@fascia/server/modules/corrections/corrections.service.js';
import { findInstrument } from '@fascia/server/modules/instruments/instrument-catalog.js';
import { refreshSeriesOutcomes, seriesHeadlineSql, seriesOutcomeSql } from '@fascia/server/modules/progress/series-outcome.js';
import { recordObservation, recordSession } from '@fascia/server/modules/recording/recording.service.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDatabase } from '../support/database.js';
import { createDemoDatabase } from '../support/demo-seed.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createDemoDatabase();
  // The demo data is written through the services, which keep each series' outcomes as they go.
}, 240_000);
afterAll(async () => {
  await db?.drop();
});

interface Row {
  series_id: string;
  measure_code: string;
  baseline: number | null;
  change: number | null;
  visit_values: { visit: number; value: number }[];
  pre_post: number | null;
}

const outcomesQuery = 'select * from series_measure_outcome order by series_id, measure_code, reporter';
const headlinesQuery = 'select * from series_headline order by series_id, measure_code';
const stored = () => db.orm.em.fork().execute<Row[]>(outcomesQuery);
const storedHeadlines = () => db.orm.em.fork().execute<Record<string, unknown>[]>(headlinesQuery);

/** Every series' outcomes and headlines computed afresh from its values, by the bulk statements of the migrations. */
async function recomputed(): Promise<{ outcomes: Row[]; headlines: Record<string, unknown>[] }> {
  const em = db.orm.em.fork();
  return em
    .transactional(async (tx) => {
      await tx.execute('delete from series_measure_outcome');
      await tx.execute('delete from series_headline');
      await tx.execute(seriesOutcomeSql('true', { everySeries: true }));
      await tx.execute(seriesHeadlineSql('true', { everySeries: true }));
      const fresh = {
        outcomes: await tx.execute<Row[]>(outcomesQuery),
        headlines: await tx.execute<Record<string, unknown>[]>(headlinesQuery),
      };
      // Leave the stored rows as they were: the next test compares against them again.
      throw Object.assign(new Error('rollback'), { fresh });
    })
    .catch((error: { fresh?: Awaited<ReturnType<typeof recomputed>> }) => {
      if (!error.fresh) throw error;
      return error.fresh;
    });
}

/** The rows the writes kept equal those computed afresh: outcomes and caseload headlines. */
async function expectKeptAsRecomputed(): Promise<void> {
  expect(await recomputed()).toEqual({ outcomes: await stored(), headlines: await storedHeadlines() });
}

async function aSeries() {
  const [series] = await db.orm.em
    .fork()
    .execute<{ id: string; client_id: string; clinic_id: string; therapist_id: string; start_date: string }[]>(
      `select ts.id, ts.client_id, ts.clinic_id, ts.therapist_id from treatment_series ts
     where ts.status = 'ACTIVE' and exists (select 1 from observation o where o.series_id = ts.id and o.measure_code = 'NPRS')
     order by ts.id limit 1`,
    );
  if (!series) throw new Error('no active series with NPRS values in the demo data');
  return series;
}

describe('per-series outcomes and caseload headlines kept at write time', () => {
  test('after the demo data, the stored rows equal a fresh computation of every series', async () => {
    const rows = await stored();
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.some((row) => row.change !== null && row.pre_post !== null && row.visit_values.length >= 5)).toBe(true);
    const headlines = await storedHeadlines();
    // The demo's active series each have their condition's headline, as the caseload shows it.
    expect(headlines.length).toBeGreaterThan(20);
    expect(await recomputed()).toEqual({ outcomes: rows, headlines });
  });

  test('a visit recorded before the others renumbers them; a later value moves the latest; both kept', async () => {
    const series = await aSeries();
    const viewer = { role: 'THERAPIST' as const, accountId: null, clinicId: series.clinic_id, therapistId: series.therapist_id };
    const before = (await stored()).find((row) => row.series_id === series.id && row.measure_code === 'NPRS');
    // A visit a minute before the first one recorded so far (the series' new first visit), with neck pain 9.
    const [first] = await db.orm.em
      .fork()
      .execute<{ started_at: string }[]>(
        `select started_at from treatment_session where series_id = ? and attendance = 'ATTENDED' order by started_at limit 1`,
        [series.id],
      );
    await recordSession(db.orm.em.fork(), viewer, {
      seriesId: series.id,
      startedAt: new Date(Date.parse(String(first?.started_at)) - 60_000),
      durationMinutes: 30,
      attendance: 'ATTENDED',
      // Some demo clients have an open red flag: the therapist has reviewed it, as the session form asks.
      acknowledgeRedFlags: true,
      modalities: ['SWEDISH'],
      observations: [{ measureCode: 'NPRS', value: 9, regionCode: 'NECK', context: 'PRE_SESSION' }],
    } as never);
    const after = (await stored()).find((row) => row.series_id === series.id && row.measure_code === 'NPRS');
    expect(after?.visit_values.length).toBe((before?.visit_values.length ?? 0) + 1);
    expect(after?.visit_values[0]).toEqual({ visit: 1, value: 9 });
    await expectKeptAsRecomputed();

    const [lastVisit] = await db.orm.em
      .fork()
      .execute<{ id: string; started_at: string }[]>(
        `select id, started_at from treatment_session where series_id = ? and attendance = 'ATTENDED' order by started_at desc limit 1`,
        [series.id],
      );
    await recordObservation(db.orm.em.fork(), viewer, {
      clientId: series.client_id,
      sessionId: lastVisit?.id,
      measureCode: 'NPRS',
      value: 0,
      regionCode: 'NECK',
      context: 'POST_SESSION',
      takenAt: new Date(Date.parse(String(lastVisit?.started_at)) + 3_600_000),
    } as never);
    await expectKeptAsRecomputed();
  });

  test('visits of one series recorded at the same moment all succeed, and the stored rows include every one', async () => {
    const series = await aSeries();
    const viewer = { role: 'THERAPIST' as const, accountId: null, clinicId: series.clinic_id, therapistId: series.therapist_id };
    const [last] = await db.orm.em
      .fork()
      .execute<{ started_at: string }[]>(`select started_at from treatment_session where series_id = ? order by started_at desc limit 1`, [
        series.id,
      ]);
    // Ten minutes apart after the latest visit, which the demo data puts in the past: a visit days after it
    // could fall more than a day in the future, which recordSession refuses.
    const visits = [1, 2, 3, 4, 5].map((n) =>
      recordSession(db.orm.em.fork(), viewer, {
        seriesId: series.id,
        startedAt: new Date(Date.parse(String(last?.started_at)) + n * 600_000),
        durationMinutes: 5,
        attendance: 'ATTENDED',
        // Some demo clients have an open red flag: the therapist has reviewed it, as the session form asks.
        acknowledgeRedFlags: true,
        modalities: ['SWEDISH'],
        observations: [
          { measureCode: 'NPRS', value: n, regionCode: 'NECK', context: 'PRE_SESSION' },
          { measureCode: 'NPRS', value: n - 1, regionCode: 'NECK', context: 'POST_SESSION' },
        ],
      } as never),
    );
    const settled = await Promise.allSettled(visits);
    expect(settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []))).toEqual([]);
    const row = (await stored()).find((r) => r.series_id === series.id && r.measure_code === 'NPRS');
    expect(row?.visit_values.slice(-5).map((v) => v.value)).toEqual([1, 2, 3, 4, 5]);
    await expectKeptAsRecomputed();
  });

  test('a diary entry (which the outcomes leave out) changes no stored row', async () => {
    const series = await aSeries();
    const before = await stored();
    const headlinesBefore = await storedHeadlines();
    const viewer = { role: 'THERAPIST' as const, accountId: null, clinicId: series.clinic_id, therapistId: series.therapist_id };
    await recordObservation(db.orm.em.fork(), viewer, {
      clientId: series.client_id,
      seriesId: series.id,
      measureCode: 'NPRS',
      value: 10,
      regionCode: 'NECK',
      context: 'BETWEEN_SESSIONS',
      takenAt: new Date('2026-11-20T20:00:00Z'),
    } as never);
    expect(await stored()).toEqual(before);
    expect((await recomputed()).outcomes).toEqual(before);
    expect(await storedHeadlines()).toEqual(headlinesBefore);
  });

  /** The series' valid attended visits in order, each with its first valid NPRS pre value (null: none). */
  async function visitsOf(seriesId: string) {
    return db.orm.em.fork().execute<{ id: string; started_at: string; pre_id: string | null; pre: number | null }[]>(
      `select se.id, se.started_at, o.id as pre_id, o.value as pre
       from treatment_session se
       left join lateral (select id, value from observation where session_id = se.id and measure_code = 'NPRS'
         and context = 'PRE_SESSION' and status <> 'ENTERED_IN_ERROR' order by created_at limit 1) o on true
       where se.series_id = ? and se.attendance = 'ATTENDED' and se.status <> 'ENTERED_IN_ERROR'
       order by se.started_at, se.created_at`,
      [seriesId],
    );
  }
  const nprsRow = async (seriesId: string) => (await stored()).filter((row) => row.series_id === seriesId && row.measure_code === 'NPRS');

  test('after each kind of correction, the stored rows equal a fresh computation without the voided or earlier values', async () => {
    const series = await aSeries();
    const viewer = { role: 'THERAPIST' as const, accountId: null, clinicId: series.clinic_id, therapistId: series.therapist_id };
    const visits = (await visitsOf(series.id)).filter((v) => v.pre !== null);
    expect(visits.length).toBeGreaterThanOrEqual(4);
    const before = await nprsRow(series.id);
    expect(before).toHaveLength(1);

    // The first visit voided: its values leave, and the others move up one visit.
    await markSessionEnteredInError(db.orm.em.fork(), viewer, visits[0]?.id as string, 'Another client');
    const afterVoid = (await nprsRow(series.id))[0];
    expect(afterVoid?.visit_values).toEqual(before[0]?.visit_values.slice(1).map((v) => ({ visit: v.visit - 1, value: v.value })));
    await expectKeptAsRecomputed();

    // A value of the (now) first visit amended: the visit's mean and the baseline follow the corrected value.
    await amendObservation(db.orm.em.fork(), viewer, visits[1]?.pre_id as string, { value: 10, reason: 'Misread' } as never);
    const afterAmend = (await nprsRow(series.id))[0];
    expect(afterAmend?.visit_values[0]?.value).toBeGreaterThan(afterVoid?.visit_values[0]?.value as number);
    expect(afterAmend?.visit_values.slice(1)).toEqual(afterVoid?.visit_values.slice(1));
    await expectKeptAsRecomputed();

    // A value voided on its own.
    await markObservationEnteredInError(db.orm.em.fork(), viewer, visits[2]?.pre_id as string, 'Wrong region');
    await expectKeptAsRecomputed();

    // A visit moved before all the others: it becomes visit 1.
    const last = visits[visits.length - 1];
    await amendSession(
      db.orm.em.fork(),
      viewer,
      last?.id as string,
      { startedAt: new Date(Date.parse(String(visits[1]?.started_at)) - 60_000), reason: 'Wrong day' } as never,
    );
    const moved = await visitsOf(series.id);
    expect(moved[0]?.id).toBe(last?.id);
    await expectKeptAsRecomputed();

    // A questionnaire taken at a visit: amended, then voided.
    const [response] = await db.orm.em
      .fork()
      .execute<{ id: string; instrument_code: string; answers: { itemCode: string; value: number | null }[] }[]>(
        `select qr.id, qr.instrument_code, qr.answers from questionnaire_response qr
         where qr.series_id = ? and qr.session_id is not null and qr.status <> 'ENTERED_IN_ERROR' order by qr.completed_at limit 1`,
        [series.id],
      );
    if (!response) throw new Error('no questionnaire taken at a visit of this series in the demo data');
    // The first item answered otherwise: its lowest answer, or the next one up if it was that.
    const item = findInstrument(response.instrument_code)?.items[0];
    const first = response.answers[0]?.value === item?.min ? (item?.min ?? 0) + 1 : item?.min;
    const answers = response.answers.map((a, i) => ({ ...a, value: i === 0 ? first : a.value }));
    await amendQuestionnaireResponse(db.orm.em.fork(), viewer, response.id, { answers, reason: 'Item 1 mis-keyed' } as never);
    await expectKeptAsRecomputed();
    await markQuestionnaireResponseEnteredInError(db.orm.em.fork(), viewer, response.id, 'Wrong questionnaire');
    await expectKeptAsRecomputed();
  });

  test('corrections and a new visit of the same series at the same moment all succeed and stay consistent', async () => {
    const series = await aSeries();
    const viewer = { role: 'THERAPIST' as const, accountId: null, clinicId: series.clinic_id, therapistId: series.therapist_id };
    const visits = (await visitsOf(series.id)).filter((v) => v.pre !== null);
    const last = visits[visits.length - 1];
    const before = (await nprsRow(series.id))[0];
    const writes = [
      recordSession(db.orm.em.fork(), viewer, {
        seriesId: series.id,
        startedAt: new Date(Date.parse(String(last?.started_at)) + 3_600_000),
        durationMinutes: 5,
        attendance: 'ATTENDED',
        // Some demo clients have an open red flag: the therapist has reviewed it, as the session form asks.
        acknowledgeRedFlags: true,
        modalities: ['SWEDISH'],
        observations: [{ measureCode: 'NPRS', value: 1, regionCode: 'NECK', context: 'PRE_SESSION' }],
      } as never),
      markSessionEnteredInError(db.orm.em.fork(), viewer, visits[0]?.id as string, 'Another client'),
      amendObservation(db.orm.em.fork(), viewer, visits[1]?.pre_id as string, { value: 9, reason: 'Misread' } as never),
      amendSession(db.orm.em.fork(), viewer, visits[2]?.id as string, { plan: 'Stretches twice a day', reason: 'Plan left out' } as never),
    ];
    const settled = await Promise.allSettled(writes);
    expect(settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []))).toEqual([]);
    const row = (await nprsRow(series.id))[0];
    // One visit voided, one added (its only NPRS value is 1).
    expect(row?.visit_values.length).toBe(before?.visit_values.length);
    expect(row?.visit_values.at(-1)?.value).toBe(1);
    await expectKeptAsRecomputed();
  });

  test('refreshing one series by its id gives the same rows as the bulk statement', async () => {
    const series = await aSeries();
    const em = db.orm.em.fork();
    await em.transactional((tx) => refreshSeriesOutcomes(tx, [series.id]));
    await expectKeptAsRecomputed();
  });
});
