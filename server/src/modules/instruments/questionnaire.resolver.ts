import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { IncludeEnteredInErrorArg, listedRecords } from '../../common/record-status.js';
import { SeriesNode, SessionNode } from '../care/care.type.js';
import type { RequestContext } from '../request/request-context.js';
import { QuestionnaireResponseNode } from './instrument.type.js';

/** The questionnaires of a series and of a visit: instruments adds them to the types of care. */
@Resolver(() => SeriesNode)
export class SeriesQuestionnairesResolver {
  @FieldResolver(() => [QuestionnaireResponseNode], { description: 'Questionnaires, in clinical-time order.' })
  async questionnaireResponses(
    @Root() series: SeriesNode,
    @Ctx() { loaders, viewer }: RequestContext,
    @IncludeEnteredInErrorArg() includeEnteredInError: boolean | null,
  ): Promise<QuestionnaireResponseNode[]> {
    const rows = await loaders.responsesBySeries.load(series.id);
    return listedRecords(rows, includeEnteredInError, viewer.role).map((r) => QuestionnaireResponseNode.from(r));
  }
}

@Resolver(() => SessionNode)
export class SessionQuestionnairesResolver {
  @FieldResolver(() => [QuestionnaireResponseNode], { description: 'Questionnaires completed at this visit.' })
  async questionnaireResponses(
    @Root() session: SessionNode,
    @Ctx() { loaders, viewer }: RequestContext,
    @IncludeEnteredInErrorArg() includeEnteredInError: boolean | null,
  ): Promise<QuestionnaireResponseNode[]> {
    const rows = await loaders.responsesBySession.load(session.id);
    return listedRecords(rows, includeEnteredInError, viewer.role).map((r) => QuestionnaireResponseNode.from(r));
  }
}

export const InstrumentsResolvers = [SeriesQuestionnairesResolver, SessionQuestionnairesResolver] as const;
