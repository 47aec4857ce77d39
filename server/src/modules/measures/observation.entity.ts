import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { recordStatuses } from '../../common/record-status.js';
import { recorderRoles } from '../../common/recorder-role.js';
import { proxyRelationCheck, proxyRelations, reporterKinds } from '../../common/reporter.js';
import { baseProperties } from '../../db/base-properties.js';
import { BodyRegion } from '../body-regions/body-region.entity.js';
import { SIDES } from '../body-regions/body-region-catalog.js';
import { TreatmentSeries } from '../care/treatment-series.entity.js';
import { TreatmentSession } from '../care/treatment-session.entity.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { QuestionnaireResponse } from '../instruments/questionnaire-response.entity.js';
import { Measure } from './measure.entity.js';
import { observationContexts, observationNoteLength } from './observation-values.js';

/**
 * One measured value, typed by the measure catalog (like a FHIR Observation):
 * pain, range of motion, strength, or a questionnaire score.
 */
export const Observation = defineEntity({
  name: 'Observation',
  indexes: [{ properties: ['client', 'measure', 'takenAt'] }, { properties: ['series', 'takenAt'] }],
  checks: [{ name: 'observation_proxy_check', expression: proxyRelationCheck }],
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    client: () => p.manyToOne(Client).ref(),
    series: () => p.manyToOne(TreatmentSeries).ref().nullable(),
    session: () => p.manyToOne(TreatmentSession).ref().nullable().index(),
    measure: () => p.manyToOne(Measure).ref(),
    value: p.double(),
    region: () => p.manyToOne(BodyRegion).ref().nullable(),
    side: p.enum(SIDES).nullable(),
    context: p.enum(observationContexts),
    /** When the value was measured (clinical time); `createdAt` is when it was entered. */
    takenAt: p.datetime(),
    /** A short note by whoever entered it, e.g. the client's words in their diary ("after gardening"). */
    note: p.string().length(observationNoteLength).nullable(),
    recordedByRole: p.enum(recorderRoles),
    /** Who reported it (self, proxy or the therapist observing), apart from who entered it: reporters are analysed apart. */
    reporter: p.enum(reporterKinds),
    /** The proxy's relation to the client; set exactly when the reporter is PROXY. */
    proxyRelation: p.enum(proxyRelations).nullable(),
    recordedByTherapist: () => p.manyToOne(Therapist).ref().nullable(),
    /** Set when this observation is the score of a questionnaire response. */
    questionnaireResponse: () => p.manyToOne(QuestionnaireResponse).ref().nullable().index(),
    /** FINAL, AMENDED (the row holds the current version) or ENTERED_IN_ERROR; earlier versions are in record_revision. */
    status: p.enum(recordStatuses).default('FINAL'),
  },
});
export type Observation = InferEntity<typeof Observation>;
