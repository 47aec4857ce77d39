import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../db/base-properties.js';
import { Account } from './account.entity.js';

/** A browser or script session from signing in, or a personal API token the user made. */
export const accessTokenKinds = ['SESSION', 'API'] as const;
export type AccessTokenKind = (typeof accessTokenKinds)[number];

/**
 * A bearer credential of an account. Only the SHA-256 of the secret is stored. Sessions end
 * at `expiresAt` or after a while unused; API tokens only at `expiresAt`; both when revoked.
 */
export const AccessToken = defineEntity({
  name: 'AccessToken',
  properties: {
    ...baseProperties,
    account: () => p.manyToOne(Account).ref().index(),
    kind: p.enum(accessTokenKinds),
    tokenHash: p.string().length(64).unique(),
    /** The owner's name for an API token; null for sessions. */
    name: p.string().length(100).nullable(),
    expiresAt: p.datetime(),
    /** Kept to the minute: see accessPolicy.lastUsedResolutionMs. */
    lastUsedAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
  },
});
export type AccessToken = InferEntity<typeof AccessToken>;
