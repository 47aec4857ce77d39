import { Field, InputType, Int } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import type { ReferralSource, Sex } from './client.entity.js';
import { ComplaintOnsetEnum, PainToleranceEnum, PressurePreferenceEnum, ReferralSourceEnum, SexEnum } from './client.type.js';
import type { ComplaintOnset, PainTolerance, PressurePreference } from './intake.entity.js';

@InputType({ description: "The client's referral; it replaces any earlier one." })
export class ReferralInput {
  @Field(() => ReferralSourceEnum, { description: 'Who referred the client.' })
  source!: ReferralSource;

  @Field(() => String, {
    nullable: true,
    description: 'The referring clinician, up to 200 characters; required unless the source is SELF.',
  })
  clinicianName?: string | null;

  @Field(() => String, { nullable: true, description: 'Practice or organisation of the referrer, up to 200 characters.' })
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone, email or address of the referrer, up to 500 characters.' })
  contact?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the client was referred, up to 4000 characters.' })
  reason?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the referral; not in the future.' })
  referredOn?: string | null;
}

@InputType({ description: 'A presenting complaint.' })
export class IntakeComplaintInput {
  @Field(() => String, { description: 'The complaint, 1-500 characters.' })
  description!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it began; not after the interview.' })
  onsetDate?: string | null;

  @Field(() => ComplaintOnsetEnum, { nullable: true, description: 'How it began.' })
  onset?: ComplaintOnset | null;
}

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

  @Field(() => String, { nullable: true, description: 'Preferred language, a BCP 47 tag such as `en` or `fr-CA`.' })
  preferredLanguage?: string | null;

  @Field(() => ReferralInput, { nullable: true, description: 'Who referred the client, if anyone.' })
  referral?: ReferralInput | null;
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

  @Field(() => String, {
    nullable: true,
    description: 'Preferred language, a BCP 47 tag such as `en` or `fr-CA`; an empty string clears it.',
  })
  preferredLanguage?: string | null;

  @Field(() => ReferralInput, { nullable: true, description: 'A new current referral; null or absent leaves the referral unchanged.' })
  referral?: ReferralInput | null;
}

@InputType({ description: 'Pregnancy at intake: weeks of gestation and whether the obstetric care provider cleared massage.' })
export class PregnancyInput {
  @Field(() => Int, { description: 'Completed weeks of gestation, 1-42.' })
  gestationWeeks!: number;

  @Field(() => Boolean, { description: 'The obstetric care provider (midwife, obstetrician, GP) cleared massage.' })
  obstetricClearance!: boolean;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When clearance was given; required with clearance, not after the interview.',
  })
  clearedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who gave clearance (name and role), up to 200 characters; required with clearance.',
  })
  clearedBy?: string | null;
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

  @Field(() => [IntakeComplaintInput], { nullable: true, description: 'Presenting complaints with their onset, at most 20.' })
  complaints?: IntakeComplaintInput[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes of the conditions found, from the condition catalog.' })
  conditionCodes?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The client agrees that the clinic reports back to the referrer (default false).',
  })
  consentToShareWithReferrer?: boolean | null;

  @Field(() => PregnancyInput, { nullable: true, description: 'Set when the client is pregnant; null or absent when not.' })
  pregnancy?: PregnancyInput | null;
}
