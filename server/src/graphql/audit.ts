import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { MiddlewareFn } from 'type-graphql';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { DomainError } from '../common/errors.js';
import { ViewerNode } from '../modules/accounts/account.type.js';
import { addAuditEvents, writeAuditEvents } from '../modules/audit/audit.service.js';
import { ClientConnection, ClientNode } from '../modules/clients/client.type.js';
import { CaseloadConnection } from '../modules/progress/progress.type.js';
import type { RequestContext } from '../modules/request/request-context.js';
import { unlessUnavailable } from './errors.js';

/** The clients whose data a root field returned: clients themselves, or records that name one. */
export function clientIdsOf(result: unknown): string[] {
  if (Array.isArray(result)) return result.flatMap(clientIdsOf);
  if (result instanceof ClientNode) return [result.id];
  if (result instanceof ClientConnection) return result.edges.map((edge) => edge.node.id);
  if (result instanceof CaseloadConnection) return result.edges.map((edge) => edge.node.clientId);
  if (result instanceof ViewerNode) return result.client ? [result.client.id] : [];
  if (result && typeof result === 'object' && 'clientId' in result && typeof result.clientId === 'string') return [result.clientId];
  return [];
}

/**
 * Audits every root operation that touches a person. A mutation runs in one
 * transaction with its audit row, so a change is never stored without its trace
 * (services' own transactions become savepoints of it). A read is recorded once
 * it has succeeded, one row per client read.
 */
export const auditRootFields: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const operation = `${info.parentType.name}.${info.fieldName}`;
  if (info.parentType.name === 'Mutation') {
    return context.em.transactional(async (tx) => {
      const outer = context.em;
      context.em = tx;
      try {
        const result = await next();
        addAuditEvents(tx, context.viewer, context, { operation, outcome: 'ALLOWED', clientIds: clientIdsOf(result) });
        await tx.flush();
        return result;
      } finally {
        context.em = outer;
      }
    });
  }
  const result = await next();
  const clientIds = clientIdsOf(result);
  if (clientIds.length > 0) {
    await writeAuditEvents(context.em, context.viewer, context, { operation, outcome: 'ALLOWED', clientIds });
  }
  return result;
};

/** Values of `id` and `...Id` keys anywhere in the variables. */
function idsIn(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => idsIn(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => idsIn(v, k));
  return typeof value === 'string' && (key === 'id' || key.endsWith('Id')) ? [value.slice(0, 64)] : [];
}

/** Refusals: signed out, a role that may not, or a record outside the viewer's reach. */
function refusal(error: unknown): 'DENIED' | 'NOT_FOUND' | null {
  if (error instanceof AuthenticationError || error instanceof AuthorizationError) return 'DENIED';
  if (error instanceof DomainError) {
    if (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED') return 'DENIED';
    if (error.code === 'NOT_FOUND') return 'NOT_FOUND';
  }
  return null;
}

/** Writes an audit row for every refused operation, with what was asked for. */
export function auditRefusalsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, request, operation }) {
          for (const error of errors) {
            const outcome = refusal(unwrapResolverError(error));
            const field = error.path?.[0];
            if (!outcome || typeof field !== 'string') continue;
            // A refusal that cannot be recorded is not answered as a refusal: the caller is told to retry.
            await unlessUnavailable(() =>
              writeAuditEvents(contextValue.em, contextValue.viewer, contextValue, {
                operation: `${operation?.operation === 'mutation' ? 'Mutation' : 'Query'}.${field}`,
                outcome,
                clientIds: [],
                // The ids asked for, never the clinical content of the request.
                detail: { requestedIds: idsIn(request.variables ?? {}) },
              }),
            );
          }
        },
      };
    },
  };
}
