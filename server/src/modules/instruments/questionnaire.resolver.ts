import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { clinicViewer } from '../../graphql/viewer.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg.js';
import { SubmitQuestionnaireInput } from './instrument.input.js';
import { QuestionnaireResponseNode } from './instrument.type.js';
import { getQuestionnaireResponse, submitQuestionnaire } from './questionnaire.service.js';

@Resolver(() => QuestionnaireResponseNode)
export class QuestionnaireResolver {
  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => QuestionnaireResponseNode, {
    description: 'Scores a questionnaire by its published rules and stores the answers, the score and a score observation.',
  })
  async submitQuestionnaireResponse(
    @Ctx() { em, viewer }: GraphQLContext,
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
