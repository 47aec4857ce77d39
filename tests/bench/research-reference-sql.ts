/**
 * The same statistics in one statement, written from the definitions in the README rather than from
 * the app's CTEs: the earliest series of each client whose latest intake consents; per visit and
 * region/side the pre value (else post); baseline the first visit's, change last - first (mean over
 * regions and sides); dose from attended visits; the aggregates of every output.
 */
export const handWrittenSql = `
with consent as (
  select distinct on (client_id) client_id, research_consent from intake order by client_id, taken_at desc, created_at desc
),
ser as (
  select distinct on (ts.client_id) ts.id, ts.start_date, c.time_zone as tz
  from treatment_series ts join consent k on k.client_id = ts.client_id and k.research_consent join clinic c on c.id = ts.clinic_id
  order by ts.client_id, ts.start_date, ts.id
),
vis as (
  select se.id, se.series_id, se.duration_minutes, se.modalities, (se.started_at at time zone ser.tz)::date as day,
    row_number() over (partition by se.series_id order by se.started_at, se.created_at) as vn
  from treatment_session se join ser on ser.id = se.series_id where se.attendance = 'ATTENDED'
),
dose as (
  select series_id, sum(duration_minutes) as minutes, count(*) / ((max(day) - min(day) + 7) / 7.0) as per_week from vis group by series_id
),
mainmod as (
  select distinct on (series_id) series_id, modality from (
    select vis.series_id, m.modality, sum(vis.duration_minutes::float8 / cardinality(vis.modalities)) as mins
    from vis cross join unnest(vis.modalities) as m(modality) group by 1, 2) x
  order by series_id, mins desc, modality
),
obs as (
  select o.series_id, o.session_id, o.region_code, o.side, o.context, o.value, o.taken_at, o.created_at, vis.vn
  from observation o join vis on vis.id = o.session_id where o.measure_code = 'NPRS'
),
vv as (
  select distinct on (series_id, region_code, side, session_id) series_id, region_code, side, vn, value
  from obs order by series_id, region_code, side, session_id, context = 'POST_SESSION', taken_at, created_at
),
per as (
  select series_id, (array_agg(value order by vn))[1] as first, (array_agg(value order by vn desc))[1] as last, count(*) as points
  from vv group by series_id, region_code, side
),
cl as (
  select per.series_id, avg(first) as baseline, avg(last - first) as change from per where points >= 2 group by per.series_id
),
cx as (
  select cl.baseline, cl.change, dose.minutes, -cl.change >= 2 - 1e-9 as responder,
    case when dose.minutes < 240 then 0 when dose.minutes < 480 then 1 when dose.minutes < 720 then 2 when dose.minutes < 960 then 3 else 4 end as mb,
    case when dose.per_week < 0.75 then 0 when dose.per_week < 1.5 then 1 when dose.per_week < 2.5 then 2 else 3 end as wb,
    coalesce(mainmod.modality, 'NONE') as modality
  from cl join dose on dose.series_id = cl.series_id left join mainmod on mainmod.series_id = cl.series_id
)
select json_build_object(
  'overall', (select json_build_object('n', count(*), 'mean', avg(change), 'sd', stddev_samp(change), 'baseline', avg(baseline),
    'baselineSd', stddev_samp(baseline), 'responders', count(*) filter (where responder)) from cx),
  'histogram', (select json_object_agg(bin, n) from (select least(greatest(floor(change + 10)::int, 0), 19) as bin, count(*) as n from cx group by 1) h),
  'minutes', (select json_object_agg(mb, json_build_object('n', n, 'mean', m)) from (select mb, count(*) as n, avg(change) as m from cx group by mb) b),
  'perWeek', (select json_object_agg(wb, json_build_object('n', n, 'mean', m)) from (select wb, count(*) as n, avg(change) as m from cx group by wb) b),
  'modality', (select json_object_agg(modality, json_build_object('n', n, 'mean', m)) from (select modality, count(*) as n, avg(change) as m from cx group by modality) b),
  'slope', (select json_build_object('n', regr_count(change, minutes), 'slope', regr_slope(change, minutes)) from cx),
  'visits', (select json_object_agg(vn, json_build_object('n', n, 'mean', m)) from (
    select vn, count(*) as n, avg(v) as m from (select series_id, vn, avg(value) as v from vv group by 1, 2) a group by vn) b),
  'prePost', (select json_build_object('n', count(*), 'mean', avg(d)) from (
    select series_id, avg(post - pre) as d from (
      select series_id, session_id, region_code, side, avg(value) filter (where context = 'PRE_SESSION') as pre,
        avg(value) filter (where context = 'POST_SESSION') as post
      from obs group by 1, 2, 3, 4) p where pre is not null and post is not null group by series_id) q)
) as result`;
