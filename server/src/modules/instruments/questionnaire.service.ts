import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { isUuid } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly, visibleTo } from '../../common/viewer.js';
import type { AnswerInput } from './instrument.input.js';
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
