/*
 * Per-series outcomes kept up to date at write time (series_measure_outcome). Computed by the same
 * CTEs as progress (progress.sql.ts), so research's "baseline" and "change" are the therapist's; one row
 * per reporter, as progress keeps self-report, proxy and observed values apart.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { measureCtes, scopeCte, visitCte } from './progress.sql.js';

/**
 * The statement that (re)writes the outcome rows of the series that `where` selects (SQL on `ts`, the
 * series, and `c`, its clinic). `everySeries`: one pass over the whole observation table (a backfill or a
 * bulk load) rather than a lookup per series through the indexes.
 */
export function seriesOutcomeSql(where: string, { everySeries = false } = {}): string {
  const ctes = everySeries
    ? `${visitCte('s', 'cs')}, ${measureCtes('', { sessionList: false, joinVisits: 'cs' })}`
    : measureCtes('', { sessionList: false });
  return `with ${scopeCte(where)}, ${ctes},
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
 * Rewrites the outcome rows of these series. Call it in the transaction of every write that adds an attended
 * visit or a value taken at a visit (recordSession, recordObservation); diary values and questionnaires
 * answered between visits are not part of them.
 */
export async function refreshSeriesOutcomes(em: EntityManager, seriesIds: readonly string[]): Promise<void> {
  if (seriesIds.length === 0) return;
  // One writer of a series' outcomes at a time (a visit and a diary entry of the same series may be written
  // together): the next one waits, then computes from a snapshot that includes the first's values. NO KEY
  // UPDATE, not UPDATE: it must not wait for the key-share locks that inserting sessions and values take.
  await em.execute('select id from treatment_series where id in (?) order by id for no key update', [[...seriesIds]]);
  await em.execute('delete from series_measure_outcome where series_id in (?)', [[...seriesIds]]);
  await em.execute(seriesOutcomeSql('ts.id in (?)'), [[...seriesIds]]);
}
