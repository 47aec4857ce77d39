import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { actingTherapist, clinicViewer } from '../../graphql/viewer.js';
import { ClientNode } from '../clients/client.type.js';
import { ConditionNode } from '../conditions/condition.type.js';
import { findCondition } from '../conditions/condition-catalog.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg.js';
import { QuestionnaireResponseNode } from '../instruments/instrument.type.js';
import { ObservationNode } from '../measures/observation.type.js';
import { CloseSeriesInput, RecordSessionInput, StartSeriesInput, UpdateSeriesInput } from './care.input.js';
import { closeSeries, getSeries, getSession, recordSession, startSeries, updateSeries } from './care.service.js';
import { SeriesNode, SessionNode, TreatedRegionNode } from './care.type.js';

@Resolver(() => SeriesNode)
export class SeriesResolver {
  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Query(() => SeriesNode, { description: 'One treatment series of the clinic; NOT_FOUND for any other id.' })
  async series(@Ctx() { em, viewer }: GraphQLContext, @Arg('id', () => ID) id: string): Promise<SeriesNode> {
    return SeriesNode.from(await getSeries(em, clinicViewer(viewer), id));
  }

  @FieldResolver(() => ClientNode, { description: 'The client treated.' })
  async client(@Root() series: SeriesNode, @Ctx() { loaders }: GraphQLContext): Promise<ClientNode> {
    return ClientNode.from(await loaders.clientById.load(series.clientId));
  }

  @FieldResolver(() => ConditionNode, { description: 'The condition treated.' })
  condition(@Root() series: SeriesNode): ConditionNode {
    const condition = findCondition(series.conditionCode);
    if (!condition) throw new Error(`condition ${series.conditionCode} is missing from the catalog`);
    return ConditionNode.from(condition);
  }

  @FieldResolver(() => [SessionNode], { description: 'Visits, in clinical-time order.' })
  async sessions(@Root() series: SeriesNode, @Ctx() { loaders }: GraphQLContext): Promise<SessionNode[]> {
    return (await loaders.sessionsBySeries.load(series.id)).map((session) => SessionNode.from(session));
  }

  @FieldResolver(() => [ObservationNode], { description: 'Measured values, in clinical-time order.' })
  async observations(
    @Root() series: SeriesNode,
    @Ctx() { loaders }: GraphQLContext,
    @Arg('measureCode', () => String, { nullable: true, description: 'Only this measure.' }) measureCode: string | null,
  ): Promise<ObservationNode[]> {
    const rows = await loaders.observationsBySeries.load(series.id);
    return rows.filter((o) => !measureCode || o.measure.code === measureCode).map((o) => ObservationNode.from(o));
  }

  @FieldResolver(() => [QuestionnaireResponseNode], { description: 'Questionnaires, in clinical-time order.' })
  async questionnaireResponses(@Root() series: SeriesNode, @Ctx() { loaders }: GraphQLContext): Promise<QuestionnaireResponseNode[]> {
    return (await loaders.responsesBySeries.load(series.id)).map((r) => QuestionnaireResponseNode.from(r));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SeriesNode, { description: 'Starts a treatment series for a client.' })
  async startSeries(
    @Ctx() { em, viewer }: GraphQLContext,
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
  @Mutation(() => SeriesNode, { description: 'Changes the plan of a series.' })
  async updateSeries(
    @Ctx() { em, viewer }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSeriesInput) input: UpdateSeriesInput,
  ) {
    return SeriesNode.from(await updateSeries(em, actingTherapist(viewer), id, input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SeriesNode, { description: 'Closes a series as completed or discontinued.' })
  async closeSeries(
    @Ctx() { em, viewer }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CloseSeriesInput) input: CloseSeriesInput,
  ) {
    return SeriesNode.from(await closeSeries(em, actingTherapist(viewer), id, input));
  }
}

@Resolver(() => SessionNode)
export class SessionResolver {
  @FieldResolver(() => [TreatedRegionNode], { description: 'Regions worked on.' })
  async regions(@Root() session: SessionNode, @Ctx() { loaders }: GraphQLContext): Promise<TreatedRegionNode[]> {
    return (await loaders.treatedRegionsBySession.load(session.id)).map((r) => TreatedRegionNode.from(r));
  }

  @FieldResolver(() => [ObservationNode], { description: 'Values measured at this visit, in clinical-time order.' })
  async observations(@Root() session: SessionNode, @Ctx() { loaders }: GraphQLContext): Promise<ObservationNode[]> {
    return (await loaders.observationsBySession.load(session.id)).map((o) => ObservationNode.from(o));
  }

  @FieldResolver(() => [QuestionnaireResponseNode], { description: 'Questionnaires completed at this visit.' })
  async questionnaireResponses(@Root() session: SessionNode, @Ctx() { loaders }: GraphQLContext): Promise<QuestionnaireResponseNode[]> {
    return (await loaders.responsesBySession.load(session.id)).map((r) => QuestionnaireResponseNode.from(r));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => SessionNode, {
    description: 'Records a visit with its regions, pre/post values and questionnaires in one transaction.',
  })
  async recordSession(
    @Ctx() { em, viewer }: GraphQLContext,
    @Arg('input', () => RecordSessionInput) input: RecordSessionInput,
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ) {
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
}

export const CareResolvers = [SeriesResolver, SessionResolver] as const;
