import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Clinic } from '../clinics/clinic.entity.js';

/** Defaults of a clinic that never changed its reminder settings (no row yet). */
export const defaultReminderSettings = {
  appointmentReminders: true,
  appointmentLeadHours: 24,
  diaryPrompts: true,
  /** 19:00 in the clinic's time zone: "the evening". */
  diaryPromptHour: 19,
  /** Days after the visit's calendar day: 0 is the evening of the visit, 2 two days later. */
  diaryPromptDays: [0, 2],
} as const;

/** A clinic's reminder settings: one row per clinic, written when an admin first changes them. */
export const ReminderSettings = defineEntity({
  name: 'ReminderSettings',
  properties: {
    ...baseProperties,
    clinic: () => p.oneToOne(Clinic).ref().owner().unique(),
    appointmentReminders: p.boolean().default(defaultReminderSettings.appointmentReminders),
    /** Hours before an appointment's start at which its reminder is sent. */
    appointmentLeadHours: p.smallint().default(defaultReminderSettings.appointmentLeadHours),
    diaryPrompts: p.boolean().default(defaultReminderSettings.diaryPrompts),
    /** Local hour (0-23, clinic's time zone) at which diary prompts are sent. */
    diaryPromptHour: p.smallint().default(defaultReminderSettings.diaryPromptHour),
    /** Days after a visit's calendar day on which a diary prompt is sent. */
    diaryPromptDays: p
      .array<number>(Number, String)
      .columnType('smallint[]')
      .defaultRaw(`'{${defaultReminderSettings.diaryPromptDays.join(',')}}'::smallint[]`),
  },
});
export type ReminderSettings = InferEntity<typeof ReminderSettings>;
