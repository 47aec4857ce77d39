import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { clinicViewer } from '../../graphql/viewer.js';
import { SubmitQuestionnaireInput } from './instrument.input.js';
import { QuestionnaireResponseNode } from './instrument.type.js';
import { submitQuestionnaire } from './questionnaire.service.js';

@Resolver(() => QuestionnaireResponseNode)
export class QuestionnaireResolver {
  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => QuestionnaireResponseNode, {
    description: 'Scores a questionnaire by its published rules and stores the answers, the score and a score observation.',
  })
  async submitQuestionnaireResponse(
    @Ctx() { em, viewer }: GraphQLContext,
    @Arg('input', () => SubmitQuestionnaireInput) input: SubmitQuestionnaireInput,
  ): Promise<QuestionnaireResponseNode> {
    return QuestionnaireResponseNode.from(await submitQuestionnaire(em, clinicViewer(viewer), input));
  }
}
