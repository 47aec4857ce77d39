import { Field, Float, ID, InputType } from 'type-graphql';
import { ReportedByInput } from '../../common/reporter.input.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

@InputType({ description: 'The answer to one item of a questionnaire.' })
export class AnswerInput {
  @Field(() => String, {
    description: 'Item code, as listed by the instrument.',
  })
  itemCode!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The answer; null when the item was left unanswered.',
  })
  value?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free text for items that take it (the activity named in PSFS).',
  })
  label?: string | null;
}

@InputType({ description: 'A questionnaire completed at a session.' })
export class SessionQuestionnaireInput extends ReportedByInput {
  @Field(() => String, { description: 'Instrument code, e.g. ODI.' })
  instrumentCode!: string;

  @Field(() => [AnswerInput], { description: 'The answers, one per item.' })
  answers!: AnswerInput[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was completed; defaults to the session start.',
  })
  completedAt?: Date | null;
}

@InputType({
  description: 'A questionnaire completed outside a session, or recorded on its own.',
})
export class SubmitQuestionnaireInput extends ReportedByInput {
  @Field(() => ID, { description: 'The client who answered.' })
  clientId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The series it belongs to, if any.',
  })
  seriesId?: string | null;

  @Field(() => String, { description: 'Instrument code, e.g. ODI.' })
  instrumentCode!: string;

  @Field(() => [AnswerInput], { description: 'The answers, one per item.' })
  answers!: AnswerInput[];

  @Field(() => DateTimeScalar, {
    description: 'When it was completed (clinical time).',
  })
  completedAt!: Date;
}
