/*
 * Per-series outcomes kept up to date at write time: series_measure_outcome (research, expected change) and
 * series_headline (the caseload). Computed by the same CTEs as progress (progress.sql.ts), so research's "baseline"
 * and "change" and the caseload's headline are those of the therapist's progress; one row per reporter, as
 * progress keeps self-report, proxy and observed values apart.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { headlineCte, measureCtes, scopeCte, visitCte } from './progress.sql.js';

/** The progress CTEs over the series `where` selects, by lookups per series or (`everySeries`) one pass over the table. */
function outcomeCtes(where: string, everySeries: boolean, onlyObservations = '', sessionList = false): string {
  const ctes = everySeries
    ? `${visitCte('s', 'cs')}, ${measureCtes(onlyObservations, { sessionList, joinVisits: 'cs' })}`
    : measureCtes(onlyObservations, { sessionList });
  return `${scopeCte(where)}, ${ctes}`;
}

/**
 * The statement that (re)writes the outcome rows of the series that `where` selects (SQL on `ts`, the
 * series, and `c`, its clinic). `everySeries`: one pass over the whole observation table (a backfill or a
 * bulk load) rather than a lookup per series through the indexes.
 */
export function seriesOutcomeSql(where: string, { everySeries = false } = {}): string {
  return `with ${outcomeCtes(where, everySeries)},
per_series as (
  select series_id, measure_code, reporter, avg(baseline) as baseline, avg(change) as change
  from gm where source = 'SESSION' and points >= 2
  group by series_id, measure_code, reporter
),
visit_means as (
  select series_id, measure_code, reporter, visit_number, avg(value) as value
  from vp where source = 'SESSION' and visit_number is not null
  group by series_id, measure_code, reporter, visit_number
),
visits as (
  select series_id, measure_code, reporter, jsonb_agg(jsonb_build_object('visit', visit_number, 'value', value) order by visit_number) as values
  from visit_means group by series_id, measure_code, reporter
),
pairs as (
  select series_id, measure_code, reporter, avg(post - pre) as pre_post
  from vp where visit_number is not null and pre is not null and post is not null
  group by series_id, measure_code, reporter
)
insert into series_measure_outcome (series_id, measure_code, reporter, baseline, change, visit_values, pre_post)
select visits.series_id, visits.measure_code, visits.reporter, per_series.baseline, per_series.change, visits.values, pairs.pre_post
from visits
left join per_series using (series_id, measure_code, reporter)
left join pairs using (series_id, measure_code, reporter)`;
}

/**
 * The statement that writes the headline rows of the series that `where` selects (as `seriesOutcomeSql`), one per
 * measure that is a condition's headline or the series' own: among its regions, sides and reporters the measure's
 * usual reporter first (the client's own pain, the therapist's range of motion), then the most points, then the
 * latest. `refresh` also removes the selected series' rows of measures that no longer have a value.
 */
export function seriesHeadlineSql(where: string, { everySeries = false, refresh = false } = {}): string {
  // Every condition's headline measure, and the one chosen for the series (the caseload reads either).
  const onlyHeadlines = 'and (measure_code in (select h.measure_code from headline h) or measure_code = s.headline_measure_code)';
  return `with ${headlineCte}, ${outcomeCtes(where, everySeries, onlyHeadlines, true)},
fresh as (
  select distinct on (gm.series_id, gm.measure_code) gm.series_id, gm.measure_code, gm.region_code, gm.side, gm.reporter, gm.baseline,
    gm.baseline_at, gm.latest, gm.latest_at, gm.points, gm.slope, gm.trend_points, gm.mean_session_change, gm.unpaired, gm.sessions::jsonb
  from gm
  where gm.source = 'SESSION'
  -- Region, side and reporter last, so that two rows alike in the rest always give the same choice.
  order by gm.series_id, gm.measure_code, gm.reporter <> gm.default_reporter, gm.points desc, gm.latest_at desc,
    gm.region_code nulls first, gm.side nulls first, gm.reporter
)${
    refresh
      ? `,
gone as (
  delete from series_headline sh where sh.series_id in (select id from s)
    and not exists (select 1 from fresh f where f.series_id = sh.series_id and f.measure_code = sh.measure_code)
)`
      : ''
  }
insert into series_headline (series_id, measure_code, region_code, side, reporter, baseline, baseline_at, latest, latest_at, points, slope,
  trend_points, mean_session_change, unpaired, sessions)
select * from fresh
on conflict (series_id, measure_code) do update set region_code = excluded.region_code, side = excluded.side,
  reporter = excluded.reporter, baseline = excluded.baseline, baseline_at = excluded.baseline_at, latest = excluded.latest,
  latest_at = excluded.latest_at, points = excluded.points, slope = excluded.slope, trend_points = excluded.trend_points,
  mean_session_change = excluded.mean_session_change, unpaired = excluded.unpaired, sessions = excluded.sessions`;
}

/**
 * Rewrites the outcome and headline rows of these series. Call it in the transaction of every write that adds an attended
 * visit or a value taken at a visit (recordSession, recordObservation, corrections); diary values and questionnaires
 * answered between visits are not part of them.
 */
export async function refreshSeriesOutcomes(em: EntityManager, seriesIds: readonly string[]): Promise<void> {
  if (seriesIds.length === 0) return;
  await lockOutcomes(em, seriesIds);
  await em.execute('delete from series_measure_outcome where series_id in (?)', [[...seriesIds]]);
  await em.execute(seriesOutcomeSql('ts.id in (?)'), [[...seriesIds]]);
  await em.execute(seriesHeadlineSql('ts.id in (?)', { refresh: true }), [[...seriesIds]]);
}

/**
 * Rewrites only the headline rows of these series, in the caller's transaction: when the values are unchanged and only
 * which measure a series is judged by has (`updateSeries`), or a headline is missing.
 */
export async function refreshSeriesHeadlines(em: EntityManager, seriesIds: readonly string[]): Promise<void> {
  if (seriesIds.length === 0) return;
  await lockOutcomes(em, seriesIds);
  await em.execute(seriesHeadlineSql('ts.id in (?)', { refresh: true }), [[...seriesIds]]);
}

/**
 * One writer of a series' outcomes at a time (a visit and a diary entry of the same series may be written together):
 * the next one waits, then computes from a snapshot that includes the first's values. NO KEY UPDATE, not UPDATE: it
 * must not wait for the key-share locks that inserting sessions and values take.
 */
async function lockOutcomes(em: EntityManager, seriesIds: readonly string[]): Promise<void> {
  await em.execute('select id from treatment_series where id in (?) order by id for no key update', [[...seriesIds]]);
}

/** Series per transaction when missing headlines are written at start: short transactions beside live traffic. */
const missingHeadlineBatch = 200;

/**
 * Writes the stored headlines that are missing: of series whose headline measure has values at visits but no
 * series_headline row (a headline measure chosen before the caseload read it, or a condition's headline changed in the
 * catalog). Run at start; returns how many series it wrote.
 */
export async function refreshMissingHeadlines(em: EntityManager): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `with ${headlineCte}
    select distinct smo.series_id as id
    from series_measure_outcome smo
    join treatment_series ts on ts.id = smo.series_id
    join headline h on h.condition_code = ts.condition_code
    where smo.measure_code = coalesce(ts.headline_measure_code, h.measure_code)
      and not exists (select 1 from series_headline sh where sh.series_id = smo.series_id and sh.measure_code = smo.measure_code)`,
  );
  const ids = rows.map((row) => row.id);
  for (let start = 0; start < ids.length; start += missingHeadlineBatch) {
    await em.transactional((tx) => refreshSeriesHeadlines(tx, ids.slice(start, start + missingHeadlineBatch)));
  }
  return ids.length;
}
