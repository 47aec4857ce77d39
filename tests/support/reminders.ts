import type { TherapistViewer } from '@fascia/server/common/viewer.js';
import { addAppointment } from '@fascia/server/modules/appointments/appointment.service.js';
import ICAL from 'ical.js';
import type { TestApi } from './api.js';
import { clinicApi } from './clinic-api.js';
import type { TestDatabase } from './database.js';

/** A client with an email address and a series starting today, of the therapist's clinic (UTC). */
export async function clientWithSeries(api: TestApi, email: string | null): Promise<{ clientId: string; seriesId: string }> {
  const clinic = clinicApi(api);
  const clientId = await clinic.createClient({ email });
  const seriesId = await clinic.startSeries(clientId, { startDate: new Date().toISOString().slice(0, 10), plannedSessions: 12 });
  return { clientId, seriesId };
}

/** Books an appointment `minutesAhead` from now (to the next whole minute) through the booking service; returns its id and start. */
export async function bookIn(
  db: TestDatabase,
  therapist: TherapistViewer,
  seriesId: string,
  minutesAhead: number,
): Promise<{ id: string; startsAt: Date }> {
  const start = new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 60_000) * 60_000);
  const iso = start.toISOString();
  const appointment = await addAppointment(db.orm.em.fork(), therapist, {
    seriesId,
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    minutes: 30,
  });
  return { id: appointment.id, startsAt: appointment.startsAt };
}

/** The start of the one event of an .ics attachment, as ical.js reads it. */
export function icsStart(ics: string): { start: Date; uid: string } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('the calendar has no VEVENT');
  const event = new ICAL.Event(vevent);
  return { start: event.startDate.toJSDate(), uid: event.uid };
}

export interface ReminderRow {
  id: string;
  status: string;
  attempts: number;
  problem: string | null;
  sourceAt: Date;
}

/** The reminders of an appointment (or visit), oldest first. */
export function remindersOf(db: TestDatabase, sourceId: string): Promise<ReminderRow[]> {
  return db.orm.em
    .fork()
    .execute<ReminderRow[]>(
      `select id, status, attempts, problem, source_at as "sourceAt" from reminder where source_id = ? order by created_at, due_at`,
      [sourceId],
    );
}

/** Makes a queued reminder's job due now, as if its time had come. */
export async function makeDueNow(db: TestDatabase, reminderId: string): Promise<void> {
  const rows = await db.orm.em
    .fork()
    .execute<{ id: string }[]>(`update pgboss.job set start_after = now() where id = ? returning id`, [reminderId]);
  if (rows.length !== 1) throw new Error(`reminder ${reminderId} has no queued job`);
}
