import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Clinic } from './clinic.entity.js';
import { ClinicNode, TherapistNode, ViewerNode } from './clinic.type.js';
import { Therapist } from './therapist.entity.js';

@Resolver(() => ViewerNode)
export class ClinicResolver {
  @Query(() => ViewerNode, { description: 'The therapist making the request and their clinic.' })
  async viewer(@Ctx() { em, viewer }: GraphQLContext): Promise<ViewerNode> {
    const [therapist, clinic] = await Promise.all([
      em.findOneOrFail(Therapist, viewer.therapistId),
      em.findOneOrFail(Clinic, viewer.clinicId),
    ]);
    return { therapist: TherapistNode.from(therapist), clinic: ClinicNode.from(clinic) };
  }
}

/** Until sign-in exists, every request acts as the first therapist of the first clinic. */
export async function findDefaultTherapist(em: EntityManager): Promise<Therapist | undefined> {
  const [first] = await em.find(Therapist, {}, { orderBy: { clinic: { createdAt: 'asc' }, createdAt: 'asc', id: 'asc' }, limit: 1 });
  return first;
}
