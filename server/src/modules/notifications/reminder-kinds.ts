import type { EntityManager } from '@mikro-orm/postgresql';
import { buildCalendar } from '../appointments/ical.js';
import type { MailMessage } from './mailer.js';
import type { ReminderKind } from './reminder.entity.js';
import { appointmentReminderMail, diaryPromptMail } from './reminder-mail.js';

/** What a reminder's email needs besides its source: where links point. */
export interface MailContext {
  /** The web client's address as clients reach it, without a trailing slash. */
  publicUrl: string;
}

/** One kind of reminder: how the planner finds the ones due, when one is still wanted, and its email. */
export interface ReminderKindDefinition {
  kind: ReminderKind;
  /**
   * Inserts the reminders of this kind that should exist and do not (`on conflict do nothing`, so instances
   * planning at the same moment write each once); returns how many it wrote.
   */
  plan(em: EntityManager): Promise<number>;
  /** SQL condition on reminder `r`: its source still wants it at `r.due_at` (not cancelled, moved, voided or turned off). */
  stillWanted: string;
  /** The email of reminder `id` for `to`, or null when its source is gone. */
  mail(em: EntityManager, id: string, to: string, context: MailContext): Promise<MailMessage | null>;
}

/** The clinic's diary-prompt instants after a visit `s` of clinic `c` (settings `rs`, null for the defaults). */
const diaryPromptInstants = `(
  select (date_trunc('day', s.started_at at time zone c.time_zone)
          + make_interval(days => d::int, hours => coalesce(rs.diary_prompt_hour, 19))) at time zone c.time_zone
  from unnest(coalesce(rs.diary_prompt_days, '{0,2}'::smallint[])) as d)`;

/** Attended visits that count (entered-in-error ones never do). */
const attendedVisit = (alias: string) => `${alias}.attendance = 'ATTENDED' and ${alias}.status <> 'ENTERED_IN_ERROR'`;

/**
 * A later visit of the same client by the prompt's time takes over (recorded, or booked and not cancelled): prompts are
 * for the days between visits.
 */
const noVisitBetween = `not exists (
    select 1 from treatment_session later join treatment_series ls on ls.id = later.series_id
    where ls.client_id = r.client_id and later.started_at > r.source_at and later.started_at <= r.due_at and ${attendedVisit('later')})
  and not exists (
    select 1 from appointment next where next.client_id = r.client_id and next.status in ('BOOKED', 'ATTENDED')
      and next.starts_at > r.source_at and next.starts_at <= r.due_at)`;

/**
 * When an appointment's reminder is due: the clinic's lead time before its start, but not before it was booked (an
 * appointment booked at shorter notice is reminded at once). Both terms are fixed for a booking, so planning it again
 * finds the same row; a move changes the start, and so plans a new reminder.
 */
const appointmentDueAt = `greatest(a.starts_at - make_interval(hours => coalesce(rs.appointment_lead_hours, 24)), a.created_at)`;

/** Appointment reminders: before every booked appointment, with the appointment as an .ics attachment. */
export const appointmentReminders: ReminderKindDefinition = {
  kind: 'APPOINTMENT',
  async plan(em) {
    const rows = await em.execute<{ id: string }[]>(
      `insert into reminder (id, created_at, updated_at, clinic_id, client_id, kind, source_id, source_at, due_at, status, attempts)
       select gen_random_uuid(), now(), now(), a.clinic_id, a.client_id, 'APPOINTMENT', a.id, a.starts_at, ${appointmentDueAt}, 'SCHEDULED', 0
       from appointment a left join reminder_settings rs on rs.clinic_id = a.clinic_id
       where a.status = 'BOOKED' and a.starts_at > now() and coalesce(rs.appointment_reminders, true)
       on conflict do nothing
       returning id`,
    );
    return rows.length;
  },
  stillWanted: `exists (
    select 1 from appointment a left join reminder_settings rs on rs.clinic_id = a.clinic_id
    where a.id = r.source_id and a.status = 'BOOKED' and a.starts_at = r.source_at and a.starts_at > now()
      and coalesce(rs.appointment_reminders, true) and r.due_at = ${appointmentDueAt})`,
  async mail(em, id, to, context) {
    const [row] = await em.execute<
      {
        appointmentId: string;
        startsAt: Date;
        endsAt: Date;
        minutes: number;
        clientName: string;
        clinicName: string;
        therapistName: string;
        timeZone: string;
        locale: string;
      }[]
    >(
      `select a.id as "appointmentId", a.starts_at as "startsAt", a.ends_at as "endsAt", a.minutes, cl.given_name as "clientName",
              c.name as "clinicName", t.given_name || ' ' || t.family_name as "therapistName", c.time_zone as "timeZone", c.locale
       from reminder r join appointment a on a.id = r.source_id join client cl on cl.id = r.client_id
       join clinic c on c.id = r.clinic_id join therapist t on t.id = a.therapist_id
       where r.id = ?`,
      [id],
    );
    if (!row) return null;
    const startsAt = new Date(row.startsAt);
    const ics = buildCalendar({
      method: 'PUBLISH',
      events: [
        {
          // The appointment's own UID, as in the calendar feeds: a calendar that has it already updates it in place.
          uid: `${row.appointmentId}@fascia`,
          start: startsAt,
          end: new Date(row.endsAt),
          summary: `Massage therapy with ${row.therapistName}`,
          location: row.clinicName,
          status: 'CONFIRMED',
        },
      ],
    });
    return appointmentReminderMail({
      to,
      clientName: row.clientName,
      clinicName: row.clinicName,
      therapistName: row.therapistName,
      startsAt,
      durationMinutes: row.minutes,
      timeZone: row.timeZone,
      locale: row.locale,
      portalUrl: `${context.publicUrl}/portal`,
      ics,
    });
  },
};

/** Diary prompts: the evening of an attended visit and two days later (per clinic settings), linking to the portal's diary. */
export const diaryPrompts: ReminderKindDefinition = {
  kind: 'DIARY_PROMPT',
  async plan(em) {
    const rows = await em.execute<{ id: string }[]>(
      `insert into reminder (id, created_at, updated_at, clinic_id, client_id, kind, source_id, source_at, due_at, status, attempts)
       select gen_random_uuid(), now(), now(), s.clinic_id, ser.client_id, 'DIARY_PROMPT', s.id, s.started_at, due.at, 'SCHEDULED', 0
       from treatment_session s
       join treatment_series ser on ser.id = s.series_id
       join clinic c on c.id = s.clinic_id
       left join reminder_settings rs on rs.clinic_id = s.clinic_id
       cross join lateral ${diaryPromptInstants} as due(at)
       where ${attendedVisit('s')} and coalesce(rs.diary_prompts, true)
         -- a visit's prompts lie within two weeks of it (the settings allow at most 14 days)
         and s.started_at > now() - interval '15 days' and due.at > now() and due.at > s.started_at
       on conflict do nothing
       returning id`,
    );
    return rows.length;
  },
  stillWanted: `exists (
      select 1 from treatment_session s
      join clinic c on c.id = s.clinic_id
      left join reminder_settings rs on rs.clinic_id = s.clinic_id
      where s.id = r.source_id and s.started_at = r.source_at and ${attendedVisit('s')} and coalesce(rs.diary_prompts, true)
        and r.due_at in ${diaryPromptInstants})
    and ${noVisitBetween}`,
  async mail(em, id, to, context) {
    const [row] = await em.execute<{ clientName: string; clinicName: string; visitAt: Date; timeZone: string; locale: string }[]>(
      `select cl.given_name as "clientName", c.name as "clinicName", r.source_at as "visitAt", c.time_zone as "timeZone", c.locale
       from reminder r join client cl on cl.id = r.client_id join clinic c on c.id = r.clinic_id where r.id = ?`,
      [id],
    );
    if (!row) return null;
    return diaryPromptMail({ to, ...row, visitAt: new Date(row.visitAt), diaryUrl: `${context.publicUrl}/portal/diary` });
  },
};
