import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestInfo } from '../../graphql/context.js';
import type { Viewer } from '../../graphql/viewer.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';

export interface AuditEntry {
  operation: string;
  outcome: AuditOutcome;
  /** The clients whose data the operation read or changed; none for an operation on no person. */
  clientIds: readonly string[];
  detail?: Record<string, unknown>;
}

/**
 * Adds the audit rows of one operation to the unit of work of `em`: for a change,
 * the same transaction as the change itself. One row per client touched.
 */
export function addAuditEvents(em: EntityManager, viewer: Viewer, request: RequestInfo, entry: AuditEntry): void {
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
  for (const clientId of clients) em.create(AuditEvent, { ...who, clientId });
}

/** Writes the audit rows of one operation on their own (a read, or a refusal that changed nothing). */
export async function writeAuditEvents(em: EntityManager, viewer: Viewer, request: RequestInfo, entry: AuditEntry): Promise<void> {
  const fork = em.fork();
  addAuditEvents(fork, viewer, request, entry);
  await fork.flush();
}
