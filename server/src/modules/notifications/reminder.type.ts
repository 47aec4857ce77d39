import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { type ReminderKind, type ReminderStatus, reminderKinds, reminderStatuses } from './reminder.entity.js';
import type { ReminderNoticeRow, ReminderPreferenceValues, ReminderSettingsValues } from './reminder.service.js';
import { appointmentLeadHoursRange, diaryPromptDaysRange } from './reminder.service.js';

export const ReminderKindEnum = enumOf(reminderKinds);
registerEnumType(ReminderKindEnum, {
  name: 'ReminderKind',
  description: 'APPOINTMENT: before an appointment, with a calendar file. DIARY_PROMPT: between visits, a link to the pain diary.',
});
export const ReminderStatusEnum = enumOf(reminderStatuses);
registerEnumType(ReminderStatusEnum, {
  name: 'ReminderStatus',
  description:
    'SCHEDULED, SENDING, SENT; CANCELLED (no longer due), SKIPPED (opted out or no address), REFUSED (the address was refused for good), FAILED (retries used up).',
});

@ObjectType('ReminderSettings', { description: "The clinic's reminder emails: appointment reminders and diary prompts between visits." })
export class ReminderSettingsNode {
  @Field(() => Boolean, { description: 'Email clients before their appointments.' })
  appointmentReminders!: boolean;

  @Field(() => Int, { description: 'Hours before an appointment at which its reminder is sent (24 unless changed).' })
  appointmentLeadHours!: number;

  @Field(() => Boolean, { description: 'Email clients a link to their pain diary between visits.' })
  diaryPrompts!: boolean;

  @Field(() => Int, { description: "Local hour (0-23, the clinic's time zone) at which diary prompts are sent (19 unless changed)." })
  diaryPromptHour!: number;

  @Field(() => [Int], {
    description: "Days after a visit's date on which a diary prompt is sent: 0 is the evening of the visit ([0, 2] unless changed).",
  })
  diaryPromptDays!: number[];

  static from(values: ReminderSettingsValues): ReminderSettingsNode {
    return Object.assign(new ReminderSettingsNode(), values);
  }
}

@InputType({ description: "Changes to the clinic's reminder settings; omitted fields stay as they are." })
export class ReminderSettingsInput {
  @Field(() => Boolean, { nullable: true, description: 'Email clients before their appointments.' })
  appointmentReminders?: boolean | null;

  @Field(() => Int, { nullable: true, description: `${appointmentLeadHoursRange.min}-${appointmentLeadHoursRange.max} hours.` })
  appointmentLeadHours?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Email clients a link to their pain diary between visits.' })
  diaryPrompts?: boolean | null;

  @Field(() => Int, { nullable: true, description: '0-23.' })
  diaryPromptHour?: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: `Up to ${diaryPromptDaysRange.count} different days, each ${diaryPromptDaysRange.min}-${diaryPromptDaysRange.max}.`,
  })
  diaryPromptDays?: number[] | null;
}

@ObjectType('ReminderPreferences', { description: "A client's choice about reminder emails." })
export class ReminderPreferencesNode {
  @Field(() => Boolean, { description: 'True: no reminder emails are sent to the client.' })
  optedOut!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the client opted out (null while they get reminders).' })
  optedOutAt!: Date | null;

  /** For the audit trail: whose preference this is. */
  clientId!: string;

  static from(values: ReminderPreferenceValues): ReminderPreferencesNode {
    return Object.assign(new ReminderPreferencesNode(), values);
  }
}

@ObjectType('ReminderNotice', {
  description: 'A reminder email that could not be delivered, for staff to act on (e.g. correct the address).',
})
export class ReminderNoticeNode {
  @Field(() => ID, { description: 'The reminder this notice is about.' })
  id!: string;

  @Field(() => ID, { description: 'The client it was for.' })
  clientId!: string;

  @Field(() => String, { description: "The client's name, for display." })
  clientName!: string;

  @Field(() => ReminderKindEnum, { description: 'Appointment reminder or diary prompt.' })
  kind!: ReminderKind;

  @Field(() => ReminderStatusEnum, { description: 'REFUSED (the mail server refused the address for good) or FAILED (retries used up).' })
  status!: ReminderStatus;

  @Field(() => String, { nullable: true, description: 'The address it was sent to.' })
  recipient!: string | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, in words.' })
  problem!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was due.' })
  dueAt!: Date;

  static from(row: ReminderNoticeRow): ReminderNoticeNode {
    return Object.assign(new ReminderNoticeNode(), { ...row, dueAt: new Date(row.dueAt) });
  }
}
