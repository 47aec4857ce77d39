import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor } from '../../common/cursor.js';
import { NotFoundError } from '../../common/errors.js';
import type { ColumnSet } from '../../common/selection.js';
import { checkInteger, checkText, isUuid } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly } from '../../common/viewer.js';
import {
  type ColumnGroups,
  epochMs,
  type PreparedStatement,
  preparedPerColumnSet,
  preparedStatement,
  runPrepared,
  withDates,
} from '../../db/prepared.js';
import { likePattern, maxPageSize } from './client.service.js';
import { type ClientFields, ClientNode } from './client.type.js';

/*
 * Lean reads of clients: the columns a `Client` answer needs, as plain rows turned straight into
 * GraphQL objects, with no tracked entities (identity map, unit of work): reads only answer, and
 * building entities cost most of a read's CPU. Writes keep using the entities (client.service.ts).
 * Statements are prepared once per connection with array parameters (`= any($1)`), so their plans are reused.
 */

/** Client fields answered from the lean columns alone (the others listed here read only the client's id). */
export const leanClientFields: ReadonlySet<string> = new Set([
  'id',
  'givenName',
  'familyName',
  'displayName',
  'dateOfBirth',
  'series',
  'latestObservations',
  'intake',
  'unresolvedRedFlags',
  'contraindications',
  'nextAppointment',
]);
/** The client columns, named as the entity's properties (dates as ISO text, as the entity holds them). */
const clientColumns: ColumnGroups = {
  lean: `id, given_name as "givenName", family_name as "familyName", date_of_birth::text as "dateOfBirth"`,
  detail: `sex, email, phone, preferred_language as "preferredLanguage", referral_source as "referralSource",
    referral_clinician_name as "referralClinicianName", referral_organisation as "referralOrganisation",
    referral_contact as "referralContact", referral_reason as "referralReason", referred_on::text as "referredOn",
    ${epochMs('created_at')} as "createdAt"`,
};

/** A row as a `Client`: a lean one holds only the lean fields, never a null standing for a column not read. */
function clientNode(row: ClientFields, columns: ColumnSet): ClientNode {
  if (columns === 'full') return ClientNode.from(withDates(row, ['createdAt']));
  return Object.assign(new ClientNode(), row, { displayName: `${row.givenName} ${row.familyName}` });
}

const clientsByIds = preparedPerColumnSet(
  'read_clients_by_ids',
  clientColumns,
  (columns) => `select ${columns} from client where id = any(?::uuid[]) and clinic_id = ? and (?::uuid is null or id = ?)`,
);

/** Clients of the viewer's clinic by id (a client viewer: only their own), in no particular order. */
export async function readClientsByIds(
  em: EntityManager,
  viewer: ClinicViewer,
  ids: readonly string[],
  columns: ColumnSet,
): Promise<ClientNode[]> {
  const own = ownClientOnly(viewer);
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await runPrepared<ClientFields>(em, clientsByIds[columns], [valid, viewer.clinicId, own, own]);
  return rows.map((row) => clientNode(row, columns));
}

/** One client of the viewer's clinic; another clinic's client answers exactly like a missing one. */
export async function readClient(em: EntityManager, viewer: ClinicViewer, id: string, columns: ColumnSet): Promise<ClientNode> {
  const [client] = await readClientsByIds(em, viewer, [id], columns);
  if (!client) throw new NotFoundError('Client', id);
  return client;
}

export interface ClientPageRows {
  clients: ClientNode[];
  hasNextPage: boolean;
  /** Counts the matching clients over all pages: only when the answer asks for `totalCount`. */
  countAll: () => Promise<number>;
}

/** Prepared statements of the client list, one per shape (number of search words, with or without a cursor). */
const pageStatements = new Map<string, { page: Record<ColumnSet, PreparedStatement>; count: PreparedStatement }>();

function pageStatementsFor(words: number, after: boolean) {
  const key = `${words}_${after ? 1 : 0}`;
  let found = pageStatements.get(key);
  if (!found) {
    const where = [
      'clinic_id = ?',
      '(?::uuid is null or id = ?)',
      ...Array.from({ length: words }, () => '(given_name ilike ? or family_name ilike ? or email ilike ?)'),
    ].join(' and ');
    found = {
      // A row comparison: the next page starts after the cursor's (family name, given name, id).
      page: preparedPerColumnSet(
        `read_clients_page_${key}`,
        clientColumns,
        (columns) => `select ${columns} from client where ${where}${after ? ' and (family_name, given_name, id) > (?, ?, ?::uuid)' : ''}
        order by family_name, given_name, id limit ?`,
      ),
      count: preparedStatement(`read_clients_count_${words}`, `select count(*)::int as n from client where ${where}`),
    };
    pageStatements.set(key, found);
  }
  return found;
}

/** A page of the viewer's clinic's clients, by family then given name, matching every word of `search`. */
export async function readClientPage(
  em: EntityManager,
  viewer: ClinicViewer,
  args: { search?: string | null; first: number; after?: string | null },
  columns: ColumnSet,
): Promise<ClientPageRows> {
  checkInteger('first', args.first, 1, maxPageSize);
  checkText('search', args.search, 200);
  const words = (args.search ?? '').trim().split(/\s+/).filter(Boolean);
  const after = args.after ? decodeCursor('after', args.after, ['text', 'text', 'uuid']) : null;
  const own = ownClientOnly(viewer);
  const statements = pageStatementsFor(words.length, after !== null);
  const filter = [viewer.clinicId, own, own, ...words.flatMap((word) => [likePattern(word), likePattern(word), likePattern(word)])];
  const rows = await runPrepared<ClientFields>(em, statements.page[columns], [...filter, ...(after ?? []), args.first + 1]);
  return {
    clients: rows.slice(0, args.first).map((row) => clientNode(row, columns)),
    hasNextPage: rows.length > args.first,
    countAll: async () => (await runPrepared<{ n: number }>(em, statements.count, filter))[0]?.n ?? 0,
  };
}
