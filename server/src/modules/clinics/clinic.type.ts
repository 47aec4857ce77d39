import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../common/enum-of.js';
import { roles } from '../../common/viewer.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import type { Clinic } from './clinic.entity.js';
import type { Therapist } from './therapist.entity.js';

@ObjectType('Clinic', {
  description: 'A clinic: the organisation whose records these are.',
})
export class ClinicNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Name for display.' })
  name!: string;

  @Field(() => String, {
    description: 'IANA time zone in which its calendar days are counted.',
  })
  timeZone!: string;

  @Field(() => String, { description: 'BCP 47 locale for dates and numbers, e.g. en-CA.' })
  locale!: string;

  @Field(() => Int, {
    description: 'Caseload: a series is flagged "no meaningful change" once it has this many attended sessions without reaching the MCID.',
  })
  noChangeAfterSessions!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the clinic opted in to research (its consenting clients count in research); null: it does not take part.',
  })
  researchParticipationSince!: Date | null;

  @Field(() => Boolean, { description: "Whether the clinic's client accounts may make personal API tokens." })
  clientApiTokensAllowed!: boolean;

  static from(clinic: Clinic): ClinicNode {
    return Object.assign(new ClinicNode(), {
      id: clinic.id,
      name: clinic.name,
      timeZone: clinic.timeZone,
      locale: clinic.locale,
      noChangeAfterSessions: clinic.noChangeAfterSessions,
      researchParticipationSince: clinic.researchOptedInAt ?? null,
      clientApiTokensAllowed: clinic.clientApiTokensAllowed,
    });
  }
}

@ObjectType('Therapist', { description: 'A massage therapist of a clinic.' })
export class TherapistNode {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Given (first) name.' })
  givenName!: string;

  @Field(() => String, { description: 'Family (last) name.' })
  familyName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Professional registration or licence number.',
  })
  registrationNumber!: string | null;

  static from(therapist: Therapist): TherapistNode {
    return Object.assign(new TherapistNode(), {
      id: therapist.id,
      givenName: therapist.givenName,
      familyName: therapist.familyName,
      registrationNumber: therapist.registrationNumber ?? null,
    });
  }
}

export const RoleEnum = enumOf(roles);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'ADMIN runs a clinic, THERAPIST treats its clients, CLIENT sees their own care, RESEARCHER sees aggregates only.',
});
