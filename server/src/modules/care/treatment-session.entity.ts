import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { recordStatuses } from '../../common/record-status.js';
import { baseProperties } from '../../db/base-properties.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { TreatmentSeries } from './treatment-series.entity.js';

export const attendances = ['ATTENDED', 'CANCELLED', 'NO_SHOW'] as const;
export type Attendance = (typeof attendances)[number];

export const modalities = [
  'SWEDISH',
  'DEEP_TISSUE',
  'TRIGGER_POINT',
  'MYOFASCIAL_RELEASE',
  'SPORTS',
  'SHIATSU',
  'REFLEXOLOGY',
  'LYMPHATIC_DRAINAGE',
  'OTHER',
] as const;
export type Modality = (typeof modalities)[number];

/** One visit of a series: attended or not, what was done, and the therapist's SOAP notes. */
export const TreatmentSession = defineEntity({
  name: 'TreatmentSession',
  indexes: [{ properties: ['series', 'startedAt'] }],
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    series: () => p.manyToOne(TreatmentSeries).ref(),
    therapist: () => p.manyToOne(Therapist).ref(),
    /** Scheduled or actual start (clinical time). */
    startedAt: p.datetime(),
    /** Hands-on minutes; 0 for a visit that did not take place. */
    durationMinutes: p.smallint(),
    attendance: p.enum(attendances),
    modalities: p.array<Modality>().default([]),
    /** 1 (very light) to 5 (very deep); null when the visit did not take place. */
    pressure: p.smallint().nullable(),
    /** The unresolved red flags the therapist acknowledged before treating (a copy: the intake may change later). */
    redFlagsAcknowledged: p.array().default([]),
    subjective: p.text().nullable(),
    objective: p.text().nullable(),
    assessment: p.text().nullable(),
    plan: p.text().nullable(),
    /** FINAL, AMENDED (the row holds the current version) or ENTERED_IN_ERROR; earlier versions are in record_revision. */
    status: p.enum(recordStatuses).default('FINAL'),
  },
});
export type TreatmentSession = InferEntity<typeof TreatmentSession>;
