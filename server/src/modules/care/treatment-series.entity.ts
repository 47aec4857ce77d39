import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { Condition } from '../conditions/condition.entity.js';

export const seriesStatuses = ['ACTIVE', 'COMPLETED', 'DISCONTINUED'] as const;
export type SeriesStatus = (typeof seriesStatuses)[number];

/** A planned course of treatment for one client and one condition, e.g. weekly for eight weeks. */
export const TreatmentSeries = defineEntity({
  name: 'TreatmentSeries',
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    client: () => p.manyToOne(Client).ref().index(),
    therapist: () => p.manyToOne(Therapist).ref().index(),
    condition: () => p.manyToOne(Condition).ref(),
    goals: p.text().nullable(),
    plannedSessions: p.smallint(),
    plannedSessionsPerWeek: p.double(),
    plannedMinutesPerSession: p.smallint(),
    startDate: p.date(),
    status: p.enum(seriesStatuses).default('ACTIVE'),
    endDate: p.date().nullable(),
    dischargeNote: p.text().nullable(),
  },
});
export type TreatmentSeries = InferEntity<typeof TreatmentSeries>;
