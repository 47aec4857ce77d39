import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError } from '../../common/errors.js';
import { columnSetFor } from '../../common/selection.js';
import { clinicViewer, ForbiddenError, staffViewer } from '../../common/viewer.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { SeriesNode } from '../care/care.type.js';
import { leanClientFields } from '../clients/client.reads.js';
import { ClientNode } from '../clients/client.type.js';
import { TherapistNode } from '../clinics/clinic.type.js';
import { Therapist } from '../clinics/therapist.entity.js';
import type { RequestContext } from '../request/request-context.js';
import type { Appointment, AppointmentStatus } from './appointment.entity.js';
import { AddAppointmentInput, BookPlanInput, MoveAppointmentInput } from './appointment.input.js';
import {
  addAppointment,
  bookPlan,
  cancelAppointment,
  declineCancellation,
  getAppointment,
  markAppointment,
  moveAppointment,
  requestCancellation,
} from './appointment.service.js';
import { AppointmentNode, AppointmentStatusEnum, CalendarFeedLinkNode, CalendarFeedStatusNode } from './appointment.type.js';
import { calendarFeedStatus, clinicZone, findCalendar, resetCalendarFeed, revokeCalendarFeed } from './calendar.service.js';

/** The clinic's time zone, once per request: every appointment of a request is in the viewer's clinic. */
const zones = new WeakMap<object, Promise<string>>();
function zoneOf(context: RequestContext): Promise<string> {
  let zone = zones.get(context);
  if (!zone) {
    zone = clinicZone(context.em, clinicViewer(context.viewer).clinicId);
    zones.set(context, zone);
  }
  return zone;
}

export async function appointmentNodes(context: RequestContext, appointments: readonly Appointment[]): Promise<AppointmentNode[]> {
  if (appointments.length === 0) return [];
  const zone = await zoneOf(context);
  const now = new Date();
  return appointments.map((a) => AppointmentNode.from(a, zone, now));
}

async function one(context: RequestContext, appointment: Appointment): Promise<AppointmentNode> {
  return AppointmentNode.from(appointment, await zoneOf(context));
}

@Resolver(() => AppointmentNode)
export class AppointmentResolver {
  @Authorized('ADMIN', 'THERAPIST')
  @Query(() => [AppointmentNode], {
    description:
      "A therapist's appointments overlapping [from, to) (at most 42 days), cancelled ones included. A therapist sees their own; " +
      "an admin names any therapist of the clinic, or none for every therapist's.",
  })
  async calendar(
    @Ctx() context: RequestContext,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Arg('therapistId', () => ID, { nullable: true }) therapistId: string | null,
  ): Promise<AppointmentNode[]> {
    return appointmentNodes(context, await findCalendar(context.em, staffViewer(context.viewer), { therapistId, from, to }));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Query(() => [TherapistNode], { description: "The clinic's therapists, by family name (for choosing a calendar)." })
  async clinicTherapists(@Ctx() { em, viewer }: RequestContext): Promise<TherapistNode[]> {
    const therapists = await em.find(
      Therapist,
      { clinic: staffViewer(viewer).clinicId },
      { orderBy: { familyName: 'asc', givenName: 'asc' } },
    );
    return therapists.map((t) => TherapistNode.from(t));
  }

  @FieldResolver(() => SeriesNode, { description: 'The series it belongs to.' })
  async series(@Root() appointment: AppointmentNode, @Ctx() { loaders }: RequestContext): Promise<SeriesNode> {
    return loaders.seriesById.load(appointment.seriesId);
  }

  @FieldResolver(() => ClientNode, { description: 'The client booked.' })
  async client(
    @Root() appointment: AppointmentNode,
    @Ctx() { loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClientNode> {
    return loaders.clientById(columnSetFor(info, leanClientFields)).load(appointment.clientId);
  }

  @FieldResolver(() => TherapistNode, { description: 'The therapist booked.' })
  async therapist(@Root() appointment: AppointmentNode, @Ctx() { loaders }: RequestContext): Promise<TherapistNode> {
    return loaders.therapistById.load(appointment.therapistId);
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => [AppointmentNode], {
    description:
      "Books a series' plan as weekly appointments in the clinic's time zone (e.g. Mon/Wed/Fri at 17:30 for 4 weeks): all of them, " +
      'or none when any is refused (before the series start or after its end, in the past, overlapping, in a DST gap, over 200).',
  })
  async bookPlan(@Ctx() context: RequestContext, @Arg('input', () => BookPlanInput) input: BookPlanInput): Promise<AppointmentNode[]> {
    return appointmentNodes(context, await bookPlan(context.em, staffViewer(context.viewer), input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => AppointmentNode, { description: 'Books one appointment of a series, with the same rules as bookPlan.' })
  async addAppointment(@Ctx() context: RequestContext, @Arg('input', () => AddAppointmentInput) input: AddAppointmentInput) {
    return one(context, await addAppointment(context.em, staffViewer(context.viewer), input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => AppointmentNode, { description: 'Moves a booked appointment that has not started to another time.' })
  async moveAppointment(
    @Ctx() context: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => MoveAppointmentInput) input: MoveAppointmentInput,
  ) {
    return one(context, await moveAppointment(context.em, staffViewer(context.viewer), id, input));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => AppointmentNode, {
    description:
      'Cancels a booked appointment that has not started: for the clinic, or for the client (byClient: true, which also confirms ' +
      "the client's request to cancel). Late when less than 24 hours before the start.",
  })
  async cancelAppointment(
    @Ctx() context: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('byClient', () => Boolean) byClient: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    return one(context, await cancelAppointment(context.em, staffViewer(context.viewer), id, { byClient, reason }));
  }

  @Authorized('CLIENT')
  @Mutation(() => AppointmentNode, { description: 'Asks the therapist to cancel one of my booked visits; they confirm it.' })
  async requestAppointmentCancellation(
    @Ctx() context: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    const viewer = context.viewer;
    if (viewer.role !== 'CLIENT') throw new ForbiddenError();
    return one(context, await requestCancellation(context.em, viewer, id, reason));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => AppointmentNode, { description: 'Keeps an appointment the client asked to cancel (clears the request).' })
  async declineAppointmentCancellation(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string) {
    return one(context, await declineCancellation(context.em, staffViewer(context.viewer), id));
  }

  @Authorized('ADMIN', 'THERAPIST')
  @Mutation(() => AppointmentNode, {
    description:
      'Records what happened at an appointment that has started, without a session: ATTENDED (the notes follow: it is flagged ' +
      'until a session is recorded for it) or NO_SHOW.',
  })
  async markAppointment(
    @Ctx() context: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => AppointmentStatusEnum) status: AppointmentStatus,
  ) {
    if (status !== 'ATTENDED' && status !== 'NO_SHOW') {
      throw new BadInputError('status', 'recordable-status', 'must be ATTENDED or NO_SHOW (cancelAppointment cancels)');
    }
    return one(context, await markAppointment(context.em, staffViewer(context.viewer), id, status));
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Query(() => AppointmentNode, { description: 'One appointment of the clinic (a client: their own); NOT_FOUND for any other id.' })
  async appointment(@Ctx() context: RequestContext, @Arg('id', () => ID) id: string): Promise<AppointmentNode> {
    return one(context, await getAppointment(context.em, clinicViewer(context.viewer), id));
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Query(() => CalendarFeedStatusNode, { description: 'Whether I have a live private calendar feed (therapists and clients).' })
  async calendarFeed(@Ctx() { em, viewer }: RequestContext): Promise<CalendarFeedStatusNode> {
    return Object.assign(new CalendarFeedStatusNode(), await calendarFeedStatus(em, viewer));
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => CalendarFeedLinkNode, {
    description: 'Makes a new private calendar feed address (iCalendar) of my appointments, revoking the previous one. Shown once.',
  })
  async resetCalendarFeed(@Ctx() { em, viewer }: RequestContext): Promise<CalendarFeedLinkNode> {
    const { token, createdAt } = await resetCalendarFeed(em, viewer);
    return Object.assign(new CalendarFeedLinkNode(), { path: `/calendar/${token}.ics`, createdAt });
  }

  @Authorized('ADMIN', 'THERAPIST', 'CLIENT')
  @Mutation(() => Boolean, { description: 'Revokes my calendar feed address; true when one was live.' })
  async revokeCalendarFeed(@Ctx() { em, viewer }: RequestContext): Promise<boolean> {
    return revokeCalendarFeed(em, viewer);
  }
}

/** A series' appointments and its next one: part of appointments, so care needs no import of it. */
@Resolver(() => SeriesNode)
export class SeriesAppointmentsResolver {
  @FieldResolver(() => [AppointmentNode], { description: 'Appointments, in time order, cancelled ones included.' })
  async appointments(@Root() series: SeriesNode, @Ctx() context: RequestContext): Promise<AppointmentNode[]> {
    return appointmentNodes(context, await context.loaders.appointmentsBySeries.load(series.id));
  }

  @FieldResolver(() => AppointmentNode, { nullable: true, description: 'The next booked appointment, if any.' })
  async nextAppointment(@Root() series: SeriesNode, @Ctx() context: RequestContext): Promise<AppointmentNode | null> {
    const [next] = await context.loaders.nextAppointmentBySeries.load(series.id);
    return next ? AppointmentNode.fromFacts(next, await zoneOf(context)) : null;
  }
}

/** A client's next visit, for the portal. */
@Resolver(() => ClientNode)
export class ClientAppointmentsResolver {
  @FieldResolver(() => AppointmentNode, { nullable: true, description: 'The next booked appointment in any series, if any.' })
  async nextAppointment(@Root() client: ClientNode, @Ctx() context: RequestContext): Promise<AppointmentNode | null> {
    const [next] = await context.loaders.nextAppointmentByClient.load(client.id);
    return next ? AppointmentNode.fromFacts(next, await zoneOf(context)) : null;
  }
}

export const AppointmentsResolvers = [AppointmentResolver, SeriesAppointmentsResolver, ClientAppointmentsResolver] as const;
