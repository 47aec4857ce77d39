import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { Condition } from '../conditions/condition.entity.js';

export const seriesStatuses = ['ACTIVE', 'COMPLETED', 'DISCONTINUED'] as const;
export type SeriesStatus = (typeof seriesStatuses)[number];
export const dischargeReasons = ['GOALS_MET', 'PLATEAU', 'REFERRED_ON', 'CLIENT_CHOICE', 'LOST_TO_FOLLOW_UP'] as const;
export type DischargeReason = (typeof dischargeReasons)[number];

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
    /** Set when the series is closed; null for series closed before reasons were recorded. */
    dischargeReason: p.enum(dischargeReasons).nullable(),
    /**
     * Code of the measure the series is judged by, shown first. Checked against the measure table, the catalog's
     * mirror: the measures module imports care, so care cannot import the catalog.
     */
    headlineMeasureCode: p.string().length(40).nullable(),
  },
});
export type TreatmentSeries = InferEntity<typeof TreatmentSeries>;
