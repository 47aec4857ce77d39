import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { checkInteger, checkText, isUuid } from '../../common/validate.js';
import { type ClientViewer, type ClinicViewer, type StaffViewer, visibleTo } from '../../common/viewer.js';
import { clinicTimeZone, getSeries } from '../care/care.service.js';
import type { TreatmentSeries } from '../care/treatment-series.entity.js';
import type { TreatmentSession } from '../care/treatment-session.entity.js';
import { Appointment, type AppointmentStatus } from './appointment.entity.js';
import { instantOf, type LocalSlot, localSlotOf, parseLocalDate, type Weekday, weeklyDates } from './recurrence.js';

/** A cancellation closer to the start than this is late (the usual 24-hour notice of massage clinics). */
export const lateCancellationNoticeMs = 24 * 3600 * 1000;
const reasonText = 1000;
const minute = 60_000;

export interface BookPlanRequest {
  seriesId: string;
  weekdays: readonly Weekday[];
  /** HH:MM in the clinic's zone. */
  time: string;
  weeks: number;
  /** Defaults to the later of the series start and today. */
  firstDate?: string | null;
  /** Defaults to the plan's minutes per session. */
  minutes?: number | null;
}

export interface AddAppointmentRequest extends LocalSlot {
  seriesId: string;
  minutes?: number | null;
}

export interface MoveAppointmentRequest extends LocalSlot {
  minutes?: number | null;
}

export async function getAppointment(em: EntityManager, viewer: ClinicViewer, id: string): Promise<Appointment> {
  const appointment = isUuid(id) ? await em.findOne(Appointment, { id, ...visibleTo(viewer) }) : null;
  if (!appointment) throw new NotFoundError('Appointment', id);
  return appointment;
}

/** Whether a driver error is PostgreSQL refusing a row by an exclusion constraint (SQLSTATE 23P01). */
function isExclusionViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return e?.code === '23P01' || e?.cause?.code === '23P01';
}

interface Candidate {
  startsAt: Date;
  endsAt: Date;
}

/** The first live appointment of the therapist that overlaps any candidate, as "2026-03-02 17:30-18:00". */
async function findConflict(
  em: EntityManager,
  therapistId: string,
  candidates: readonly Candidate[],
  timeZone: string,
  except: string | null,
): Promise<string | null> {
  const [row] = await em.execute<{ starts_at: Date; ends_at: Date }[]>(
    `select a.starts_at, a.ends_at
       from appointment a
       join jsonb_to_recordset(?::jsonb) as c(starts_at timestamptz, ends_at timestamptz)
         on tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(c.starts_at, c.ends_at, '[)')
      where a.therapist_id = ? and a.status <> 'CANCELLED' and a.id is distinct from ?::uuid
      order by a.starts_at limit 1`,
    [JSON.stringify(candidates.map((c) => ({ starts_at: c.startsAt, ends_at: c.endsAt }))), therapistId, except],
  );
  if (!row) return null;
  const start = localSlotOf(new Date(row.starts_at), timeZone);
  return `${start.date} ${start.time}-${localSlotOf(new Date(row.ends_at), timeZone).time}`;
}

function overlapError(field: string, conflict: string | null): BadInputError {
  return new BadInputError(
    field,
    'overlap',
    conflict ? `the therapist already has an appointment at ${conflict}` : 'the therapist already has an appointment at that time',
  );
}

/**
 * Writes within one transaction; when the exclusion constraint refuses a row (another process booked the slot
 * between our check and our insert), answers as the check would have, naming the winner's time.
 */
async function withoutDoubleBooking<T>(
  em: EntityManager,
  field: string,
  conflictOf: () => Promise<string | null>,
  write: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await em.transactional(write);
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    throw overlapError(field, await conflictOf());
  }
}

/** The rules every new or moved appointment of a series meets, before anything is written. */
function checkSlotsForSeries(series: TreatmentSeries, field: string, dates: readonly string[], instants: readonly Date[], now: Date): void {
  if (series.status !== 'ACTIVE') {
    throw new BadInputError('seriesId', 'series-closed', `the series is ${series.status.toLowerCase()}: nothing more can be booked`);
  }
  for (const [i, date] of dates.entries()) {
    if (date < series.startDate) {
      throw new BadInputError(field, 'before-series-start', `${date} is before the series starts (${series.startDate})`);
    }
    if (series.endDate && date > series.endDate) {
      throw new BadInputError(field, 'after-series-end', `${date} is after the series ends (${series.endDate})`);
    }
    if ((instants[i] as Date).getTime() < now.getTime()) {
      throw new BadInputError(field, 'in-the-past', `${date} at that time has passed: only what happened can be recorded`);
    }
  }
}

function checkMinutes(minutes: number): void {
  checkInteger('minutes', minutes, 5, 480);
}

/**
 * Books a series' plan ("Mon/Wed/Fri at 17:30 for 4 weeks") in the clinic's time zone: every appointment or none.
 */
export async function bookPlan(em: EntityManager, viewer: StaffViewer, input: BookPlanRequest, now = new Date()): Promise<Appointment[]> {
  const series = await getSeries(em, viewer, input.seriesId);
  const timeZone = await clinicTimeZone(em, viewer);
  const today = localSlotOf(now, timeZone).date;
  const firstDate = input.firstDate ?? (series.startDate > today ? series.startDate : today);
  const minutes = input.minutes ?? series.plannedMinutesPerSession;
  checkMinutes(minutes);
  const dates = weeklyDates({ firstDate, weekdays: input.weekdays, time: input.time, weeks: input.weeks });
  if (dates.length === 0) throw new BadInputError('weekdays', 'no-occurrences', 'the plan makes no appointments');
  const candidates = dates.map((date) => {
    const startsAt = instantOf({ date, time: input.time }, timeZone);
    return { date, startsAt, endsAt: new Date(startsAt.getTime() + minutes * minute) };
  });
  const field = input.firstDate ? 'firstDate' : 'time';
  checkSlotsForSeries(
    series,
    field,
    dates,
    candidates.map((c) => c.startsAt),
    now,
  );
  const therapistId = series.therapist.id;
  const conflict = () => findConflict(em, therapistId, candidates, timeZone, null);
  return withoutDoubleBooking(em, 'time', conflict, async (tx) => {
    const clash = await findConflict(tx, therapistId, candidates, timeZone, null);
    if (clash) throw overlapError('time', clash);
    const booked = candidates.map((c) =>
      tx.create(Appointment, {
        clinic: viewer.clinicId,
        series: series.id,
        therapist: therapistId,
        client: series.client.id,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        minutes,
        status: 'BOOKED',
      }),
    );
    await tx.flush();
    return booked;
  });
}

/** Books one appointment of a series at a local date and time. */
export async function addAppointment(
  em: EntityManager,
  viewer: StaffViewer,
  input: AddAppointmentRequest,
  now = new Date(),
): Promise<Appointment> {
  const series = await getSeries(em, viewer, input.seriesId);
  const timeZone = await clinicTimeZone(em, viewer);
  const minutes = input.minutes ?? series.plannedMinutesPerSession;
  checkMinutes(minutes);
  parseLocalDate('date', input.date);
  const startsAt = instantOf(input, timeZone);
  const candidate = { startsAt, endsAt: new Date(startsAt.getTime() + minutes * minute) };
  checkSlotsForSeries(series, 'date', [input.date], [startsAt], now);
  const therapistId = series.therapist.id;
  const conflict = () => findConflict(em, therapistId, [candidate], timeZone, null);
  return withoutDoubleBooking(em, 'time', conflict, async (tx) => {
    const clash = await findConflict(tx, therapistId, [candidate], timeZone, null);
    if (clash) throw overlapError('time', clash);
    const appointment = tx.create(Appointment, {
      clinic: viewer.clinicId,
      series: series.id,
      therapist: therapistId,
      client: series.client.id,
      ...candidate,
      minutes,
      status: 'BOOKED',
    });
    await tx.flush();
    return appointment;
  });
}

function checkStillBooked(appointment: Appointment, doing: string): void {
  if (appointment.status !== 'BOOKED') {
    throw new BadInputError(
      'id',
      'not-booked',
      `the appointment is ${appointment.status.toLowerCase().replace('_', '-')}: it cannot be ${doing}`,
    );
  }
}

function checkNotStarted(appointment: Appointment, doing: string, now: Date): void {
  if (appointment.startsAt.getTime() <= now.getTime()) {
    throw new BadInputError('id', 'in-the-past', `the appointment has started: it cannot be ${doing}, only what happened recorded`);
  }
}

/** Moves a booked, future appointment to another local date and time (and length); the same row, so the same UID. */
export async function moveAppointment(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  input: MoveAppointmentRequest,
  now = new Date(),
): Promise<Appointment> {
  const current = await getAppointment(em, viewer, id);
  checkStillBooked(current, 'moved');
  checkNotStarted(current, 'moved', now);
  const series = await getSeries(em, viewer, current.series.id);
  const timeZone = await clinicTimeZone(em, viewer);
  const minutes = input.minutes ?? current.minutes;
  checkMinutes(minutes);
  parseLocalDate('date', input.date);
  const startsAt = instantOf(input, timeZone);
  const candidate = { startsAt, endsAt: new Date(startsAt.getTime() + minutes * minute) };
  checkSlotsForSeries(series, 'date', [input.date], [startsAt], now);
  const therapistId = current.therapist.id;
  const conflict = () => findConflict(em, therapistId, [candidate], timeZone, id);
  return withoutDoubleBooking(em, 'time', conflict, async (tx) => {
    const appointment = await getAppointment(tx, viewer, id);
    checkStillBooked(appointment, 'moved');
    const clash = await findConflict(tx, therapistId, [candidate], timeZone, id);
    if (clash) throw overlapError('time', clash);
    Object.assign(appointment, { startsAt: candidate.startsAt, endsAt: candidate.endsAt, minutes });
    // A pending request to cancel does not survive a move agreed with the client.
    appointment.cancelRequestedAt = null;
    appointment.cancelRequestReason = null;
    await tx.flush();
    return appointment;
  });
}

function cancel(appointment: Appointment, by: 'CLIENT' | 'CLINIC', accountId: string | null, reason: string | null, now: Date): void {
  appointment.status = 'CANCELLED';
  appointment.cancelledAt = now;
  appointment.cancelledBy = by;
  appointment.cancelledByAccount = accountId;
  appointment.cancelReason = reason;
  appointment.lateCancellation = appointment.startsAt.getTime() - now.getTime() < lateCancellationNoticeMs;
}

/**
 * Staff cancel a booked, future appointment, for the clinic or on the client's behalf (which confirms a client's
 * request to cancel). Late when within the notice period.
 */
export async function cancelAppointment(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  input: { reason?: string | null; byClient: boolean },
  now = new Date(),
): Promise<Appointment> {
  checkText('reason', input.reason, reasonText);
  return em.transactional(async (tx) => {
    const appointment = await getAppointment(tx, viewer, id);
    checkStillBooked(appointment, 'cancelled');
    checkNotStarted(appointment, 'cancelled', now);
    const reason = input.reason || (input.byClient ? appointment.cancelRequestReason : null) || null;
    cancel(appointment, input.byClient ? 'CLIENT' : 'CLINIC', viewer.accountId, reason, now);
    await tx.flush();
    return appointment;
  });
}

/** A client asks, from the portal, to cancel one of their booked future appointments; their therapist confirms. */
export async function requestCancellation(
  em: EntityManager,
  viewer: ClientViewer,
  id: string,
  reason: string | null | undefined,
  now = new Date(),
): Promise<Appointment> {
  checkText('reason', reason, reasonText);
  return em.transactional(async (tx) => {
    const appointment = await getAppointment(tx, viewer, id);
    checkStillBooked(appointment, 'cancelled');
    checkNotStarted(appointment, 'cancelled', now);
    if (appointment.cancelRequestedAt) {
      throw new BadInputError('id', 'already-requested', 'you have already asked to cancel this visit');
    }
    appointment.cancelRequestedAt = now;
    appointment.cancelRequestReason = reason || null;
    await tx.flush();
    return appointment;
  });
}

/** The therapist keeps the appointment after a client's request to cancel (e.g. agreed by phone). */
export async function declineCancellation(em: EntityManager, viewer: StaffViewer, id: string): Promise<Appointment> {
  return em.transactional(async (tx) => {
    const appointment = await getAppointment(tx, viewer, id);
    checkStillBooked(appointment, 'kept');
    if (!appointment.cancelRequestedAt) throw new BadInputError('id', 'no-request', 'the client has not asked to cancel');
    appointment.cancelRequestedAt = null;
    appointment.cancelRequestReason = null;
    await tx.flush();
    return appointment;
  });
}

/**
 * Records what happened at an appointment without a session: the client came (the notes follow; until a session is
 * linked the therapist sees it flagged) or did not (no-show). Only once it has started.
 */
export async function markAppointment(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  status: Extract<AppointmentStatus, 'ATTENDED' | 'NO_SHOW'>,
  now = new Date(),
): Promise<Appointment> {
  return em.transactional(async (tx) => {
    const appointment = await getAppointment(tx, viewer, id);
    checkStillBooked(appointment, 'marked');
    if (appointment.startsAt.getTime() > now.getTime()) {
      throw new BadInputError('status', 'not-yet', 'the appointment has not started: what happened is recorded from its start');
    }
    appointment.status = status;
    await tx.flush();
    return appointment;
  });
}

/**
 * Links a visit being recorded to its appointment, whose status follows the visit's attendance. Called by the
 * recording module inside its transaction. The appointment must belong to the visit's series and hold no visit yet.
 */
export async function linkSession(tx: EntityManager, viewer: StaffViewer, appointmentId: string, session: TreatmentSession): Promise<void> {
  const appointment = await getAppointment(tx, viewer, appointmentId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new BadInputError('appointmentId', 'not-found', 'no such appointment') : error;
  });
  if (appointment.series.id !== session.series.id) {
    throw new BadInputError('appointmentId', 'appointment-series', 'the appointment belongs to another series');
  }
  if (appointment.session) throw new BadInputError('appointmentId', 'already-recorded', 'a visit is already recorded for this appointment');
  if (appointment.status === 'CANCELLED') {
    throw new BadInputError('appointmentId', 'cancelled', 'the appointment was cancelled: record the visit without it');
  }
  if (session.attendance === 'ATTENDED' && appointment.status === 'NO_SHOW') {
    throw new BadInputError('appointmentId', 'no-show', 'the appointment is recorded as a no-show');
  }
  appointment.session = ref(session);
  if (session.attendance === 'CANCELLED') cancel(appointment, 'CLIENT', viewer.accountId, null, session.startedAt);
  else appointment.status = session.attendance;
}
