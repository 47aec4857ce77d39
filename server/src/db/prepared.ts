import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import type { ColumnSet } from '../common/selection.js';

/**
 * A statement that each database connection parses and plans once, then reuses: the hot read
 * paths (series progress, caseload) are large CTE queries whose planning cost more than their
 * execution, and whose text took longer to send than their parameters. The pool's connections
 * use generic plans for prepared statements (`genericPlans`, set by `ormConfig`), so a parameter never triggers a
 * re-plan.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** Connection options under which prepared statements always use their generic plan. */
export const genericPlans = { options: '-c plan_cache_mode=force_generic_plan' };

/** Names a statement and turns its `?` placeholders into `$1`, `$2`, ... (one value each; pass arrays as `?::uuid[]`). */
export function preparedStatement(name: string, sql: string): PreparedStatement {
  let next = 0;
  return { name, text: sql.replace(/\?/g, () => `$${++next}`) };
}

/** The columns of a lean read: those every answer needs, and the detail only a full read adds to them. */
export interface ColumnGroups {
  lean: string;
  detail: string;
}

/**
 * A statement in one variant per column set (`sql` given the columns of each): the lean one named `<name>_lean`,
 * the full one (lean and detail columns) `name`. Two variants at most, so a connection never holds more than two
 * plans of a read.
 */
export function preparedPerColumnSet(
  name: string,
  columns: ColumnGroups,
  sql: (columns: string) => string,
): Record<ColumnSet, PreparedStatement> {
  return {
    lean: preparedStatement(`${name}_lean`, sql(columns.lean)),
    full: preparedStatement(name, sql(`${columns.lean}, ${columns.detail}`)),
  };
}

/**
 * Runs a prepared statement on the pool of `em`'s connection. Only outside a transaction:
 * a pooled connection would not see the transaction's own writes.
 */
export async function runPrepared<T>(em: EntityManager, statement: PreparedStatement, values: readonly unknown[]): Promise<T[]> {
  if (em.isInTransaction()) throw new Error(`prepared statement ${statement.name} cannot run inside a transaction`);
  const pool = (await em.getConnection().getNativeClient()) as pg.Pool;
  em.config.get('onQuery')(statement.text, values);
  const result = await pool.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: [...values] });
  return result.rows;
}

/**
 * A `timestamptz` column as whole epoch milliseconds (a float8, which pg hands over as a number): the ORM's pool
 * returns timestamps as text, and a number makes a `Date` exactly as the entities hold it (milliseconds, truncated).
 */
export function epochMs(column: string): string {
  return `floor(extract(epoch from ${column}) * 1000)::float8`;
}

/** Turns the named epoch-millisecond fields of a lean row (see `epochMs`) into `Date`s, null staying null. */
export function withDates<T>(row: T, fields: readonly (keyof T)[]): T {
  for (const field of fields) {
    const value = row[field] as unknown;
    if (value !== null && value !== undefined) (row as Record<keyof T, unknown>)[field] = new Date(value as number);
  }
  return row;
}
