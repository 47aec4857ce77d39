import { Field, ObjectType } from 'type-graphql';
import type { ConditionDefinition } from './condition-catalog.js';

@ObjectType('Condition', {
  description: 'A condition treated with massage, from the condition catalog.',
})
export class ConditionNode {
  @Field(() => String, { description: 'Stable code, e.g. NECK_PAIN.' })
  code!: string;

  @Field(() => String, { description: 'Name for display.' })
  name!: string;

  @Field(() => String, { description: 'WHO ICD-10 code.' })
  icd10!: string;

  @Field(() => String, {
    description: 'What the condition is and why its headline measure was chosen.',
  })
  description!: string;

  @Field(() => String, {
    description: 'Measure code a therapist looks at first for this condition.',
  })
  headlineMeasureCode!: string;

  @Field(() => [String], { description: 'Measure codes worth recording.' })
  suggestedMeasureCodes!: string[];

  @Field(() => [String], {
    description: 'Instrument codes worth administering.',
  })
  suggestedInstrumentCodes!: string[];

  static from(condition: ConditionDefinition): ConditionNode {
    return Object.assign(new ConditionNode(), condition);
  }
}
