import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
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

/** The audit row of one operation: every client it touched, each once, in one row (none for an operation on no person). */
type AuditRow = ReturnType<typeof auditRow>;

function auditRow(viewer: Viewer, request: RequestInfo, entry: AuditEntry) {
  return {
    accountId: viewer.role === 'ANONYMOUS' ? null : viewer.accountId,
    role: viewer.role,
    clinicId: viewer.role === 'ANONYMOUS' || viewer.role === 'RESEARCHER' ? null : viewer.clinicId,
    operation: entry.operation,
    clientIds: [...new Set(entry.clientIds)],
    outcome: entry.outcome,
    address: request.address.slice(0, 64),
    requestId: request.requestId,
    detail: entry.detail ? (storable(entry.detail, 0) as Record<string, unknown>) : null,
  };
}

/** Adds the audit row of one operation to the unit of work of `em`: for a change, the same transaction as the change itself. */
export function addAuditEvent(em: EntityManager, viewer: Viewer, request: RequestInfo, entry: AuditEntry): void {
  em.create(AuditEvent, auditRow(viewer, request, entry));
}

/**
 * One INSERT of any number of audit rows (of any number of requests), column by column as arrays. A row's
 * clients travel as one array literal (`{id,id}`): unnest cannot take an array of arrays of different lengths.
 */
const insertAuditRows = preparedStatement(
  'insert_audit_rows',
  `insert into audit_event (id, at, account_id, role, operation, clinic_id, client_ids, outcome, address, request_id, detail)
  select gen_random_uuid(), r.at, r.account_id, r.role, r.operation, r.clinic_id, r.client_ids::uuid[], r.outcome, r.address, r.request_id, r.detail
  from unnest(?::timestamptz[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::jsonb[])
    as r(at, account_id, role, operation, clinic_id, client_ids, outcome, address, request_id, detail)`,
);

/** Rows waiting for the next commit of a pool, each with the request that waits for it. */
interface Waiting {
  rows: (AuditRow & { at: Date })[];
  done: (error?: unknown) => void;
}
interface GroupCommit {
  waiting: Waiting[];
  flushing: boolean;
}
const groups = new WeakMap<pg.Pool, GroupCommit>();
/** Rows of at most this many requests go in one INSERT (a bounded statement); the rest wait for the next. */
const maxRequestsPerCommit = 500;

/**
 * Group commit: the audit rows of concurrent requests share one INSERT, committed once (one WAL flush for
 * all of them) instead of one commit per request. While a commit is in flight the rows of new requests
 * wait for it to end (the few milliseconds of a flush), then go together in the next. Each request's
 * promise settles only when the commit holding its rows has returned, so no answer leaves before its
 * audit rows are durable (PostgreSQL's `synchronous_commit` is on); a failed commit fails every request
 * whose rows it held, and each of them answers 503.
 */
async function flush(em: EntityManager, group: GroupCommit): Promise<void> {
  group.flushing = true;
  try {
    while (group.waiting.length > 0) {
      const batch = group.waiting.splice(0, maxRequestsPerCommit);
      const rows = batch.flatMap((waiting) => waiting.rows);
      try {
        await runPrepared(em, insertAuditRows, [
          rows.map((row) => row.at),
          rows.map((row) => row.accountId),
          rows.map((row) => row.role),
          rows.map((row) => row.operation),
          rows.map((row) => row.clinicId),
          rows.map((row) => `{${row.clientIds.join(',')}}`),
          rows.map((row) => row.outcome),
          rows.map((row) => row.address),
          rows.map((row) => row.requestId),
          rows.map((row) => (row.detail === null ? null : JSON.stringify(row.detail))),
        ]);
        for (const waiting of batch) waiting.done();
      } catch (error) {
        for (const waiting of batch) waiting.done(error);
      }
    }
  } finally {
    group.flushing = false;
  }
}

/** Writes audit rows in the next group commit of `em`'s pool; resolves once they are committed. */
async function commitAuditRows(em: EntityManager, rows: AuditRow[]): Promise<void> {
  if (em.isInTransaction()) throw new Error('audit rows written on their own cannot be part of a transaction');
  const pool = (await em.getConnection().getNativeClient()) as pg.Pool;
  let group = groups.get(pool);
  if (!group) {
    group = { waiting: [], flushing: false };
    groups.set(pool, group);
  }
  const at = new Date();
  const committed = new Promise<void>((resolve, reject) => {
    (group as GroupCommit).waiting.push({
      rows: rows.map((row) => ({ ...row, at })),
      done: (error) => (error === undefined ? resolve() : reject(error)),
    });
  });
  if (!group.flushing) void flush(em, group);
  return committed;
}

/**
 * Writes the audit rows of a request's operations on their own (reads, or a refusal that changed nothing):
 * one row per operation, committed with those of concurrent requests (group commit, see `flush`). A read is
 * audited on every request, so this is kept to a share of one short statement.
 */
export async function writeAuditEvents(em: EntityManager, viewer: Viewer, request: RequestInfo, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0)
    await commitAuditRows(
      em,
      entries.map((entry) => auditRow(viewer, request, entry)),
    );
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
  // One row per clinic whose records were asked for, listing its clients.
  const byClinic = new Map<string, string[]>();
  for (const record of records) byClinic.set(record.clinic_id, [...(byClinic.get(record.clinic_id) ?? []), record.client_id]);
  const row = auditRow(viewer, request, entry);
  const rows = [...byClinic].map(([clinicId, clientIds]) => ({ ...row, clinicId, clientIds: [...new Set(clientIds)] }));
  if (rows.length > 0) await commitAuditRows(em, rows);
}

/** What the clinic admin's audit trail viewer (and its CSV download) narrows the clinic's rows to. */
export interface AuditFilter {
  clinicId: string;
  /** IANA zone of the clinic: `fromDate` and `toDate` are its calendar days. */
  timeZone: string;
  clientId?: string | null;
  accountId?: string | null;
  /** The operation, e.g. `Query.client`. */
  operation?: string | null;
  /** true: refusals only (DENIED, NOT_FOUND); false: allowed only; null: both. */
  refused?: boolean | null;
  /** First calendar day (YYYY-MM-DD), inclusive. */
  fromDate?: string | null;
  /** Last calendar day (YYYY-MM-DD), inclusive. */
  toDate?: string | null;
  /** Only rows before this instant (the older API's paging). */
  before?: Date | null;
}

/** Where a page starts: after the row with this time and id (rows are newest first). */
export interface AuditPosition {
  at: Date;
  id: string;
}

/** One row of the audit trail as the viewer and the CSV show it. */
export interface AuditTrailRow {
  id: string;
  at: Date;
  account_id: string | null;
  account_email: string | null;
  role: string;
  operation: string;
  client_id: string | null;
  outcome: AuditOutcome;
  address: string;
  detail: { requestedIds?: unknown; moreRequestedIds?: unknown; disclosure?: unknown; recipient?: unknown } | null;
}

/**
 * A stored row as the trail shows it: one event per client of the row (or one with no client), as when every
 * client had a row of its own. The event's id is the row's when the row names at most one client (so rows
 * written before `client_ids` keep their ids), else one derived from the row and the client; unique either way.
 */
const trailSelect = `select case when cardinality(e.client_ids) > 1 then md5(e.id::text || c.client_id::text)::uuid else e.id end as id,
    e.at, e.account_id, a.email as account_email, e.role, e.operation, c.client_id, e.outcome, e.address, e.detail
  from audit_event e
  cross join lateral unnest(case when cardinality(e.client_ids) = 0 then array[null]::uuid[] else e.client_ids end) as c(client_id)
  left join account a on a.id = e.account_id`;

/** The ordering of the trail, newest first; `(at, id)` of an event is also where a page starts. */
const trailOrder = 'order by e.at desc, 1 desc';
const trailPosition = `(e.at, case when cardinality(e.client_ids) > 1 then md5(e.id::text || c.client_id::text)::uuid else e.id end)`;

/**
 * The one statement behind the admin's audit trail, as a page (`after`, `limit`) or whole (the CSV download):
 * every filter is here, so how rows are stored can change in one place. Newest first; the index on
 * (clinic_id, at) serves the clinic and the date range, the GIN index on client_ids a client.
 */
export function auditTrailStatement(filter: AuditFilter, page: { after?: AuditPosition | null; limit?: number } = {}) {
  const where = ['e.clinic_id = ?'];
  const params: unknown[] = [filter.clinicId];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (filter.clientId) add('e.client_ids @> array[?::uuid] and c.client_id = ?', filter.clientId, filter.clientId);
  if (filter.accountId) add('e.account_id = ?', filter.accountId);
  if (filter.operation) add('e.operation = ?', filter.operation);
  if (filter.refused === true) add(`e.outcome <> 'ALLOWED'`);
  if (filter.refused === false) add(`e.outcome = 'ALLOWED'`);
  // A calendar day of the clinic: from its midnight in the clinic's zone to the next one.
  if (filter.fromDate) add('e.at >= (?::date)::timestamp at time zone ?', filter.fromDate, filter.timeZone);
  if (filter.toDate) add('e.at < (?::date + 1)::timestamp at time zone ?', filter.toDate, filter.timeZone);
  if (filter.before) add('e.at < ?', filter.before);
  // `e.at <= ?` on its own too, so the index bounds the scan.
  if (page.after) add(`e.at <= ? and ${trailPosition} < (?::timestamptz, ?::uuid)`, page.after.at, page.after.at, page.after.id);
  const sql = `${trailSelect}
    where ${where.join(' and ')}
    ${trailOrder}${page.limit ? ' limit ?' : ''}`;
  if (page.limit) params.push(page.limit);
  return { sql, params };
}

/** Who has accessed a client's record, or tried to (attempts from anywhere are filed under the client), newest first. */
export function findRecordAccess(em: EntityManager, clientId: string, limit: number) {
  return em.execute<AuditTrailRow[]>(
    `${trailSelect}
    where e.client_ids @> array[?::uuid] and c.client_id = ?
    ${trailOrder} limit ?`,
    [clientId, clientId, limit],
  );
}

/** One page of the clinic's audit trail. */
export function findAuditTrail(em: EntityManager, filter: AuditFilter, page: { after?: AuditPosition | null; limit: number }) {
  const { sql, params } = auditTrailStatement(filter, page);
  return em.execute<AuditTrailRow[]>(sql, params);
}

/** The ids a refusal's row says were asked for, and how many more there were. */
export function requestedIdsOf(row: Pick<AuditTrailRow, 'detail'>): { ids: string[]; more: number } {
  const ids = Array.isArray(row.detail?.requestedIds) ? row.detail.requestedIds.filter((id): id is string => typeof id === 'string') : [];
  const more = typeof row.detail?.moreRequestedIds === 'number' ? row.detail.moreRequestedIds : 0;
  return { ids, more };
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
