import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError } from '../../common/errors.js';
import { writeAuditEvents } from '../audit/audit.service.js';
import { SeriesNode } from '../care/care.type.js';
import { findMeasure } from '../measures/measure-catalog.js';
import { CaseloadItemNode } from '../progress/progress.type.js';
import type { RequestContext } from '../request/request-context.js';
import { publishedModels, refitExpectedChange } from './expected-change.service.js';
import { ExpectedChangeModelNode, ExpectedChangeNode, ExpectedChangeRefitNode } from './expected-change.type.js';

/** Research's minimum cell size k rides on the context (http/app.ts), as for the research resolvers. */
type Context = RequestContext & { researchMinCell: number };

@Resolver(() => SeriesNode)
export class SeriesExpectedChangeResolver {
  // Staff only: the band compares a client with others, which is for the therapist to explain, not a portal figure.
  @Authorized('ADMIN', 'THERAPIST')
  @FieldResolver(() => ExpectedChangeNode, {
    nullable: true,
    description:
      'Expected change on a measure: the band of change that similar clients of the research population achieved by visit, ' +
      'with a sentence and this series\u2019 performance (docs/expected-change.md). Clinic staff only (null for others).',
  })
  async expectedChange(
    @Root() series: SeriesNode,
    @Ctx() { loaders }: Context,
    @Arg('measureCode', () => String, { description: 'Measure code of the measure catalog.' }) measureCode: string,
  ): Promise<ExpectedChangeNode | null> {
    if (!findMeasure(measureCode))
      throw new BadInputError('measureCode', 'unknown-code', `is not a measure of the catalog (${measureCode.slice(0, 40)})`);
    return loaders.expectedChange.load({ seriesId: series.id, measureCode });
  }
}

@Resolver(() => CaseloadItemNode)
export class CaseloadExpectedChangeResolver {
  @FieldResolver(() => ExpectedChangeNode, {
    description: 'Expected change on the headline measure, with performance (actual minus expected); one statement per page.',
  })
  async expectedChange(@Root() item: CaseloadItemNode, @Ctx() { loaders }: Context): Promise<ExpectedChangeNode> {
    return loaders.expectedChange.load({ seriesId: item.series.id, measureCode: item.headlineMeasureCode });
  }
}

@Resolver()
export class ExpectedChangeModelResolver {
  @Authorized('RESEARCHER')
  @Query(() => [ExpectedChangeModelNode], {
    description: 'The expected-change models per condition and measure: coefficients, fit and performance as aggregates only.',
  })
  async expectedChangeModels(@Ctx() context: Context): Promise<ExpectedChangeModelNode[]> {
    await writeAuditEvents(context.em, context.viewer, context, {
      operation: 'Query.expectedChangeModels',
      outcome: 'ALLOWED',
      clientIds: [],
    });
    return publishedModels(context.em, context.researchMinCell);
  }

  @Authorized('ADMIN', 'RESEARCHER')
  @Mutation(() => ExpectedChangeRefitNode, {
    description:
      'Fits the expected-change models anew from the research population (also done nightly). Answers with the number of models only.',
  })
  async refitExpectedChange(@Ctx() context: Context): Promise<ExpectedChangeRefitNode> {
    // One transaction and its audit row come from the mutation middleware (graphql/audit.ts).
    const fittedAt = new Date();
    return { models: await refitExpectedChange(context.em, fittedAt), fittedAt };
  }
}

export const ExpectedChangeResolvers = [SeriesExpectedChangeResolver, CaseloadExpectedChangeResolver, ExpectedChangeModelResolver] as const;
