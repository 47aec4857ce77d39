import type { MiddlewareFn } from 'type-graphql';
import { HashingBusyError, hashPoolFull } from './hash-pool.js';
import type { AccountsContext } from './http-credentials.js';
import { admitSignInAttempt, type CheckedPassword, checkSignInPassword } from './sign-in.service.js';
import { SignInAttempt } from './sign-in-attempt.entity.js';

const attempts = new WeakMap<object, { attemptId: string; checked: CheckedPassword }>();

/**
 * Admits (or refuses) a `signIn` and checks its password before anything else runs for it, in particular
 * before the audit middleware opens the mutation's transaction: the attempt is recorded in a transaction of
 * its own, so it survives the rollback of a failed sign-in, and the password is hashed on the hashing pool
 * while the request holds no pooled connection (a burst of sign-ins once held them all, and other users'
 * requests answered 503). With the pool's queue full, the sign-in is refused at once (RATE_LIMITED, 429)
 * and no attempt is recorded. Listed first among the schema's root-field middlewares.
 */
export const admitSignIns: MiddlewareFn<AccountsContext> = async ({ context, info, args }, next) => {
  if (info.parentType.name !== 'Mutation' || info.fieldName !== 'signIn') return next();
  if (hashPoolFull()) throw new HashingBusyError();
  const email = String(args.email ?? '');
  const attemptId = await admitSignInAttempt(context.em, email, context.address);
  let checked: CheckedPassword;
  try {
    checked = await checkSignInPassword(context.em, { email, password: String(args.password ?? '') });
  } catch (error) {
    // Refused for the load, not the password: the attempt does not count against the account or the address.
    if (error instanceof HashingBusyError) await context.em.fork().nativeDelete(SignInAttempt, { id: attemptId });
    throw error;
  }
  attempts.set(context, { attemptId, checked });
  return next();
};

/** The attempt `admitSignIns` recorded for this request, and what checking its password found. */
export function admittedAttempt(context: AccountsContext): { attemptId: string; checked: CheckedPassword } {
  const attempt = attempts.get(context);
  if (!attempt) throw new Error('signIn ran without admitSignIns: list it in the schema’s root-field middlewares');
  return attempt;
}
