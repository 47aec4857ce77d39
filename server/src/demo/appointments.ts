import type { EntityManager } from '@mikro-orm/postgresql';
import { Appointment, type AppointmentStatus } from '../modules/appointments/appointment.entity.js';
import { addDays, instantOf, localSlotOf } from '../modules/appointments/recurrence.js';
import type { TreatmentSeries } from '../modules/care/treatment-series.entity.js';
import type { TreatmentSession } from '../modules/care/treatment-session.entity.js';

/*
 * The demo's appointments: each recorded visit was booked (its appointment linked to it, with the visit's outcome as
 * status), and each active series has its next visits booked, weekly at its usual time, up to its plan. The API books
 * nothing in the past, so these are written as rows; overlaps are left out here (the visit then stays a walk-in), as
 * the database's exclusion constraint would refuse them.
 */

const minute = 60_000;

/** Per therapist, the booked [start, end) ranges so far (ms), to keep the demo free of double bookings. */
export type Bookings = Map<string, [number, number][]>;

function free(bookings: Bookings, therapistId: string, start: number, end: number): boolean {
  const taken = bookings.get(therapistId) ?? [];
  if (taken.some(([s, e]) => s < end && start < e)) return false;
  taken.push([start, end]);
  bookings.set(therapistId, taken);
  return true;
}

export function addDemoAppointments(
  tx: EntityManager,
  bookings: Bookings,
  series: TreatmentSeries,
  sessions: readonly TreatmentSession[],
  options: { timeZone: string; anchorDate: string; active: boolean },
): void {
  const base = { clinic: series.clinic.id, series: series.id, therapist: series.therapist.id, client: series.client.id };
  const minutes = series.plannedMinutesPerSession;
  for (const session of sessions) {
    const start = session.startedAt.getTime();
    const end = start + minutes * minute;
    // A cancelled appointment holds no time, so it never collides.
    if (session.attendance !== 'CANCELLED' && !free(bookings, base.therapist, start, end)) continue;
    const status: AppointmentStatus = session.attendance;
    tx.create(Appointment, {
      ...base,
      startsAt: session.startedAt,
      endsAt: new Date(end),
      minutes,
      status,
      session: session.id,
      ...(status === 'CANCELLED'
        ? {
            cancelledAt: new Date(start - 20 * 3600_000),
            cancelledBy: 'CLIENT' as const,
            lateCancellation: true,
            cancelReason: session.subjective ?? null,
          }
        : {}),
    });
  }
  const last = sessions.at(-1);
  if (!options.active || !last) return;
  const attended = sessions.filter((s) => s.attendance === 'ATTENDED').length;
  const remaining = Math.min(4, series.plannedSessions - attended);
  const slot = localSlotOf(last.startedAt, options.timeZone);
  let date = slot.date;
  for (let booked = 0; booked < remaining; ) {
    date = addDays(date, 7);
    if (date <= options.anchorDate) continue;
    let startsAt: Date;
    try {
      startsAt = instantOf({ date, time: slot.time }, options.timeZone);
    } catch {
      continue; // a time the clocks skip that day: the next week's
    }
    booked++;
    const end = startsAt.getTime() + minutes * minute;
    if (!free(bookings, base.therapist, startsAt.getTime(), end)) continue;
    tx.create(Appointment, { ...base, startsAt, endsAt: new Date(end), minutes, status: 'BOOKED' });
  }
}
