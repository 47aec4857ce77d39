import { type AuthChecker, AuthenticationError, getMetadataStorage } from 'type-graphql';
import type { RequestContext } from '../modules/request/request-context.js';

/**
 * `@Authorized()` admits any signed-in account; `@Authorized('ADMIN', ...)` only
 * those roles. Row ownership (which clinic, which client) is the services' job.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }, allowed) => {
  // Signed out (no token, or one that expired or was revoked): "sign in first" (UNAUTHENTICATED) whatever
  // the roles, rather than type-graphql's "your role may not" (FORBIDDEN) for an operation that names roles.
  if (context.viewer.role === 'ANONYMOUS') throw new AuthenticationError();
  return allowed.length === 0 || allowed.includes(context.viewer.role);
};

/** Operations anyone may call, signed in or not (signing in, accepting an invite). */
export const publicOperations = new Set<string>(['signIn', 'acceptInvite']);

/**
 * Deny by default: refuses to build a schema in which a query or mutation
 * states no rule, so a new operation cannot ship open by accident.
 */
export function assertEveryOperationHasARule(): void {
  const storage = getMetadataStorage();
  const ruled = new Set(storage.authorizedFields.map((rule) => `${rule.target.name}.${rule.fieldName}`));
  const classRuled = new Set(storage.authorizedResolver.map((rule) => rule.target.name));
  const open = [...storage.queries, ...storage.mutations]
    .filter((op) => !publicOperations.has(op.schemaName))
    .filter((op) => !ruled.has(`${op.target.name}.${op.methodName}`) && !classRuled.has(op.target.name))
    .map((op) => op.schemaName);
  if (open.length > 0) throw new Error(`operations without an authorization rule: ${open.join(', ')}`);
}
