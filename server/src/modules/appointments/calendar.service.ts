import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../common/errors.js';
import { type ClinicViewer, ForbiddenError, type StaffViewer, type Viewer, visibleTo } from '../../common/viewer.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { Appointment, CalendarFeed } from './appointment.entity.js';
import { buildCalendar, type IcsEvent } from './ical.js';

/** The longest calendar range one request may ask for: six weeks (a month view with its edges). */
const maxRangeMs = 42 * 24 * 3600 * 1000;

/**
 * A therapist's appointments overlapping [from, to), cancelled ones included (the calendar shows them struck out).
 * A therapist sees their own calendar; an admin any therapist's of the clinic, or every therapist's when none is named.
 */
export async function findCalendar(
  em: EntityManager,
  viewer: StaffViewer,
  range: { therapistId?: string | null; from: Date; to: Date },
): Promise<Appointment[]> {
  if (Number.isNaN(range.from.getTime())) throw new BadInputError('from', 'date', 'is not a valid date-time');
  if (Number.isNaN(range.to.getTime())) throw new BadInputError('to', 'date', 'is not a valid date-time');
  if (range.to <= range.from) throw new BadInputError('to', 'after-from', 'must be after from');
  if (range.to.getTime() - range.from.getTime() > maxRangeMs) throw new BadInputError('to', 'range', 'the range is at most 42 days');
  let therapistId = range.therapistId ?? null;
  if (viewer.role === 'THERAPIST') {
    if (therapistId && therapistId !== viewer.therapistId) {
      throw new ForbiddenError('A therapist sees their own calendar; the clinic admin sees every therapist’s');
    }
    therapistId = viewer.therapistId;
  }
  if (therapistId && !(await em.count(Therapist, { id: therapistId, clinic: viewer.clinicId }))) {
    throw new BadInputError('therapistId', 'not-found', 'no such therapist in the clinic');
  }
  return em.find(
    Appointment,
    {
      clinic: viewer.clinicId,
      ...(therapistId ? { therapist: therapistId } : {}),
      startsAt: { $lt: range.to },
      endsAt: { $gt: range.from },
    },
    { orderBy: { startsAt: 'asc', therapist: 'asc' } },
  );
}

export function findAppointmentsBySeries(em: EntityManager, viewer: ClinicViewer, seriesIds: readonly string[]): Promise<Appointment[]> {
  return em.find(Appointment, { ...visibleTo(viewer), series: { $in: [...seriesIds] } }, { orderBy: { startsAt: 'asc' } });
}

export async function clinicZone(em: EntityManager, clinicId: string): Promise<string> {
  return (await em.findOneOrFail(Clinic, clinicId)).timeZone;
}

// Calendar feeds ---------------------------------------------------------------------------------------------

const feedHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Whose feed the viewer manages: a therapist (or treating admin) their own, a client theirs. */
function feedOwner(viewer: Viewer): { clinicId: string; therapist: string | null; client: string | null } {
  if (viewer.role === 'CLIENT') return { clinicId: viewer.clinicId, therapist: null, client: viewer.clientId };
  if ((viewer.role === 'THERAPIST' || viewer.role === 'ADMIN') && viewer.therapistId) {
    return { clinicId: viewer.clinicId, therapist: viewer.therapistId, client: null };
  }
  throw new ForbiddenError('Calendar feeds are for therapists and clients');
}

function liveFeedsOf(owner: ReturnType<typeof feedOwner>) {
  return owner.therapist ? { therapist: owner.therapist, revokedAt: null } : { client: owner.client, revokedAt: null };
}

/** Revokes the viewer's live feed address, if any, and makes a new one; the token is returned once and never stored. */
export async function resetCalendarFeed(em: EntityManager, viewer: Viewer, now = new Date()): Promise<{ token: string; createdAt: Date }> {
  const owner = feedOwner(viewer);
  return em.transactional(async (tx) => {
    for (const feed of await tx.find(CalendarFeed, liveFeedsOf(owner))) feed.revokedAt = now;
    const token = randomBytes(32).toString('base64url');
    const feed = tx.create(CalendarFeed, {
      clinic: owner.clinicId,
      therapist: owner.therapist,
      client: owner.client,
      tokenHash: feedHash(token),
      revokedAt: null,
    });
    await tx.flush();
    return { token, createdAt: feed.createdAt };
  });
}

/** Revokes the viewer's live feed address: calendar programs that subscribed to it get nothing more. */
export async function revokeCalendarFeed(em: EntityManager, viewer: Viewer, now = new Date()): Promise<boolean> {
  const owner = feedOwner(viewer);
  return em.transactional(async (tx) => {
    const live = await tx.find(CalendarFeed, liveFeedsOf(owner));
    for (const feed of live) feed.revokedAt = now;
    await tx.flush();
    return live.length > 0;
  });
}

export async function calendarFeedStatus(em: EntityManager, viewer: Viewer): Promise<{ active: boolean; createdAt: Date | null }> {
  const live = await em.findOne(CalendarFeed, liveFeedsOf(feedOwner(viewer)), { orderBy: { createdAt: 'desc' } });
  return { active: live !== null, createdAt: live?.createdAt ?? null };
}

export interface FeedContent {
  ics: string;
  clinicId: string;
  /** Whose feed it is. */
  owner: 'THERAPIST' | 'CLIENT';
  /** The clients whose appointments the feed holds (for the audit trail). */
  clientIds: string[];
}

const feedPastDays = 90;
const dayMs = 24 * 3600 * 1000;

/**
 * The iCalendar text of a live feed token, or null for an unknown or revoked one. Holds the appointments from 90
 * days back on. A therapist's events name the client by initials only and a client's the therapist: calendar
 * programs keep copies outside the clinic, so no more than needed to recognise the visit goes into them.
 */
export async function feedCalendar(em: EntityManager, token: string, now = new Date()): Promise<FeedContent | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await em.findOne(CalendarFeed, { tokenHash: feedHash(token), revokedAt: null });
  if (!feed) return null;
  const clinic = await em.findOneOrFail(Clinic, feed.clinic.id);
  const appointments = await em.find(
    Appointment,
    {
      clinic: clinic.id,
      ...(feed.therapist ? { therapist: feed.therapist.id } : { client: feed.client?.id ?? '' }),
      startsAt: { $gte: new Date(now.getTime() - feedPastDays * dayMs) },
    },
    { orderBy: { startsAt: 'asc' } },
  );
  const clients = feed.therapist
    ? new Map((await em.find(Client, { id: { $in: [...new Set(appointments.map((a) => a.client.id))] } })).map((c) => [c.id, c]))
    : new Map<string, Client>();
  const therapists = new Map(
    (await em.find(Therapist, { id: { $in: [...new Set(appointments.map((a) => a.therapist.id))] } })).map((t) => [t.id, t]),
  );
  const events: IcsEvent[] = appointments.map((a) => {
    const client = clients.get(a.client.id);
    const therapist = therapists.get(a.therapist.id);
    const summary = feed.therapist
      ? `Massage: ${client ? `${client.givenName.slice(0, 1)}. ${client.familyName.slice(0, 1)}.` : 'client'}`
      : `Massage therapy${therapist ? ` with ${therapist.givenName} ${therapist.familyName}` : ''}`;
    return {
      uid: `${a.id}@fascia`,
      start: a.startsAt,
      end: a.endsAt,
      summary,
      location: clinic.name,
      status: a.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
      // Each change bumps the revision: the update time in whole seconds grows with every edit.
      sequence: Math.max(0, Math.floor((a.updatedAt.getTime() - a.createdAt.getTime()) / 1000)),
      updatedAt: a.updatedAt,
    };
  });
  const name = feed.therapist ? `${clinic.name}: my appointments` : `${clinic.name}: my visits`;
  const clientIds = feed.client ? [feed.client.id] : [...clients.keys()];
  return {
    ics: buildCalendar({ name, method: 'PUBLISH', events, now }),
    clinicId: clinic.id,
    owner: feed.therapist ? 'THERAPIST' : 'CLIENT',
    clientIds,
  };
}
