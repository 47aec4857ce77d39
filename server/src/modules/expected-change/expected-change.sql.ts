/*
 * The SQL of the expected-change model: the sums of cross products per condition and measure, added up
 * by PostgreSQL over the research population's stored per-series outcomes, and the rows a band needs.
 */
import { defaultReporterSql } from '../measures/measure-definition.js';
import { cellKeySql } from '../research/perturbation.js';
import { checkCohortFilter } from '../research/research.input.js';
import { cohortCtes } from '../research/research.sql.js';

/** Baseline severity groups for "similar clients": tenths of the measure's range. */
export const baselineGroups = 10;

/** The tenth of the range (0-9) a baseline falls in, as SQL; the top of the range belongs to the last. */
// Multiplied before dividing, so that whole-number scores land exactly on their tenth (7 / 10 * 10 is 7.000000000000001).
const tenthSql = (value: string) =>
  `least(greatest(floor((${value} - m.min_value) * ${baselineGroups} / nullif(m.max_value - m.min_value, 0))::int, 0), ${baselineGroups - 1})`;

/**
 * Points of the fit (`pts`): the research cohort (research.sql.ts `cohortCtes` with no filter: consenting
 * clients of opted-in clinics, one series per client), each series' values on each measure at its visits as
 * progress stores them (series_measure_outcome, the measure's usual reporter only, as research reads them).
 * The first visit with a value is the baseline `b`; every later visit `v` is a point with change `y` from it.
 */
const pointsCtes = () => {
  const cohort = cohortCtes(checkCohortFilter(null));
  const sql = `${cohort.sql},
per_series as (
  select s.condition_code, o.measure_code, s.client_id, s.research_key, o.visit_values,
    (o.visit_values->0->>'value')::float8 as b
  from series_measure_outcome o join s on s.id = o.series_id join measure m on m.code = o.measure_code
  where o.reporter = ${defaultReporterSql('m')} and jsonb_array_length(o.visit_values) >= 2
),
pts as (
  select ps.condition_code, ps.measure_code, ps.client_id, ps.b, (vv.point->>'visit')::float8 as v,
    (vv.point->>'value')::float8 - ps.b as y, vv.i = jsonb_array_length(ps.visit_values) as latest
  from per_series ps cross join lateral jsonb_array_elements(ps.visit_values) with ordinality as vv(point, i)
  where vv.i > 1
)`;
  return { sql, params: cohort.params };
};

/** The sums of cross products of (1, baseline, visit) and change per condition and measure, and the cell key of its clients. */
export function fitSumsStatement() {
  const points = pointsCtes();
  const sql = `with ${points.sql},
keys as (
  select condition_code, measure_code, count(*)::int as clients, ${cellKeySql('research_key')} as ck
  from per_series group by 1, 2
),
tenths as (
  select condition_code, measure_code, jsonb_agg(jsonb_build_array(tenth, n)) as counts from (
    select ps.condition_code, ps.measure_code, ${tenthSql('ps.b')} as tenth, count(*)::int as n
    from per_series ps join measure m on m.code = ps.measure_code group by 1, 2, 3
  ) t group by 1, 2
)
select p.condition_code, p.measure_code, keys.clients, keys.ck, tenths.counts as tenths, count(*)::int as n, max(p.v)::int as max_visit,
  sum(p.b) as sb, sum(p.v) as sv, sum(p.y) as sy, sum(p.b * p.b) as sbb, sum(p.b * p.v) as sbv, sum(p.v * p.v) as svv,
  sum(p.b * p.y) as sby, sum(p.v * p.y) as svy, sum(p.y * p.y) as syy
from pts p join keys using (condition_code, measure_code) join tenths using (condition_code, measure_code)
group by p.condition_code, p.measure_code, keys.clients, keys.ck, tenths.counts
order by 1, 2`;
  return { sql, params: points.params };
}

/**
 * Each fitted client's performance at their latest visit (actual change - expected) summed per model, once the
 * models of this fit are stored: what researchers see of performance, as an aggregate.
 */
export function performanceSumsStatement() {
  const points = pointsCtes();
  const sql = `with ${points.sql}
select p.condition_code, p.measure_code, count(*)::int as n,
  avg(p.y - (e.intercept + e.baseline_coef * p.b + e.visit_coef * p.v)) as mean,
  stddev_samp(p.y - (e.intercept + e.baseline_coef * p.b + e.visit_coef * p.v)) as sd
from pts p join expected_change_model e on e.condition_code = p.condition_code and e.measure_code = p.measure_code
where p.latest
group by 1, 2`;
  return { sql, params: points.params };
}

/**
 * What the band of a series on a measure needs, for many (series, measure) pairs of one clinic in one
 * statement: the series' values at its visits (the measure's usual reporter), its condition and planned
 * visits, the model of its condition and measure (null when none was fitted) and the tenth of the range of
 * its baseline. Parameters: the pairs as JSON (`[{ series_id, measure_code }]`), then the clinic.
 */
export const bandRowsStatement = `select ts.id as series_id, o.measure_code, ts.condition_code, ts.planned_sessions, o.visit_values,
  ${tenthSql("(o.visit_values->0->>'value')::float8")} as tenth, to_jsonb(e) as model
from jsonb_to_recordset(?::jsonb) as wanted(series_id uuid, measure_code text)
join treatment_series ts on ts.id = wanted.series_id and ts.clinic_id = ?
join measure m on m.code = wanted.measure_code
join series_measure_outcome o on o.series_id = ts.id and o.measure_code = m.code and o.reporter = ${defaultReporterSql('m')}
left join expected_change_model e on e.condition_code = ts.condition_code and e.measure_code = m.code`;
