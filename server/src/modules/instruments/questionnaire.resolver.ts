import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SeriesNode, SessionNode } from '../care/care.type.js';
import type { RequestContext } from '../request/request-context.js';
import { QuestionnaireResponseNode } from './instrument.type.js';

/** The questionnaires of a series and of a visit: instruments adds them to the types of care. */
@Resolver(() => SeriesNode)
export class SeriesQuestionnairesResolver {
  @FieldResolver(() => [QuestionnaireResponseNode], { description: 'Questionnaires, in clinical-time order.' })
  async questionnaireResponses(@Root() series: SeriesNode, @Ctx() { loaders }: RequestContext): Promise<QuestionnaireResponseNode[]> {
    return (await loaders.responsesBySeries.load(series.id)).map((r) => QuestionnaireResponseNode.from(r));
  }
}

@Resolver(() => SessionNode)
export class SessionQuestionnairesResolver {
  @FieldResolver(() => [QuestionnaireResponseNode], { description: 'Questionnaires completed at this visit.' })
  async questionnaireResponses(@Root() session: SessionNode, @Ctx() { loaders }: RequestContext): Promise<QuestionnaireResponseNode[]> {
    return (await loaders.responsesBySession.load(session.id)).map((r) => QuestionnaireResponseNode.from(r));
  }
}

export const InstrumentsResolvers = [SeriesQuestionnairesResolver, SessionQuestionnairesResolver] as const;
