import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { TreatmentSeries } from '../care/treatment-series.entity.js';
import { TreatmentSession } from '../care/treatment-session.entity.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';

export const appointmentStatuses = ['BOOKED', 'CANCELLED', 'NO_SHOW', 'ATTENDED'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Who cancelled: the client (confirmed by the therapist, or by staff on their behalf) or the clinic. */
export const cancellers = ['CLIENT', 'CLINIC'] as const;
export type Canceller = (typeof cancellers)[number];

/**
 * A booked time with a therapist for one series. The database refuses two live (not cancelled) appointments of one
 * therapist whose [startsAt, endsAt) ranges overlap: an exclusion constraint added by the migration, so concurrent
 * bookings from several server processes cannot both succeed.
 */
export const Appointment = defineEntity({
  name: 'Appointment',
  indexes: [{ properties: ['therapist', 'startsAt'] }, { properties: ['series', 'startsAt'] }, { properties: ['client', 'startsAt'] }],
  // The exclusion constraint against double booking (appointment_no_overlap) is the migration's alone:
  // MikroORM's schema model has no exclusion constraints (tests/api/schema-drift.test.ts knows it).
  checks: [{ name: 'appointment_range_check', expression: '"ends_at" > "starts_at"' }],
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    series: () => p.manyToOne(TreatmentSeries).ref(),
    therapist: () => p.manyToOne(Therapist).ref(),
    /** The series' client, kept on the row so a client's visibility and feed need no join. */
    client: () => p.manyToOne(Client).ref(),
    startsAt: p.datetime(),
    /** startsAt + minutes, stored so the exclusion constraint can index the range. */
    endsAt: p.datetime(),
    minutes: p.smallint(),
    status: p.enum(appointmentStatuses).default('BOOKED'),
    /** The visit recorded for this appointment (its attendance set the status). */
    session: () => p.oneToOne(TreatmentSession).ref().nullable().unique(),
    cancelledAt: p.datetime().nullable(),
    cancelledBy: p.enum(cancellers).nullable(),
    /** The account that cancelled (or confirmed the client's request). */
    cancelledByAccount: p.uuid().nullable(),
    cancelReason: p.text().nullable(),
    /** Cancelled less than the clinic's notice period before the start. */
    lateCancellation: p.boolean().nullable(),
    /** The client asked to cancel from the portal; the therapist confirms (or declines, clearing it). */
    cancelRequestedAt: p.datetime().nullable(),
    cancelRequestReason: p.text().nullable(),
  },
});
export type Appointment = InferEntity<typeof Appointment>;

/** A private calendar feed: whoever knows the token reads the owner's appointments as iCalendar. Revoked, never deleted. */
export const CalendarFeed = defineEntity({
  name: 'CalendarFeed',
  checks: [{ name: 'calendar_feed_owner_check', expression: '("therapist_id" is null) <> ("client_id" is null)' }],
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    /** Exactly one of therapist and client is set. */
    therapist: () => p.manyToOne(Therapist).ref().nullable().index(),
    client: () => p.manyToOne(Client).ref().nullable().index(),
    /** SHA-256 of the token in the URL, hex: the token itself is shown once and never stored. */
    tokenHash: p.string().length(64).unique(),
    revokedAt: p.datetime().nullable(),
  },
});
export type CalendarFeed = InferEntity<typeof CalendarFeed>;
