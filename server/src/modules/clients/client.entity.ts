import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Clinic } from '../clinics/clinic.entity.js';

/** Administrative sex, with the value set of FHIR `AdministrativeGender`. */
export const sexes = ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] as const;
export type Sex = (typeof sexes)[number];

/** Who sent the client: the client themself or another clinician. */
export const referralSources = ['SELF', 'PHYSICIAN', 'PHYSIOTHERAPIST', 'CHIROPRACTOR', 'OTHER'] as const;
export type ReferralSource = (typeof referralSources)[number];

/** A person receiving treatment (a "patient" in FHIR terms). */
export const Client = defineEntity({
  name: 'Client',
  indexes: [{ properties: ['clinic', 'familyName', 'givenName', 'id'] }],
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    dateOfBirth: p.date(),
    sex: p.enum(sexes),
    email: p.string().length(254).nullable(),
    phone: p.string().length(40).nullable(),
    /** BCP 47 language tag in canonical form, e.g. `fr-CA`. */
    preferredLanguage: p.string().length(35).nullable(),
    // The current referral (one per client; a new one replaces it). No source means no referral.
    referralSource: p.enum(referralSources).nullable(),
    referralClinicianName: p.string().length(200).nullable(),
    referralOrganisation: p.string().length(200).nullable(),
    /** Free text: phone, email or address of the referrer. */
    referralContact: p.string().length(500).nullable(),
    referralReason: p.text().nullable(),
    referredOn: p.date().nullable(),
    /**
     * Research key of the cell-key method (ABS TableBuilder; Fraser & Wooton 2005): a fixed random
     * number in [0, 2^32) drawn by PostgreSQL when the row is written, summed over a cell's members to
     * make that cell's noise (research/perturbation.ts). Never loaded by the ORM, never output.
     */
    // As PostgreSQL prints `floor(random() * 4294967296)::bigint` back (so the schema diff sees no change).
    researchKey: p.bigint('number').defaultRaw(`(floor((random() * ('4294967296'::bigint)::double precision)))::bigint`).lazy(),
  },
});
export type Client = InferEntity<typeof Client>;
