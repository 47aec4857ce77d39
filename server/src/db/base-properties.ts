import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';

/** Columns every stored row has: a random UUID and when it was written (data-entry time, not clinical time). */
export const baseProperties = {
  id: p
    .uuid()
    .primary()
    .onCreate(() => randomUUID()),
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
};
