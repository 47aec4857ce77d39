import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { staffViewer } from '../../common/viewer.js';
import type { RequestContext } from '../request/request-context.js';
import { ClinicSettingsInput } from './clinic.input.js';
import { updateClinicSettings } from './clinic.service.js';
import { ClinicNode } from './clinic.type.js';

@Resolver(() => ClinicNode)
export class ClinicResolver {
  @Authorized('ADMIN')
  @Mutation(() => ClinicNode, { description: "Changes the admin's own clinic's settings." })
  async updateClinicSettings(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => ClinicSettingsInput) input: ClinicSettingsInput,
  ): Promise<ClinicNode> {
    return ClinicNode.from(await updateClinicSettings(em, staffViewer(viewer), input));
  }
}
