import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import { type Appointment, type AppointmentStatus, appointmentStatuses, type Canceller, cancellers } from './appointment.entity.js';
import { localSlotOf, weekdays } from './recurrence.js';

export const AppointmentStatusEnum = enumOf(appointmentStatuses);
registerEnumType(AppointmentStatusEnum, {
  name: 'AppointmentStatus',
  description: 'Where an appointment stands.',
  valuesConfig: {
    BOOKED: { description: 'Booked and not yet recorded.' },
    CANCELLED: { description: 'Cancelled (by the client or the clinic); see cancelledBy and lateCancellation.' },
    NO_SHOW: { description: 'The client did not come and did not cancel.' },
    ATTENDED: { description: 'The client came; the visit is recorded as a session (or still to be).' },
  },
});
export const CancellerEnum = enumOf(cancellers);
registerEnumType(CancellerEnum, { name: 'Canceller', description: 'Who cancelled an appointment: the client or the clinic.' });
export const WeekdayEnum = enumOf(weekdays);
registerEnumType(WeekdayEnum, { name: 'Weekday', description: 'A day of the week.' });

@ObjectType('Appointment', { description: 'A booked time with a therapist for one treatment series.' })
export class AppointmentNode {
  @Field(() => ID, { description: 'Stable identifier; also the UID of the event in calendar feeds.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'Start.' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'End (start + minutes).' })
  endsAt!: Date;

  @Field(() => LocalDateScalar, { description: "Start date in the clinic's time zone." })
  localDate!: string;

  @Field(() => String, { description: "Start time HH:MM in the clinic's time zone." })
  localTime!: string;

  @Field(() => Int, { description: 'Length in minutes.' })
  minutes!: number;

  @Field(() => AppointmentStatusEnum, { description: 'Booked, cancelled, no-show or attended.' })
  status!: AppointmentStatus;

  @Field(() => ID, { description: 'The series it belongs to.' })
  seriesId!: string;

  @Field(() => ID, { description: 'The therapist it is booked with.' })
  therapistId!: string;

  @Field(() => ID, { nullable: true, description: 'The visit recorded for it, if any.' })
  sessionId!: string | null;

  @Field(() => Boolean, {
    description: 'Attended, no session recorded, and its day (in the clinic) is over: the therapist has notes to write.',
  })
  needsSession!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: Date | null;

  @Field(() => CancellerEnum, { nullable: true, description: 'Who cancelled it.' })
  cancelledBy!: Canceller | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancelReason!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Cancelled less than 24 hours before its start.' })
  lateCancellation!: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the client asked to cancel (pending until the therapist confirms).' })
  cancelRequestedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The client's reason for asking to cancel." })
  cancelRequestReason!: string | null;

  clientId!: string;

  static from(appointment: Appointment, timeZone: string, now = new Date()): AppointmentNode {
    return AppointmentNode.fromFacts(
      {
        id: appointment.id,
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
        minutes: appointment.minutes,
        status: appointment.status,
        seriesId: appointment.series.id,
        therapistId: appointment.therapist.id,
        clientId: appointment.client.id,
        sessionId: appointment.session?.id ?? null,
        cancelledAt: appointment.cancelledAt ?? null,
        cancelledBy: appointment.cancelledBy ?? null,
        cancelReason: appointment.cancelReason ?? null,
        lateCancellation: appointment.lateCancellation ?? null,
        cancelRequestedAt: appointment.cancelRequestedAt ?? null,
        cancelRequestReason: appointment.cancelRequestReason ?? null,
      },
      timeZone,
      now,
    );
  }

  /** From an entity's facts or a lean row (appointment.reads.ts), with the wall-clock fields of the clinic's zone. */
  static fromFacts(facts: AppointmentFacts, timeZone: string, now = new Date()): AppointmentNode {
    const start = localSlotOf(facts.startsAt, timeZone);
    const today = localSlotOf(now, timeZone).date;
    return Object.assign(new AppointmentNode(), facts, {
      localDate: start.date,
      localTime: start.time,
      needsSession: facts.status === 'ATTENDED' && !facts.sessionId && start.date < today,
    });
  }
}

/** What an appointment is, without the fields computed in the clinic's time zone. */
export type AppointmentFacts = Omit<AppointmentNode, 'localDate' | 'localTime' | 'needsSession'>;

@ObjectType('CalendarFeedLink', { description: 'A private calendar feed address. Shown once: keep it like a password.' })
export class CalendarFeedLinkNode {
  @Field(() => String, { description: 'The path of the feed (append it to the server address), e.g. /calendar/<token>.ics.' })
  path!: string;

  @Field(() => DateTimeScalar, { description: 'When it was made.' })
  createdAt!: Date;
}

@ObjectType('CalendarFeedStatus', { description: 'Whether the caller has a live calendar feed.' })
export class CalendarFeedStatusNode {
  @Field(() => Boolean, { description: 'A feed address is live.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the live address was made.' })
  createdAt!: Date | null;
}
