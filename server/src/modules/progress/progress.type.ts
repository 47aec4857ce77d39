import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { type ReporterKind, ReporterKindEnum } from '../../common/reporter.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { SeriesNode } from '../care/care.type.js';
import { PageInfo } from '../clients/client.type.js';
import { ThresholdKindEnum } from '../measures/measure.type.js';
import type { ThresholdKind } from '../measures/measure-definition.js';

export const caseloadFlags = ['WORSENING', 'NO_MEANINGFUL_CHANGE', 'MISSED_SESSIONS', 'REASSESSMENT_OVERDUE'] as const;
export type CaseloadFlag = (typeof caseloadFlags)[number];
export const CaseloadFlagEnum = enumOf(caseloadFlags);
registerEnumType(CaseloadFlagEnum, {
  name: 'CaseloadFlag',
  description: 'Why a series needs attention (definitions in the README, "Progress and caseload").',
});

export const caseloadSorts = ['LAST_VISIT', 'CHANGE', 'CLIENT_NAME', 'START_DATE'] as const;
export type CaseloadSort = (typeof caseloadSorts)[number];
export const CaseloadSortEnum = enumOf(caseloadSorts);
registerEnumType(CaseloadSortEnum, {
  name: 'CaseloadSort',
  description:
    'Order of the caseload: LAST_VISIT (longest since the last visit first), CHANGE (worst headline change first, in units of the measure’s MCID, or of its MDC where no MCID is published), ' +
    'CLIENT_NAME (family, given name), START_DATE (newest series first).',
});

@ObjectType({ description: 'The pre-to-post change of one measure at one visit.' })
export class SessionChangeNode {
  @Field(() => ID, { description: 'The session.' })
  sessionId!: string;

  @Field(() => Int, { description: 'Number of the visit among the attended visits of the series, from 1.' })
  visitNumber!: number;

  @Field(() => DateTimeScalar, { description: 'Start of the visit.' })
  startedAt!: Date;

  @Field(() => Float, { description: 'Value before treatment.' })
  pre!: number;

  @Field(() => Float, { description: 'Value after treatment.' })
  post!: number;

  @Field(() => Float, { description: 'post - pre, in the measure unit.' })
  change!: number;
}

@ObjectType({ description: 'Progress of one measure (per region and side, where recorded, and per reporter) over a series.' })
export class MeasureProgressNode {
  @Field(() => String, { description: 'Measure code from the measure catalog (a questionnaire score has the instrument code).' })
  measureCode!: string;

  @Field(() => String, { nullable: true, description: 'Body region, when recorded.' })
  regionCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Side (LEFT or RIGHT), when recorded.' })
  side!: string | null;

  @Field(() => ReporterKindEnum, {
    description:
      'Who reported these values: the client (self-report), a proxy, or the therapist observing. Each reporter has a row of ' +
      'its own: their values are never averaged together.',
  })
  reporter!: ReporterKind;

  @Field(() => String, { description: 'UCUM unit of the values.' })
  unit!: string;

  @Field(() => Float, {
    description:
      'Baseline: the value at the first visit where the measure was taken (PRE_SESSION if taken before treatment, else POST_SESSION); for diary values, the first value.',
  })
  baseline!: number;

  @Field(() => DateTimeScalar, { description: 'When the baseline value was taken.' })
  baselineAt!: Date;

  @Field(() => Float, {
    description:
      'Latest: the value at the last visit where the measure was taken (PRE_SESSION preferred, as post values are transient); for diary values, the last value.',
  })
  latest!: number;

  @Field(() => DateTimeScalar, { description: 'When the latest value was taken.' })
  latestAt!: Date;

  @Field(() => Float, { description: 'latest - baseline, in the measure unit (its sign is not adjusted for direction).' })
  change!: number;

  @Field(() => Float, { nullable: true, description: 'change / |baseline| x 100; null when the baseline is 0.' })
  percentChange!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The change threshold in the unit for this series: the catalog's, or its relative MCID applied to this baseline " +
      '(FIQR: 14% of it); an MCID or an MDC (thresholdKind). Null when none is published, or it is relative and the baseline is 0.',
  })
  mcid!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The relative MCID behind mcid, in percent of the baseline, when the catalog states one.',
  })
  mcidPercentOfBaseline!: number | null;

  @Field(() => ThresholdKindEnum, {
    nullable: true,
    description:
      'MCID: reaching it is a clinically important change; MDC: only a change beyond measurement error (a minimal detectable change).',
  })
  thresholdKind!: ThresholdKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The change reaches the threshold (mcid) in the good direction (pain down, range of motion and PSFS up); null when there is no threshold or only one value.',
  })
  mcidReached!: boolean | null;

  @Field(() => Int, { description: 'Number of values used (one per visit; every diary value counts).' })
  points!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Least-squares slope in units per week of series (clinic calendar days / 7); null with fewer than two distinct days.',
  })
  slopePerWeek!: number | null;

  @Field(() => Int, { description: 'Number of points behind the slope.' })
  trendPoints!: number;

  @Field(() => [SessionChangeNode], { description: 'Per-visit pre-to-post changes (visits with both values), in visit order.' })
  sessionChanges!: SessionChangeNode[];

  @Field(() => Float, { nullable: true, description: 'Mean of the per-visit pre-to-post changes; null when no visit has both.' })
  meanSessionChange!: number | null;

  @Field(() => Int, { description: 'Visits with a pre or a post value but not both (left out of the mean).' })
  unpairedSessions!: number;
}

export const attendanceBases = ['APPOINTMENTS', 'PLAN_RATE'] as const;
export type AttendanceBasis = (typeof attendanceBases)[number];
export const AttendanceBasisEnum = enumOf(attendanceBases);
registerEnumType(AttendanceBasisEnum, {
  name: 'AttendanceBasis',
  description: 'What attendance is counted against.',
  valuesConfig: {
    APPOINTMENTS: { description: 'The series has appointments: planned, attended, cancelled and no-show come from them.' },
    PLAN_RATE: { description: "No appointments: the plan's sessions per week give the number expected by now." },
  },
});

@ObjectType({ description: 'Attendance of a series against its plan.' })
export class AttendanceNode {
  @Field(() => Int, { description: 'Sessions planned.' })
  plannedSessions!: number;

  @Field(() => Int, { description: 'Sessions attended.' })
  attended!: number;

  @Field(() => Int, { description: 'Sessions cancelled.' })
  cancelled!: number;

  @Field(() => Int, { description: 'Sessions missed without notice.' })
  noShows!: number;

  @Field(() => Float, { description: 'Weeks from the start to the end date (closed series) or today, both days included, / 7.' })
  weeksElapsed!: number;

  @Field(() => Int, {
    description:
      'Sessions expected by now. PLAN_RATE: floor(planned per week x weeks elapsed), at most the planned count. APPOINTMENTS: ' +
      'appointments that have started, but for those the clinic cancelled, plus visits recorded without an appointment.',
  })
  expectedByNow!: number;

  @Field(() => AttendanceBasisEnum, { description: "What attendance is judged against: the appointments booked, or the plan's rate." })
  basis!: AttendanceBasis;

  @Field(() => Float, { description: 'Sessions planned per week.' })
  plannedPerWeek!: number;

  @Field(() => Float, { description: 'Sessions attended per week elapsed.' })
  attendedPerWeek!: number;
}

@ObjectType({ description: 'Treatment minutes given for one modality or one region.' })
export class DoseItemNode {
  @Field(() => String, { description: 'Modality or body region code.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Side, for a lateral region.' })
  side!: string | null;

  @Field(() => Float, {
    description:
      'Minutes. By modality: each attended session shares its minutes equally among its modalities. By region: the minutes recorded per region.',
  })
  minutes!: number;

  @Field(() => Int, { description: 'Attended sessions that used this modality or treated this region.' })
  sessions!: number;
}

@ObjectType({ description: 'How much treatment a series has given.' })
export class DoseNode {
  @Field(() => Int, { description: 'Hands-on minutes of all attended sessions.' })
  totalMinutes!: number;

  @Field(() => [DoseItemNode], { description: 'Minutes by modality.' })
  byModality!: DoseItemNode[];

  @Field(() => [DoseItemNode], { description: 'Minutes by region (and side), where recorded.' })
  byRegion!: DoseItemNode[];
}

@ObjectType({ description: 'Is the client getting better: outcomes, attendance and dose of one series.' })
export class SeriesProgressNode {
  @Field(() => [MeasureProgressNode], { description: 'Values taken at visits (pre and post session), per measure, region and side.' })
  measures!: MeasureProgressNode[];

  @Field(() => [MeasureProgressNode], { description: "The client's between-session self-reports (diary), per measure, region and side." })
  diary!: MeasureProgressNode[];

  @Field(() => AttendanceNode, { description: 'Attendance against the plan.' })
  attendance!: AttendanceNode;

  @Field(() => DoseNode, { description: 'Treatment dose.' })
  dose!: DoseNode;
}

@ObjectType({ description: 'One active series of the caseload with its headline change and flags.' })
export class CaseloadItemNode {
  @Field(() => SeriesNode, { description: 'The series.' })
  series!: SeriesNode;

  @Field(() => String, { description: "Headline measure of the series' condition (condition catalog)." })
  headlineMeasureCode!: string;

  @Field(() => MeasureProgressNode, {
    nullable: true,
    description: 'Progress of the headline measure at visits (its most-recorded region/side); null when never recorded.',
  })
  headline!: MeasureProgressNode | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the last attended visit.' })
  lastVisitAt!: Date | null;

  @Field(() => Int, { description: 'Sessions attended.' })
  attendedSessions!: number;

  @Field(() => [CaseloadFlagEnum], { description: 'Why this series needs attention; empty when it does not.' })
  flags!: CaseloadFlag[];

  /** The client (for the audit trail; not a field). */
  clientId!: string;
}

@ObjectType({ description: 'An edge of a caseload page.' })
export class CaseloadEdge {
  @Field(() => String, { description: 'Opaque cursor of this item, for `after`.' })
  cursor!: string;

  @Field(() => CaseloadItemNode, { description: 'The item.' })
  node!: CaseloadItemNode;
}

@ObjectType({ description: "A page of the viewer's caseload." })
export class CaseloadConnection {
  @Field(() => [CaseloadEdge], { description: 'The items of this page.' })
  edges!: CaseloadEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
  totalCount!: number;
}
