import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { SubmitQuestionnaireInput } from './instrument.input.js';
import { QuestionnaireResponseNode } from './instrument.type.js';
import { submitQuestionnaire } from './questionnaire.service.js';

@Resolver(() => QuestionnaireResponseNode)
export class QuestionnaireResolver {
  @Mutation(() => QuestionnaireResponseNode, {
    description: 'Scores a questionnaire by its published rules and stores the answers, the score and a score observation.',
  })
  async submitQuestionnaireResponse(
    @Ctx() { em, viewer }: GraphQLContext,
    @Arg('input', () => SubmitQuestionnaireInput) input: SubmitQuestionnaireInput,
  ): Promise<QuestionnaireResponseNode> {
    return QuestionnaireResponseNode.from(await submitQuestionnaire(em, viewer, input));
  }
}
