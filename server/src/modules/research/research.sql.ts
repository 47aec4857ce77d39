/*
 * The SQL of research queries. A cohort is a CTE `s` of series (one per consenting client); their
 * outcomes come from series_measure_outcome, which the progress module's CTEs keep up to date at write
 * time, so "baseline" and "change" mean for researchers exactly what they mean for therapists
 * (progress/series-outcome.ts). Every statement takes `?` parameters.
 */
import { validRecord } from '../../common/record-status.js';
import { modalities } from '../care/treatment-session.entity.js';
import { defaultReporterSql } from '../measures/measure-definition.js';
import { thresholdSql, visitCte } from '../progress/progress.sql.js';
import { cellKeySql } from './perturbation.js';
import { ageBands, type CohortFilter } from './research.input.js';

/** A dose band: clients whose value is below `below` (and not in an earlier band); the last has no bound. */
export interface Band {
  key: string;
  label: string;
  below: number | null;
}

/** Total hands-on minutes of attended visits, in 4-hour bands (a weekly hour for a month is one band). */
export const minuteBands: readonly Band[] = [
  { key: 'MINUTES_0_239', label: 'under 240 min', below: 240 },
  { key: 'MINUTES_240_479', label: '240-479 min', below: 480 },
  { key: 'MINUTES_480_719', label: '480-719 min', below: 720 },
  { key: 'MINUTES_720_959', label: '720-959 min', below: 960 },
  { key: 'MINUTES_960_PLUS', label: '960 min and more', below: null },
];

/** Attended visits per week: less than weekly, about weekly, about twice, three times and more. */
export const perWeekBands: readonly Band[] = [
  { key: 'PER_WEEK_UNDER_0_75', label: 'under 0.75 a week', below: 0.75 },
  { key: 'PER_WEEK_0_75_1_5', label: '0.75 to under 1.5 a week', below: 1.5 },
  { key: 'PER_WEEK_1_5_2_5', label: '1.5 to under 2.5 a week', below: 2.5 },
  { key: 'PER_WEEK_2_5_PLUS', label: '2.5 a week and more', below: null },
];

/** Main-modality bands: each modality, and series whose visits recorded none. */
export const modalityBandKeys = [...modalities, 'NONE'] as const;

/** The 0-based index of the band of `expr`, a SQL expression (bounds are constants of this file). */
function bandIndex(expr: string, bands: readonly Band[]): string {
  const cases = bands.flatMap((band, i) => (band.below === null ? [] : [`when ${expr} < ${band.below} then ${i}`]));
  return `case ${cases.join(' ')} else ${bands.length - 1} end`;
}

/** The histogram of change: `binCount` bins of equal width from `-span` to `+span`. */
export const binCount = 20;

/**
 * `s`: the cohort, with each client's age decade at the series start (0 for 0-9 ... 9 for 90 and over). `consent` is each client's latest intake; `cand` the series of consenting
 * clients that pass the filters on the series and the client; `dose` the number of their attended visits, total
 * minutes and visits per week over the weeks the visits span ((last day - first day + 7) / 7, so
 * weekly visits give 1 a week whatever their number); `mm` the main modality (most minutes, each
 * visit's minutes shared equally among its modalities, ties alphabetical); `s` keeps the earliest
 * series per client that passes the dose filters too.
 */
/** One filter of a cohort as SQL: on the candidate series (`cand`) or after the dose (`s` stage: `cand`, `dose`, `mm`). */
interface FilterCondition {
  /** The input field it comes from (a range names its lower end's field). */
  field: string;
  stage: 'cand' | 's';
  sql: string;
  params: unknown[];
}

/** The first day of a `YYYY-MM` month as a SQL date parameter. */
const monthStart = (month: string) => `${month}-01`;

/** Each given filter, one condition each (a range's two ends together: the range is one filter value). */
export function filterConditions(filter: CohortFilter): FilterCondition[] {
  const out: FilterCondition[] = [];
  const add = (field: string, stage: 'cand' | 's', sql: string, ...params: unknown[]) => out.push({ field, stage, sql, params });
  if (filter.conditionCode !== null) add('conditionCode', 'cand', 'cand.condition_code = ?', filter.conditionCode);
  if (filter.sex !== null) add('sex', 'cand', 'cand.sex = ?', filter.sex);
  if (filter.clinicId !== null) add('clinicId', 'cand', 'cand.clinic_id = ?', filter.clinicId);
  if (filter.startMonthFrom !== null || filter.startMonthTo !== null) {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (filter.startMonthFrom !== null) {
      parts.push('cand.start_date >= ?::date');
      params.push(monthStart(filter.startMonthFrom));
    }
    if (filter.startMonthTo !== null) {
      parts.push(`cand.start_date < ?::date + interval '1 month'`);
      params.push(monthStart(filter.startMonthTo));
    }
    add(filter.startMonthFrom !== null ? 'startMonthFrom' : 'startMonthTo', 'cand', parts.join(' and '), ...params);
  }
  if (filter.minPlannedSessionsPerWeek !== null || filter.maxPlannedSessionsPerWeek !== null) {
    add(
      filter.minPlannedSessionsPerWeek !== null ? 'minPlannedSessionsPerWeek' : 'maxPlannedSessionsPerWeek',
      'cand',
      'cand.planned_sessions_per_week between coalesce(?::float8, 0) and coalesce(?::float8, 1e9)',
      filter.minPlannedSessionsPerWeek,
      filter.maxPlannedSessionsPerWeek,
    );
  }
  if (filter.ageBands !== null)
    add(
      'ageBands',
      'cand',
      'cand.age_decade in (?)',
      filter.ageBands.map((band) => ageBands.indexOf(band)),
    );
  if (filter.minAttendedSessions !== null || filter.maxAttendedSessions !== null) {
    add(
      filter.minAttendedSessions !== null ? 'minAttendedSessions' : 'maxAttendedSessions',
      's',
      'dose.attended between coalesce(?::int, 0) and coalesce(?::int, 1000000)',
      filter.minAttendedSessions,
      filter.maxAttendedSessions,
    );
  }
  if (filter.modality !== null && filter.modalityMatch === 'MAIN') add('modality', 's', 'mm.modality = ?', filter.modality);
  if (filter.modality !== null && filter.modalityMatch === 'ANY') {
    add(
      'modality',
      's',
      `exists (select 1 from treatment_session se where se.series_id = cand.id and se.attendance = 'ATTENDED' and ${validRecord('se')} and ?::text = any(se.modalities))`,
      filter.modality,
    );
  }
  return out;
}

/**
 * The CTEs of the population before any filter (`consent`, `cand`: every series of a consenting client
 * of a clinic taking part in research), and the where clauses of `cand` and `s`.
 */
function baseCtes(candWhere: string, withDose = true): string {
  const population = `
consent as (
  select distinct on (i.client_id) i.client_id, i.research_consent
  from intake i
  order by i.client_id, i.taken_at desc, i.created_at desc
),
cand as (
  select * from (
    select ts.id, ts.client_id, ts.clinic_id, ts.condition_code, ts.start_date, ts.end_date, ts.status, c.time_zone as tz,
      cl.sex, cl.research_key, ts.planned_sessions_per_week,
      least(div(date_part('year', age(ts.start_date, cl.date_of_birth))::int, 10), 9) as age_decade
    from treatment_series ts
    join consent on consent.client_id = ts.client_id and consent.research_consent
    join client cl on cl.id = ts.client_id
    -- A clinic takes part in research only once its admin has opted in (clinic.research_opted_in_at).
    join clinic c on c.id = ts.clinic_id and c.research_opted_in_at is not null
  ) cand
  ${candWhere}
)`;
  if (!withDose) return population;
  // One pass over the cohort's attended visits, grouped by series, with no sort: the minutes of each
  // modality are summed side by side (each visit's minutes shared equally among its modalities, which
  // recording keeps free of duplicates), and mm picks the largest, ties alphabetical.
  const modalityMinutes = modalities
    .map((m) => `sum(se.duration_minutes::float8 / cardinality(se.modalities)) filter (where '${m}' = any(se.modalities))`)
    .join(',\n      ');
  return `${population},
dose as (
  select cand.id as series_id, count(se.id)::int as attended, coalesce(sum(se.duration_minutes), 0)::int as minutes,
    -- The first and last instants converted once per series (a zone's calendar day never runs backwards).
    (count(se.id) / (((max(se.started_at) at time zone cand.tz)::date - (min(se.started_at) at time zone cand.tz)::date + 7) / 7.0))::float8
      as per_week,
    array[
      ${modalityMinutes}
    ] as modality_minutes
  from cand left join treatment_session se on se.series_id = cand.id and se.attendance = 'ATTENDED' and ${validRecord('se')}
  group by cand.id, cand.tz
),
mm as (
  select dose.series_id, main.modality
  from dose cross join lateral (
    select u.modality from unnest(dose.modality_minutes, array[${modalities.map((m) => `'${m}'`).join(', ')}]) as u(minutes, modality)
    where u.minutes is not null order by u.minutes desc, u.modality limit 1
  ) main
)`;
}

/**
 * Query-set size control on each filter on its own (Denning 1980; the "threshold rule" applied to the
 * query's predicates): for each given filter, how many consenting clients of participating clinics it
 * matches by itself, before any statistic is computed. Columns `f0`, `f1`, ... in the order of `filterConditions`.
 */
export function filterCountsStatement(filter: CohortFilter): { sql: string; params: unknown[]; fields: string[] } | null {
  const conditions = filterConditions(filter);
  if (conditions.length === 0) return null;
  const needsDose = conditions.some((c) => c.stage === 's');
  const counts = conditions.map((c, i) => `count(distinct cand.client_id) filter (where ${c.sql})::int as f${i}`).join(', ');
  const from = needsDose ? 'cand join dose on dose.series_id = cand.id left join mm on mm.series_id = cand.id' : 'cand';
  const ctes = baseCtes('', needsDose);
  return {
    sql: `with ${ctes} select ${counts} from ${from}`,
    params: conditions.flatMap((c) => c.params),
    fields: conditions.map((c) => c.field),
  };
}

export function cohortCtes(filter: CohortFilter): { sql: string; params: unknown[] } {
  const conditions = filterConditions(filter);
  const cand = conditions.filter((c) => c.stage === 'cand');
  const later = conditions.filter((c) => c.stage === 's');
  const candWhere = cand.length > 0 ? `where ${cand.map((c) => c.sql).join(' and ')}` : '';
  const sWhere = later.length > 0 ? `where ${later.map((c) => c.sql).join(' and ')}` : '';
  const candParams = cand.flatMap((c) => c.params);
  const params = later.flatMap((c) => c.params);
  const sql = `${baseCtes(candWhere)},
s as (
  select distinct on (cand.client_id) cand.*, dose.attended, dose.minutes, coalesce(dose.per_week, 0) as per_week,
    coalesce(mm.modality, 'NONE') as main_modality
  from cand join dose on dose.series_id = cand.id left join mm on mm.series_id = cand.id
  ${sWhere}
  order by cand.client_id, cand.start_date, cand.id
)`;
  return { sql, params: [...candParams, ...params] };
}

/** Histogram bounds of a measure: change runs from -(max - min) to +(max - min); 20 bins of a tenth of the range. */
export function histogramBounds(measure: { min: number; max: number }): { from: number; width: number } {
  const span = measure.max - measure.min;
  return { from: -span, width: (2 * span) / binCount };
}

/**
 * The aggregates of one cell of clients with a change (`x` names the per-client rows), with the cell
 * key of the cell (perturbation.ts).
 */
const cellStats = `count(*)::int as n, avg(x.baseline) as baseline_mean, stddev_samp(x.baseline) as baseline_sd,
  avg(x.change) as change_mean, stddev_samp(x.change) as change_sd,
  count(*) filter (where x.responder)::int as responders,
  ${cellKeySql('x.research_key')} as ck`;

/**
 * One statement: the cohort, its series' stored outcomes on one measure (`mo`), then per client (`cx`) the
 * baseline and change (the mean over the measure's regions and sides, when recorded on several),
 * responder (change x direction >= the series' threshold, in the unit or relative to its baseline, as progress's
 * "MCID reached"), dose bands; and the
 * aggregates of every output as one JSON document. With `overallOnly`, only the overall cell.
 * Parameters: the cohort's, the measure code, then the histogram's lower edge and bin width.
 */
export function outcomeStatement(
  filter: CohortFilter,
  measureCode: string,
  histogram: { from: number; width: number },
  overallOnly = false,
) {
  const cohort = cohortCtes(filter);
  const outputs = overallOnly
    ? `'overall', (select row_to_json(o) from (select ${cellStats} from cx x) o),
    'members', (select coalesce(json_agg(x.client_id), '[]') from cx x)`
    : `'overall', (select row_to_json(o) from (select ${cellStats} from cx x) o),
    'members', (select coalesce(json_agg(x.client_id), '[]') from cx x),
    'histogram', (select coalesce(json_agg(json_build_object('bin', h.bin, 'n', h.n, 'ck', h.ck)), '[]') from (
      select least(greatest(floor((x.change - ?) / ?)::int, 0), ${binCount - 1}) as bin, count(*)::int as n,
        ${cellKeySql('x.research_key')} as ck from cx x group by 1) h),
    'minutes', (select coalesce(json_agg(row_to_json(o)), '[]') from (select x.minutes_band as band, ${cellStats} from cx x group by 1) o),
    'perWeek', (select coalesce(json_agg(row_to_json(o)), '[]') from (select x.per_week_band as band, ${cellStats} from cx x group by 1) o),
    'modality', (select coalesce(json_agg(row_to_json(o)), '[]') from (select x.main_modality as band, ${cellStats} from cx x group by 1) o),
    'slope', (select row_to_json(o) from (select regr_count(x.change, x.minutes)::int as n,
      -- Equal minutes for every client: no slope (regr_slope would return rounding noise, not null).
      case when min(x.minutes) < max(x.minutes) then regr_slope(x.change, x.minutes) end as slope,
      regr_sxx(x.change, x.minutes) as sxx, regr_syy(x.change, x.minutes) as syy,
      (max(x.minutes) - min(x.minutes))::float8 as x_range, ${cellKeySql('x.research_key')} as ck from cx x) o),
    'visits', (select coalesce(json_agg(row_to_json(o) order by o.visit_number), '[]') from (
      select (vv.point->>'visit')::int as visit_number, count(*)::int as n, avg((vv.point->>'value')::float8) as mean,
        stddev_samp((vv.point->>'value')::float8) as sd, ${cellKeySql('mo.research_key')} as ck
      from mo cross join jsonb_array_elements(mo.visit_values) as vv(point)
      group by 1) o),
    'prePost', (select row_to_json(o) from (select count(*)::int as n, avg(mo.pre_post) as mean, stddev_samp(mo.pre_post) as sd,
      ${cellKeySql('mo.research_key')} as ck
      from mo where mo.pre_post is not null) o)`;
  const sql = `with ${cohort.sql},
mo as (
  -- One reporter only, never pooled: the client's own report for pain and questionnaires (proxy-reported values are
  -- left out), the therapist's for what they measure (docs/research.md#who-reported-a-value).
  select o.*, s.research_key, s.client_id from series_measure_outcome o join s on s.id = o.series_id
  join measure rm on rm.code = o.measure_code
  where o.measure_code = ? and o.reporter = ${defaultReporterSql('rm')}
),
cx as (
  select mo.baseline, mo.change, s.minutes, s.research_key, s.client_id,
    case when t.threshold is null then null else mo.change * m.direction >= t.threshold - 1e-9 end as responder,
    ${bandIndex('s.minutes', minuteBands)} as minutes_band,
    ${bandIndex('s.per_week', perWeekBands)} as per_week_band,
    s.main_modality
  from mo join s on s.id = mo.series_id join measure m on m.code = mo.measure_code
  cross join lateral (select ${thresholdSql('m', 'mo.baseline')} as threshold) t
  where mo.change is not null
)
select json_build_object(${outputs}) as result`;
  const params = [...cohort.params, measureCode, ...(overallOnly ? [] : [histogram.from, histogram.width])];
  return { sql, params };
}

/**
 * The de-identified export: one row per client, attended visit, measure, region and side with a
 * value (pre and post side by side; of the measure's usual reporter only, as the outcomes), ordered by pseudonym. The pseudonym is the first 16 hex digits
 * of SHA-256(key || client id) with a random key per export that is never stored: the same client
 * gets another pseudonym in every export, and the order of rows differs too. Days are counted from
 * the series start in the clinic's time zone. Parameters: the cohort's, the key, then the measure
 * code or null for every measure.
 */
export function exportStatement(filter: CohortFilter, key: string, measureCode: string | null) {
  const cohort = cohortCtes(filter);
  // Each attended visit carries its series' columns, so the values join the visits alone: a join of the cohort
  // with its visits (two CTEs, each estimated at a few rows) was planned as a nested loop over every pair, seconds
  // on the demo network's 1,250 series, past the statement timeout on a busy machine.
  const sql = `with ${cohort.sql},
visit as (
  select k.client_id, k.age_decade, k.sex, k.condition_code, k.main_modality, k.minutes, k.tz, k.start_date,
    se.id, se.started_at, se.duration_minutes,
    row_number() over (partition by se.series_id order by se.started_at, se.created_at)::int as visit_number
  from treatment_session se join s k on k.id = se.series_id
  where se.attendance = 'ATTENDED' and ${validRecord('se')}
)
select left(encode(sha256(convert_to(? || visit.client_id::text, 'UTF8')), 'hex'), 16) as participant, visit.age_decade, visit.sex,
  visit.condition_code, visit.main_modality, visit.minutes as series_minutes,
  visit.visit_number, ((visit.started_at at time zone visit.tz)::date - visit.start_date) as day,
  visit.duration_minutes as visit_minutes,
  o.measure_code, m.unit, o.region_code, o.side,
  avg(o.value) filter (where o.context = 'PRE_SESSION') as pre,
  avg(o.value) filter (where o.context = 'POST_SESSION') as post
from visit
join observation o on o.session_id = visit.id and o.context in ('PRE_SESSION', 'POST_SESSION') and ${validRecord('o')}
  and (?::text is null or o.measure_code = ?)
join measure m on m.code = o.measure_code and o.reporter = ${defaultReporterSql('m')}
group by visit.client_id, visit.age_decade, visit.sex, visit.condition_code, visit.main_modality, visit.minutes, visit.visit_number,
  visit.started_at, visit.tz, visit.start_date, visit.duration_minutes, o.measure_code, m.unit, o.region_code, o.side
order by 1, visit.visit_number, o.measure_code, o.region_code nulls first, o.side nulls first`;
  return { sql, params: [...cohort.params, key, measureCode, measureCode] };
}

/**
 * The export's participants: the cohort's clients with at least one exported row (a value before or
 * after treatment at an attended visit, of the measure or of any), with their pseudonym (same key as
 * `exportStatement`) and quasi-identifiers: age band, sex, condition, clinic, main modality, start month.
 * Parameters: the cohort's, the key, then the measure code or null.
 */
export function exportParticipantsStatement(filter: CohortFilter, key: string, measureCode: string | null) {
  const cohort = cohortCtes(filter);
  const sql = `with ${cohort.sql},${visitCte('s', 'cs')},
has_rows as (
  select distinct visit.series_id from cs visit
  join observation o on o.session_id = visit.id and o.context in ('PRE_SESSION', 'POST_SESSION') and ${validRecord('o')}
    and (?::text is null or o.measure_code = ?)
  join measure m on m.code = o.measure_code and o.reporter = ${defaultReporterSql('m')}
)
select left(encode(sha256(convert_to(? || k.client_id::text, 'UTF8')), 'hex'), 16) as participant, k.client_id, k.age_decade, k.sex,
  k.condition_code, c.name as clinic, k.main_modality, to_char(k.start_date, 'YYYY-MM') as start_month
from s k join has_rows h on h.series_id = k.id join clinic c on c.id = k.clinic_id`;
  return { sql, params: [...cohort.params, measureCode, measureCode, key] };
}

/** Number of clients in the cohort (the export refuses a cohort under the minimum cell size). */
export function cohortSizeStatement(filter: CohortFilter) {
  const cohort = cohortCtes(filter);
  return { sql: `with ${cohort.sql} select count(*)::int as n from s`, params: cohort.params };
}
