import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { MeasureDefinition, MeasureDirection, MeasureKind, ThresholdKind } from './measure-definition.js';

export const MeasureKindEnum = {
  PAIN: 'PAIN',
  RANGE_OF_MOTION: 'RANGE_OF_MOTION',
  FLEXIBILITY: 'FLEXIBILITY',
  STRENGTH: 'STRENGTH',
  QUESTIONNAIRE: 'QUESTIONNAIRE',
  DIARY: 'DIARY',
} as const satisfies Record<MeasureKind, MeasureKind>;
registerEnumType(MeasureKindEnum, {
  name: 'MeasureKind',
  description: 'What a measure quantifies.',
});

export const MeasureDirectionEnum = {
  HIGHER_IS_BETTER: 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER: 'LOWER_IS_BETTER',
} as const satisfies Record<MeasureDirection, MeasureDirection>;
registerEnumType(MeasureDirectionEnum, {
  name: 'MeasureDirection',
  description: 'Which way is improvement.',
});

export const ThresholdKindEnum = {
  MCID: 'MCID',
  MDC: 'MDC',
} as const satisfies Record<ThresholdKind, ThresholdKind>;
registerEnumType(ThresholdKindEnum, {
  name: 'ThresholdKind',
  description: "What a measure's change threshold is.",
  valuesConfig: {
    MCID: { description: 'Minimal clinically important difference: a change clients perceive as important.' },
    MDC: { description: 'Minimal detectable change: a change beyond measurement error, not shown to matter to the client.' },
  },
});

@ObjectType('SeverityBand', {
  description: 'A labelled interpretation band of a score.',
})
export class SeverityBandNode {
  @Field(() => Float, { description: 'Lowest value of the band (inclusive).' })
  min!: number;

  @Field(() => Float, { description: 'Highest value of the band (inclusive).' })
  max!: number;

  @Field(() => String, {
    description: 'What the band means, e.g. "moderate disability".',
  })
  label!: string;
}

@ObjectType('Measure', {
  description: 'An entry of the measure catalog: what a value may be and what change matters.',
})
export class MeasureNode {
  @Field(() => String, { description: 'Stable code, e.g. NPRS.' })
  code!: string;

  @Field(() => String, { description: 'Name for display.' })
  name!: string;

  @Field(() => String, { description: 'What is measured and how.' })
  description!: string;

  @Field(() => MeasureKindEnum, { description: 'What the measure quantifies.' })
  kind!: MeasureKind;

  @Field(() => String, {
    nullable: true,
    description: 'LOINC code, where one exists.',
  })
  loinc!: string | null;

  @Field(() => String, { description: 'UCUM unit code.' })
  unit!: string;

  @Field(() => String, { description: 'Unit as shown to a person.' })
  unitLabel!: string;

  @Field(() => Float, { description: 'Lowest valid value.' })
  min!: number;

  @Field(() => Float, { description: 'Highest valid value.' })
  max!: number;

  @Field(() => Int, { description: 'Decimal places accepted.' })
  decimals!: number;

  @Field(() => MeasureDirectionEnum, {
    description: 'Which way is improvement.',
  })
  direction!: MeasureDirection;

  @Field(() => Boolean, {
    description: 'A value names the body region it is about.',
  })
  requiresRegion!: boolean;

  @Field(() => Boolean, { description: 'A value names the side it is about.' })
  requiresSide!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'Change threshold in the unit: the minimal clinically important difference, or the minimal detectable change where ' +
      'only that is published (thresholdKind); null when none is published in the unit.',
  })
  mcid!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "A relative MCID, in percent of the series' baseline (FIQR: 14), used where mcid is null.",
  })
  mcidPercentOfBaseline!: number | null;

  @Field(() => ThresholdKindEnum, { nullable: true, description: 'Whether the threshold is an MCID or an MDC; null when there is none.' })
  thresholdKind!: ThresholdKind | null;

  @Field(() => String, { description: 'Source of the threshold.' })
  mcidCitation!: string;

  @Field(() => [SeverityBandNode], {
    description: 'Interpretation bands, where published.',
  })
  severityBands!: SeverityBandNode[];

  static from(measure: MeasureDefinition): MeasureNode {
    return Object.assign(new MeasureNode(), { mcidPercentOfBaseline: null }, measure);
  }
}
