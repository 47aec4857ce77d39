import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { Client } from './client.entity.js';

export const pressurePreferences = ['LIGHT', 'MODERATE', 'FIRM', 'DEEP'] as const;
export type PressurePreference = (typeof pressurePreferences)[number];
export const painTolerances = ['LOW', 'MODERATE', 'HIGH'] as const;
export type PainTolerance = (typeof painTolerances)[number];
export const complaintOnsets = ['SUDDEN', 'GRADUAL', 'AFTER_INJURY', 'UNKNOWN'] as const;
export type ComplaintOnset = (typeof complaintOnsets)[number];

/** One presenting complaint as stored in `intake.complaints` (jsonb). */
export interface IntakeComplaint {
  description: string;
  onsetDate: string | null;
  onset: ComplaintOnset | null;
}

/**
 * The intake interview before a treatment series. A client may have several
 * (a new intake at each new episode of care); the latest is the current one.
 */
export const Intake = defineEntity({
  name: 'Intake',
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    client: () => p.manyToOne(Client).ref().index(),
    recordedBy: () => p.manyToOne(Therapist).ref(),
    /** When the interview took place (clinical time). */
    takenAt: p.datetime(),
    chiefComplaints: p.text(),
    currentConditions: p.text().nullable(),
    pastConditions: p.text().nullable(),
    medications: p.text().nullable(),
    contraindications: p.array().default([]),
    redFlags: p.array().default([]),
    goals: p.text().nullable(),
    pressurePreference: p.enum(pressurePreferences).nullable(),
    painTolerance: p.enum(painTolerances).nullable(),
    consentToTreatment: p.boolean(),
    consentToTreatmentAt: p.datetime().nullable(),
    researchConsent: p.boolean().default(false),
    researchConsentAt: p.datetime().nullable(),
    complaints: p.json<IntakeComplaint[]>().default('[]'),
    /** Codes of the condition catalog (not foreign keys: a list, checked against the catalog on input). */
    conditionCodes: p.array().default([]),
    consentToShareWithReferrer: p.boolean().default(false),
    consentToShareWithReferrerAt: p.datetime().nullable(),
    /** Set when a clinician has cleared the red flags (e.g. the physician saw the client); the note says how. */
    redFlagsResolvedAt: p.datetime().nullable(),
    redFlagsResolutionNote: p.text().nullable(),
    /** Pregnancy at intake: completed weeks of gestation (1-42); null when the client is not pregnant. */
    gestationWeeks: p.smallint().nullable(),
    /** Whether the obstetric care provider cleared massage; with when and by whom when they did. */
    obstetricClearance: p.boolean().nullable(),
    obstetricClearanceOn: p.date().nullable(),
    obstetricClearanceBy: p.string().length(200).nullable(),
  },
});
export type Intake = InferEntity<typeof Intake>;
