/*
 * Bulk loading, shared by the demo's research network (research-network.ts) and the research
 * benchmark (tests/bench/research-bench-data.ts): the bulk-load advice of the PostgreSQL manual,
 * "Populating a Database" (14.4.3 Remove Indexes, 14.4.4 Remove Foreign Key Constraints).
 */

/** Runs one SQL statement with `$1`-style parameters and returns its rows (a pg client, or an ORM connection). */
export type RunSql = <T extends object>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * Runs `load` with the foreign keys and secondary indexes of `tables` dropped, then puts them back:
 * one index build and one join per key instead of an index insert per row and index, and a lookup
 * (and row lock) per row and key. Returns the seconds the rebuild took (every row is checked against
 * every key then). Inside a transaction the whole load stays all-or-nothing.
 */
export async function withoutKeysAndIndexes(run: RunSql, tables: string[], load: () => Promise<void>): Promise<number> {
  const list = `{${tables.join(',')}}`;
  const keys = await run<{ table: string; name: string; definition: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
     from pg_constraint where contype = 'f' and conrelid = any($1::regclass[])`,
    [list],
  );
  const indexes = await run<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i where i.indrelid = any($1::regclass[]) and not i.indisprimary and not i.indisunique`,
    [list],
  );
  for (const key of keys) await run(`alter table ${key.table} drop constraint "${key.name}"`);
  for (const index of indexes) await run(`drop index ${index.name}`);
  await load();
  const started = Date.now();
  await run(`set maintenance_work_mem = '256MB'`);
  for (const index of indexes) await run(index.definition);
  for (const key of keys) await run(`alter table ${key.table} add constraint "${key.name}" ${key.definition}`);
  return (Date.now() - started) / 1000;
}
