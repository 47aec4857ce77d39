import { createHash, randomBytes } from 'node:crypto';

/** A new bearer secret (session, API token or invite): 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a secret: its SHA-256, hex. The secrets are 256 random bits, so a
 * fast hash is enough (nothing to guess); a stolen table yields no usable token.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const minute = 60_000;

/** Lifetimes of sessions, tokens and invites (docs/api.md explains them); sign-in throttling is in sign-in.service.ts. */
export const accessPolicy = {
  /** A session ends 12 hours after sign-in whatever happens: one working day. */
  sessionLifetimeMs: 12 * 60 * minute,
  /** … or after 30 minutes without a request (OWASP Session Management Cheat Sheet: 15-30 min for low-risk use). */
  sessionIdleMs: 30 * minute,
  /** `lastUsedAt` is written at most this often, so reads do not write on every request. */
  lastUsedResolutionMs: minute,
  apiTokenDefaultDays: 90,
  /** The longest lifetime any API token may have (a researcher's). */
  apiTokenMaxDays: 365,
  /** … and per role: the more a role reaches, the sooner its tokens end (clients may not make them at all, see access.service.ts). */
  apiTokenMaxDaysByRole: { ADMIN: 90, THERAPIST: 180, CLIENT: 30, RESEARCHER: 365 },
  /** An API token not used for this long ends, whatever its expiry: a forgotten script's token does not live on. */
  apiTokenIdleMs: 30 * 24 * 60 * minute,
  inviteLifetimeMs: 7 * 24 * 60 * minute,
} as const;
