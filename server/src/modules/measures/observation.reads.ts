import type { EntityManager } from '@mikro-orm/postgresql';
import { validRecord } from '../../common/record-status.js';
import type { ColumnSet } from '../../common/selection.js';
import { type ClinicViewer, ownClientOnly } from '../../common/viewer.js';
import { type ColumnGroups, epochMs, type PreparedStatement, preparedPerColumnSet, runPrepared, withDates } from '../../db/prepared.js';
import { ObservationNode } from './observation.type.js';

/*
 * Lean reads of measured values for the batch loaders: the columns `Observation` needs, named as its
 * fields, turned straight into GraphQL objects without tracked entities (see clients/client.reads.ts).
 */

/** Observation fields answered from the lean columns alone (`measure` comes from the catalog by its code). */
export const leanObservationFields: ReadonlySet<string> = new Set([
  'id',
  'measureCode',
  'value',
  'regionCode',
  'side',
  'takenAt',
  'sessionId',
  'seriesId',
  'status',
  'measure',
]);
const observationColumns: ColumnGroups = {
  lean: `o.id, o.measure_code as "measureCode", o.value, o.region_code as "regionCode", o.side,
  ${epochMs('o.taken_at')} as "takenAt", o.session_id as "sessionId", o.series_id as "seriesId", o.status, o.client_id as "clientId"`,
  // Who entered a value, when, in what context and with what note: only an answer asking for them reads them.
  detail: `o.context, ${epochMs('o.created_at')} as "recordedAt", o.recorded_by_role as "recordedByRole", o.reporter,
  o.proxy_relation as "proxyRelation", o.questionnaire_response_id as "questionnaireResponseId", o.note`,
};

/** The values whose `key` column is one of the keys, in clinical-time order (ties by id, so the order is stable). */
function byKey(name: string, key: 'series_id' | 'session_id'): Record<ColumnSet, PreparedStatement> {
  return preparedPerColumnSet(
    name,
    observationColumns,
    (columns) => `select ${columns} from observation o
    where o.${key} = any(?::uuid[]) and o.clinic_id = ? and (?::uuid is null or o.client_id = ?)
    order by o.taken_at, o.created_at, o.id`,
  );
}
const dateFields = ['takenAt', 'recordedAt'] as const;
const bySeries = byKey('read_observations_by_series', 'series_id');
const bySessions = byKey('read_observations_by_sessions', 'session_id');

async function read(
  em: EntityManager,
  statements: Record<ColumnSet, PreparedStatement>,
  viewer: ClinicViewer,
  keys: readonly string[],
  columns: ColumnSet,
) {
  const own = ownClientOnly(viewer);
  const rows = await runPrepared<ObservationNode>(em, statements[columns], [keys, viewer.clinicId, own, own]);
  return rows.map((row) => Object.assign(new ObservationNode(), withDates(row, dateFields)));
}

export function readObservationsBySeries(
  em: EntityManager,
  viewer: ClinicViewer,
  seriesIds: readonly string[],
  columns: ColumnSet,
): Promise<ObservationNode[]> {
  return read(em, bySeries, viewer, seriesIds, columns);
}

export function readObservationsBySessions(
  em: EntityManager,
  viewer: ClinicViewer,
  sessionIds: readonly string[],
  columns: ColumnSet,
): Promise<ObservationNode[]> {
  return read(em, bySessions, viewer, sessionIds, columns);
}

const latestByClients = preparedPerColumnSet(
  'read_latest_observations_by_clients',
  observationColumns,
  (columns) => `select * from (
    select distinct on (o.client_id, o.measure_code, o.region_code, o.side) ${columns}
    from observation o
    where o.client_id = any(?::uuid[]) and o.clinic_id = ? and (?::uuid is null or o.client_id = ?) and ${validRecord('o')}
    order by o.client_id, o.measure_code, o.region_code, o.side, o.taken_at desc, o.created_at desc
  ) latest order by "measureCode", "takenAt" desc, id`,
);

/** The latest value of each measure (per region and side) of each client, by measure then newest first: one statement. */
export function readLatestObservations(
  em: EntityManager,
  viewer: ClinicViewer,
  clientIds: readonly string[],
  columns: ColumnSet,
): Promise<ObservationNode[]> {
  return read(em, latestByClients, viewer, clientIds, columns);
}
