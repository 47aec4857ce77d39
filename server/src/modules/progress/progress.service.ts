import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor } from '../../common/cursor.js';
import { BadInputError } from '../../common/errors.js';
import { withoutFloatNoise } from '../../common/float-noise.js';
import { validRecord } from '../../common/record-status.js';
import type { ReporterKind } from '../../common/reporter.js';
import { checkInteger } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly, type StaffViewer } from '../../common/viewer.js';
import { preparedStatement, runPrepared } from '../../db/prepared.js';
import { seriesColumns } from '../care/care.reads.js';
import { SeriesNode } from '../care/care.type.js';
import { maxPageSize } from '../clients/client.service.js';
import type { ThresholdKind } from '../measures/measure-definition.js';
import { attendanceCtes, headlineCte, inRange, judgedSql, measureCtes, scopeCte, seriesHeadlineMeasure, visitCte } from './progress.sql.js';
import type {
  AttendanceNode,
  CaseloadFlag,
  CaseloadSort,
  DoseItemNode,
  MeasureProgressNode,
  SeriesProgressNode,
  SessionChangeNode,
} from './progress.type.js';

interface MeasureRow {
  series_id: string;
  source: 'SESSION' | 'DIARY';
  measure_code: string;
  region_code: string | null;
  side: string | null;
  reporter: ReporterKind;
  unit: string;
  baseline: number;
  baseline_at: Date;
  latest: number;
  latest_at: Date;
  change: number;
  percent_change: number | null;
  mcid: number | null;
  mcid_percent: number | null;
  threshold_kind: ThresholdKind | null;
  mcid_reached: boolean | null;
  points: number;
  slope: number | null;
  trend_points: number;
  sessions: { sessionId: string; visitNumber: number; startedAt: string; pre: number; post: number }[] | null;
  mean_session_change: number | null;
  unpaired: number;
}

interface AttendanceRow {
  series_id: string;
  planned_sessions: number;
  planned_sessions_per_week: number;
  attended: number;
  cancelled: number;
  no_shows: number;
  recent_no_shows: number;
  total_minutes: number;
  last_visit_at: Date | null;
  weeks_elapsed: number;
  expected_by_now: number;
  by_appointments: boolean;
}

/** Changes, slopes and rates are computed in double precision: the API gives them without its rounding noise. */
function measureProgress(row: MeasureRow): MeasureProgressNode {
  const sessionChanges: SessionChangeNode[] = (row.sessions ?? []).map((s) => ({
    ...s,
    startedAt: new Date(s.startedAt),
    change: withoutFloatNoise(s.post - s.pre),
  }));
  return {
    measureCode: row.measure_code,
    regionCode: row.region_code,
    side: row.side,
    reporter: row.reporter,
    unit: row.unit,
    baseline: row.baseline,
    baselineAt: new Date(row.baseline_at),
    latest: row.latest,
    latestAt: new Date(row.latest_at),
    change: withoutFloatNoise(row.change),
    percentChange: withoutFloatNoise(row.percent_change),
    mcid: withoutFloatNoise(row.mcid),
    mcidPercentOfBaseline: row.mcid_percent,
    thresholdKind: row.threshold_kind,
    mcidReached: row.mcid_reached,
    points: row.points,
    slopePerWeek: withoutFloatNoise(row.slope),
    trendPoints: row.trend_points,
    sessionChanges,
    meanSessionChange: withoutFloatNoise(row.mean_session_change),
    unpairedSessions: row.unpaired,
  };
}

function attendance(row: AttendanceRow): AttendanceNode {
  return {
    plannedSessions: row.planned_sessions,
    attended: row.attended,
    cancelled: row.cancelled,
    noShows: row.no_shows,
    weeksElapsed: withoutFloatNoise(row.weeks_elapsed),
    expectedByNow: row.expected_by_now,
    basis: row.by_appointments ? 'APPOINTMENTS' : 'PLAN_RATE',
    plannedPerWeek: row.planned_sessions_per_week,
    attendedPerWeek: withoutFloatNoise(row.attended / row.weeks_elapsed),
  };
}

/** Series of the viewer's clinic (a client: their own) among `ids`, in a range of days or whole: the scope of progress. */
const progressScope = scopeCte('ts.clinic_id = ? and ts.id = any(?::uuid[]) and (?::uuid is null or ts.client_id = ?)', { range: true });
const progressParams = (viewer: ClinicViewer, ids: readonly string[], range: ProgressRange) => [
  range.from,
  range.to,
  viewer.clinicId,
  ids,
  ownClientOnly(viewer),
  ownClientOnly(viewer),
];

const measuresStatement = preparedStatement(
  'progress_measures',
  `with ${progressScope}, ${measureCtes()}
  select * from gm
  order by series_id, source, measure_code, region_code nulls first, side nulls first, reporter`,
);

const attendanceStatement = preparedStatement('progress_attendance', `with ${progressScope}, ${attendanceCtes} select * from atx`);

const doseStatement = preparedStatement(
  'progress_dose',
  `with ${progressScope}, ${visitCte('s', 'sv')},
  visit as (select sv.* from sv join s on s.id = sv.series_id where ${inRange('sv.started_at')})
  select visit.series_id, 'MODALITY' as kind, m.code, null as side,
    sum(visit.duration_minutes::float8 / cardinality(visit.modalities)) as minutes, count(*)::int as sessions
  from visit cross join unnest(visit.modalities) as m(code)
  group by visit.series_id, m.code
  union all
  select visit.series_id, 'REGION', tr.region_code, tr.side, coalesce(sum(tr.minutes), 0)::float8, count(distinct visit.id)::int
  from visit join treated_region tr on tr.session_id = visit.id
  group by visit.series_id, tr.region_code, tr.side
  order by 1, 2, 5 desc, 3, 4`,
);

/**
 * A part of a series: its first and last calendar day (`YYYY-MM-DD` in the clinic's zone, both included);
 * null on either side leaves it open. Progress of a range counts only the visits and values of its days.
 */
export interface ProgressRange {
  from: string | null;
  to: string | null;
}

export const wholeSeries: ProgressRange = { from: null, to: null };

/** A range's days in order; each is checked as a calendar date by the scalar or `checkLocalDate` before. */
export function checkRange(range: ProgressRange): void {
  if (range.from && range.to && range.from > range.to) throw new BadInputError('to', 'order', 'must not be before from');
}

/**
 * Progress of many series in three statements whatever their number: measures
 * (with per-visit pre/post pairs), attendance, dose; of the days of `range` only, when given.
 */
export async function findProgress(
  em: EntityManager,
  viewer: ClinicViewer,
  ids: readonly string[],
  now: Date,
  range: ProgressRange = wholeSeries,
): Promise<Map<string, SeriesProgressNode>> {
  checkRange(range);
  const params = progressParams(viewer, ids, range);
  const measures = await runPrepared<MeasureRow>(em, measuresStatement, params);
  const attendances = await runPrepared<AttendanceRow>(em, attendanceStatement, [...params, now, now]);
  const dose = await runPrepared<DoseItemNode & { series_id: string; kind: 'MODALITY' | 'REGION' }>(em, doseStatement, params);
  const result = new Map<string, SeriesProgressNode>();
  for (const row of attendances) {
    result.set(row.series_id, {
      measures: [],
      diary: [],
      attendance: attendance(row),
      dose: { totalMinutes: row.total_minutes, byModality: [], byRegion: [] },
    });
  }
  for (const row of measures) {
    const progress = result.get(row.series_id);
    progress?.[row.source === 'DIARY' ? 'diary' : 'measures'].push(measureProgress(row));
  }
  for (const { series_id, kind, ...item } of dose) {
    result.get(series_id)?.dose[kind === 'MODALITY' ? 'byModality' : 'byRegion'].push(item);
  }
  return result;
}

export interface CaseloadArgs {
  flag: CaseloadFlag | null;
  sort: CaseloadSort;
  first: number;
  after: string | null;
  /** Whether the answer shows each visit's pre and post values of the headline (`sessionChanges`). */
  sessionChanges: boolean;
}

export interface CaseloadRow {
  series: SeriesNode;
  headlineMeasureCode: string;
  headline: MeasureProgressNode | null;
  lastVisitAt: Date | null;
  attendedSessions: number;
  flags: CaseloadFlag[];
}

const sortOrder: Record<CaseloadSort, string> = {
  LAST_VISIT: 'last_visit_at asc nulls first',
  // Worst first in units of the measure's MCID (the catalog holds the MDC where no MCID is published),
  // so scales compare: ODI +4 (0.4 MCID) ranks below NPRS +2 (1 MCID). Headlines without either, last.
  CHANGE: 'change * direction / nullif(mcid, 0) asc nulls last, change * direction asc nulls last',
  CLIENT_NAME: 'family_name, given_name',
  START_DATE: 'start_date desc',
};

type CaseloadSqlRow = Partial<MeasureRow> &
  Pick<AttendanceRow, 'attended' | 'last_visit_at'> & {
    id: string;
    headline_measure_code: string;
    worsening: boolean;
    no_change: boolean;
    missed: boolean;
    overdue: boolean;
    total: string;
    series: SeriesNode;
  };

const flagColumn: Record<CaseloadFlag, string> = {
  WORSENING: 'worsening',
  NO_MEANINGFUL_CHANGE: 'no_change',
  MISSED_SESSIONS: 'missed',
  REASSESSMENT_OVERDUE: 'overdue',
};

/**
 * The caseload statement of one filter and sort. The headline comes as stored at write time (series_headline), so
 * the statement reads one row per series, not their values. Not a prepared statement: a plan made for any therapist
 * and clinic reads every session of the clinic, one made for the actual values reads only the therapist's series.
 */
function caseloadSql({ flag, sort, sessionChanges }: Pick<CaseloadArgs, 'flag' | 'sort' | 'sessionChanges'>): string {
  // Each visit's values are the bulk of a headline (20 visits: 3 KB): read only for an answer that shows them.
  const sessions = sessionChanges ? 'sh.sessions' : 'null::jsonb as sessions';
  return `with ${scopeCte(`ts.clinic_id = ? and ts.status = 'ACTIVE' and (?::uuid is null or ts.therapist_id = ?)`)},
      ${headlineCte},
      ${attendanceCtes},
      hl as (${judgedSql(`(select sh.series_id, sh.measure_code, sh.region_code, sh.side, sh.reporter, sh.baseline, sh.baseline_at,
          sh.latest, sh.latest_at, sh.points, sh.slope, sh.trend_points, sh.mean_session_change, sh.unpaired, ${sessions}
        from s join headline h on h.condition_code = s.condition_code
        join series_headline sh on sh.series_id = s.id and sh.measure_code = ${seriesHeadlineMeasure})`)}),
      rq as (
        select s.id as series_id, max(qr.completed_at) as last_at
        from s join questionnaire_response qr on qr.client_id = s.client_id and (qr.series_id = s.id or qr.series_id is null) and ${validRecord('qr')}
        group by s.id
      ),
      flagged as (
        select s.id, s.start_date, ${seriesHeadlineMeasure} as headline_measure_code, hl.*, atx.attended, atx.last_visit_at,
          coalesce(hl.worsened, false) as worsening,
          (atx.attended >= s.no_change_after_sessions and hl.mcid_reached is false and not hl.worsened) is true as no_change,
          (atx.attended < atx.expected_by_now - 1 or atx.recent_no_shows > 0) as missed,
          coalesce(rq.last_at, s.start_date::timestamp at time zone s.tz) < ?::timestamptz - interval '28 days' as overdue,
          cl.family_name, cl.given_name, s.id as sid
        from s
        join client cl on cl.id = s.client_id
        join headline h on h.condition_code = s.condition_code
        join atx on atx.series_id = s.id
        left join hl on hl.series_id = s.id
        left join rq on rq.series_id = s.id
      )
      select flagged.*, count(*) over () as total, to_json(series) as series
      from flagged cross join lateral (select ${seriesColumns('ts')} from treatment_series ts where ts.id = flagged.id) series
      where ${flag ? flagColumn[flag] : 'true'}
      order by ${sortOrder[sort]}, sid
      limit ? offset ?`;
}

/**
 * The viewer's active series (a therapist: those they treat; an admin: the
 * clinic's) with the headline measure's progress and flags, filtered, sorted and
 * paged in one statement, with the page's series.
 */
export async function listCaseload(
  em: EntityManager,
  viewer: StaffViewer,
  args: CaseloadArgs,
  now: Date,
): Promise<{ rows: CaseloadRow[]; totalCount: number; hasNextPage: boolean; offset: number }> {
  checkInteger('first', args.first, 1, maxPageSize);
  const offset = args.after ? Number(decodeCursor('after', args.after, ['offset'])[0]) : 0;
  const therapistOnly = viewer.role === 'THERAPIST' ? viewer.therapistId : null;
  const rows = await em.execute<CaseloadSqlRow[]>(caseloadSql(args), [
    viewer.clinicId,
    therapistOnly,
    therapistOnly,
    now,
    now,
    now,
    args.first + 1,
    offset,
  ]);
  const page = rows.slice(0, args.first);
  return {
    totalCount: Number(rows[0]?.total ?? 0),
    hasNextPage: rows.length > args.first,
    offset,
    rows: page.map((row) => ({
      series: Object.assign(new SeriesNode(), row.series),
      headlineMeasureCode: row.headline_measure_code,
      headline: row.series_id ? measureProgress(row as MeasureRow) : null,
      lastVisitAt: row.last_visit_at ? new Date(row.last_visit_at) : null,
      attendedSessions: row.attended,
      flags: (Object.keys(flagColumn) as CaseloadFlag[]).filter((flag) => row[flagColumn[flag] as 'worsening']),
    })),
  };
}
