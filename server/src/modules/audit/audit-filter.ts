import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { BadInputError } from '../../common/errors.js';
import { isMalformedText } from '../../common/text.js';
import { isUuid } from '../../common/validate.js';
import type { StaffViewer } from '../../common/viewer.js';
import { getClient } from '../clients/client.service.js';
import { Clinic } from '../clinics/clinic.entity.js';
import type { AuditFilter, AuditPosition } from './audit.service.js';

/** The filters as they arrive (GraphQL arguments or the CSV download's JSON body). */
export type AuditFilterInput = Partial<Omit<AuditFilter, 'clinicId' | 'timeZone'>>;

/** YYYY-MM-DD of a day that exists, from year 1 (PostgreSQL has no year 0). */
const isLocalDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '0001-01-01') return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
};

/**
 * Checks an admin's audit filters and scopes them to the admin's clinic. Another clinic's client answers
 * NOT_FOUND like a missing one; an account id needs no such check, since it only narrows the clinic's own
 * rows (and attempts on the clinic's records by other clinics' accounts are among them).
 */
export async function checkAuditFilter(em: EntityManager, admin: StaffViewer, input: AuditFilterInput): Promise<AuditFilter> {
  if (input.clientId) await getClient(em, admin, input.clientId);
  if (input.accountId && !isUuid(input.accountId)) throw new BadInputError('accountId', 'uuid', 'is not an account id');
  if (input.operation && (input.operation.length > 100 || isMalformedText(input.operation)))
    throw new BadInputError('operation', 'length', 'must be an operation name of at most 100 characters');
  for (const field of ['fromDate', 'toDate'] as const) {
    const value = input[field];
    // Checked here too: the CSV download's body does not pass through the GraphQL scalar (and PostgreSQL refuses 2026-02-30).
    if (value && !isLocalDate(value)) throw new BadInputError(field, 'date', 'must be a calendar date, YYYY-MM-DD');
  }
  if (input.fromDate && input.toDate && input.fromDate > input.toDate)
    throw new BadInputError('toDate', 'range', 'must not be before the first day');
  const clinic = await em.findOneOrFail(Clinic, admin.clinicId, { fields: ['timeZone'] });
  return { ...input, clinicId: admin.clinicId, timeZone: clinic.timeZone };
}

/** A page's position as an opaque cursor: the time and id of the last row seen. */
export function auditCursor(row: AuditPosition): string {
  return encodeCursor([row.at.toISOString(), row.id]);
}

export function decodeAuditCursor(field: string, cursor: string): AuditPosition {
  const [at, id] = decodeCursor(field, cursor, ['text', 'uuid']) as [string, string];
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== at)
    throw new BadInputError(field, 'cursor', 'is not a cursor returned by this list');
  return { at: instant, id };
}
