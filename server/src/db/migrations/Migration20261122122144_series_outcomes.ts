import { Migration } from '@mikro-orm/migrations';

export class Migration20261122122144_series_outcomes extends Migration {

  override name = 'Migration20261122122144_series_outcomes';

  override up(): void | Promise<void> {
    this.addSql(`create table "series_measure_outcome" ("series_id" uuid not null, "measure_code" varchar(40) not null, "baseline" double precision null, "change" double precision null, "visit_values" jsonb not null, "pre_post" double precision null, primary key ("series_id", "measure_code"));`);

    this.addSql(`alter table "series_measure_outcome" add constraint "series_measure_outcome_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "series_measure_outcome" add constraint "series_measure_outcome_measure_code_foreign" foreign key ("measure_code") references "measure" ("code") on update cascade on delete cascade;`);
    // The outcomes of the series already recorded (from here on each write keeps its series' rows): the
    // text of progress/series-outcome.ts `seriesOutcomeSql('true', { everySeries: true })` when written.
    this.addSql(`with s as (
  select ts.id, ts.client_id, ts.therapist_id, ts.condition_code, ts.start_date, ts.end_date, ts.status, c.time_zone as tz,
    c.no_change_after_sessions
  from treatment_series ts join clinic c on c.id = ts.clinic_id
  where true
), 
cs as (
  select se.id, se.series_id, se.started_at, se.duration_minutes, se.modalities,
    row_number() over (partition by se.series_id order by se.started_at, se.created_at)::int as visit_number
  from treatment_session se join s on s.id = se.series_id
  where se.attendance = 'ATTENDED'
), 
v as (
  select o.id, o.series_id, o.session_id, o.measure_code, o.region_code, o.side, o.context, o.value, o.taken_at, o.created_at,
    vn.visit_number, case when o.context = 'BETWEEN_SESSIONS' then 'DIARY' else 'SESSION' end as source,
    coalesce(vn.started_at, o.taken_at) as visit_at, s.tz, s.start_date
  from s
  join observation o on o.series_id = s.id 
  left join cs vn on vn.id = o.session_id
  
),
vp as (
  select series_id, source, measure_code, region_code, side, session_id, min(visit_at) as visit_at,
    -- The series' zone and start ride along as aggregates: as grouping keys they would lengthen every sort.
    min(tz) as tz, min(start_date) as start_date,
    min(visit_number) filter (where source = 'SESSION') as visit_number,
    (array_agg(value order by context = 'POST_SESSION', taken_at, created_at))[1] as value,
    (array_agg(taken_at order by context = 'POST_SESSION', taken_at, created_at))[1] as taken_at,
    (array_agg(created_at order by context = 'POST_SESSION', taken_at, created_at))[1] as created_at,
    avg(value) filter (where context = 'PRE_SESSION') as pre,
    avg(value) filter (where context = 'POST_SESSION') as post
  from v
  group by series_id, source, measure_code, region_code, side, coalesce(session_id, id), session_id
),
g as (
  select series_id, source, measure_code, region_code, side,
    (array_agg(value order by visit_at, taken_at, created_at))[1] as baseline,
    (array_agg(taken_at order by visit_at, taken_at, created_at))[1] as baseline_at,
    (array_agg(value order by visit_at, taken_at, created_at))[count(*)] as latest,
    (array_agg(taken_at order by visit_at, taken_at, created_at))[count(*)] as latest_at,
    count(*)::int as points,
    regr_slope(value, (((taken_at at time zone tz)::date - start_date) / 7.0)::float8) as slope,
    regr_count(value, (((taken_at at time zone tz)::date - start_date) / 7.0)::float8)::int as trend_points,
    avg(post - pre) filter (where visit_number is not null) as mean_session_change,
    (count(*) filter (where visit_number is not null and (pre is null or post is null)))::int as unpaired,
    null::json as sessions
  from vp
  group by series_id, source, measure_code, region_code, side
),
gm as (
  select g.*, m.unit, m.direction, m.mcid,
    g.latest - g.baseline as change,
    case when g.baseline <> 0 then (g.latest - g.baseline) / abs(g.baseline) * 100 end as percent_change,
    case when m.mcid is null or g.points < 2 then null
      else (g.latest - g.baseline) * m.direction >= m.mcid - 1e-9 end as mcid_reached,
    case when m.mcid is null or g.points < 2 then false
      else (g.latest - g.baseline) * m.direction <= -m.mcid + 1e-9 end as worsened
  from g join measure m on m.code = g.measure_code
),
per_series as (
  select series_id, measure_code, avg(baseline) as baseline, avg(change) as change
  from gm where source = 'SESSION' and points >= 2
  group by series_id, measure_code
),
visit_means as (
  select series_id, measure_code, visit_number, avg(value) as value
  from vp where source = 'SESSION' and visit_number is not null
  group by series_id, measure_code, visit_number
),
visits as (
  select series_id, measure_code, jsonb_agg(jsonb_build_object('visit', visit_number, 'value', value) order by visit_number) as values
  from visit_means group by series_id, measure_code
),
pairs as (
  select series_id, measure_code, avg(post - pre) as pre_post
  from vp where visit_number is not null and pre is not null and post is not null
  group by series_id, measure_code
)
insert into series_measure_outcome (series_id, measure_code, baseline, change, visit_values, pre_post)
select visits.series_id, visits.measure_code, per_series.baseline, per_series.change, visits.values, pairs.pre_post
from visits
left join per_series using (series_id, measure_code)
left join pairs using (series_id, measure_code)`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "series_measure_outcome" cascade;`);
  }

}
