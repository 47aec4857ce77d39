import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ThresholdKindEnum } from '../measures/measure.type.js';
import type { ThresholdKind } from '../measures/measure-definition.js';

const hiddenNote = 'Null when suppressed.';

@ObjectType('OutcomeCell', {
  description:
    'Outcome of one group of clients for one measure: each client counts once, with the change of their series ' +
    '(latest visit value - baseline, as in series progress; the mean over regions and sides when recorded on several). ' +
    'When `suppressed` (fewer clients than the minimum cell size, or hidden so that a hidden count cannot be derived), every number is null.',
})
export class OutcomeCellNode {
  @Field(() => Boolean, { description: 'The cell is hidden by small-cell suppression; all its numbers are null.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: `Clients with a baseline and a later value. ${hiddenNote}` })
  n!: number | null;

  @Field(() => Float, { nullable: true, description: `Mean baseline value. ${hiddenNote}` })
  baselineMean!: number | null;

  @Field(() => Float, { nullable: true, description: `Standard deviation of the baseline values (n - 1). ${hiddenNote}` })
  baselineSd!: number | null;

  @Field(() => Float, { nullable: true, description: `Mean change (latest - baseline), in the measure unit. ${hiddenNote}` })
  meanChange!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Lower end of the 95% interval of the mean change (t distribution, n - 1 df). ${hiddenNote}`,
  })
  meanChangeCiLow!: number | null;

  @Field(() => Float, { nullable: true, description: `Upper end of the 95% interval of the mean change. ${hiddenNote}` })
  meanChangeCiHigh!: number | null;

  @Field(() => Float, { nullable: true, description: `Standard deviation of the change (n - 1). ${hiddenNote}` })
  changeSd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Effect size: mean change / baseline SD (null when the baseline SD is 0). ${hiddenNote}`,
  })
  effectSize!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Standardized response mean: mean change / SD of the change (null when that SD is 0). ${hiddenNote}`,
  })
  standardizedResponseMean!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of responders (change x direction >= the threshold of the measure catalog: thresholdKind says MCID or MDC), 0-1. ' +
      'Null when the measure has no published threshold, ' +
      'when the cell is suppressed, or when the responders or the non-responders number 1 to k - 1 (k: the minimum cell size).',
  })
  responderRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the Wilson 95% interval of the responder rate; null as the rate.' })
  responderRateCiLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the Wilson 95% interval of the responder rate; null as the rate.' })
  responderRateCiHigh!: number | null;
}

@ObjectType('DoseBand', { description: 'One band of a dose-response breakdown with its outcome.' })
export class DoseBandNode {
  @Field(() => String, { description: 'Band code, e.g. MINUTES_240_479, PER_WEEK_0_75_1_5 or a modality.' })
  key!: string;

  @Field(() => String, { description: 'The band in words.' })
  label!: string;

  @Field(() => OutcomeCellNode, { description: 'Outcome of the clients in the band.' })
  outcome!: OutcomeCellNode;
}

@ObjectType('DoseSlope', { description: 'Least-squares slope of the change on total treatment minutes, over the clients of the cohort.' })
export class DoseSlopeNode {
  @Field(() => Boolean, { description: 'Hidden (fewer clients than the minimum cell size).' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: `Clients in the regression. ${hiddenNote}` })
  n!: number | null;

  @Field(() => Float, { nullable: true, description: `Change per minute of treatment, in the measure unit. ${hiddenNote}` })
  slopePerMinute!: number | null;

  @Field(() => Float, { nullable: true, description: `Lower end of its 95% interval (t, n - 2 df). ${hiddenNote}` })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: `Upper end of its 95% interval. ${hiddenNote}` })
  ciHigh!: number | null;
}

@ObjectType('DoseResponse', {
  description: 'Does more treatment go with more change: the outcome by bands of dose, and the slope on minutes.',
})
export class DoseResponseNode {
  @Field(() => [DoseBandNode], { description: 'By total hands-on minutes of the attended visits.' })
  totalMinutes!: DoseBandNode[];

  @Field(() => [DoseBandNode], {
    description: 'By attended visits per week (visits / ((last visit day - first visit day + 7) / 7)).',
  })
  sessionsPerWeek!: DoseBandNode[];

  @Field(() => [DoseBandNode], { description: 'By main modality (most hands-on minutes); NONE when no visit recorded one.' })
  mainModality!: DoseBandNode[];

  @Field(() => DoseSlopeNode, { description: 'Slope of the change on total minutes.' })
  minutesSlope!: DoseSlopeNode;
}

@ObjectType('HistogramBin', {
  description: 'One bin of the histogram of change: clients with from <= change < to (the last bin includes its upper end).',
})
export class HistogramBinNode {
  @Field(() => Float, { description: 'Lower edge, in the measure unit.' })
  from!: number;

  @Field(() => Float, { description: 'Upper edge.' })
  to!: number;

  @Field(() => Boolean, { description: 'Hidden by small-cell suppression.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: `Clients in the bin. ${hiddenNote}` })
  n!: number | null;
}

@ObjectType('MeanCell', { description: 'A mean with its 95% interval (t distribution), over clients.' })
export class MeanCellNode {
  @Field(() => Boolean, { description: 'Hidden by small-cell suppression.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: `Clients. ${hiddenNote}` })
  n!: number | null;

  @Field(() => Float, { nullable: true, description: `Mean. ${hiddenNote}` })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: `Standard deviation (n - 1). ${hiddenNote}` })
  sd!: number | null;

  @Field(() => Float, { nullable: true, description: `Lower end of the 95% interval. ${hiddenNote}` })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: `Upper end of the 95% interval. ${hiddenNote}` })
  ciHigh!: number | null;
}

@ObjectType('VisitMean', { description: 'The mean value at one visit number (attended visits of the series counted from 1).' })
export class VisitMeanNode {
  @Field(() => Int, { description: 'Visit number.' })
  visitNumber!: number;

  @Field(() => MeanCellNode, { description: "Mean of the clients' visit values (pre value, else post; mean over regions and sides)." })
  value!: MeanCellNode;
}

@ObjectType('CohortOutcome', { description: 'Aggregate, de-identified outcomes of one measure in a cohort.' })
export class CohortOutcomeNode {
  @Field(() => String, { description: 'Measure code (a questionnaire score has the instrument code).' })
  measureCode!: string;

  @Field(() => String, { description: 'UCUM unit of values and changes.' })
  unit!: string;

  @Field(() => Int, { description: '+1 when higher is better, -1 when lower is better.' })
  direction!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Threshold in the unit used for responders (an MCID or an MDC: thresholdKind); null when none is published in the unit.',
  })
  mcid!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Relative MCID used for responders where mcid is null, in percent of each series' baseline (FIQR: 14). " +
      'With neither, responder rates are null.',
  })
  mcidPercentOfBaseline!: number | null;

  @Field(() => ThresholdKindEnum, {
    nullable: true,
    description: 'MCID (responders changed as much as clients perceive as important) or MDC (beyond measurement error only).',
  })
  thresholdKind!: ThresholdKind | null;

  @Field(() => Int, { description: 'The minimum cell size k: cells of fewer clients are suppressed.' })
  minCellSize!: number;

  @Field(() => OutcomeCellNode, { description: 'The whole cohort.' })
  overall!: OutcomeCellNode;

  @Field(() => [HistogramBinNode], { description: 'Histogram of change: 20 bins from -(max - min) to +(max - min) of the measure.' })
  histogram!: HistogramBinNode[];

  @Field(() => [VisitMeanNode], {
    description: 'Time course: the mean value per visit number, up to the last visit number with at least the minimum cell size.',
  })
  visits!: VisitMeanNode[];

  @Field(() => MeanCellNode, { description: "Within-session change: the mean over clients of each client's mean post - pre at a visit." })
  withinSession!: MeanCellNode;

  @Field(() => DoseResponseNode, { description: 'Change by dose.' })
  doseResponse!: DoseResponseNode;
}

@ObjectType('CohortDifference', { description: 'Two cohorts compared on one measure.' })
export class DifferenceNode {
  @Field(() => Boolean, { description: 'Hidden: either cohort is suppressed or has fewer than 2 clients.' })
  suppressed!: boolean;

  @Field(() => Float, { nullable: true, description: `Mean change of b - mean change of a. ${hiddenNote}` })
  estimate!: number | null;

  @Field(() => Float, { nullable: true, description: `Lower end of the 95% interval (Welch). ${hiddenNote}` })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: `Upper end of the 95% interval. ${hiddenNote}` })
  ciHigh!: number | null;
}

@ObjectType('CohortComparison', { description: 'Two cohorts compared on one measure: each outcome, and the difference in mean change.' })
export class CohortComparisonNode {
  @Field(() => String, { description: 'Measure code.' })
  measureCode!: string;

  @Field(() => Int, { description: 'The minimum cell size k.' })
  minCellSize!: number;

  @Field(() => OutcomeCellNode, { description: 'Cohort a.' })
  a!: OutcomeCellNode;

  @Field(() => OutcomeCellNode, { description: 'Cohort b.' })
  b!: OutcomeCellNode;

  @Field(() => DifferenceNode, { description: 'Mean change of b minus that of a.' })
  difference!: DifferenceNode;
}
