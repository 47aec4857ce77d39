import type { EntityManager } from '@mikro-orm/postgresql';
import { type ClinicViewer, ownClientOnly } from '../../common/viewer.js';
import { epochMs, type PreparedStatement, preparedStatement, runPrepared, withDates } from '../../db/prepared.js';
import type { AppointmentFacts } from './appointment.type.js';

/*
 * Lean reads of appointments for the batch loaders (as care/care.reads.ts does for series and visits): plain rows
 * named as the GraphQL type's facts, one prepared statement with an array parameter whatever the number of keys.
 */

const columns = `a.id, ${epochMs('a.starts_at')} as "startsAt", ${epochMs('a.ends_at')} as "endsAt", a.minutes, a.status,
  a.series_id as "seriesId", a.therapist_id as "therapistId", a.client_id as "clientId", a.session_id as "sessionId",
  ${epochMs('a.cancelled_at')} as "cancelledAt", a.cancelled_by as "cancelledBy", a.cancel_reason as "cancelReason",
  a.late_cancellation as "lateCancellation", ${epochMs('a.cancel_requested_at')} as "cancelRequestedAt",
  a.cancel_request_reason as "cancelRequestReason"`;

/** The next booked appointment (from `now`) per value of `key`, in the viewer's clinic (a client: their own). */
function nextBookedBy(name: string, key: 'series_id' | 'client_id'): PreparedStatement {
  return preparedStatement(
    name,
    `select distinct on (a.${key}) ${columns}
    from appointment a
    where a.${key} = any(?::uuid[]) and a.clinic_id = ? and (?::uuid is null or a.client_id = ?)
      and a.status = 'BOOKED' and a.starts_at >= ?
    order by a.${key}, a.starts_at, a.id`,
  );
}

const nextBySeries = nextBookedBy('read_next_appointment_by_series', 'series_id');
const nextByClient = nextBookedBy('read_next_appointment_by_client', 'client_id');

async function readNext(
  em: EntityManager,
  statement: PreparedStatement,
  viewer: ClinicViewer,
  keys: readonly string[],
  now: Date,
): Promise<AppointmentFacts[]> {
  const own = ownClientOnly(viewer);
  const rows = await runPrepared<AppointmentFacts>(em, statement, [keys, viewer.clinicId, own, own, now]);
  return rows.map((row) => withDates(row, ['startsAt', 'endsAt', 'cancelledAt', 'cancelRequestedAt']));
}

/** The next booked appointment of each series, from now. */
export function readNextAppointmentsBySeries(
  em: EntityManager,
  viewer: ClinicViewer,
  seriesIds: readonly string[],
  now = new Date(),
): Promise<AppointmentFacts[]> {
  return readNext(em, nextBySeries, viewer, seriesIds, now);
}

/** The next booked appointment of each client, in any of their series, from now. */
export function readNextAppointmentsByClient(
  em: EntityManager,
  viewer: ClinicViewer,
  clientIds: readonly string[],
  now = new Date(),
): Promise<AppointmentFacts[]> {
  return readNext(em, nextByClient, viewer, clientIds, now);
}
