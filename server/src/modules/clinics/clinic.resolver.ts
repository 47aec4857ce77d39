import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { staffViewer } from '../../common/viewer.js';
import type { RequestContext } from '../request/request-context.js';
import { ClinicSettingsInput } from './clinic.input.js';
import { setResearchParticipation, updateClinicSettings } from './clinic.service.js';
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

  @Authorized('ADMIN')
  @Mutation(() => ClinicNode, {
    description:
      "Opts the admin's own clinic in to research (optIn: true; its research-consenting clients then count in researchers' " +
      'aggregates and exports) or out (false; they stop counting at once). New clinics start opted out. Audited.',
  })
  async setResearchParticipation(@Ctx() { em, viewer }: RequestContext, @Arg('optIn', () => Boolean) optIn: boolean): Promise<ClinicNode> {
    return ClinicNode.from(await setResearchParticipation(em, staffViewer(viewer), optIn));
  }
}
