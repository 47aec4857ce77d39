import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../common/errors.js';
import { type IssuedToken, issueSession } from './access.service.js';
import { Account } from './account.entity.js';
import { normalizeEmail } from './account.service.js';
import { hashPassword, needsRehash, verifyNoPassword, verifyPassword } from './password.js';
import { accessPolicy } from './secrets.js';
import { SignInAttempt } from './sign-in-attempt.entity.js';

/** The one answer to every failed sign-in: it never tells whether the email has an account. */
export class SignInFailedError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 'The email or password is not right');
    this.name = 'SignInFailedError';
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAt: Date) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
    super(
      'RATE_LIMITED',
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${retryAt.toISOString()}).`,
    );
    this.name = 'RateLimitedError';
  }
}

const dayMs = 24 * 3600 * 1000;

/** The email as the rate limit counts it and the account table holds it. */
const signInEmail = (typed: string) => normalizeEmail(typed).slice(0, 254);

/**
 * When a key that has reached its limit may try again: the `limit`-th most recent failure since
 * `since` leaves the window then. Null while under the limit.
 */
async function limitedUntil(tx: EntityManager, key: { email: string } | { address: string }, limit: number, since: Date) {
  const [oldest] = await tx.find(
    SignInAttempt,
    { ...key, succeeded: false, attemptedAt: { $gt: since } },
    { orderBy: { attemptedAt: 'desc' }, offset: limit - 1, limit: 1, fields: ['attemptedAt'] },
  );
  return oldest ? new Date(oldest.attemptedAt.getTime() + accessPolicy.signInWindowMs) : null;
}

/**
 * Admits a sign-in attempt, or refuses it with RATE_LIMITED, and records it as a failure until
 * the password proves right. Its own transaction, committed at once, so that it holds even when
 * the request fails, and other server instances see it; advisory locks on the email and the
 * address make check-and-record atomic (always taken in that order, so they cannot deadlock).
 * Refused attempts are not recorded: they do not push the retry time further away.
 */
export async function admitSignInAttempt(em: EntityManager, typedEmail: string, address: string): Promise<string> {
  const email = signInEmail(typedEmail);
  const now = new Date();
  return em.transactional(
    async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0)), pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `sign-in email ${email}`,
        `sign-in address ${address}`,
      ]);
      const windowStart = new Date(now.getTime() - accessPolicy.signInWindowMs);
      // A successful sign-in starts the account's count again; the address's count runs on.
      const lastSuccess = await tx.findOne(
        SignInAttempt,
        { email, succeeded: true },
        { orderBy: { attemptedAt: 'desc' }, fields: ['attemptedAt'] },
      );
      const accountSince = lastSuccess && lastSuccess.attemptedAt > windowStart ? lastSuccess.attemptedAt : windowStart;
      const retryTimes = [
        await limitedUntil(tx, { email }, accessPolicy.failuresPerAccount, accountSince),
        await limitedUntil(tx, { address }, accessPolicy.failuresPerAddress, windowStart),
      ].filter((time): time is Date => time !== null);
      if (retryTimes.length > 0) throw new RateLimitedError(new Date(Math.max(...retryTimes.map((t) => t.getTime()))));
      const dayAgo = new Date(now.getTime() - dayMs);
      await tx.nativeDelete(SignInAttempt, { email, attemptedAt: { $lt: dayAgo } });
      await tx.nativeDelete(SignInAttempt, { address, attemptedAt: { $lt: dayAgo } });
      const attempt = tx.create(SignInAttempt, { email, address: address.slice(0, 64), attemptedAt: now, succeeded: false });
      await tx.flush();
      return attempt.id;
    },
    { propagation: 'requires_new' },
  );
}

export interface SignedIn extends IssuedToken {
  account: Account;
}

/**
 * Email and password to a new session, for an attempt admitted by `admitSignInAttempt`. Every
 * failure (unknown email, wrong password, disabled account) answers the same and costs the same:
 * an unknown email is checked against a dummy hash.
 */
export async function signIn(em: EntityManager, input: { email: string; password: string; attemptId: string }): Promise<SignedIn> {
  const account = await em.findOne(Account, { email: signInEmail(input.email) });
  const right = account ? await verifyPassword(input.password, account.passwordHash) : await verifyNoPassword(input.password);
  if (!account || !right || account.disabledAt) throw new SignInFailedError();

  await em.nativeUpdate(SignInAttempt, { id: input.attemptId }, { succeeded: true });
  if (needsRehash(account.passwordHash)) account.passwordHash = await hashPassword(input.password);
  account.lastSignInAt = new Date();
  const issued = await issueSession(em, account);
  return { ...issued, account };
}
