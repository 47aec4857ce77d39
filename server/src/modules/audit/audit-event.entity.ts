import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const auditOutcomes = ['ALLOWED', 'DENIED', 'NOT_FOUND'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/**
 * One access to clinical data: who (account and role), what (operation), whose
 * (the clients, all of them in one row: a page of 50 clients is one row, not 50),
 * when, from where, and how it ended. Append-only: a trigger in the
 * database refuses UPDATE and DELETE. Ids are plain columns, not foreign
 * keys, so the trail outlives anything it mentions.
 * (A TRUNCATE trigger would be neater still, but the ORM's schema diff does not read
 * statement triggers back, so it is left to database privileges in production.)
 */
const refuse = "raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';";

export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  // GIN on the array: "who read client X" (`client_ids @> array[X]`) finds X's rows without scanning the rest.
  indexes: [{ properties: ['clinicId', 'at'] }, { properties: ['clientIds'], type: 'gin' }],
  triggers: [{ name: 'audit_event_no_change', timing: 'before', events: ['update', 'delete'], forEach: 'row', body: refuse }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    at: p.datetime().onCreate(() => new Date()),
    accountId: p.uuid().nullable(),
    role: p.string().length(20),
    /** The GraphQL operation field, e.g. `Query.client` or `Mutation.recordSession`. */
    operation: p.string().length(100),
    clinicId: p.uuid().nullable(),
    /** The clients whose data the operation read or changed, each once; empty for an operation on no person. */
    clientIds: p.array<string>().columnType('uuid[]').defaultRaw(`'{}'::uuid[]`),
    outcome: p.enum(auditOutcomes),
    address: p.string().length(64),
    requestId: p.uuid(),
    /** What was asked for when it was refused (e.g. the id probed). */
    detail: p.json<Record<string, unknown>>().nullable(),
  },
});
export type AuditEvent = InferEntity<typeof AuditEvent>;
