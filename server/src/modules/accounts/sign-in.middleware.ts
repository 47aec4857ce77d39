import type { MiddlewareFn } from 'type-graphql';
import type { AccountsContext } from './http-credentials.js';
import { admitSignInAttempt } from './sign-in.service.js';

const attempts = new WeakMap<object, string>();

/**
 * Admits (or refuses) a `signIn` before anything else runs for it, in particular before the
 * audit middleware opens the mutation's transaction: the attempt is recorded in a transaction of
 * its own, so it survives the rollback of a failed sign-in, and the request never holds one pooled
 * connection while it waits for another (which a burst of sign-ins could otherwise deadlock on).
 * Listed first among the schema's root-field middlewares.
 */
export const admitSignIns: MiddlewareFn<AccountsContext> = async ({ context, info, args }, next) => {
  if (info.parentType.name !== 'Mutation' || info.fieldName !== 'signIn') return next();
  attempts.set(context, await admitSignInAttempt(context.em, String(args.email ?? ''), context.address));
  return next();
};

/** The attempt `admitSignIns` recorded for this request. */
export function admittedAttempt(context: AccountsContext): string {
  const attempt = attempts.get(context);
  if (!attempt) throw new Error('signIn ran without admitSignIns: list it in the schema’s root-field middlewares');
  return attempt;
}
