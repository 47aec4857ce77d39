import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { staffViewer } from '../../common/viewer.js';
import type { RequestContext } from '../request/request-context.js';
import { ClinicSettingsInput } from './clinic.input.js';
import { updateClinicSettings } from './clinic.service.js';
import { ClinicNode } from './clinic.type.js';

@Resolver(() => ClinicNode)
export class ClinicResolver {
  @Authorized('ADMIN')
  @Mutation(() => ClinicNode, {
    description:
      "Changes the admin's own clinic's settings. Changing the time zone never moves stored instants: a visit keeps its " +
      'exact start time, while the calendar day it counts on (visit dates, weeks in progress) follows the new zone.',
  })
  async updateClinicSettings(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => ClinicSettingsInput) input: ClinicSettingsInput,
  ): Promise<ClinicNode> {
    return ClinicNode.from(await updateClinicSettings(em, staffViewer(viewer), input));
  }
}
