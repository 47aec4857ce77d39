import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { checkInteger } from '../../common/validate.js';
import type { ClientViewer, StaffViewer } from '../../common/viewer.js';
import { Client } from '../clients/client.entity.js';
import { Reminder, type ReminderKind, type ReminderStatus } from './reminder.entity.js';
import { ReminderOptOut } from './reminder-opt-out.entity.js';
import { defaultReminderSettings, ReminderSettings } from './reminder-settings.entity.js';

export interface ReminderSettingsValues {
  appointmentReminders: boolean;
  appointmentLeadHours: number;
  diaryPrompts: boolean;
  diaryPromptHour: number;
  diaryPromptDays: number[];
}

/** A week ahead at most: a reminder sent earlier would be forgotten again by the day. */
export const appointmentLeadHoursRange = { min: 1, max: 168 };
/** Prompts within two weeks of a visit; four at most between two visits. */
export const diaryPromptDaysRange = { min: 0, max: 14, count: 4 };

/** The clinic's reminder settings, or the defaults while it has not changed them. */
export async function reminderSettings(em: EntityManager, viewer: StaffViewer): Promise<ReminderSettingsValues> {
  const row = await em.findOne(ReminderSettings, { clinic: viewer.clinicId });
  if (!row) return { ...defaultReminderSettings, diaryPromptDays: [...defaultReminderSettings.diaryPromptDays] };
  const { appointmentReminders, appointmentLeadHours, diaryPrompts, diaryPromptHour, diaryPromptDays } = row;
  return { appointmentReminders, appointmentLeadHours, diaryPrompts, diaryPromptHour, diaryPromptDays };
}

/**
 * An admin changes the clinic's reminder settings; omitted fields keep their value. Reminders already planned and no
 * longer matching the settings are cancelled, and the new ones planned, by the queue's next round.
 */
export async function updateReminderSettings(
  em: EntityManager,
  admin: StaffViewer,
  input: { [K in keyof ReminderSettingsValues]?: ReminderSettingsValues[K] | null },
): Promise<ReminderSettingsValues> {
  checkInteger('appointmentLeadHours', input.appointmentLeadHours, appointmentLeadHoursRange.min, appointmentLeadHoursRange.max);
  checkInteger('diaryPromptHour', input.diaryPromptHour, 0, 23);
  const days = input.diaryPromptDays;
  if (days !== undefined && days !== null) {
    if (days.length > diaryPromptDaysRange.count) {
      throw new BadInputError('diaryPromptDays', 'count', `at most ${diaryPromptDaysRange.count} days, got ${days.length}`);
    }
    days.forEach((day, index) => {
      checkInteger(`diaryPromptDays[${index}]`, day, diaryPromptDaysRange.min, diaryPromptDaysRange.max);
    });
    if (new Set(days).size !== days.length) throw new BadInputError('diaryPromptDays', 'unique', 'each day may appear once');
  }
  let row = await em.findOne(ReminderSettings, { clinic: admin.clinicId });
  row ??= em.create(ReminderSettings, { clinic: admin.clinicId });
  if (typeof input.appointmentReminders === 'boolean') row.appointmentReminders = input.appointmentReminders;
  if (typeof input.appointmentLeadHours === 'number') row.appointmentLeadHours = input.appointmentLeadHours;
  if (typeof input.diaryPrompts === 'boolean') row.diaryPrompts = input.diaryPrompts;
  if (typeof input.diaryPromptHour === 'number') row.diaryPromptHour = input.diaryPromptHour;
  if (days) row.diaryPromptDays = [...days].sort((a, b) => a - b);
  await em.flush();
  return reminderSettings(em, admin);
}

export interface ReminderPreferenceValues {
  clientId: string;
  optedOut: boolean;
  /** When the opt-out in force was made. */
  optedOutAt: Date | null;
}

/** A client's own choice about reminder emails. */
export async function myReminderPreference(em: EntityManager, client: ClientViewer): Promise<ReminderPreferenceValues> {
  const row = await em.findOne(ReminderOptOut, { client: client.clientId });
  return { clientId: client.clientId, optedOut: Boolean(row?.optedOutAt), optedOutAt: row?.optedOutAt ?? null };
}

/**
 * A client opts out of reminder emails (the date is kept; opting out again keeps the first date) or back in.
 * Reminders already planned are skipped when their time comes.
 */
export async function setReminderOptOut(em: EntityManager, client: ClientViewer, optOut: boolean): Promise<ReminderPreferenceValues> {
  let row = await em.findOne(ReminderOptOut, { client: client.clientId });
  row ??= em.create(ReminderOptOut, { clinic: client.clinicId, client: em.getReference(Client, client.clientId), optedOutAt: null });
  row.optedOutAt = optOut ? (row.optedOutAt ?? new Date()) : null;
  await em.flush();
  return myReminderPreference(em, client);
}

export interface ReminderNoticeRow {
  id: string;
  clientId: string;
  clientName: string;
  kind: ReminderKind;
  status: ReminderStatus;
  recipient: string | null;
  problem: string | null;
  dueAt: Date;
}

/**
 * Reminders that could not be delivered (an address refused for good, or retries used up) and that staff have not
 * dismissed, newest first: an admin sees the clinic's, a therapist those of the clients they treat.
 */
export function reminderNotices(em: EntityManager, viewer: StaffViewer): Promise<ReminderNoticeRow[]> {
  const ownClients =
    viewer.role === 'THERAPIST'
      ? 'and exists (select 1 from treatment_series s where s.client_id = r.client_id and s.therapist_id = ?)'
      : '';
  return em.execute<ReminderNoticeRow[]>(
    `select r.id, r.client_id as "clientId", cl.given_name || ' ' || cl.family_name as "clientName", r.kind, r.status,
            r.recipient, r.problem, r.due_at as "dueAt"
     from reminder r join client cl on cl.id = r.client_id
     where r.clinic_id = ? and r.status in ('REFUSED', 'FAILED') and r.acknowledged_at is null ${ownClients}
     order by r.due_at desc, r.id limit 200`,
    viewer.role === 'THERAPIST' ? [viewer.clinicId, viewer.therapistId] : [viewer.clinicId],
  );
}

/** Staff dismiss a notice (after correcting the address, say); it stays in the reminder's history. */
export async function acknowledgeReminderNotice(em: EntityManager, viewer: StaffViewer, id: string): Promise<ReminderNoticeRow> {
  const notice = (await reminderNotices(em, viewer)).find((row) => row.id === id);
  const reminder = notice ? await em.findOne(Reminder, id) : null;
  if (!notice || !reminder) throw new NotFoundError('Reminder notice', id);
  reminder.acknowledgedAt = new Date();
  await em.flush();
  return notice;
}
