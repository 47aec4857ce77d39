import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { TreatedRegionInput } from '../care/care.input.js';
import { AttendanceEnum, ModalityEnum } from '../care/care.type.js';
import type { Attendance, Modality } from '../care/treatment-session.entity.js';
import { SessionQuestionnaireInput } from '../instruments/instrument.input.js';
import { SessionObservationInput } from '../measures/observation.input.js';

@InputType({
  description: 'A visit, with the values measured before and after it and any questionnaires.',
})
export class RecordSessionInput {
  @Field(() => ID, { description: 'The series this visit belongs to.' })
  seriesId!: string;

  @Field(() => DateTimeScalar, {
    description: 'Start of the visit; not before the series start.',
  })
  startedAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: "The appointment this visit was booked as, if any: its status follows the visit's attendance.",
  })
  appointmentId?: string | null;

  @Field(() => Int, {
    description: 'Hands-on minutes, 1-480 when attended, 0 otherwise.',
  })
  durationMinutes!: number;

  @Field(() => AttendanceEnum, {
    description: 'Attended, cancelled or no-show.',
  })
  attendance!: Attendance;

  @Field(() => [ModalityEnum], {
    nullable: true,
    description: 'Techniques used.',
  })
  modalities?: Modality[] | null;

  @Field(() => [TreatedRegionInput], {
    nullable: true,
    description: 'Regions worked on.',
  })
  regions?: TreatedRegionInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Pressure 1 (very light) to 5 (very deep).',
  })
  pressure?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Subjective notes, up to 8000 characters.',
  })
  subjective?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Objective notes, up to 8000 characters.',
  })
  objective?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Assessment notes, up to 8000 characters.',
  })
  assessment?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Plan notes, up to 8000 characters.',
  })
  plan?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "The therapist has seen the client's unresolved red flags and treats anyway; required (true) for an attended " +
      'visit while any are open.',
  })
  acknowledgeRedFlags?: boolean | null;

  @Field(() => [SessionObservationInput], {
    nullable: true,
    description: 'Values measured before and after the visit.',
  })
  observations?: SessionObservationInput[] | null;

  @Field(() => [SessionQuestionnaireInput], {
    nullable: true,
    description: 'Questionnaires completed at the visit.',
  })
  questionnaireResponses?: SessionQuestionnaireInput[] | null;
}
