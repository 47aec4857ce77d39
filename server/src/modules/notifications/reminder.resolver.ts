import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type ClientViewer, ForbiddenError, staffViewer, type Viewer } from '../../common/viewer.js';
import type { RequestContext } from '../request/request-context.js';
import {
  acknowledgeReminderNotice,
  myReminderPreference,
  reminderNotices,
  reminderSettings,
  setReminderOptOut,
  updateReminderSettings,
} from './reminder.service.js';
import { ReminderNoticeNode, ReminderPreferencesNode, ReminderSettingsInput, ReminderSettingsNode } from './reminder.type.js';

function clientSelf(viewer: Viewer): ClientViewer {
  if (viewer.role !== 'CLIENT') throw new ForbiddenError();
  return viewer;
}

@Resolver()
export class ReminderResolver {
  @Authorized('ADMIN', 'THERAPIST')
  @Query(() => ReminderSettingsNode, { description: "The viewer's clinic's reminder settings." })
  async reminderSettings(@Ctx() { em, viewer }: RequestContext): Promise<ReminderSettingsNode> {
    return ReminderSettingsNode.from(await reminderSettings(em, staffViewer(viewer)));
  }

  @Authorized('ADMIN')
  @Mutation(() => ReminderSettingsNode, {
    description:
      "Changes the admin's clinic's reminder settings. Reminders already planned that no longer match are cancelled, and new ones planned, within a minute.",
  })
  async updateReminderSettings(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('input', () => ReminderSettingsInput) input: ReminderSettingsInput,
  ): Promise<ReminderSettingsNode> {
    return ReminderSettingsNode.from(await updateReminderSettings(em, staffViewer(viewer), input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Query(() => [ReminderNoticeNode], {
    description:
      'Reminder emails that could not be delivered and were not dismissed, newest first: an admin sees the clinic’s, a therapist those of the clients they treat.',
  })
  async reminderNotices(@Ctx() { em, viewer }: RequestContext): Promise<ReminderNoticeNode[]> {
    return (await reminderNotices(em, staffViewer(viewer))).map(ReminderNoticeNode.from);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => ReminderNoticeNode, {
    description: 'Dismisses a notice of an undelivered reminder (e.g. once the address is corrected).',
  })
  async acknowledgeReminderNotice(@Ctx() { em, viewer }: RequestContext, @Arg('id', () => ID) id: string): Promise<ReminderNoticeNode> {
    return ReminderNoticeNode.from(await acknowledgeReminderNotice(em, staffViewer(viewer), id));
  }

  @Authorized('CLIENT')
  @Query(() => ReminderPreferencesNode, { description: "The signed-in client's choice about reminder emails." })
  async myReminderPreferences(@Ctx() { em, viewer }: RequestContext): Promise<ReminderPreferencesNode> {
    return ReminderPreferencesNode.from(await myReminderPreference(em, clientSelf(viewer)));
  }

  @Authorized('CLIENT')
  @Mutation(() => ReminderPreferencesNode, {
    description: 'The signed-in client opts out of reminder emails (optOut: true; the date is kept) or back in (false).',
  })
  async setMyReminderOptOut(
    @Ctx() { em, viewer }: RequestContext,
    @Arg('optOut', () => Boolean) optOut: boolean,
  ): Promise<ReminderPreferencesNode> {
    return ReminderPreferencesNode.from(await setReminderOptOut(em, clientSelf(viewer), optOut));
  }
}
