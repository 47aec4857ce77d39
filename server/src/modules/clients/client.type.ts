import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { DateTimeScalar, LocalDateScalar } from '../../graphql/scalars.js';
import type { Client } from './client.entity.js';
import { type ReferralSource, referralSources, type Sex, sexes } from './client.entity.js';
import {
  type ComplaintOnset,
  complaintOnsets,
  type Intake,
  type PainTolerance,
  type PressurePreference,
  painTolerances,
  pressurePreferences,
} from './intake.entity.js';

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

export const ReferralSourceEnum = enumOf(referralSources);
registerEnumType(ReferralSourceEnum, {
  name: 'ReferralSource',
  description: 'Who referred the client: themself (SELF) or another clinician.',
});
export const ComplaintOnsetEnum = enumOf(complaintOnsets);
registerEnumType(ComplaintOnsetEnum, {
  name: 'ComplaintOnset',
  description: 'How a complaint began.',
});

/** What a client's answer is made of: the entity's plain columns, from a tracked entity or a lean read (client.reads.ts). */
export type ClientFields = Pick<
  Client,
  | 'id'
  | 'givenName'
  | 'familyName'
  | 'dateOfBirth'
  | 'sex'
  | 'email'
  | 'phone'
  | 'preferredLanguage'
  | 'referralSource'
  | 'referralClinicianName'
  | 'referralOrganisation'
  | 'referralContact'
  | 'referralReason'
  | 'referredOn'
  | 'createdAt'
>;

@ObjectType('Referral', { description: "The client's current referral: who sent them and why." })
export class ReferralNode {
  @Field(() => ReferralSourceEnum, { description: 'Who referred the client.' })
  source!: ReferralSource;

  @Field(() => String, { nullable: true, description: 'The referring clinician (null for a self-referral without one).' })
  clinicianName!: string | null;

  @Field(() => String, { nullable: true, description: 'Practice or organisation of the referrer.' })
  organisation!: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the referrer: phone, email or address, as written.' })
  contact!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the client was referred.' })
  reason!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the referral.' })
  referredOn!: string | null;

  /** The client's referral, or null when no source is recorded. */
  static from(client: ClientFields): ReferralNode | null {
    if (!client.referralSource) return null;
    return Object.assign(new ReferralNode(), {
      source: client.referralSource,
      clinicianName: client.referralClinicianName ?? null,
      organisation: client.referralOrganisation ?? null,
      contact: client.referralContact ?? null,
      reason: client.referralReason ?? null,
      referredOn: client.referredOn ?? null,
    });
  }
}

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

  @Field(() => String, { nullable: true, description: 'Preferred language, a BCP 47 tag such as `en` or `fr-CA`.' })
  preferredLanguage!: string | null;

  @Field(() => ReferralNode, { nullable: true, description: 'The current referral; null when none is recorded.' })
  referral!: ReferralNode | null;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  static from(client: ClientFields): ClientNode {
    return Object.assign(new ClientNode(), {
      id: client.id,
      givenName: client.givenName,
      familyName: client.familyName,
      displayName: `${client.givenName} ${client.familyName}`,
      dateOfBirth: client.dateOfBirth,
      sex: client.sex,
      email: client.email ?? null,
      phone: client.phone ?? null,
      preferredLanguage: client.preferredLanguage ?? null,
      referral: ReferralNode.from(client),
      createdAt: client.createdAt,
    });
  }
}

@ObjectType('IntakeComplaint', { description: 'A presenting complaint: what, since when, how it began.' })
export class IntakeComplaintNode {
  @Field(() => String, { description: 'The complaint in the client’s words.' })
  description!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it began, as far as known.' })
  onsetDate!: string | null;

  @Field(() => ComplaintOnsetEnum, { nullable: true, description: 'How it began.' })
  onset!: ComplaintOnset | null;

  /** The intake's interview time and clinic, from which `durationWeeks` is counted (not fields). */
  takenAt!: Date;
  clinicId!: string;
}

@ObjectType('Pregnancy', { description: 'Pregnancy at intake: weeks of gestation and obstetric clearance for massage.' })
export class PregnancyNode {
  @Field(() => Int, { description: 'Completed weeks of gestation at the interview, 1-42.' })
  gestationWeeks!: number;

  @Field(() => Boolean, { description: 'The obstetric care provider cleared massage.' })
  obstetricClearance!: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When clearance was given.' })
  clearedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Who gave clearance.' })
  clearedBy!: string | null;
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

  @Field(() => [IntakeComplaintNode], { description: 'Presenting complaints with their onset.' })
  complaints!: IntakeComplaintNode[];

  @Field(() => [String], { description: 'Codes of the conditions found, from the condition catalog.' })
  conditionCodes!: string[];

  @Field(() => Boolean, { description: 'The client agreed that the clinic reports back to the referrer.' })
  consentToShareWithReferrer!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When consent to share with the referrer was given.' })
  consentToShareWithReferrerAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When a clinician marked the red flags resolved (null while they are open).',
  })
  redFlagsResolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'How the red flags were resolved, e.g. "cleared by Dr Roy, 2026-11-30".' })
  redFlagsResolutionNote!: string | null;

  @Field(() => PregnancyNode, { nullable: true, description: 'Pregnancy at intake; null when the client was not pregnant.' })
  pregnancy!: PregnancyNode | null;

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
      complaints: intake.complaints.map((complaint) =>
        Object.assign(new IntakeComplaintNode(), {
          description: complaint.description,
          onsetDate: complaint.onsetDate ?? null,
          onset: complaint.onset ?? null,
          takenAt: intake.takenAt,
          clinicId: intake.clinic.id,
        }),
      ),
      conditionCodes: intake.conditionCodes,
      consentToShareWithReferrer: intake.consentToShareWithReferrer,
      consentToShareWithReferrerAt: intake.consentToShareWithReferrerAt ?? null,
      redFlagsResolvedAt: intake.redFlagsResolvedAt ?? null,
      redFlagsResolutionNote: intake.redFlagsResolutionNote ?? null,
      pregnancy:
        intake.gestationWeeks === null || intake.gestationWeeks === undefined
          ? null
          : Object.assign(new PregnancyNode(), {
              gestationWeeks: intake.gestationWeeks,
              obstetricClearance: intake.obstetricClearance ?? false,
              clearedOn: intake.obstetricClearanceOn ?? null,
              clearedBy: intake.obstetricClearanceBy ?? null,
            }),
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

  /** Counts the clients matching the search over all pages; run only when `totalCount` is asked for (client.resolver.ts). */
  countAll!: () => Promise<number>;
}
