import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';

/** A clinic is the tenant: every clinical row carries its clinic. */
export const Clinic = defineEntity({
  name: 'Clinic',
  properties: {
    ...baseProperties,
    name: p.string().length(200),
    /** IANA zone used to present clinical times and compute calendar weeks. */
    timeZone: p.string().length(64).default('UTC'),
  },
});
export type Clinic = InferEntity<typeof Clinic>;
