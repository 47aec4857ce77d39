import { Field, InputType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import type { Sex } from './client.entity.js';
import { PainToleranceEnum, PressurePreferenceEnum, SexEnum } from './client.type.js';
import type { PainTolerance, PressurePreference } from './intake.entity.js';

@InputType({ description: 'A new client.' })
export class CreateClientInput {
  @Field(() => String, { description: 'Given (first) name, 1-100 characters.' })
  givenName!: string;

  @Field(() => String, { description: 'Family (last) name, 1-100 characters.' })
  familyName!: string;

  @Field(() => LocalDateScalar, {
    description: 'Date of birth, not in the future.',
  })
  dateOfBirth!: string;

  @Field(() => SexEnum, { description: 'Administrative sex.' })
  sex!: Sex;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number, up to 40 characters.',
  })
  phone?: string | null;
}

@InputType({
  description: 'Changes to a client; omitted fields stay as they are.',
})
export class UpdateClientInput {
  @Field(() => String, {
    nullable: true,
    description: 'Given (first) name, 1-100 characters.',
  })
  givenName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Family (last) name, 1-100 characters.',
  })
  familyName?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Date of birth, not in the future.',
  })
  dateOfBirth?: string | null;

  @Field(() => SexEnum, { nullable: true, description: 'Administrative sex.' })
  sex?: Sex | null;

  @Field(() => String, {
    nullable: true,
    description: 'Email address; an empty string clears it.',
  })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number; an empty string clears it.',
  })
  phone?: string | null;
}

@InputType({ description: 'An intake interview.' })
export class RecordIntakeInput {
  @Field(() => DateTimeScalar, {
    description: 'When the interview took place.',
  })
  takenAt!: Date;

  @Field(() => String, {
    description: 'What brings the client, up to 4000 characters.',
  })
  chiefComplaints!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Current health conditions, up to 4000 characters.',
  })
  currentConditions?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Past conditions, injuries, surgeries, up to 4000 characters.',
  })
  pastConditions?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Current medications, up to 4000 characters.',
  })
  medications?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Contraindications found at screening, each up to 200 characters.',
  })
  contraindications?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Red flags, each up to 200 characters.',
  })
  redFlags?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "The client's goals, up to 4000 characters.",
  })
  goals?: string | null;

  @Field(() => PressurePreferenceEnum, {
    nullable: true,
    description: 'Preferred pressure.',
  })
  pressurePreference?: PressurePreference | null;

  @Field(() => PainToleranceEnum, {
    nullable: true,
    description: 'Tolerance of discomfort.',
  })
  painTolerance?: PainTolerance | null;

  @Field(() => Boolean, {
    description: 'Informed consent to treatment was given.',
  })
  consentToTreatment!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Consent to research use of de-identified outcomes (default false).',
  })
  researchConsent?: boolean | null;
}
