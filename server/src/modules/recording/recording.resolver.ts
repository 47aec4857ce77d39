import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { actingTherapist, clinicViewer } from '../../common/viewer.js';
import { getSession } from '../care/care.service.js';
import { SessionNode } from '../care/care.type.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg.js';
import { SubmitQuestionnaireInput } from '../instruments/instrument.input.js';
import { QuestionnaireResponseNode } from '../instruments/instrument.type.js';
import { getQuestionnaireResponse } from '../instruments/questionnaire.service.js';
import { RecordObservationInput } from '../measures/observation.input.js';
import { getObservation } from '../measures/observation.service.js';
import { ObservationNode } from '../measures/observation.type.js';
import type { RequestContext } from '../request/request-context.js';
import { RecordSessionInput } from './recording.input.js';
import { recordObservation, recordSession, submitQuestionnaire } from './recording.service.js';

/** The writes of clinical data: a visit, a value on its own, a questionnaire. Each is idempotent with a key. */
@Resolver()
export class RecordingResolver {
  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SessionNode, {
    description: 'Records a visit with its regions, pre/post values and questionnaires in one transaction.',
  })
  async recordSession(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => RecordSessionInput) input: RecordSessionInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<SessionNode> {
    const therapist = actingTherapist(viewer);
    const session = await idempotent(em, therapist, {
      key: idempotencyKey,
      operation: 'recordSession',
      input,
      create: (tx) => recordSession(tx, therapist, input),
      reload: (tx, id) => getSession(tx, therapist, id),
    });
    return SessionNode.from(session);
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => ObservationNode, { description: 'Records one measured value.' })
  async recordObservation(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => RecordObservationInput) input: RecordObservationInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<ObservationNode> {
    const recorder = clinicViewer(viewer);
    const observation = await idempotent(em, recorder, {
      key: idempotencyKey,
      operation: 'recordObservation',
      input,
      create: (tx) => recordObservation(tx, recorder, input),
      reload: (tx, id) => getObservation(tx, recorder, id),
    });
    return ObservationNode.from(observation);
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => QuestionnaireResponseNode, {
    description: 'Scores a questionnaire by its published rules and stores the answers, the score and a score observation.',
  })
  async submitQuestionnaireResponse(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => SubmitQuestionnaireInput) input: SubmitQuestionnaireInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<QuestionnaireResponseNode> {
    const recorder = clinicViewer(viewer);
    const response = await idempotent(em, recorder, {
      key: idempotencyKey,
      operation: 'submitQuestionnaireResponse',
      input,
      create: (tx) => submitQuestionnaire(tx, recorder, input),
      reload: (tx, id) => getQuestionnaireResponse(tx, recorder, id),
    });
    return QuestionnaireResponseNode.from(response);
  }
}
