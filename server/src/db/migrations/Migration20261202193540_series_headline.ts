import { Migration } from '@mikro-orm/migrations';

export class Migration20261202193540_series_headline extends Migration {

  override name = 'Migration20261202193540_series_headline';

  override up(): void | Promise<void> {
    this.addSql(`create table "series_headline" ("series_id" uuid not null, "measure_code" varchar(40) not null, "region_code" varchar(40) null, "side" text null, "reporter" text not null, "baseline" double precision not null, "baseline_at" timestamptz not null, "latest" double precision not null, "latest_at" timestamptz not null, "points" int not null, "slope" double precision null, "trend_points" int not null, "mean_session_change" double precision null, "unpaired" int not null, "sessions" jsonb null, primary key ("series_id", "measure_code"));`);

    this.addSql(`alter table "series_headline" add constraint "series_headline_series_id_foreign" foreign key ("series_id") references "treatment_series" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "series_headline" add constraint "series_headline_measure_code_foreign" foreign key ("measure_code") references "measure" ("code") on update cascade on delete cascade;`);
    this.addSql(`alter table "series_headline" add constraint "series_headline_side_check" check ("side" in ('LEFT', 'RIGHT'));`);
    this.addSql(`alter table "series_headline" add constraint "series_headline_reporter_check" check ("reporter" in ('CLIENT', 'PROXY', 'THERAPIST'));`);
    // The headlines of every series already recorded (from here on each write keeps its series' rows): the text of
    // progress/series-outcome.ts `seriesHeadlineSql('true', { everySeries: true })` when written.
    this.addSql(`with headline(condition_code, measure_code) as (values ('FIBROMYALGIA', 'FIQR'), ('CHRONIC_LOW_BACK_PAIN', 'ODI'), ('NECK_PAIN', 'NDI'), ('WHIPLASH', 'NDI'), ('CARPAL_TUNNEL', 'QUICKDASH'), ('REPETITIVE_STRAIN', 'QUICKDASH'), ('OSTEOARTHRITIS', 'NPRS'), ('TMJ_DISORDER', 'NPRS'), ('TENSION_TYPE_HEADACHE', 'NPRS'), ('SPORTS_INJURY', 'PSFS'), ('POSTURAL_PAIN', 'NPRS'), ('CANCER_PALLIATIVE', 'NPRS'), ('FROZEN_SHOULDER', 'QUICKDASH'), ('KNEE_OSTEOARTHRITIS', 'KOOS12'), ('HIP_OSTEOARTHRITIS', 'NPRS'), ('PREGNANCY_PELVIC_PAIN', 'NPRS'), ('STRESS_ANXIETY', 'GAD7'), ('AUTISM_SPECTRUM', 'RFLACC'), ('DOWN_SYNDROME', 'RFLACC')), s as (
  select ts.id, ts.client_id, ts.therapist_id, ts.condition_code, ts.start_date, ts.end_date, ts.status, c.time_zone as tz,
    c.no_change_after_sessions, null::date as range_start, null::date as range_end
  from treatment_series ts join clinic c on c.id = ts.clinic_id
  where true
), 
cs as (
  select se.id, se.series_id, se.started_at, se.duration_minutes, se.modalities,
    row_number() over (partition by se.series_id order by se.started_at, se.created_at)::int as visit_number
  from treatment_session se join s on s.id = se.series_id
  where se.attendance = 'ATTENDED' and se.status <> 'ENTERED_IN_ERROR'
), 
v as (
  select o.id, o.series_id, o.session_id, o.measure_code, o.region_code, o.side, o.reporter, o.context, o.value, o.taken_at, o.created_at,
    vn.visit_number, case when o.context = 'BETWEEN_SESSIONS' then 'DIARY' else 'SESSION' end as source,
    coalesce(vn.started_at, o.taken_at) as visit_at, s.tz, s.start_date
  from s
  join observation o on o.series_id = s.id and o.status <> 'ENTERED_IN_ERROR' and measure_code in (select h.measure_code from headline h) and (s.range_start is null or o.taken_at >= s.range_start::timestamp at time zone s.tz)
    and (s.range_end is null or o.taken_at < (s.range_end + 1)::timestamp at time zone s.tz)
  left join cs vn on vn.id = o.session_id
  
),
vp as (
  select series_id, source, measure_code, region_code, side, reporter, session_id, min(visit_at) as visit_at,
    -- The series' zone and start ride along as aggregates: as grouping keys they would lengthen every sort.
    min(tz) as tz, min(start_date) as start_date,
    min(visit_number) filter (where source = 'SESSION') as visit_number,
    (array_agg(value order by context = 'POST_SESSION', taken_at, created_at))[1] as value,
    (array_agg(taken_at order by context = 'POST_SESSION', taken_at, created_at))[1] as taken_at,
    (array_agg(created_at order by context = 'POST_SESSION', taken_at, created_at))[1] as created_at,
    avg(value) filter (where context = 'PRE_SESSION') as pre,
    avg(value) filter (where context = 'POST_SESSION') as post
  from v
  group by series_id, source, measure_code, region_code, side, reporter, coalesce(session_id, id), session_id
),
g as (
  select series_id, source, measure_code, region_code, side, reporter,
    (array_agg(value order by visit_at, taken_at, created_at))[1] as baseline,
    (array_agg(taken_at order by visit_at, taken_at, created_at))[1] as baseline_at,
    (array_agg(value order by visit_at, taken_at, created_at))[count(*)] as latest,
    (array_agg(taken_at order by visit_at, taken_at, created_at))[count(*)] as latest_at,
    count(*)::int as points,
    -- regr_slope over x values that are all equal returns rounding noise rather than null (six equal
    -- x of 2/7 give about 7e16), so a trend needs two distinct days.
    case when count(distinct (((taken_at at time zone tz)::date - start_date) / 7.0)::float8) > 1 then regr_slope(value, (((taken_at at time zone tz)::date - start_date) / 7.0)::float8) end as slope,
    regr_count(value, (((taken_at at time zone tz)::date - start_date) / 7.0)::float8)::int as trend_points,
    avg(post - pre) filter (where visit_number is not null) as mean_session_change,
    (count(*) filter (where visit_number is not null and (pre is null or post is null)))::int as unpaired,
    json_agg(json_build_object('sessionId', session_id, 'visitNumber', visit_number, 'startedAt', visit_at, 'pre', pre, 'post', post)
      order by visit_at) filter (where visit_number is not null and pre is not null and post is not null) as sessions
  from vp
  group by series_id, source, measure_code, region_code, side, reporter
),
gm as (
  select g.*, m.unit, m.direction, t.mcid, m.mcid_percent, m.threshold_kind, case when m.kind in ('PAIN', 'QUESTIONNAIRE') then 'CLIENT' else 'THERAPIST' end as default_reporter,
    g.latest - g.baseline as change,
    case when g.baseline <> 0 then (g.latest - g.baseline) / abs(g.baseline) * 100 end as percent_change,
    case when t.mcid is null or g.points < 2 then null
      else (g.latest - g.baseline) * m.direction >= t.mcid - 1e-9 end as mcid_reached,
    case when t.mcid is null or g.points < 2 then false
      else (g.latest - g.baseline) * m.direction <= -t.mcid + 1e-9 end as worsened
  from g g join measure m on m.code = g.measure_code
  cross join lateral (select coalesce(m.mcid, case when g.baseline <> 0 then abs(g.baseline) * m.mcid_percent / 100 end) as mcid) t),
fresh as (
  select distinct on (gm.series_id, gm.measure_code) gm.series_id, gm.measure_code, gm.region_code, gm.side, gm.reporter, gm.baseline,
    gm.baseline_at, gm.latest, gm.latest_at, gm.points, gm.slope, gm.trend_points, gm.mean_session_change, gm.unpaired, gm.sessions::jsonb
  from gm
  where gm.source = 'SESSION'
  -- Region, side and reporter last, so that two rows alike in the rest always give the same choice.
  order by gm.series_id, gm.measure_code, gm.reporter <> gm.default_reporter, gm.points desc, gm.latest_at desc,
    gm.region_code nulls first, gm.side nulls first, gm.reporter
)
insert into series_headline (series_id, measure_code, region_code, side, reporter, baseline, baseline_at, latest, latest_at, points, slope,
  trend_points, mean_session_change, unpaired, sessions)
select * from fresh
on conflict (series_id, measure_code) do update set region_code = excluded.region_code, side = excluded.side,
  reporter = excluded.reporter, baseline = excluded.baseline, baseline_at = excluded.baseline_at, latest = excluded.latest,
  latest_at = excluded.latest_at, points = excluded.points, slope = excluded.slope, trend_points = excluded.trend_points,
  mean_session_change = excluded.mean_session_change, unpaired = excluded.unpaired, sessions = excluded.sessions`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "series_headline" cascade;`);
  }

}
