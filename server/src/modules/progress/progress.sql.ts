/*
 * The SQL behind progress and caseload. Each builder returns the text of common
 * table expressions over a CTE named `s` (the series in scope: id, client_id,
 * start_date, tz, status, end_date), so progress (by series id) and caseload (the
 * viewer's active series) compute measures and attendance with the same rules.
 * Sessions and values entered in error count nowhere: every read of them carries `validRecord`.
 */

import { validRecord } from '../../common/record-status.js';
import { conditionCatalog } from '../conditions/condition-catalog.js';
import { defaultReporterSql } from '../measures/measure-definition.js';

/**
 * `name` (default `visit`): the attended (and valid) sessions of the series in `scope` (default `s`), numbered
 * 1, 2, ... in clinical-time order per series.
 */
export function visitCte(scope = 's', name = 'visit'): string {
  return `
${name} as (
  select se.id, se.series_id, se.started_at, se.duration_minutes, se.modalities,
    row_number() over (partition by se.series_id order by se.started_at, se.created_at)::int as visit_number
  from treatment_session se join ${scope} on ${scope}.id = se.series_id
  where se.attendance = 'ATTENDED' and ${validRecord('se')}
)`;
}

/** Each attended visit's pre and post values (visits with both), in visit order, as JSON. */
const sessionsJson = `json_agg(json_build_object('sessionId', session_id, 'visitNumber', visit_number, 'startedAt', visit_at, 'pre', pre, 'post', post)
      order by visit_at) filter (where visit_number is not null and pre is not null and post is not null)`;

/**
 * The change threshold, in the unit, of measure `m` (a row of \`measure\`) for a series whose baseline is
 * `baseline`: the catalog's value in the unit, else its relative MCID as a share of |baseline| (FIQR: 14%,
 * Bennett 2009); null when there is neither, or the threshold is relative and the baseline 0.
 */
export function thresholdSql(m: string, baseline: string): string {
  return `coalesce(${m}.mcid, case when ${baseline} <> 0 then abs(${baseline}) * ${m}.mcid_percent / 100 end)`;
}

/** Week of series of a point: days from the series start to its calendar day in the clinic's zone, / 7 (only where the trend needs it). */
const week = '(((taken_at at time zone tz)::date - start_date) / 7.0)::float8';

/**
 * `v`: every value of the series in scope with its source (SESSION for pre/post
 * values, DIARY for between-session self-reports), visit time, visit number (attended
 * sessions 1, 2, ... in clinical-time order), and the series' zone and start.
 * `vp`: one point per visit and measure/region/side (the PRE_SESSION value when the
 * visit has one, else the POST_SESSION one) with the visit's mean pre and post values;
 * a value outside a session is a point of its own.
 * Values of different reporters (the client, a proxy, the therapist observing) are never pooled: each
 * reporter's values are points of their own (`vp`) and a progress row of their own (`g`).
 * `g`: per series, source, measure, region, side and reporter: baseline (first point), latest
 * (last point), number of points, least-squares slope per week, and each attended visit's
 * pre-to-post change (visits with both; `unpaired` counts those missing one) and their mean.
 * One grouping does all of it, so the values are sorted once and the points once.
 * `onlyObservations` narrows the observations read (SQL on `observation`'s columns and `s`).
 * `sessionList: false` leaves out the per-visit list (`sessions`, null) where only aggregates are wanted.
 * By default each series is worked out inside one lateral subquery through the indexes (a few
 * hundred series: the work grows linearly with them); `joinVisits`, the name of a `visitCte` over
 * (at least) the series in scope, lets the planner hash-join the whole observation table instead
 * (thousands of series, e.g. a research cohort), and takes the visit's time from it: a value taken at a
 * session is always taken at an attended one (recordSession and recordObservation refuse others).
 */
export function measureCtes(
  onlyObservations = '',
  { sessionList = true, joinVisits }: { sessionList?: boolean; joinVisits?: string } = {},
): string {
  const observations = joinVisits
    ? `join observation o on o.series_id = s.id and ${validRecord('o')} ${onlyObservations} and ${inRange('o.taken_at')}
  left join ${joinVisits} vn on vn.id = o.session_id`
    : // "offset 0" keeps the planner from flattening the lateral subquery into a scan and sort of the
      // whole observation table, which it otherwise prefers for a few hundred series.
      `cross join lateral (
    select ob.*, vs.visit_number
    from observation ob
    left join (
      select id, row_number() over (order by started_at, created_at)::int as visit_number
      from treatment_session where series_id = s.id and attendance = 'ATTENDED' and ${validRecord('treatment_session')}
    ) vs on vs.id = ob.session_id
    where ob.series_id = s.id and ${validRecord('ob')} ${onlyObservations} and ${inRange('ob.taken_at')}
    offset 0
  ) o`;
  const pointOrder = "order by context = 'POST_SESSION', taken_at, created_at";
  const timeOrder = 'order by visit_at, taken_at, created_at';
  return `
v as (
  select o.id, o.series_id, o.session_id, o.measure_code, o.region_code, o.side, o.reporter, o.context, o.value, o.taken_at, o.created_at,
    ${joinVisits ? 'vn' : 'o'}.visit_number, case when o.context = 'BETWEEN_SESSIONS' then 'DIARY' else 'SESSION' end as source,
    coalesce(${joinVisits ? 'vn' : 'se'}.started_at, o.taken_at) as visit_at, s.tz, s.start_date
  from s
  ${observations}
  ${joinVisits ? '' : 'left join treatment_session se on se.id = o.session_id'}
),
vp as (
  select series_id, source, measure_code, region_code, side, reporter, session_id, min(visit_at) as visit_at,
    -- The series' zone and start ride along as aggregates: as grouping keys they would lengthen every sort.
    min(tz) as tz, min(start_date) as start_date,
    min(visit_number) filter (where source = 'SESSION') as visit_number,
    (array_agg(value ${pointOrder}))[1] as value,
    (array_agg(taken_at ${pointOrder}))[1] as taken_at,
    (array_agg(created_at ${pointOrder}))[1] as created_at,
    avg(value) filter (where context = 'PRE_SESSION') as pre,
    avg(value) filter (where context = 'POST_SESSION') as post
  from v
  group by series_id, source, measure_code, region_code, side, reporter, coalesce(session_id, id), session_id
),
g as (
  select series_id, source, measure_code, region_code, side, reporter,
    (array_agg(value ${timeOrder}))[1] as baseline,
    (array_agg(taken_at ${timeOrder}))[1] as baseline_at,
    (array_agg(value ${timeOrder}))[count(*)] as latest,
    (array_agg(taken_at ${timeOrder}))[count(*)] as latest_at,
    count(*)::int as points,
    -- regr_slope over x values that are all equal returns rounding noise rather than null (six equal
    -- x of 2/7 give about 7e16), so a trend needs two distinct days.
    case when count(distinct ${week}) > 1 then regr_slope(value, ${week}) end as slope,
    regr_count(value, ${week})::int as trend_points,
    avg(post - pre) filter (where visit_number is not null) as mean_session_change,
    (count(*) filter (where visit_number is not null and (pre is null or post is null)))::int as unpaired,
    ${sessionList ? sessionsJson : 'null::json'} as sessions
  from vp
  group by series_id, source, measure_code, region_code, side, reporter
),
gm as (${judgedSql('g')})`;
}

/**
 * Rows of `rows` (a relation with `g`'s columns: measure_code, baseline, latest, points, ...) with their measure's
 * unit and direction, the change, its threshold and whether it was reached or exceeded the other way (`worsened`).
 */
export function judgedSql(rows: string): string {
  return `
  select g.*, m.unit, m.direction, t.mcid, m.mcid_percent, m.threshold_kind, ${defaultReporterSql('m')} as default_reporter,
    g.latest - g.baseline as change,
    case when g.baseline <> 0 then (g.latest - g.baseline) / abs(g.baseline) * 100 end as percent_change,
    case when t.mcid is null or g.points < 2 then null
      else (g.latest - g.baseline) * m.direction >= t.mcid - 1e-9 end as mcid_reached,
    case when t.mcid is null or g.points < 2 then false
      else (g.latest - g.baseline) * m.direction <= -t.mcid + 1e-9 end as worsened
  from ${rows} g join measure m on m.code = g.measure_code
  cross join lateral (select ${thresholdSql('m', 'g.baseline')} as mcid) t`;
}

/**
 * `headline(condition_code, measure_code)`: each condition's headline measure, from the catalog. Written into the
 * text (the codes are the catalog's constants) so that a bulk statement run without parameters can use it too.
 */
export const headlineCte = `headline(condition_code, measure_code) as (values ${conditionCatalog
  .map((c) => {
    if (!/^[A-Z0-9_]+$/.test(c.code + c.headlineMeasureCode)) throw new Error(`unexpected catalog code ${c.code}`);
    return `('${c.code}', '${c.headlineMeasureCode}')`;
  })
  .join(', ')})`;

/**
 * The headline measure of a series in scope (`s`, joined to `headline h` on its condition), as its page shows it: the
 * one chosen for the series, else its condition's. An expression, not a CTE of its own: read twice, such a CTE is
 * materialized, which made the caseload about half as fast (46 against 85 req/s at 10 connections in the benchmark).
 */
export const seriesHeadlineMeasure = 'coalesce(s.headline_measure_code, h.measure_code)';

/**
 * `atx`: attendance of each series in scope against its plan. Weeks elapsed count the calendar days from the start
 * to the end date (closed) or today (active), both included, in the clinic's zone, / 7.
 *
 * A series without appointments is judged against its plan's rate: the number expected by now is
 * floor(planned per week x weeks elapsed), at most the planned count, and the counts come from its sessions.
 * A series with appointments is judged against them (docs/clinical.md#attendance): expected by now = appointments
 * that have started, but for those the clinic cancelled; attended / no-shows = appointments so marked; cancelled =
 * appointments the client cancelled. A visit recorded without an appointment (a walk-in) counts as expected and as
 * its attendance, so every visit counts once. Takes the current instant twice as parameters (one per CTE).
 */
export const attendanceCtes = `
att as (
  select s.id as series_id, ts.planned_sessions, ts.planned_sessions_per_week, visits.*,
    ((greatest(least(coalesce(s.end_date, (k.now_at at time zone s.tz)::date), coalesce(s.range_end, 'infinity'::date))
      - greatest(s.start_date, coalesce(s.range_start, s.start_date)), 0) + 1) / 7.0)::float8 as weeks_elapsed
  from s
  cross join (select ?::timestamptz as now_at) k
  join treatment_series ts on ts.id = s.id
  -- Counted series by series (an aggregate without GROUP BY: one row, zeros for a series without visits), so
  -- the visits of all the series in scope are never sorted together to be grouped.
  cross join lateral (
    select count(se.id) filter (where se.attendance = 'ATTENDED')::int as attended,
      count(se.id) filter (where se.attendance = 'CANCELLED')::int as cancelled,
      count(se.id) filter (where se.attendance = 'NO_SHOW')::int as no_shows,
      count(se.id) filter (where se.attendance = 'NO_SHOW' and se.started_at > k.now_at - interval '14 days')::int as recent_no_shows,
      count(se.id) filter (where ap.id is null and se.attendance = 'ATTENDED')::int as walk_in_attended,
      count(se.id) filter (where ap.id is null and se.attendance = 'CANCELLED')::int as walk_in_cancelled,
      count(se.id) filter (where ap.id is null and se.attendance = 'NO_SHOW')::int as walk_in_no_shows,
      count(se.id) filter (where ap.id is null and se.attendance = 'NO_SHOW' and se.started_at > k.now_at - interval '14 days')::int
        as walk_in_recent_no_shows,
      coalesce(sum(se.duration_minutes) filter (where se.attendance = 'ATTENDED'), 0)::int as total_minutes,
      max(se.started_at) filter (where se.attendance = 'ATTENDED') as last_visit_at
    from treatment_session se
    left join appointment ap on ap.session_id = se.id
    where se.series_id = s.id and ${validRecord('se')} and ${inRange('se.started_at')}
  ) visits
),
apt as (
  select a.series_id, count(*)::int as appointments,
    count(*) filter (where a.status = 'ATTENDED')::int as attended,
    count(*) filter (where a.status = 'CANCELLED' and a.cancelled_by = 'CLIENT')::int as cancelled,
    count(*) filter (where a.status = 'NO_SHOW')::int as no_shows,
    count(*) filter (where a.status = 'NO_SHOW' and a.starts_at > k.now_at - interval '14 days')::int as recent_no_shows,
    count(*) filter (where a.starts_at <= k.now_at and not (a.status = 'CANCELLED' and a.cancelled_by = 'CLINIC'))::int as due
  from s
  cross join (select ?::timestamptz as now_at) k
  join appointment a on a.series_id = s.id and ${inRange('a.starts_at')}
  group by a.series_id
),
atx as (
  select att.series_id, att.planned_sessions, att.planned_sessions_per_week, att.total_minutes, att.last_visit_at,
    att.weeks_elapsed, apt.series_id is not null as by_appointments,
    case when apt.series_id is null then att.attended else apt.attended + att.walk_in_attended end as attended,
    case when apt.series_id is null then att.cancelled else apt.cancelled + att.walk_in_cancelled end as cancelled,
    case when apt.series_id is null then att.no_shows else apt.no_shows + att.walk_in_no_shows end as no_shows,
    case when apt.series_id is null then att.recent_no_shows else apt.recent_no_shows + att.walk_in_recent_no_shows end
      as recent_no_shows,
    case when apt.series_id is null
      then least(att.planned_sessions, floor(att.planned_sessions_per_week * att.weeks_elapsed))::int
      else apt.due + att.walk_in_attended + att.walk_in_no_shows + att.walk_in_cancelled end as expected_by_now
  from att left join apt on apt.series_id = att.series_id
)`;

/**
 * The series-in-scope CTE, filtered by `where` (which refers to `ts`, the series, and `c`, its clinic).
 * `range`: the scope takes two more parameters before those of `where`, the first and last calendar day
 * (clinic zone, both included; either may be null) of a part of the series, and every CTE above then
 * counts only the visits and values of those days (`range_start` / `range_end`, null for the whole series).
 */
export function scopeCte(where: string, { range = false } = {}): string {
  const days = range ? '?::date as range_start, ?::date as range_end' : 'null::date as range_start, null::date as range_end';
  return `s as (
  select ts.id, ts.client_id, ts.therapist_id, ts.condition_code, ts.headline_measure_code, ts.start_date, ts.end_date, ts.status,
    c.time_zone as tz, c.no_change_after_sessions, ${days}
  from treatment_series ts join clinic c on c.id = ts.clinic_id
  where ${where}
)`;
}

/** `at` (a timestamptz) falls on a day of the scope's range (see `scopeCte`); true when it has none. */
export function inRange(at: string): string {
  return `(s.range_start is null or ${at} >= s.range_start::timestamp at time zone s.tz)
    and (s.range_end is null or ${at} < (s.range_end + 1)::timestamp at time zone s.tz)`;
}
