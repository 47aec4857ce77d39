import type { EntityManager } from '@mikro-orm/postgresql';
import { storableText } from '../../common/text.js';
import { isUuid } from '../../common/validate.js';
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

/**
 * What jsonb can hold of a detail: text without NUL or lone surrogates (U+FFFD in their place), at most 6 levels
 * deep and 50 items or keys per level. Details are built by the server from what was asked for, never the whole request.
 */
function storable(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return storableText(value.slice(0, 200));
  if (value === null || typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  if (depth >= 6) return '…';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => storable(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 50)
      .map(([key, item]) => [storableText(key.slice(0, 100)), storable(item, depth + 1)]),
  );
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
    detail: entry.detail ? (storable(entry.detail, 0) as Record<string, unknown>) : null,
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

/** The client and clinic each id names, for any kind of a client's record (the client, an intake, a series, a visit, a value, a questionnaire). */
const recordsOfIds = preparedStatement(
  'audit_records_of_ids',
  `select c.id as client_id, c.clinic_id from client c where c.id = any(?::uuid[])
  union select i.client_id, i.clinic_id from intake i where i.id = any(?::uuid[])
  union select s.client_id, s.clinic_id from treatment_series s where s.id = any(?::uuid[])
  union select s.client_id, s.clinic_id from treatment_session v join treatment_series s on s.id = v.series_id where v.id = any(?::uuid[])
  union select o.client_id, o.clinic_id from observation o where o.id = any(?::uuid[])
  union select q.client_id, q.clinic_id from questionnaire_response q where q.id = any(?::uuid[])`,
);

/**
 * A refused attempt on clients' records, filed a second time under each client an id asked for names and
 * under that client's clinic: the clinic's admin (audit trail) and the client (who has seen my record) see
 * attempts on it from anywhere. The caller's own row stays under the caller's clinic with no client, and
 * the caller's answer is the same whether or not the record exists.
 */
export async function writeAttemptsOnRecords(
  em: EntityManager,
  viewer: Viewer,
  request: RequestInfo,
  entry: AuditEntry,
  requestedIds: readonly string[],
): Promise<void> {
  const ids = requestedIds.filter(isUuid);
  if (ids.length === 0) return;
  const records = await runPrepared<{ client_id: string; clinic_id: string }>(em, recordsOfIds, [ids, ids, ids, ids, ids, ids]);
  const rows = records.map((record) => ({
    ...auditRows(viewer, request, entry)[0],
    clientId: record.client_id,
    clinicId: record.clinic_id,
  }));
  for (const row of rows as AuditRow[]) {
    await runPrepared(em, insertAuditEvents, [
      new Date(),
      row.accountId,
      row.role,
      row.operation,
      row.clinicId,
      row.outcome,
      row.address,
      row.requestId,
      row.detail === null ? null : JSON.stringify(row.detail),
      [row.clientId],
    ]);
  }
}

/**
 * The names of the staff accounts among `accountIds` that belong to the clinic: the therapist's name, or the
 * account's own name for an admin who does not treat. Accounts of other clinics, clients and researchers are
 * left out, so a reader of the trail never learns who another clinic's staff or another client are.
 */
export async function staffNames(em: EntityManager, clinicId: string, accountIds: readonly string[]): Promise<Map<string, string>> {
  const ids = accountIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ id: string; name: string | null }[]>(
    `select a.id, coalesce(t.given_name || ' ' || t.family_name, a.name) as name
       from account a left join therapist t on t.id = a.therapist_id
      where a.clinic_id = ? and a.role in ('ADMIN', 'THERAPIST') and a.id in (?)`,
    [clinicId, ids],
  );
  return new Map(rows.flatMap((row) => (row.name ? [[row.id, row.name] as const] : [])));
}
