import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { PregnancyCaution, PregnancyCautionKind } from './pregnancy-cautions.js';

const PregnancyCautionKindEnum = {
  RED_FLAG: 'RED_FLAG',
  CONTRAINDICATION: 'CONTRAINDICATION',
} as const satisfies Record<PregnancyCautionKind, PregnancyCautionKind>;
registerEnumType(PregnancyCautionKindEnum, {
  name: 'PregnancyCautionKind',
  description: 'RED_FLAG: stop and refer the same day; CONTRAINDICATION: treat only with obstetric clearance, adapting the work.',
});

@ObjectType('PregnancyCaution', { description: 'A red flag or contraindication to massage in pregnancy, from the catalog.' })
export class PregnancyCautionNode {
  @Field(() => String, { description: 'Stable code, e.g. PLACENTA_PREVIA.' })
  code!: string;

  @Field(() => PregnancyCautionKindEnum, { description: 'Red flag or contraindication.' })
  kind!: PregnancyCautionKind;

  @Field(() => String, { description: "The entry as it goes into the intake's list." })
  text!: string;

  static from(caution: PregnancyCaution): PregnancyCautionNode {
    return Object.assign(new PregnancyCautionNode(), caution);
  }
}
