import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import type { Client } from './client.entity.js';
import { type Sex, sexes } from './client.entity.js';
import { type Intake, type PainTolerance, type PressurePreference, painTolerances, pressurePreferences } from './intake.entity.js';

export const SexEnum = enumOf(sexes);
registerEnumType(SexEnum, {
  name: 'Sex',
  description: 'Administrative sex (FHIR AdministrativeGender).',
});
export const PressurePreferenceEnum = enumOf(pressurePreferences);
registerEnumType(PressurePreferenceEnum, {
  name: 'PressurePreference',
  description: 'Pressure the client prefers.',
});
export const PainToleranceEnum = enumOf(painTolerances);
registerEnumType(PainToleranceEnum, {
  name: 'PainTolerance',
  description: 'How much discomfort the client tolerates during work.',
});

@ObjectType('Client', {
  description: 'A person receiving treatment at the clinic.',
})
export class ClientNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Given (first) name.' })
  givenName!: string;

  @Field(() => String, { description: 'Family (last) name.' })
  familyName!: string;

  @Field(() => String, {
    description: 'Name for display: given then family name.',
  })
  displayName!: string;

  @Field(() => LocalDateScalar, { description: 'Date of birth.' })
  dateOfBirth!: string;

  @Field(() => SexEnum, { description: 'Administrative sex.' })
  sex!: Sex;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  static from(client: Client): ClientNode {
    return Object.assign(new ClientNode(), {
      id: client.id,
      givenName: client.givenName,
      familyName: client.familyName,
      displayName: `${client.givenName} ${client.familyName}`,
      dateOfBirth: client.dateOfBirth,
      sex: client.sex,
      email: client.email ?? null,
      phone: client.phone ?? null,
      createdAt: client.createdAt,
    });
  }
}

@ObjectType('Intake', {
  description: 'The intake interview before treatment: history, safety screening, goals and consent.',
})
export class IntakeNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => DateTimeScalar, {
    description: 'When the interview took place.',
  })
  takenAt!: Date;

  @Field(() => String, {
    description: 'What brings the client, in their words.',
  })
  chiefComplaints!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Current health conditions.',
  })
  currentConditions!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Past health conditions, injuries and surgeries.',
  })
  pastConditions!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Current medications (e.g. anticoagulants matter for pressure).',
  })
  medications!: string | null;

  @Field(() => [String], {
    description: 'Contraindications to massage found at screening.',
  })
  contraindications!: string[];

  @Field(() => [String], {
    description: 'Red flags that need referral or caution.',
  })
  redFlags!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The client's goals for treatment.",
  })
  goals!: string | null;

  @Field(() => PressurePreferenceEnum, {
    nullable: true,
    description: 'Preferred pressure.',
  })
  pressurePreference!: PressurePreference | null;

  @Field(() => PainToleranceEnum, {
    nullable: true,
    description: 'Tolerance of discomfort during work.',
  })
  painTolerance!: PainTolerance | null;

  @Field(() => Boolean, {
    description: 'Informed consent to treatment was given.',
  })
  consentToTreatment!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When consent to treatment was given.',
  })
  consentToTreatmentAt!: Date | null;

  @Field(() => Boolean, {
    description: 'Consent to use de-identified outcomes for research.',
  })
  researchConsent!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When research consent was given.',
  })
  researchConsentAt!: Date | null;

  /** The client interviewed (for the audit trail; not a field). */
  clientId!: string;

  static from(intake: Intake): IntakeNode {
    return Object.assign(new IntakeNode(), {
      id: intake.id,
      takenAt: intake.takenAt,
      chiefComplaints: intake.chiefComplaints,
      currentConditions: intake.currentConditions ?? null,
      pastConditions: intake.pastConditions ?? null,
      medications: intake.medications ?? null,
      contraindications: intake.contraindications,
      redFlags: intake.redFlags,
      goals: intake.goals ?? null,
      pressurePreference: intake.pressurePreference ?? null,
      painTolerance: intake.painTolerance ?? null,
      consentToTreatment: intake.consentToTreatment,
      consentToTreatmentAt: intake.consentToTreatmentAt ?? null,
      researchConsent: intake.researchConsent,
      researchConsentAt: intake.researchConsentAt ?? null,
      clientId: intake.client.id,
    });
  }
}

@ObjectType({ description: 'An edge of a client page.' })
export class ClientEdge {
  @Field(() => String, {
    description: 'Opaque cursor of this client, for `after`.',
  })
  cursor!: string;

  @Field(() => ClientNode, { description: 'The client.' })
  node!: ClientNode;
}

@ObjectType({ description: 'Where a page stands in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: "A page of the clinic's clients." })
export class ClientConnection {
  @Field(() => [ClientEdge], { description: 'The clients of this page.' })
  edges!: ClientEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: 'Number of clients matching the search, over all pages.',
  })
  totalCount!: number;
}
