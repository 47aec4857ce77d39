import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { staffViewer } from '../../graphql/viewer.js';
import { Client } from '../clients/client.entity.js';
import { ClientNode } from '../clients/client.type.js';
import { Clinic } from './clinic.entity.js';
import { ClinicSettingsInput } from './clinic.input.js';
import { updateClinicSettings } from './clinic.service.js';
import { ClinicNode, TherapistNode, ViewerNode } from './clinic.type.js';
import { Therapist } from './therapist.entity.js';

@Resolver(() => ViewerNode)
export class ClinicResolver {
  @Authorized()
  @Query(() => ViewerNode, { description: 'Who is signed in: role, and the clinic, therapist or client record behind the account.' })
  async viewer(@Ctx() { em, viewer }: GraphQLContext): Promise<ViewerNode> {
    const node: ViewerNode = Object.assign(new ViewerNode(), { clinic: null, therapist: null, client: null });
    if (viewer.role === 'ANONYMOUS') throw new Error('unreachable: @Authorized admits signed-in viewers only');
    node.role = viewer.role;
    if (viewer.role === 'RESEARCHER') return node;
    node.clinic = ClinicNode.from(await em.findOneOrFail(Clinic, viewer.clinicId));
    if (viewer.role === 'CLIENT') node.client = ClientNode.from(await em.findOneOrFail(Client, viewer.clientId));
    else if (viewer.therapistId) node.therapist = TherapistNode.from(await em.findOneOrFail(Therapist, viewer.therapistId));
    return node;
  }

  @Authorized('ADMIN')
  @Mutation(() => ClinicNode, { description: "Changes the admin's own clinic's settings." })
  async updateClinicSettings(
    @Ctx() { em, viewer }: GraphQLContext,
    @Arg('input', () => ClinicSettingsInput) input: ClinicSettingsInput,
  ): Promise<ClinicNode> {
    return ClinicNode.from(await updateClinicSettings(em, staffViewer(viewer), input));
  }
}
