import { Field, ID, ObjectType } from 'type-graphql';
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

  static from(clinic: Clinic): ClinicNode {
    return Object.assign(new ClinicNode(), {
      id: clinic.id,
      name: clinic.name,
      timeZone: clinic.timeZone,
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

@ObjectType('Viewer', { description: 'Who is calling, and for which clinic.' })
export class ViewerNode {
  @Field(() => TherapistNode, { description: 'The therapist acting.' })
  therapist!: TherapistNode;

  @Field(() => ClinicNode, { description: 'Their clinic.' })
  clinic!: ClinicNode;
}
