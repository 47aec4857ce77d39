import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { IncludeEnteredInErrorArg, listedRecords } from '../../common/record-status.js';
import { columnSetFor } from '../../common/selection.js';
import { SeriesNode, SessionNode } from '../care/care.type.js';
import { ClientNode } from '../clients/client.type.js';
import type { RequestContext } from '../request/request-context.js';
import { MeasureNode } from './measure.type.js';
import { findMeasure } from './measure-catalog.js';
import { leanObservationFields } from './observation.reads.js';
import { ObservationNode } from './observation.type.js';

@Resolver(() => ObservationNode)
export class ObservationResolver {
  @FieldResolver(() => MeasureNode, { description: 'The catalog entry of the measure.' })
  measure(@Root() observation: ObservationNode): MeasureNode {
    const measure = findMeasure(observation.measureCode);
    if (!measure) throw new Error(`measure ${observation.measureCode} is missing from the catalog`);
    return MeasureNode.from(measure);
  }
}

/** The values of a series, a visit and a client: measures adds them to the types of care and clients. */
@Resolver(() => SeriesNode)
export class SeriesObservationsResolver {
  @FieldResolver(() => [ObservationNode], { description: 'Measured values, in clinical-time order.' })
  async observations(
    @Root() series: SeriesNode,
    @Ctx() { loaders, viewer }: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('measureCode', () => String, { nullable: true, description: 'Only this measure.' }) measureCode: string | null,
    @IncludeEnteredInErrorArg() includeEnteredInError: boolean | null,
  ): Promise<ObservationNode[]> {
    const rows = listedRecords(
      await loaders.observationsBySeries(columnSetFor(info, leanObservationFields)).load(series.id),
      includeEnteredInError,
      viewer.role,
    );
    return rows.filter((o) => !measureCode || o.measureCode === measureCode);
  }
}

@Resolver(() => SessionNode)
export class SessionObservationsResolver {
  @FieldResolver(() => [ObservationNode], { description: 'Values measured at this visit, in clinical-time order.' })
  async observations(
    @Root() session: SessionNode,
    @Ctx() { loaders, viewer }: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @IncludeEnteredInErrorArg() includeEnteredInError: boolean | null,
  ): Promise<ObservationNode[]> {
    const rows = await loaders.observationsBySession(columnSetFor(info, leanObservationFields)).load(session.id);
    return listedRecords(rows, includeEnteredInError, viewer.role);
  }
}

@Resolver(() => ClientNode)
export class ClientObservationsResolver {
  @FieldResolver(() => [ObservationNode], { description: 'The latest value of each measure, per region and side.' })
  async latestObservations(
    @Root() client: ClientNode,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ObservationNode[]> {
    return loaders.latestObservationsByClient(columnSetFor(info, leanObservationFields)).load(client.id);
  }
}

/** The headline measure of a series: the catalog lives here, so measures adds the field to care's type. */
@Resolver(() => SeriesNode)
export class SeriesHeadlineMeasureResolver {
  @FieldResolver(() => MeasureNode, { nullable: true, description: 'The measure the series is judged by, shown first.' })
  headlineMeasure(@Root() series: SeriesNode): MeasureNode | null {
    const measure = series.headlineMeasureCode ? findMeasure(series.headlineMeasureCode) : undefined;
    return measure ? MeasureNode.from(measure) : null;
  }
}

export const MeasuresResolvers = [
  ObservationResolver,
  SeriesObservationsResolver,
  SessionObservationsResolver,
  ClientObservationsResolver,
  SeriesHeadlineMeasureResolver,
] as const;
