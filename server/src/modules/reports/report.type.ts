import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import { ReferralNode } from '../clients/client.type.js';
import { MeasureProgressNode, SeriesProgressNode } from '../progress/progress.type.js';

/** Who the report is written for: a treating clinician (staff send it) or the client (their own copy). */
export const reportAudiences = ['CLINICIAN', 'CLIENT'] as const;
export type ReportAudience = (typeof reportAudiences)[number];
export const ReportAudienceEnum = enumOf(reportAudiences);
registerEnumType(ReportAudienceEnum, {
  name: 'ReportAudience',
  description: "CLINICIAN: staff's report for a named recipient, with the therapist's notes; CLIENT: the client's own copy, without them.",
});

@ObjectType('ReportPoint', { description: 'One value drawn in a measure’s chart: a valid value taken at a visit or in the diary.' })
export class ReportPointNode {
  @Field(() => DateTimeScalar, { description: 'When it was taken.' })
  takenAt!: Date;

  @Field(() => Float, { description: 'The value, in the measure unit.' })
  value!: number;

  @Field(() => String, { description: 'PRE_SESSION, POST_SESSION or BETWEEN_SESSIONS.' })
  context!: string;
}

@ObjectType('ReportMeasure', { description: 'One measure of the report: the API’s progress of it with words for a reader.' })
export class ReportMeasureNode {
  @Field(() => String, {
    description: 'Measure in words, with region, side and who reported the values, e.g. "Pain intensity (NPRS 0-10), neck, self-report".',
  })
  label!: string;

  @Field(() => String, { description: 'Unit as shown to a person, e.g. "/10" or "°".' })
  unitLabel!: string;

  @Field(() => Int, { description: 'Decimal places the measure is recorded with (values are printed with these).' })
  decimals!: number;

  @Field(() => String, {
    description:
      'The change against the threshold in words: MCID (clinically important change) or MDC (minimal detectable change), in the unit or relative to the baseline; e.g. "MCID 2 /10 reached: clinically important change, improved".',
  })
  mcidInWords!: string;

  @Field(() => String, { nullable: true, description: 'Score band of the baseline, for questionnaires with published bands.' })
  baselineBand!: string | null;

  @Field(() => String, { nullable: true, description: 'Score band of the latest value, for questionnaires with published bands.' })
  latestBand!: string | null;

  @Field(() => MeasureProgressNode, { description: 'The numbers: exactly the `progress` API’s for this measure.' })
  progress!: MeasureProgressNode;

  @Field(() => [ReportPointNode], { description: 'The values its chart draws, in time order.' })
  points!: ReportPointNode[];
}

@ObjectType('ReportDoseItem', { description: 'Treatment minutes of one modality or region, named in words.' })
export class ReportDoseItemNode {
  @Field(() => String, { description: 'Modality or region (and side) in words.' })
  label!: string;

  @Field(() => Float, { description: 'Minutes (the progress API’s dose).' })
  minutes!: number;

  @Field(() => Int, { description: 'Attended sessions with it.' })
  sessions!: number;
}

@ObjectType('ReportSummary', {
  description:
    "The assessment and plan written for the series' progress report; the report prints them unless a later visit has a SOAP note.",
})
export class ReportSummaryNode {
  @Field(() => String, { nullable: true, description: 'Assessment.' })
  assessment!: string | null;

  @Field(() => String, { nullable: true, description: 'Plan.' })
  plan!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was saved.' })
  writtenAt!: Date;

  @Field(() => String, { description: 'Who saved it (the member of staff).' })
  writtenBy!: string;
}

@ObjectType('SeriesReport', {
  description:
    'A progress report of a series (or some days of it) for the referring clinician, or the client’s own copy. ' +
    'Its numbers are the `progress` API’s; reading it is audited as a disclosure.',
})
export class SeriesReportNode {
  @Field(() => ID, { description: 'The series.' })
  seriesId!: string;

  @Field(() => ReportAudienceEnum, { description: 'Who it is written for.' })
  audience!: ReportAudience;

  @Field(() => String, { nullable: true, description: 'The recipient named by staff (the client’s own copy: null).' })
  recipient!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was generated.' })
  generatedAt!: Date;

  @Field(() => LocalDateScalar, { description: 'First day reported (the series start unless a later day was asked for).' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'Last day reported (today, or the series end, unless an earlier day was asked for).' })
  to!: string;

  @Field(() => Boolean, { description: 'The report covers only part of the series.' })
  partial!: boolean;

  @Field(() => String, { description: 'The clinic.' })
  clinicName!: string;

  @Field(() => String, { description: 'The treating therapist.' })
  therapistName!: string;

  @Field(() => String, { nullable: true, description: 'The therapist’s registration or licence number.' })
  therapistRegistration!: string | null;

  @Field(() => String, { description: 'The client’s name.' })
  clientName!: string;

  @Field(() => LocalDateScalar, { description: 'The client’s date of birth (the recipient is a treating clinician).' })
  clientDateOfBirth!: string;

  @Field(() => ReferralNode, { nullable: true, description: 'The referral, when one is recorded.' })
  referral!: ReferralNode | null;

  @Field(() => String, { description: 'Condition treated.' })
  conditionName!: string;

  @Field(() => String, { description: 'Its WHO ICD-10 code.' })
  icd10!: string;

  @Field(() => String, { nullable: true, description: 'Goals of the series.' })
  goals!: string | null;

  @Field(() => Int, { description: 'Sessions planned.' })
  plannedSessions!: number;

  @Field(() => Float, { description: 'Sessions planned per week.' })
  plannedSessionsPerWeek!: number;

  @Field(() => Int, { description: 'Minutes planned per session.' })
  plannedMinutesPerSession!: number;

  @Field(() => LocalDateScalar, { description: 'First day of the series.' })
  seriesStartDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the series, once closed.' })
  seriesEndDate!: string | null;

  @Field(() => String, { description: 'ACTIVE, COMPLETED or DISCONTINUED.' })
  seriesStatus!: string;

  @Field(() => SeriesProgressNode, { description: 'The `progress` API’s answer for the reported days: attendance, dose, measures, diary.' })
  progress!: SeriesProgressNode;

  @Field(() => [ReportMeasureNode], { description: 'Measures taken at visits, in the order of `progress.measures`.' })
  measures!: ReportMeasureNode[];

  @Field(() => [ReportMeasureNode], { description: 'The client’s diary, in the order of `progress.diary`.' })
  diary!: ReportMeasureNode[];

  @Field(() => [ReportDoseItemNode], { description: 'Minutes by modality, in words.' })
  doseByModality!: ReportDoseItemNode[];

  @Field(() => [ReportDoseItemNode], { description: 'Minutes by region, in words.' })
  doseByRegion!: ReportDoseItemNode[];

  @Field(() => [String], {
    description: 'What is missing, in sentences (values without a pair, measures never recorded …); empty when nothing is.',
  })
  missing!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Assessment: of the summary written for the report, or of the latest visit’s SOAP note, whichever is newer (clinician reports only).',
  })
  assessment!: string | null;

  @Field(() => String, { nullable: true, description: 'Plan, from the same source as the assessment (clinician reports only).' })
  plan!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the visit the assessment and plan come from (null: not a visit).' })
  notesVisitAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the summary the assessment and plan come from was written for the report (null: not a summary).',
  })
  summaryWrittenAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who wrote that summary.' })
  summaryWrittenBy!: string | null;

  /** The client (for the audit trail; not a field). */
  clientId!: string;
  /** The clinic's IANA zone, for printing times (not a field). */
  timeZone!: string;
}
