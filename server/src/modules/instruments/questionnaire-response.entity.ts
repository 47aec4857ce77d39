import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { recordStatuses } from '../../common/record-status.js';
import { recorderRoles } from '../../common/recorder-role.js';
import { proxyRelationCheck, proxyRelations, reporterKinds } from '../../common/reporter.js';
import { baseProperties } from '../../db/base-properties.js';
import { TreatmentSeries } from '../care/treatment-series.entity.js';
import { TreatmentSession } from '../care/treatment-session.entity.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { Instrument } from './instrument.entity.js';
import type { InstrumentAnswer, InstrumentSubscore } from './instrument-definition.js';

/** A completed questionnaire: the answers as given, and the score the server computed from them. */
export const QuestionnaireResponse = defineEntity({
  name: 'QuestionnaireResponse',
  indexes: [{ properties: ['series', 'completedAt'] }],
  checks: [{ name: 'questionnaire_response_proxy_check', expression: proxyRelationCheck }],
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    client: () => p.manyToOne(Client).ref().index(),
    series: () => p.manyToOne(TreatmentSeries).ref().nullable(),
    session: () => p.manyToOne(TreatmentSession).ref().nullable().index(),
    instrument: () => p.manyToOne(Instrument).ref(),
    answers: p.json<InstrumentAnswer[]>(),
    score: p.double(),
    subscores: p.json<InstrumentSubscore[]>(),
    answeredItems: p.smallint(),
    missingItems: p.smallint(),
    /** The scoring rules used, so a later change of rules never silently rescores old responses. */
    scoringVersion: p.string().length(60),
    completedAt: p.datetime(),
    recordedByRole: p.enum(recorderRoles),
    /** Who reported it (self, proxy or the therapist observing), apart from who entered it: reporters are analysed apart. */
    reporter: p.enum(reporterKinds),
    /** The proxy's relation to the client; set exactly when the reporter is PROXY. */
    proxyRelation: p.enum(proxyRelations).nullable(),
    recordedByTherapist: () => p.manyToOne(Therapist).ref().nullable(),
    /** FINAL, AMENDED (the row holds the current version) or ENTERED_IN_ERROR; earlier versions are in record_revision. */
    status: p.enum(recordStatuses).default('FINAL'),
  },
});
export type QuestionnaireResponse = InferEntity<typeof QuestionnaireResponse>;
