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
    /** BCP 47 locale for dates and numbers on the clinic's pages and documents. */
    locale: p.string().length(35).default('en-CA'),
    /** Caseload: flag "no meaningful change" once a series has this many attended sessions. */
    noChangeAfterSessions: p.smallint().default(6),
    /** When the clinic's admin opted in to research (its consenting clients then count); null: not taking part. */
    researchOptedInAt: p.datetime().nullable(),
    /** Whether the clinic's client accounts may make personal API tokens (off until an admin turns it on). */
    clientApiTokensAllowed: p.boolean().default(false),
  },
});
export type Clinic = InferEntity<typeof Clinic>;
