import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IncludeEnteredInErrorArg, listedRecords } from '../../common/record-status.js';
import { columnSetFor } from '../../common/selection.js';
import { actingTherapist, clinicViewer } from '../../common/viewer.js';
import { leanClientFields } from '../clients/client.reads.js';
import { ClientNode } from '../clients/client.type.js';
import { ConditionNode } from '../conditions/condition.type.js';
import { findCondition } from '../conditions/condition-catalog.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg.js';
import type { RequestContext } from '../request/request-context.js';
import { CloseSeriesInput, StartSeriesInput } from './care.input.js';
import { leanSessionFields, readSeries } from './care.reads.js';
import { closeSeries, getSeries, startSeries } from './care.service.js';
import { SeriesNode, SessionNode, TreatedRegionNode } from './care.type.js';

@Resolver(() => SeriesNode)
export class SeriesResolver {
  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Query(() => SeriesNode, { description: 'One treatment series of the clinic; NOT_FOUND for any other id.' })
  async series(@Ctx() { em, viewer }: RequestContext, @Arg('id', () => ID) id: string): Promise<SeriesNode> {
    return readSeries(em, clinicViewer(viewer), id);
  }

  @FieldResolver(() => ClientNode, { description: 'The client treated.' })
  async client(@Root() series: SeriesNode, @Ctx() { loaders }: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ClientNode> {
    return loaders.clientById(columnSetFor(info, leanClientFields)).load(series.clientId);
  }

  @FieldResolver(() => ConditionNode, { description: 'The condition treated.' })
  condition(@Root() series: SeriesNode): ConditionNode {
    const condition = findCondition(series.conditionCode);
    if (!condition) throw new Error(`condition ${series.conditionCode} is missing from the catalog`);
    return ConditionNode.from(condition);
  }

  @FieldResolver(() => [SessionNode], { description: 'Visits, in clinical-time order.' })
  async sessions(
    @Root() series: SeriesNode,
    @Ctx() { loaders, viewer }: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @IncludeEnteredInErrorArg() includeEnteredInError: boolean | null,
  ): Promise<SessionNode[]> {
    const sessions = await loaders.sessionsBySeries(columnSetFor(info, leanSessionFields)).load(series.id);
    return listedRecords(sessions, includeEnteredInError, viewer.role);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SeriesNode, { description: 'Starts a treatment series for a client.' })
  async startSeries(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => StartSeriesInput) input: StartSeriesInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ) {
    const therapist = actingTherapist(viewer);
    const series = await idempotent(em, therapist, {
      key: idempotencyKey,
      operation: 'startSeries',
      input,
      create: (tx) => startSeries(tx, therapist, input),
      reload: (tx, id) => getSeries(tx, therapist, id),
    });
    return SeriesNode.from(series);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SeriesNode, { description: 'Closes a series as completed or discontinued.' })
  async closeSeries(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CloseSeriesInput) input: CloseSeriesInput,
  ) {
    return SeriesNode.from(await closeSeries(em, actingTherapist(viewer), id, input));
  }
}

@Resolver(() => SessionNode)
export class SessionResolver {
  @FieldResolver(() => [TreatedRegionNode], { description: 'Regions worked on.' })
  async regions(@Root() session: SessionNode, @Ctx() { loaders }: RequestContext): Promise<TreatedRegionNode[]> {
    return (await loaders.treatedRegionsBySession.load(session.id)).map((r) => TreatedRegionNode.from(r));
  }
}

/** A client's series: part of care, so the clients module needs no import of it. */
@Resolver(() => ClientNode)
export class ClientSeriesResolver {
  @FieldResolver(() => [SeriesNode], { description: 'Treatment series, newest first.' })
  async series(@Root() client: ClientNode, @Ctx() { loaders }: RequestContext): Promise<SeriesNode[]> {
    return loaders.seriesByClient.load(client.id);
  }
}

export const CareResolvers = [SeriesResolver, SessionResolver, ClientSeriesResolver] as const;
