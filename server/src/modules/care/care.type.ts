import { Authorized, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { type RecordStatus, RecordStatusEnum } from '../../common/record-status.js';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import type { TreatedRegion, TreatedSide } from './treated-region.entity.js';
import { treatedSides } from './treated-region.entity.js';
import {
  type DischargeReason,
  dischargeReasons,
  type SeriesStatus,
  seriesStatuses,
  type TreatmentSeries,
} from './treatment-series.entity.js';
import { type Attendance, attendances, type Modality, modalities, type TreatmentSession } from './treatment-session.entity.js';

export const SeriesStatusEnum = enumOf(seriesStatuses);
registerEnumType(SeriesStatusEnum, {
  name: 'SeriesStatus',
  description: 'Where a treatment series stands.',
});
export const DischargeReasonEnum = enumOf(dischargeReasons);
registerEnumType(DischargeReasonEnum, {
  name: 'DischargeReason',
  description: 'Why a series ended.',
  valuesConfig: {
    GOALS_MET: { description: 'The goals of the series were reached.' },
    PLATEAU: { description: 'No further progress was expected from more of the same treatment.' },
    REFERRED_ON: { description: 'The client was referred to another clinician.' },
    CLIENT_CHOICE: { description: 'The client chose to stop.' },
    LOST_TO_FOLLOW_UP: { description: 'The client stopped coming without saying so.' },
  },
});
export const AttendanceEnum = enumOf(attendances);
registerEnumType(AttendanceEnum, {
  name: 'Attendance',
  description: 'Whether a planned visit took place.',
});
export const ModalityEnum = enumOf(modalities);
registerEnumType(ModalityEnum, {
  name: 'Modality',
  description: 'A massage technique used in a session.',
});
export const TreatedSideEnum = enumOf(treatedSides);
registerEnumType(TreatedSideEnum, {
  name: 'TreatedSide',
  description: 'Side of a lateral region that was treated.',
});

@ObjectType('TreatmentSeries', {
  description: 'A planned course of treatment for one client and one condition.',
})
export class SeriesNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, {
    description: 'Code of the condition treated, from the condition catalog.',
  })
  conditionCode!: string;

  @Field(() => String, { nullable: true, description: 'Goals of this series.' })
  goals!: string | null;

  @Field(() => Int, { description: 'Number of sessions planned.' })
  plannedSessions!: number;

  @Field(() => Float, { description: 'Sessions planned per week.' })
  plannedSessionsPerWeek!: number;

  @Field(() => Int, { description: 'Minutes planned per session.' })
  plannedMinutesPerSession!: number;

  @Field(() => LocalDateScalar, { description: 'First day of the series.' })
  startDate!: string;

  @Field(() => SeriesStatusEnum, {
    description: 'Active, completed or discontinued.',
  })
  status!: SeriesStatus;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day, once closed.',
  })
  endDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Closing summary, once closed.',
  })
  dischargeNote!: string | null;

  @Field(() => DischargeReasonEnum, {
    nullable: true,
    description: 'Why the series ended, once closed.',
  })
  dischargeReason!: DischargeReason | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the measure the series is judged by, shown first.',
  })
  headlineMeasureCode!: string | null;

  clientId!: string;
  therapistId!: string;

  static from(series: TreatmentSeries): SeriesNode {
    return Object.assign(new SeriesNode(), {
      id: series.id,
      conditionCode: series.condition.code,
      goals: series.goals ?? null,
      plannedSessions: series.plannedSessions,
      plannedSessionsPerWeek: series.plannedSessionsPerWeek,
      plannedMinutesPerSession: series.plannedMinutesPerSession,
      startDate: series.startDate,
      status: series.status,
      endDate: series.endDate ?? null,
      dischargeNote: series.dischargeNote ?? null,
      dischargeReason: series.dischargeReason ?? null,
      headlineMeasureCode: series.headlineMeasureCode ?? null,
      clientId: series.client.id,
      therapistId: series.therapist.id,
    });
  }
}

@ObjectType('TreatedRegion', {
  description: 'A body region worked on in a session.',
})
export class TreatedRegionNode {
  @Field(() => String, { description: 'Body region code.' })
  regionCode!: string;

  @Field(() => TreatedSideEnum, {
    nullable: true,
    description: 'Side, for a lateral region.',
  })
  side!: TreatedSide | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes spent on the region, when recorded.',
  })
  minutes!: number | null;

  static from(region: TreatedRegion): TreatedRegionNode {
    return Object.assign(new TreatedRegionNode(), {
      regionCode: region.region.code,
      side: region.side ?? null,
      minutes: region.minutes ?? null,
    });
  }
}

@ObjectType('SoapNotes', { description: 'SOAP notes of a session.' })
export class SoapNotesNode {
  @Field(() => String, {
    nullable: true,
    description: 'Subjective: what the client reports.',
  })
  subjective!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Objective: what the therapist found and did.',
  })
  objective!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Assessment: the therapist's clinical reasoning.",
  })
  assessment!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Plan: next steps and home care.',
  })
  plan!: string | null;
}

@ObjectType('TreatmentSession', {
  description: 'One visit of a treatment series.',
})
export class SessionNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => ID, { description: 'The series this visit belongs to.' })
  seriesId!: string;

  @Field(() => DateTimeScalar, {
    description: 'Start of the visit (clinical time).',
  })
  startedAt!: Date;

  @Field(() => Int, {
    description: 'Hands-on minutes (0 when the visit did not take place).',
  })
  durationMinutes!: number;

  @Field(() => AttendanceEnum, {
    description: 'Attended, cancelled or no-show.',
  })
  attendance!: Attendance;

  @Field(() => [ModalityEnum], { description: 'Techniques used.' })
  modalities!: Modality[];

  @Field(() => Int, {
    nullable: true,
    description: 'Pressure from 1 (very light) to 5 (very deep).',
  })
  pressure!: number | null;

  /** The therapist's working notes: staff only, never shown in the client portal. */
  @Authorized('ADMIN', 'THERAPIST')
  @Field(() => SoapNotesNode, { nullable: true, description: "SOAP notes: the therapist's working notes, for clinic staff only." })
  soap!: SoapNotesNode | null;

  @Field(() => [String], {
    description: 'The red flags the therapist acknowledged before this visit ([] when none were open).',
  })
  redFlagsAcknowledged!: string[];

  @Field(() => DateTimeScalar, { description: 'When the visit was entered.' })
  recordedAt!: Date;

  @Field(() => RecordStatusEnum, { description: 'FINAL, AMENDED or ENTERED_IN_ERROR; see enteredInError and revisions.' })
  status!: RecordStatus;

  /** The client seen, when the series was loaded with the session (for the audit trail). */
  clientId!: string | null;

  static from(session: TreatmentSession): SessionNode {
    return Object.assign(new SessionNode(), {
      id: session.id,
      seriesId: session.series.id,
      startedAt: session.startedAt,
      durationMinutes: session.durationMinutes,
      attendance: session.attendance,
      modalities: session.modalities,
      pressure: session.pressure ?? null,
      soap: Object.assign(new SoapNotesNode(), {
        subjective: session.subjective ?? null,
        objective: session.objective ?? null,
        assessment: session.assessment ?? null,
        plan: session.plan ?? null,
      }),
      redFlagsAcknowledged: session.redFlagsAcknowledged,
      recordedAt: session.createdAt,
      status: session.status,
      clientId: session.series.unwrap().client?.id ?? null,
    });
  }
}
