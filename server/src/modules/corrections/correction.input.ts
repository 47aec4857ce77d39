import { Field, Float, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { SideEnum } from '../body-regions/body-region.type.js';
import type { Side } from '../body-regions/body-region-catalog.js';
import { TreatedRegionInput } from '../care/care.input.js';
import { ModalityEnum } from '../care/care.type.js';
import type { Modality } from '../care/treatment-session.entity.js';
import { AnswerInput } from '../instruments/instrument.input.js';

const reason = 'Why the record is corrected (required, up to 2000 characters).';

@InputType({ description: 'Corrections to a measured value; omitted fields stay as they are. Checked like a new value.' })
export class AmendObservationInput {
  @Field(() => Float, { nullable: true, description: "The value, in the measure's unit and within its valid range." })
  value?: number | null;

  @Field(() => String, { nullable: true, description: 'Body region code.' })
  regionCode?: string | null;

  @Field(() => SideEnum, { nullable: true, description: 'Side.' })
  side?: Side | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was measured (clinical time).' })
  takenAt?: Date | null;

  @Field(() => String, { description: reason })
  reason!: string;
}

@InputType({ description: 'The corrected answers of a questionnaire; the server scores them again by the same rules.' })
export class AmendQuestionnaireResponseInput {
  @Field(() => [AnswerInput], { description: 'All the answers, one per item, as they should have been recorded.' })
  answers!: AnswerInput[];

  @Field(() => String, { description: reason })
  reason!: string;
}

@InputType({
  description: 'Corrections to a visit; omitted fields stay as they are (an empty note clears it). Checked like a new visit.',
})
export class AmendSessionInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Start of the visit.' })
  startedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Hands-on minutes.' })
  durationMinutes?: number | null;

  @Field(() => [ModalityEnum], { nullable: true, description: 'Techniques used (replaces the list).' })
  modalities?: Modality[] | null;

  @Field(() => [TreatedRegionInput], { nullable: true, description: 'Regions worked on (replaces the list).' })
  regions?: TreatedRegionInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Pressure 1 (very light) to 5 (very deep).' })
  pressure?: number | null;

  @Field(() => String, { nullable: true, description: 'Subjective notes, up to 8000 characters.' })
  subjective?: string | null;

  @Field(() => String, { nullable: true, description: 'Objective notes, up to 8000 characters.' })
  objective?: string | null;

  @Field(() => String, { nullable: true, description: 'Assessment notes, up to 8000 characters.' })
  assessment?: string | null;

  @Field(() => String, { nullable: true, description: 'Plan notes, up to 8000 characters.' })
  plan?: string | null;

  @Field(() => String, { description: reason })
  reason!: string;
}
