import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

export const withheldReasons = ['NO_VALUES', 'NO_MODEL', 'FEW_SIMILAR_CLIENTS'] as const;
export const WithheldReasonEnum = enumOf(withheldReasons);
registerEnumType(WithheldReasonEnum, {
  name: 'ExpectedChangeWithheld',
  description: 'Why a series has no expected-change band.',
  valuesConfig: {
    NO_VALUES: { description: 'The series has no value of the measure at a visit (no baseline).' },
    NO_MODEL: { description: 'No model is fitted for the condition and measure (too little research data).' },
    FEW_SIMILAR_CLIENTS: {
      description: 'Fewer than the minimum cell size k of clients in the model started in the same tenth of the measure range.',
    },
  },
});

@ObjectType('ExpectedChangePoint', { description: 'Expected change from baseline at one visit, with the band.' })
export class ExpectedChangePointNode {
  @Field(() => Int, { description: 'Visit number (attended visits of the series, from 1).' })
  visit!: number;

  @Field(() => Float, { description: 'Expected change from baseline, in the measure unit (signed like progress change).' })
  change!: number;

  @Field(() => Float, { description: 'Lower end of the 80% prediction interval of the change.' })
  low!: number;

  @Field(() => Float, { description: 'Upper end of the 80% prediction interval of the change.' })
  high!: number;
}

@ObjectType('ExpectedChange', {
  description:
    'What clients like this one achieved: same condition and measure, similar baseline; from the research population ' +
    '(docs/expected-change.md). Withheld when the model has fewer than k similar clients.',
})
export class ExpectedChangeNode {
  @Field(() => String, { description: 'The measure.' })
  measureCode!: string;

  @Field(() => WithheldReasonEnum, { nullable: true, description: 'Why there is no band; null when there is one.' })
  withheldReason!: (typeof withheldReasons)[number] | null;

  @Field(() => Float, { nullable: true, description: "The series' first value of the measure at a visit; null without one." })
  baseline!: number | null;

  @Field(() => Int, { nullable: true, description: 'Visit number of the baseline value.' })
  baselineVisit!: number | null;

  @Field(() => [ExpectedChangePointNode], { description: 'The band at each later visit the model covers; empty when withheld.' })
  points!: ExpectedChangePointNode[];

  @Field(() => String, { nullable: true, description: 'The band at the planned last visit in one sentence; null when withheld.' })
  sentence!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Actual minus expected change at the latest visit, in the measure unit (signed like change: for a measure where lower is ' +
      'better, negative is better than expected). Null when withheld or the latest visit is the baseline or past the model.',
  })
  performance!: number | null;

  @Field(() => Int, { nullable: true, description: 'Visit number of the latest value.' })
  latestVisit!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the model was fitted; null when there is none.' })
  fittedAt!: Date | null;
}

@ObjectType('ExpectedChangeModel', {
  description:
    'The expected-change model of one condition and measure, as researchers see it: change = intercept + baselineCoef x baseline ' +
    '+ visitCoef x visit. Suppressed (every number null) under the minimum cell size.',
})
export class ExpectedChangeModelNode {
  @Field(() => String, { description: 'Condition code of the condition catalog.' })
  conditionCode!: string;

  @Field(() => String, { description: 'Measure code of the measure catalog.' })
  measureCode!: string;

  @Field(() => Boolean, { description: 'Fewer clients than the minimum cell size: every number is null.' })
  suppressed!: boolean;

  @Field(() => Int, { nullable: true, description: 'Clients fitted (perturbed like every research count).' })
  clients!: number | null;

  @Field(() => Float, { nullable: true, description: 'Expected change at baseline 0 and visit 0 (the constant of the model).' })
  intercept!: number | null;

  @Field(() => Float, { nullable: true, description: 'Change per unit of baseline.' })
  baselineCoef!: number | null;

  @Field(() => Float, { nullable: true, description: 'Change per visit.' })
  visitCoef!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of the variance of change the model explains.' })
  rSquared!: number | null;

  @Field(() => Float, { nullable: true, description: 'Residual standard deviation (n - 3 df), in the measure unit.' })
  residualSd!: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest visit number fitted; the model does not extrapolate past it.' })
  maxVisit!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Mean over the fitted clients of actual minus expected change at each one's latest visit (perturbed).",
  })
  performanceMean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Standard deviation of that performance (perturbed).' })
  performanceSd!: number | null;

  @Field(() => DateTimeScalar, { description: 'When the model was fitted.' })
  fittedAt!: Date;
}

@ObjectType('ExpectedChangeRefit', { description: 'The outcome of a refit.' })
export class ExpectedChangeRefitNode {
  @Field(() => Int, { description: 'Models (condition and measure) stored.' })
  models!: number;

  @Field(() => DateTimeScalar, { description: 'When the models were fitted.' })
  fittedAt!: Date;
}
