import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Account } from '../accounts/account.entity.js';
import { TreatmentSeries } from '../care/treatment-series.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';

/**
 * The therapist's assessment and plan written for a series' progress report. Saving again adds a row: the
 * earlier wording stays with who wrote it and when (records are corrected, never overwritten), and the
 * report reads the newest. A row with neither text withdraws the summary (the report goes back to the
 * latest visit's SOAP note).
 */
export const ReportSummary = defineEntity({
  name: 'ReportSummary',
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    series: () => p.manyToOne(TreatmentSeries).ref().index(),
    assessment: p.text().nullable(),
    plan: p.text().nullable(),
    /** The account that saved it; null when the system wrote it (the demo data). */
    writtenBy: () => p.manyToOne(Account).ref().nullable(),
  },
});
export type ReportSummary = InferEntity<typeof ReportSummary>;
