import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../common/viewer.js';
import { preparedStatement, runPrepared } from '../../db/prepared.js';
import type { RequestInfo } from '../request/request-context.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';

export interface AuditEntry {
  operation: string;
  outcome: AuditOutcome;
  /** The clients whose data the operation read or changed; none for an operation on no person. */
  clientIds: readonly string[];
  detail?: Record<string, unknown>;
}

/** The audit rows of one operation: one per client touched (one row with no client for an operation on no person). */
type AuditRow = ReturnType<typeof auditRows>[number];

function auditRows(viewer: Viewer, request: RequestInfo, entry: AuditEntry) {
  const who = {
    accountId: viewer.role === 'ANONYMOUS' ? null : viewer.accountId,
    role: viewer.role,
    clinicId: viewer.role === 'ANONYMOUS' || viewer.role === 'RESEARCHER' ? null : viewer.clinicId,
    operation: entry.operation,
    outcome: entry.outcome,
    address: request.address.slice(0, 64),
    requestId: request.requestId,
    detail: entry.detail ?? null,
  };
  const clients = entry.clientIds.length > 0 ? [...new Set(entry.clientIds)] : [null];
  return clients.map((clientId) => ({ ...who, clientId }));
}

/** Adds the audit rows of one operation to the unit of work of `em`: for a change, the same transaction as the change itself. */
export function addAuditEvents(em: EntityManager, viewer: Viewer, request: RequestInfo, entry: AuditEntry): void {
  for (const row of auditRows(viewer, request, entry)) em.create(AuditEvent, row);
}

/** One INSERT of any number of audit rows, column by column as arrays. */
const insertAuditEvents = preparedStatement(
  'insert_audit_events',
  `insert into audit_event (id, at, account_id, role, operation, clinic_id, client_id, outcome, address, request_id, detail)
  select gen_random_uuid(), ?, ?, ?, ?, ?, client_id, ?, ?, ?, ?
  from unnest(?::uuid[]) as client_id`,
);

/**
 * Writes the audit rows of one operation on their own (a read, or a refusal that changed
 * nothing): one prepared INSERT, committed on its own. A read is audited on every request,
 * so this is kept to one short statement.
 */
export async function writeAuditEvents(em: EntityManager, viewer: Viewer, request: RequestInfo, entry: AuditEntry): Promise<void> {
  const rows = auditRows(viewer, request, entry);
  const [who] = rows as [AuditRow];
  await runPrepared(em, insertAuditEvents, [
    new Date(),
    who.accountId,
    who.role,
    who.operation,
    who.clinicId,
    who.outcome,
    who.address,
    who.requestId,
    who.detail === null ? null : JSON.stringify(who.detail),
    rows.map((row) => row.clientId),
  ]);
}
