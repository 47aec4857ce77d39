import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../common/errors.js';
import { type IssuedToken, issueSession } from './access.service.js';
import { Account } from './account.entity.js';
import { normalizeEmail } from './account.service.js';
import { hashPassword, needsRehash, verifyNoPassword, verifyPassword } from './password.js';
import { SignInAttempt } from './sign-in-attempt.entity.js';

/** The one answer to every failed sign-in: it never tells whether the email has an account. */
export class SignInFailedError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 'The email or password is not right');
    this.name = 'SignInFailedError';
  }
}

export class RateLimitedError extends DomainError {
  /** Seconds until the retry time, for the Retry-After header of the 429. */
  readonly retryAfterSeconds: number;
  constructor(readonly retryAt: Date) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
    super(
      'RATE_LIMITED',
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${retryAt.toISOString()}).`,
    );
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
  }
}

const dayMs = 24 * 3600 * 1000;

/** The email as the rate limit counts it and the account table holds it. */
const signInEmail = (typed: string) => normalizeEmail(typed).slice(0, 254);

/**
 * Failed sign-ins slow down the next attempt rather than lock the account (OWASP Authentication Cheat Sheet,
 * "account lockout" as denial of service): counted per (email, address) and per address, never per email
 * alone, so nobody elsewhere can lock the owner out, and the owner's right password from an address with
 * no failures always gets through. Past a number of free failures each key waits `base x 2^(extra failures)`
 * after its latest failure, up to a maximum.
 */
export const signInThrottle = {
  /** Per (email, address): failures counted since the email's last successful sign-in, within a day. */
  pair: { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 },
  /** Per address: failures of the last hour, whichever emails (one address guessing many accounts). */
  address: { free: 20, baseMs: 60_000, maxMs: 60 * 60_000, windowMs: 60 * 60_000 },
} as const;

/** How long after its latest failure a key that has failed `failures` times waits. */
export function backoffMs(failures: number, rule: { free: number; baseMs: number; maxMs: number }): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(failures - rule.free, 30));
}

/** Failures matching `where`, and when the latest was. */
async function failures(tx: EntityManager, where: string, params: unknown[]): Promise<{ count: number; latest: Date | null }> {
  const [row] = await tx.execute<{ n: string; latest: string | Date | null }[]>(
    `select count(*) as n, max(attempted_at) as latest from sign_in_attempt where not succeeded and ${where}`,
    params,
  );
  return { count: Number(row?.n ?? 0), latest: row?.latest ? new Date(row.latest) : null };
}

/**
 * Admits a sign-in attempt, or refuses it with RATE_LIMITED saying when to retry, and records it as a
 * failure until the password proves right. Its own transaction, committed at once, so that it holds even
 * when the request fails, and other server instances see it; advisory locks on the email and the address
 * make check-and-record atomic (always taken in that order, so they cannot deadlock). Refused attempts are
 * not recorded: they do not push the retry time further away.
 */
export async function admitSignInAttempt(em: EntityManager, typedEmail: string, address: string, now = new Date()): Promise<string> {
  const email = signInEmail(typedEmail);
  const addressKey = address.slice(0, 64);
  return em.transactional(
    async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0)), pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `sign-in email ${email}`,
        `sign-in address ${addressKey}`,
      ]);
      const dayAgo = new Date(now.getTime() - dayMs);
      // A successful sign-in (the owner, from anywhere) starts the account's counts again.
      const lastSuccess = await tx.findOne(
        SignInAttempt,
        { email, succeeded: true },
        { orderBy: { attemptedAt: 'desc' }, fields: ['attemptedAt'] },
      );
      const pairSince = lastSuccess && lastSuccess.attemptedAt > dayAgo ? lastSuccess.attemptedAt : dayAgo;
      const pair = await failures(tx, 'email = ? and address = ? and attempted_at > ?', [email, addressKey, pairSince]);
      const fromAddress = await failures(tx, 'address = ? and attempted_at > ?', [
        addressKey,
        new Date(now.getTime() - signInThrottle.address.windowMs),
      ]);
      const retryTimes = [[pair, signInThrottle.pair] as const, [fromAddress, signInThrottle.address] as const].flatMap(
        ([{ count, latest }, rule]) => {
          const wait = backoffMs(count, rule);
          return latest && wait > 0 && latest.getTime() + wait > now.getTime() ? [latest.getTime() + wait] : [];
        },
      );
      if (retryTimes.length > 0) throw new RateLimitedError(new Date(Math.max(...retryTimes)));
      await tx.nativeDelete(SignInAttempt, { email, attemptedAt: { $lt: dayAgo } });
      await tx.nativeDelete(SignInAttempt, { address: addressKey, attemptedAt: { $lt: dayAgo } });
      const attempt = tx.create(SignInAttempt, { email, address: addressKey, attemptedAt: now, succeeded: false });
      await tx.flush();
      return attempt.id;
    },
    { propagation: 'requires_new' },
  );
}

/** What checking the password found, before any transaction is opened (hashing holds no database connection). */
export interface CheckedPassword {
  /** The account whose password it is; null for every failure alike. */
  accountId: string | null;
  /** A new hash when the stored one has an older setting. */
  rehash: string | null;
}

/**
 * Email and password checked on the hashing pool. Every failure (unknown email, wrong password) costs the
 * same: an unknown email is checked against a dummy hash.
 */
export async function checkSignInPassword(em: EntityManager, input: { email: string; password: string }): Promise<CheckedPassword> {
  const account = await em.fork().findOne(Account, { email: signInEmail(input.email) }, { fields: ['id', 'passwordHash'] });
  const right = account ? await verifyPassword(input.password, account.passwordHash) : await verifyNoPassword(input.password);
  if (!account || !right) return { accountId: null, rehash: null };
  return { accountId: account.id, rehash: needsRehash(account.passwordHash) ? await hashPassword(input.password) : null };
}

export interface SignedIn extends IssuedToken {
  account: Account;
}

/**
 * A new session for an attempt admitted by `admitSignInAttempt` whose password `checkSignInPassword`
 * found right (in the mutation's transaction). Every failure (unknown email, wrong password, disabled
 * account) answers the same.
 */
export async function signIn(em: EntityManager, input: { attemptId: string; checked: CheckedPassword }): Promise<SignedIn> {
  const account = input.checked.accountId ? await em.findOne(Account, { id: input.checked.accountId }) : null;
  if (!account || account.disabledAt) throw new SignInFailedError();
  await em.nativeUpdate(SignInAttempt, { id: input.attemptId }, { succeeded: true });
  if (input.checked.rehash) account.passwordHash = input.checked.rehash;
  account.lastSignInAt = new Date();
  const issued = await issueSession(em, account);
  return { ...issued, account };
}
