import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * A client-chosen key of a create-type mutation: a retry with the same key gets
 * the first result back instead of writing again.
 */
export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  uniques: [{ properties: ['owner', 'key'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** Whose key it is: the account id (keys of different accounts never collide). */
    owner: p.string().length(64),
    key: p.string().length(200),
    operation: p.string().length(100),
    /** SHA-256 of the operation and its input, to tell a retry from a different request. */
    requestHash: p.string().length(64),
    /** The id of what the first call created. */
    resultId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IdempotencyKey = InferEntity<typeof IdempotencyKey>;
