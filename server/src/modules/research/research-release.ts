/*
 * Query-set overlap control (Dobkin D, Jones AK, Lipton RJ, "Secure databases: protection against user
 * influence", ACM TODS 4(1):97-106, 1979; Denning DE, "Secure statistical databases with random sample
 * queries", ACM TODS 5(3):291-315, 1980). A researcher who gets statistics of two cohorts whose
 * participant sets differ by a few clients can subtract them and learn about those few. So every
 * released cohort's participant set is kept (research_release, research_release_member) for all
 * researchers together, and a cohort whose symmetric difference with an earlier released one is 1 to
 * k - 1 participants is refused with COHORT_OVERLAP, for GraphQL answers and CSV exports alike. The
 * same set again (difference 0) is allowed: cell-key perturbation gives it the same answer.
 *
 * Sets are compared per measure (an export of every measure, `*`, against all): a difference between
 * the NPRS answer of one cohort and the ODI answer of another subtracts nothing. Only releases whose
 * size is within k - 1 of the new set can differ from it by fewer than k, and the (measure, size)
 * index finds them; their common members are counted with the primary key (release, client).
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../common/errors.js';

/** Any constant: the key of the advisory lock that makes check-and-record one step for all researchers. */
const releaseLockKey = 7_140_377;

/** The measure key of an export of every measure. */
export const everyMeasure = '*';

/** A list of ids as one PostgreSQL array literal (a JS array parameter would be expanded into a list of parameters). */
const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

export class CohortOverlapError extends DomainError {
  constructor(k: number) {
    super(
      'COHORT_OVERLAP',
      `This cohort differs from a cohort already released (to any researcher) by fewer than ${k} clients, so its figures could be ` +
        'subtracted from that one to learn about those few clients. Widen or change the filters.',
    );
    this.name = 'CohortOverlapError';
  }
}

/**
 * Refuses a participant set that differs from an earlier released one by 1 to k - 1 clients, or
 * records it as released. Runs in the caller's transaction (`tx`), which must commit for the record to
 * count; the advisory lock serialises releases, so two concurrent near-identical cohorts cannot both pass.
 */
export async function checkAndRecordRelease(
  tx: EntityManager,
  measureCode: string,
  clientIds: readonly string[],
  k: number,
): Promise<void> {
  const ids = [...new Set(clientIds)].sort();
  const n = ids.length;
  const setHash = createHash('md5').update(ids.join(',')).digest('hex');
  await tx.execute('select pg_advisory_xact_lock(?)', [releaseLockKey]);
  const [same] = await tx.execute<{ id: string }[]>(
    'select id from research_release where measure_code = ? and set_hash = ? and size = ? limit 1',
    [measureCode, setHash, n],
  );
  if (same) return;
  const near = await tx.execute<{ size: number; common: number }[]>(
    `select r.size, (select count(*) from research_release_member m where m.release_id = r.id and m.client_id = any(?::uuid[]))::int as common
     from research_release r
     where (r.measure_code = ? or r.measure_code = ? or ?::text = ?) and r.size between ? and ?`,
    [pgArray(ids), measureCode, everyMeasure, measureCode, everyMeasure, n - k + 1, n + k - 1],
  );
  for (const release of near) {
    const difference = release.size + n - 2 * release.common;
    if (difference > 0 && difference < k) throw new CohortOverlapError(k);
  }
  const [release] = await tx.execute<{ id: string }[]>(
    'insert into research_release (created_at, measure_code, size, set_hash) values (now(), ?, ?, ?) returning id',
    [measureCode, n, setHash],
  );
  await tx.execute('insert into research_release_member (release_id, client_id) select ?, unnest(?::uuid[])', [release?.id, pgArray(ids)]);
}
