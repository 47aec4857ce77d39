import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';

export const reminderKinds = ['APPOINTMENT', 'DIARY_PROMPT'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * SCHEDULED: waiting for its time (a queue job exists once `queuedAt` is set). SENDING: claimed by a worker (at most one).
 * SENT: the SMTP server accepted it. CANCELLED: no longer due (appointment cancelled or moved, visit entered in error,
 * setting changed). SKIPPED: due, but not sent (client opted out or has no email address). REFUSED: the SMTP server refused
 * the address for good (5xx): reported to the therapist, never retried. FAILED: temporary errors until the retries ran out.
 */
export const reminderStatuses = ['SCHEDULED', 'SENDING', 'SENT', 'CANCELLED', 'SKIPPED', 'REFUSED', 'FAILED'] as const;
export type ReminderStatus = (typeof reminderStatuses)[number];

/**
 * One reminder email: an appointment reminder or a diary prompt after a visit. The unique key makes planning idempotent,
 * so several server instances planning at once write each reminder once; its id is also the queue job's id.
 */
export const Reminder = defineEntity({
  name: 'Reminder',
  uniques: [{ properties: ['kind', 'sourceId', 'sourceAt', 'dueAt'] }],
  indexes: [{ properties: ['status', 'dueAt'] }, { properties: ['clinic', 'status'] }],
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref(),
    client: () => p.manyToOne(Client).ref(),
    kind: p.enum(reminderKinds),
    /** The appointment (APPOINTMENT) or the visit (DIARY_PROMPT) it is about. */
    sourceId: p.uuid(),
    /** That appointment's start, or that visit's start, when the reminder was planned: a moved appointment no longer matches. */
    sourceAt: p.datetime(),
    dueAt: p.datetime(),
    status: p.enum(reminderStatuses).default('SCHEDULED'),
    /** When its queue job was created (null: the planner still has to queue it). */
    queuedAt: p.datetime().nullable(),
    attempts: p.smallint().default(0),
    sentAt: p.datetime().nullable(),
    /** The address it went to (or was refused at). */
    recipient: p.string().length(254).nullable(),
    /** Why it was skipped, refused or failed, in words. */
    problem: p.text().nullable(),
    /** When the therapist dismissed the notice of a refused address. */
    acknowledgedAt: p.datetime().nullable(),
  },
});
export type Reminder = InferEntity<typeof Reminder>;
