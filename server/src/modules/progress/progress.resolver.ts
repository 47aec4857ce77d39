import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { encodeCursor } from '../../common/cursor.js';
import { NotFoundError } from '../../common/errors.js';
import { asksFor } from '../../common/selection.js';
import { actingTherapist, clinicViewer, staffViewer } from '../../common/viewer.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { UpdateSeriesInput } from '../care/care.input.js';
import { updateSeries } from '../care/care.service.js';
import { SeriesNode } from '../care/care.type.js';
import { maxPageSize } from '../clients/client.service.js';
import type { RequestContext } from '../request/request-context.js';
import { findProgress, listCaseload } from './progress.service.js';
import {
  CaseloadConnection,
  type CaseloadFlag,
  CaseloadFlagEnum,
  CaseloadItemNode,
  type CaseloadSort,
  CaseloadSortEnum,
  SeriesProgressNode,
} from './progress.type.js';
import { refreshSeriesHeadlines } from './series-outcome.js';

@Resolver(() => SeriesNode)
export class SeriesProgressResolver {
  @FieldResolver(() => SeriesProgressNode, {
    description: 'Is the client getting better: change per measure, diary, attendance against plan and dose (computed in SQL).',
  })
  async progress(
    @Root() series: SeriesNode,
    @Ctx() { reads, viewer, loaders }: RequestContext,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'Only visits and values from this day on (clinic calendar).' })
    from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Only visits and values up to this day, included.' })
    to: string | null,
  ): Promise<SeriesProgressNode> {
    if (!from && !to) return loaders.progressBySeries.load(series.id);
    // A part of a series is asked for one series at a time (a report, a chart of a period): one statement set each.
    const range = { from: from ?? null, to: to ?? null };
    const progress = (await reads.run((em) => findProgress(em, clinicViewer(viewer), [series.id], new Date(), range))).get(series.id);
    if (!progress) throw new NotFoundError('Treatment series', series.id);
    return progress;
  }

  // Here and not with the care module's other mutations: the caseload reads a series' headline as stored at write
  // time, so choosing another headline measure rewrites the stored one in the same transaction (progress imports care).
  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SeriesNode, { description: 'Changes the plan of a series.' })
  async updateSeries(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSeriesInput) input: UpdateSeriesInput,
  ): Promise<SeriesNode> {
    const series = await em.transactional(async (tx) => {
      const { series: changed, headlineChanged } = await updateSeries(tx, actingTherapist(viewer), id, input);
      if (headlineChanged) await refreshSeriesHeadlines(tx, [changed.id]);
      return changed;
    });
    return SeriesNode.from(series);
  }
}

@Resolver(() => CaseloadItemNode)
export class CaseloadResolver {
  @Authorized('ADMIN', 'THERAPIST')
  @Query(() => CaseloadConnection, {
    description: "Active series of the viewer's clients (a therapist: the series they treat; an admin: the clinic's) with flags.",
  })
  async caseload(
    @Ctx() { reads, viewer }: RequestContext,
    @Arg('flag', () => CaseloadFlagEnum, { nullable: true, description: 'Only series with this flag.' }) flag: CaseloadFlag | null,
    @Arg('sort', () => CaseloadSortEnum, { defaultValue: 'LAST_VISIT', description: 'Order of the items.' }) sort: CaseloadSort,
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1-${maxPageSize}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseloadConnection> {
    const sessionChanges = asksFor(info, 'sessionChanges');
    const page = await reads.run((em) =>
      listCaseload(em, staffViewer(viewer), { flag: flag ?? null, sort, first, after: after ?? null, sessionChanges }, new Date()),
    );
    const edges = page.rows.map((row, i) => ({
      cursor: encodeCursor([String(page.offset + i + 1)]),
      node: Object.assign(new CaseloadItemNode(), {
        ...row,
        clientId: row.series.clientId,
      }),
    }));
    return Object.assign(new CaseloadConnection(), {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    });
  }
}

export const ProgressResolvers = [SeriesProgressResolver, CaseloadResolver] as const;
