import type { EntityManager } from '@mikro-orm/postgresql';
import { bodyRegionCatalog } from '../modules/body-regions/body-region-catalog.js';
import { conditionCatalog } from '../modules/conditions/condition-catalog.js';
import { instruments } from '../modules/instruments/instrument-catalog.js';
import { measureCatalog } from '../modules/measures/measure-catalog.js';

/**
 * The catalogs live in code (reviewed, cited); their tables are mirrors so that
 * foreign keys hold and SQL analytics can join them. Upserted at every start:
 * a few dozen rows, one statement per table.
 */
export async function syncCatalogs(em: EntityManager): Promise<void> {
  const upsert = async (tx: EntityManager, table: string, columns: string[], rows: unknown[][]) => {
    if (rows.length === 0) return;
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const values = rows.map(() => placeholders).join(', ');
    const updates = columns
      .slice(1)
      .map((column) => `"${column}" = excluded."${column}"`)
      .join(', ');
    await tx.execute(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values} on conflict ("${columns[0]}") do update set ${updates}`,
      rows.flat(),
    );
  };
  await em.transactional(async (tx) => {
    await upsert(
      tx,
      'condition',
      ['code', 'name', 'icd10'],
      conditionCatalog.map((c) => [c.code, c.name, c.icd10]),
    );
    await upsert(
      tx,
      'body_region',
      ['code', 'name', 'lateral'],
      bodyRegionCatalog.map((r) => [r.code, r.name, r.lateral]),
    );
    await upsert(
      tx,
      'measure',
      ['code', 'name', 'kind', 'loinc', 'unit', 'min_value', 'max_value', 'direction', 'mcid', 'mcid_percent', 'threshold_kind'],
      measureCatalog.map((m) => [
        m.code,
        m.name,
        m.kind,
        m.loinc,
        m.unit,
        m.min,
        m.max,
        m.direction === 'HIGHER_IS_BETTER' ? 1 : -1,
        m.mcid,
        m.mcidPercentOfBaseline ?? null,
        m.thresholdKind,
      ]),
    );
    await upsert(
      tx,
      'instrument',
      ['code', 'name', 'scoring_version'],
      instruments.map((i) => [i.code, i.name, i.scoringVersion]),
    );
  });
}
