import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../common/errors.js';
import { checkText } from '../../common/validate.js';
import type { ClinicViewer } from '../../common/viewer.js';

/** JSON with object keys sorted, so the same input hashes the same whatever the field order. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface IdempotentCall<T> {
  key: string | null | undefined;
  operation: string;
  input: unknown;
  create: (em: EntityManager) => Promise<T>;
  reload: (em: EntityManager, id: string) => Promise<T>;
}

/**
 * Runs `create` once per key: a retry with the same key and input returns the
 * first result; the same key with another input is a CONFLICT. Concurrent
 * retries wait on the key's unique index until the first call commits.
 */
export async function idempotent<T extends { id: string }>(em: EntityManager, viewer: ClinicViewer, call: IdempotentCall<T>): Promise<T> {
  if (call.key === null || call.key === undefined) return call.create(em);
  checkText('idempotencyKey', call.key, 200, true);
  const owner = viewer.accountId ?? 'system';
  const requestHash = createHash('sha256')
    .update(canonical({ operation: call.operation, input: call.input }))
    .digest('hex');
  return em.transactional(async (tx) => {
    const claimed = await tx.execute<{ id: string }[]>(
      `insert into idempotency_key (id, owner, key, operation, request_hash, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, now()) on conflict (owner, key) do nothing returning id`,
      [owner, call.key, call.operation, requestHash],
    );
    if (claimed.length === 1) {
      const result = await call.create(tx);
      await tx.execute('update idempotency_key set result_id = ? where id = ?', [result.id, claimed[0]?.id]);
      return result;
    }
    const [first] = await tx.execute<{ request_hash: string; result_id: string }[]>(
      'select request_hash, result_id from idempotency_key where owner = ? and key = ?',
      [owner, call.key],
    );
    if (!first || first.request_hash !== requestHash) {
      throw new DomainError(
        'CONFLICT',
        'idempotencyKey: this key was already used for a different request',
        'idempotencyKey',
        'reused-with-different-input',
      );
    }
    return call.reload(tx, first.result_id);
  });
}
