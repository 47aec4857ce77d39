import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { clinicViewer } from '../../graphql/viewer.js';
import { MeasureNode } from './measure.type.js';
import { findMeasure } from './measure-catalog.js';
import { RecordObservationInput } from './observation.input.js';
import { recordObservation } from './observation.service.js';
import { ObservationNode } from './observation.type.js';

@Resolver(() => ObservationNode)
export class ObservationResolver {
  @FieldResolver(() => MeasureNode, { description: 'The catalog entry of the measure.' })
  measure(@Root() observation: ObservationNode): MeasureNode {
    const measure = findMeasure(observation.measureCode);
    if (!measure) throw new Error(`measure ${observation.measureCode} is missing from the catalog`);
    return MeasureNode.from(measure);
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => ObservationNode, { description: 'Records one measured value.' })
  async recordObservation(
    @Ctx() { em, viewer }: GraphQLContext,
    @Arg('input', () => RecordObservationInput) input: RecordObservationInput,
  ): Promise<ObservationNode> {
    return ObservationNode.from(await recordObservation(em, clinicViewer(viewer), input));
  }
}
