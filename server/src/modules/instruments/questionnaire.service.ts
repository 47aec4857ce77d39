import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { checkClinicalTime, isUuid } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly, visibleTo } from '../../graphql/viewer.js';
import { getSeries } from '../care/care.service.js';
import { getClient } from '../clients/client.service.js';
import { addObservation, type ObservationOwner, recorderOf } from '../measures/observation.service.js';
import type { AnswerInput, SubmitQuestionnaireInput } from './instrument.input.js';
import { findInstrument } from './instrument-catalog.js';
import type { InstrumentAnswer, InstrumentDefinition, InstrumentScore } from './instrument-definition.js';
import { QuestionnaireResponse } from './questionnaire-response.entity.js';

export interface ScoredQuestionnaire {
  instrument: InstrumentDefinition;
  answers: InstrumentAnswer[];
  result: InstrumentScore;
}

/** Scores answers by the instrument's published rules; errors name the field under `path`. */
export function scoreQuestionnaire(path: string, instrumentCode: string, answerInputs: AnswerInput[]): ScoredQuestionnaire {
  const instrument = findInstrument(instrumentCode);
  if (!instrument) {
    throw new BadInputError(
      path ? `${path}.instrumentCode` : 'instrumentCode',
      'unknown-instrument',
      `unknown instrument "${instrumentCode}"`,
    );
  }
  const answers = answerInputs.map((a) => ({
    itemCode: a.itemCode,
    value: a.value ?? null,
    label: a.label ?? null,
  }));
  try {
    return { instrument, answers, result: instrument.score(answers) };
  } catch (error) {
    throw error instanceof BadInputError ? error.under(path) : error;
  }
}

/**
 * Adds a scored response and its score observation to the unit of work, so
 * analytics treat a questionnaire score like any other measure.
 */
export function addQuestionnaireResponse(
  tx: EntityManager,
  viewer: ClinicViewer,
  owner: Omit<ObservationOwner, 'questionnaireResponseId'>,
  scored: ScoredQuestionnaire,
  completedAt: Date,
): QuestionnaireResponse {
  const response = tx.create(QuestionnaireResponse, {
    clinic: viewer.clinicId,
    client: owner.clientId,
    series: owner.seriesId,
    session: owner.sessionId,
    instrument: scored.instrument.code,
    answers: scored.answers,
    score: scored.result.score,
    subscores: scored.result.subscores,
    answeredItems: scored.result.answeredItems,
    missingItems: scored.result.missingItems,
    scoringVersion: scored.instrument.scoringVersion,
    completedAt,
    recordedByRole: owner.recordedByRole,
    recordedByTherapist: owner.recordedByTherapistId,
  });
  addObservation(
    tx,
    viewer,
    { ...owner, questionnaireResponseId: response.id },
    {
      measureCode: scored.instrument.scoreMeasureCode,
      value: scored.result.score,
      context: owner.sessionId ? 'PRE_SESSION' : 'BETWEEN_SESSIONS',
      takenAt: completedAt,
    },
  );
  return response;
}

export async function submitQuestionnaire(
  em: EntityManager,
  viewer: ClinicViewer,
  input: SubmitQuestionnaireInput,
): Promise<QuestionnaireResponse> {
  const recorder = recorderOf(viewer);
  checkClinicalTime('completedAt', input.completedAt);
  const scored = scoreQuestionnaire('', input.instrumentCode, input.answers);
  return em.transactional(async (tx) => {
    await getClient(tx, viewer, input.clientId);
    if (input.seriesId) {
      const series = await getSeries(tx, viewer, input.seriesId);
      if (series.client.id !== input.clientId) {
        throw new BadInputError('seriesId', 'client-series', 'the series belongs to another client');
      }
    }
    const response = addQuestionnaireResponse(
      tx,
      viewer,
      {
        clientId: input.clientId,
        seriesId: input.seriesId ?? null,
        sessionId: null,
        ...recorder,
      },
      scored,
      input.completedAt,
    );
    await tx.flush();
    return response;
  });
}

export async function getQuestionnaireResponse(em: EntityManager, viewer: ClinicViewer, id: string): Promise<QuestionnaireResponse> {
  const response = isUuid(id) ? await em.findOne(QuestionnaireResponse, { id, ...visibleTo(viewer) }) : null;
  if (!response) throw new NotFoundError('Questionnaire response', id);
  return response;
}

const clinicalOrder = { completedAt: 'asc', createdAt: 'asc' } as const;

export function findResponsesBySeries(
  em: EntityManager,
  viewer: ClinicViewer,
  seriesIds: readonly string[],
): Promise<QuestionnaireResponse[]> {
  return em.find(QuestionnaireResponse, { ...visibleTo(viewer), series: { $in: [...seriesIds] } }, { orderBy: clinicalOrder });
}

/** Every questionnaire the clients completed, in a series or not. */
export function findResponsesByClients(
  em: EntityManager,
  viewer: ClinicViewer,
  clientIds: readonly string[],
): Promise<QuestionnaireResponse[]> {
  const own = ownClientOnly(viewer);
  return em.find(
    QuestionnaireResponse,
    { ...visibleTo(viewer), client: { $in: clientIds.filter((id) => !own || id === own) } },
    { orderBy: clinicalOrder },
  );
}

export function findResponsesBySessions(
  em: EntityManager,
  viewer: ClinicViewer,
  sessionIds: readonly string[],
): Promise<QuestionnaireResponse[]> {
  return em.find(QuestionnaireResponse, { ...visibleTo(viewer), session: { $in: [...sessionIds] } }, { orderBy: clinicalOrder });
}
