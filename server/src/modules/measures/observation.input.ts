import { Field, Float, ID, InputType } from 'type-graphql';
import { ReportedByInput } from '../../common/reporter.input.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { SideEnum } from '../body-regions/body-region.type.js';
import type { Side } from '../body-regions/body-region-catalog.js';
import { ObservationContextEnum } from './observation.type.js';
import { type ObservationContext, observationNoteLength } from './observation-values.js';

/** What is measured, shared by both ways of recording a value. */
@InputType({
  description: 'What is measured (a base of the observation inputs; not used on its own).',
})
class MeasuredValueInput extends ReportedByInput {
  @Field(() => String, {
    description: 'Code of the measure in the measure catalog, e.g. NPRS.',
  })
  measureCode!: string;

  @Field(() => Float, {
    description: "The value, in the measure's unit and within its valid range.",
  })
  value!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Body region code; required when the measure needs a region.',
  })
  regionCode?: string | null;

  @Field(() => SideEnum, {
    nullable: true,
    description: 'Side; required for a lateral region or a one-sided measure.',
  })
  side?: Side | null;
}

@InputType({
  description: 'A value measured during a session, recorded together with the session.',
})
export class SessionObservationInput extends MeasuredValueInput {
  @Field(() => ObservationContextEnum, {
    description: 'PRE_SESSION or POST_SESSION.',
  })
  context!: ObservationContext;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was measured; defaults to the session start (pre) or end (post).',
  })
  takenAt?: Date | null;
}

@InputType({
  description: 'A single measured value, e.g. pain the client reports between sessions.',
})
export class RecordObservationInput extends MeasuredValueInput {
  @Field(() => ID, { description: 'The client measured.' })
  clientId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The treatment series it belongs to, if any.',
  })
  seriesId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The session it was taken at, if any (then context is PRE_SESSION or POST_SESSION).',
  })
  sessionId?: string | null;

  @Field(() => ObservationContextEnum, {
    description: 'When in the course of care it was taken.',
  })
  context!: ObservationContext;

  @Field(() => DateTimeScalar, {
    description:
      "When it was measured (clinical time, not entry time). A client's own diary entry is for now or earlier today or " +
      "yesterday in the clinic's time zone, never the future.",
  })
  takenAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: `A short note, up to ${observationNoteLength} characters (e.g. "after gardening"); blank is no note.`,
  })
  note?: string | null;
}
