import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../common/errors.js';
import type { ColumnSet } from '../../common/selection.js';
import { isUuid } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly } from '../../common/viewer.js';
import { type ColumnGroups, epochMs, preparedPerColumnSet, preparedStatement, runPrepared, withDates } from '../../db/prepared.js';
import { SeriesNode, SessionNode, SoapNotesNode } from './care.type.js';

/*
 * Lean reads of series and visits for the batch loaders: the columns the GraphQL types need, named as
 * their fields, turned straight into GraphQL objects without tracked entities (see clients/client.reads.ts).
 * Each is one prepared statement with array parameters, whatever the number of keys.
 */

/** The columns of a series (`ts`, a row of treatment_series) named as SeriesNode's fields. */
export function seriesColumns(ts: string): string {
  return `${ts}.id, ${ts}.condition_code as "conditionCode", ${ts}.goals, ${ts}.planned_sessions as "plannedSessions",
    ${ts}.planned_sessions_per_week as "plannedSessionsPerWeek", ${ts}.planned_minutes_per_session as "plannedMinutesPerSession",
    ${ts}.start_date::text as "startDate", ${ts}.status, ${ts}.end_date::text as "endDate", ${ts}.discharge_note as "dischargeNote",
    ${ts}.discharge_reason as "dischargeReason", ${ts}.headline_measure_code as "headlineMeasureCode",
    ${ts}.client_id as "clientId", ${ts}.therapist_id as "therapistId"`;
}

const seriesByClients = preparedStatement(
  'read_series_by_clients',
  `select ${seriesColumns('treatment_series')}
  from treatment_series where client_id = any(?::uuid[]) and clinic_id = ? and (?::uuid is null or client_id = ?)
  order by start_date desc, created_at desc, id`,
);

/** The series of the given clients, newest first. */
export async function readSeriesByClients(em: EntityManager, viewer: ClinicViewer, clientIds: readonly string[]): Promise<SeriesNode[]> {
  const own = ownClientOnly(viewer);
  const rows = await runPrepared<SeriesNode>(em, seriesByClients, [clientIds, viewer.clinicId, own, own]);
  return rows.map((row) => Object.assign(new SeriesNode(), row));
}

const seriesByIds = preparedStatement(
  'read_series_by_ids',
  `select ${seriesColumns('treatment_series')}
  from treatment_series where id = any(?::uuid[]) and clinic_id = ? and (?::uuid is null or client_id = ?)`,
);

/** Series of the viewer's clinic by id (a client viewer: only their own), in no particular order. */
export async function readSeriesByIds(em: EntityManager, viewer: ClinicViewer, ids: readonly string[]): Promise<SeriesNode[]> {
  const own = ownClientOnly(viewer);
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await runPrepared<SeriesNode>(em, seriesByIds, [valid, viewer.clinicId, own, own]);
  return rows.map((row) => Object.assign(new SeriesNode(), row));
}

/** One series of the viewer's clinic; another's answers exactly like a missing one. */
export async function readSeries(em: EntityManager, viewer: ClinicViewer, id: string): Promise<SeriesNode> {
  const [series] = await readSeriesByIds(em, viewer, [id]);
  if (!series) throw new NotFoundError('Treatment series', id);
  return series;
}

/** Visit fields answered from the lean columns alone (the others listed here read only the visit's id or status). */
export const leanSessionFields: ReadonlySet<string> = new Set([
  'id',
  'seriesId',
  'startedAt',
  'durationMinutes',
  'attendance',
  'status',
  'observations',
  'regions',
  'questionnaireResponses',
  'enteredInError',
  'revisions',
]);
const sessionColumns: ColumnGroups = {
  lean: `v.id, v.series_id as "seriesId", ${epochMs('v.started_at')} as "startedAt", v.duration_minutes as "durationMinutes",
    v.attendance, v.status, s.client_id as "clientId"`,
  // What was done and noted: techniques, pressure, SOAP notes, red flags acknowledged, when it was entered.
  detail: `v.modalities, v.pressure, v.subjective, v.objective, v.assessment, v.plan,
    v.red_flags_acknowledged as "redFlagsAcknowledged", ${epochMs('v.created_at')} as "recordedAt"`,
};

const sessionsBySeries = preparedPerColumnSet(
  'read_sessions_by_series',
  sessionColumns,
  (columns) => `select ${columns}
  from treatment_session v join treatment_series s on s.id = v.series_id
  where v.series_id = any(?::uuid[]) and v.clinic_id = ? and s.clinic_id = ? and (?::uuid is null or s.client_id = ?)
  order by v.started_at, v.created_at, v.id`,
);

type SessionRow = Omit<SessionNode, 'soap'> & SoapNotesNode;

/** The visits of the given series, in clinical-time order. */
export async function readSessionsBySeries(
  em: EntityManager,
  viewer: ClinicViewer,
  seriesIds: readonly string[],
  columns: ColumnSet,
): Promise<SessionNode[]> {
  const own = ownClientOnly(viewer);
  const rows = await runPrepared<SessionRow>(em, sessionsBySeries[columns], [seriesIds, viewer.clinicId, viewer.clinicId, own, own]);
  return rows.map(({ subjective, objective, assessment, plan, ...session }) =>
    Object.assign(
      new SessionNode(),
      withDates(session, ['startedAt', 'recordedAt']),
      columns === 'full' ? { soap: Object.assign(new SoapNotesNode(), { subjective, objective, assessment, plan }) } : {},
    ),
  );
}
