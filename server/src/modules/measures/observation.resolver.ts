import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { clinicViewer } from '../../graphql/viewer.js';
import { idempotent } from '../idempotency/idempotency.service.js';
import { IdempotencyKeyArg } from '../idempotency/idempotency-key.arg.js';
import { MeasureNode } from './measure.type.js';
import { findMeasure } from './measure-catalog.js';
import { RecordObservationInput } from './observation.input.js';
import { getObservation, recordObservation } from './observation.service.js';
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
    @IdempotencyKeyArg() idempotencyKey: string | null,
  ): Promise<ObservationNode> {
    const recorder = clinicViewer(viewer);
    const observation = await idempotent(em, recorder, {
      key: idempotencyKey,
      operation: 'recordObservation',
      input,
      create: (tx) => recordObservation(tx, recorder, input),
      reload: (tx, id) => getObservation(tx, recorder, id),
    });
    return ObservationNode.from(observation);
  }
}
