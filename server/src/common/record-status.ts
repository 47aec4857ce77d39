import { Arg, registerEnumType } from 'type-graphql';
import { enumOf } from './enum-of.js';

/**
 * Where a clinical record stands (FHIR's final / amended / entered-in-error). Records are corrected, never
 * overwritten: an amended row holds its current version, a voided one stays stored for the history.
 */
export const recordStatuses = ['FINAL', 'AMENDED', 'ENTERED_IN_ERROR'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

export const RecordStatusEnum = enumOf(recordStatuses);
registerEnumType(RecordStatusEnum, {
  name: 'RecordStatus',
  description: 'FINAL as recorded, AMENDED after a correction, ENTERED_IN_ERROR when it should never have been recorded.',
});

/**
 * The one SQL condition every computation puts on sessions, observations and questionnaire responses:
 * `alias` is the table's alias in the statement. Entered-in-error rows are kept, but count nowhere.
 */
export function validRecord(alias: string): string {
  return `${alias}.status <> 'ENTERED_IN_ERROR'`;
}

/** The MikroORM filter of valid rows, for the reads that check against a series' sessions or values. */
export const validOnly = { status: { $ne: 'ENTERED_IN_ERROR' } } as const;

/**
 * The records a list field shows: valid ones, or every one when staff ask for the voided too
 * (a client asking gets the valid ones: never an error, never a voided row).
 */
export function listedRecords<T extends { status: RecordStatus }>(
  rows: readonly T[],
  includeEnteredInError: boolean | null | undefined,
  role: string,
): T[] {
  const everything = includeEnteredInError === true && (role === 'ADMIN' || role === 'THERAPIST');
  return everything ? [...rows] : rows.filter((row) => row.status !== 'ENTERED_IN_ERROR');
}

/** The `includeEnteredInError: Boolean = false` argument of the list fields of sessions, values and questionnaires. */
export function IncludeEnteredInErrorArg() {
  return Arg('includeEnteredInError', () => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also list records entered in error (staff only; a client gets the valid records).',
  });
}
