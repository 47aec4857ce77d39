import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * One sign-in attempt, for the rate limits: kept in PostgreSQL so that every server instance
 * counts the same attempts. Rows older than a day are pruned as new attempts come in.
 */
export const SignInAttempt = defineEntity({
  name: 'SignInAttempt',
  indexes: [{ properties: ['email', 'attemptedAt'] }, { properties: ['address', 'attemptedAt'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    attemptedAt: p.datetime(),
    /** As typed, trimmed and lower-cased, whether or not an account has it. */
    email: p.string().length(254),
    address: p.string().length(64),
    /** Counted as a failure until the password is found right. */
    succeeded: p.boolean().default(false),
  },
});
export type SignInAttempt = InferEntity<typeof SignInAttempt>;
