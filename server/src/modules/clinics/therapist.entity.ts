import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Clinic } from './clinic.entity.js';

export const Therapist = defineEntity({
  name: 'Therapist',
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref().index(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    /** Professional registration / licence number, e.g. a state LMT number. */
    registrationNumber: p.string().length(50).nullable(),
    email: p.string().length(254).nullable(),
  },
});
export type Therapist = InferEntity<typeof Therapist>;
