import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { DischargeReasonEnum, SeriesStatusEnum, TreatedSideEnum } from './care.type.js';
import type { TreatedSide } from './treated-region.entity.js';
import type { DischargeReason, SeriesStatus } from './treatment-series.entity.js';

@InputType({ description: 'A new treatment series.' })
export class StartSeriesInput {
  @Field(() => ID, { description: 'The client treated.' })
  clientId!: string;

  @Field(() => String, {
    description: 'Condition code from the condition catalog.',
  })
  conditionCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Goals of the series, up to 4000 characters.',
  })
  goals?: string | null;

  @Field(() => Int, { description: 'Sessions planned, 1-200.' })
  plannedSessions!: number;

  @Field(() => Float, { description: 'Sessions planned per week, 0.25-7.' })
  plannedSessionsPerWeek!: number;

  @Field(() => Int, { description: 'Minutes planned per session, 5-240.' })
  plannedMinutesPerSession!: number;

  @Field(() => LocalDateScalar, {
    description: 'First day of the series; at most a year ahead.',
  })
  startDate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the measure the series is judged by (measure catalog), shown first.',
  })
  headlineMeasureCode?: string | null;
}

@InputType({
  description: 'Changes to the plan of a series; omitted fields stay as they are.',
})
export class UpdateSeriesInput {
  @Field(() => String, {
    nullable: true,
    description: 'Condition code from the condition catalog.',
  })
  conditionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Goals of the series, up to 4000 characters; an empty string clears them.',
  })
  goals?: string | null;

  @Field(() => Int, { nullable: true, description: 'Sessions planned, 1-200.' })
  plannedSessions?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sessions planned per week, 0.25-7.',
  })
  plannedSessionsPerWeek?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes planned per session, 5-240.',
  })
  plannedMinutesPerSession?: number | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day; not after the first recorded session.',
  })
  startDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the measure the series is judged by (measure catalog); an empty string clears it.',
  })
  headlineMeasureCode?: string | null;
}

@InputType({
  description: 'Closing a series: completed as planned or discontinued.',
})
export class CloseSeriesInput {
  @Field(() => SeriesStatusEnum, { description: 'COMPLETED or DISCONTINUED.' })
  status!: SeriesStatus;

  @Field(() => LocalDateScalar, {
    description: 'Last day of the series; not before its start.',
  })
  endDate!: string;

  @Field(() => DischargeReasonEnum, { description: 'Why the series ended.' })
  dischargeReason!: DischargeReason;

  @Field(() => String, {
    nullable: true,
    description: 'Closing summary, up to 4000 characters.',
  })
  dischargeNote?: string | null;
}

@InputType({ description: 'A body region worked on.' })
export class TreatedRegionInput {
  @Field(() => String, { description: 'Body region code.' })
  regionCode!: string;

  @Field(() => TreatedSideEnum, {
    nullable: true,
    description: 'LEFT, RIGHT or BOTH; required for a lateral region.',
  })
  side?: TreatedSide | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes on this region, if recorded.',
  })
  minutes?: number | null;
}
