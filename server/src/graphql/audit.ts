import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  type DocumentNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { BadInputError, DomainError } from '../common/errors.js';
import { isMalformedText } from '../common/text.js';
import { ViewerNode } from '../modules/accounts/account.type.js';
import { addAuditEvent, writeAttemptsOnRecords, writeAuditEvents } from '../modules/audit/audit.service.js';
import { ClientConnection, ClientNode } from '../modules/clients/client.type.js';
import { CaseloadConnection } from '../modules/progress/progress.type.js';
import type { RequestContext } from '../modules/request/request-context.js';
import { retryAfterSeconds, serviceUnavailableError, unlessUnavailable } from './errors.js';

/** The clients whose data a root mutation returned: clients themselves, or records that name one. */
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
 * The GraphQL types whose values are a client's data, and whose each one is. Every other type that holds
 * a client's data (SOAP notes, treated regions, progress, answers …) is only reachable through one of
 * these; `tests/api/audit-paths.test.ts` walks the schema from every root field to check it.
 */
export const clientDataTypes: Readonly<Record<string, (value: Record<string, unknown>) => unknown>> = {
  Client: (value) => value.id,
  Intake: (value) => value.clientId,
  TreatmentSeries: (value) => value.clientId,
  TreatmentSession: (value) => value.clientId,
  Observation: (value) => value.clientId,
  QuestionnaireResponse: (value) => value.clientId,
  CaseloadItemNode: (value) => value.clientId,
  Appointment: (value) => value.clientId,
  ReminderNotice: (value) => value.clientId,
  ReminderPreferences: (value) => value.clientId,
};

/** Per request: the clients whose data each root field's answer holds, and those a mutation's own rows cover. */
interface ClientReads {
  byRootField: Map<string, Set<string>>;
  /** The same sets by the root field's response key (its alias or name): found once, not for each row. */
  byResponseKey: Map<string | number, Set<string>>;
  covered: Set<string>;
}

const reads = new WeakMap<object, ClientReads>();

function readsOf(context: object): ClientReads {
  let found = reads.get(context);
  if (!found) {
    found = { byRootField: new Map(), byResponseKey: new Map(), covered: new Set() };
    reads.set(context, found);
  }
  return found;
}

/** The clients noted for the root field `info` is under, by its operation name (`Query.client`, never its alias). */
function clientsOfRootField(found: ClientReads, info: GraphQLResolveInfo): Set<string> {
  let path = info.path;
  while (path.prev) path = path.prev;
  const key = path.key;
  let set = found.byResponseKey.get(key);
  if (set) return set;
  const root = info.operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const selection = info.operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === key);
  const operation = `${root}.${selection?.kind === Kind.FIELD ? selection.name.value : String(key)}`;
  set = found.byRootField.get(operation) ?? new Set();
  found.byRootField.set(operation, set);
  found.byResponseKey.set(key, set);
  return set;
}

/**
 * Notes whose data a field of a client-data type resolved to, whatever root field the request started
 * from (`accounts { client { … } }` as much as `client(id:)`). Called by the wrapper schema.ts puts
 * around every field whose type is in `clientDataTypes`; the rows are written once, before the answer leaves.
 */
export function noteClientData(context: object, typeName: string, value: unknown, info: GraphQLResolveInfo): void {
  const clientOf = clientDataTypes[typeName];
  if (!clientOf || value === null || value === undefined) return;
  const clients = clientsOfRootField(readsOf(context), info);
  const collect = (item: unknown) => {
    if (Array.isArray(item)) for (const inner of item) collect(inner);
    else if (item && typeof item === 'object') {
      const id = clientOf(item as Record<string, unknown>);
      if (typeof id === 'string') clients.add(id);
    }
  };
  collect(value);
}

/**
 * Audits every root mutation in one transaction with its audit row, so a change is never stored without
 * its trace (services' own transactions become savepoints of it). Reads are audited by `auditPlugin`
 * from what resolved.
 */
export const auditRootFields: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  const operation = `${info.parentType.name}.${info.fieldName}`;
  return context.em.transactional(async (tx) => {
    const outer = context.em;
    context.em = tx;
    try {
      const result = await next();
      const clientIds = clientIdsOf(result);
      addAuditEvent(tx, context.viewer, context, { operation, outcome: 'ALLOWED', clientIds });
      await tx.flush();
      for (const id of clientIds) readsOf(context).covered.add(id);
      return result;
    } finally {
      context.em = outer;
    }
  });
};

/** How much of a request's variables is looked at, and how much of what was asked for a refusal keeps. */
export const auditBounds = {
  /** Variables nested deeper than this are refused (no operation of the schema takes more than 4 levels). */
  maxVariableDepth: 32,
  /** Ids kept in a refusal's row; the rest are counted. */
  maxRequestedIds: 20,
  /** Characters kept of each id. */
  idLength: 64,
  /** Values looked at when collecting ids (a 1 MB body holds at most some 500,000). */
  maxValuesVisited: 10_000,
};

/**
 * The first unused variable holding text PostgreSQL cannot store (NUL, a lone surrogate) or nested deeper than
 * `maxVariableDepth`, found without recursion (a body of 100,000 nested arrays must not overflow the stack).
 * Used variables are left to their types and to `refuseMalformedText`, which name the argument.
 */
function hostileVariable(variables: Record<string, unknown>, used: Set<string>): BadInputError | null {
  const stack: [unknown, string, number][] = Object.entries(variables)
    .filter(([name]) => !used.has(name))
    .map(([name, value]) => [value, name, 1]);
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === 'string') {
      if (isMalformedText(value)) return new BadInputError(path, 'unicode', 'must be well-formed Unicode text without NUL characters');
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > auditBounds.maxVariableDepth) {
      return new BadInputError(path, 'depth', `must not be nested more than ${auditBounds.maxVariableDepth} levels deep`);
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) stack.push([item, `${path}[${index}]`, depth + 1]);
    } else
      for (const [key, item] of Object.entries(value)) {
        if (isMalformedText(key)) return new BadInputError(path, 'unicode', 'must have well-formed Unicode keys without NUL characters');
        stack.push([item, `${path}.${key}`, depth + 1]);
      }
  }
  return null;
}

/** Names of the variables an operation uses, its fragments included. */
function usedVariables(document: DocumentNode, operation: OperationDefinitionNode): Set<string> {
  const used = new Set<string>();
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const seenFragments = new Set<string>();
  const values: ValueNode[] = [];
  const selectionSets: SelectionSetNode[] = [operation.selectionSet];
  const directiveArgs = (directives: readonly { arguments?: readonly { value: ValueNode }[] }[] | undefined) => {
    for (const directive of directives ?? []) for (const argument of directive.arguments ?? []) values.push(argument.value);
  };
  directiveArgs(operation.directives);
  while (selectionSets.length > 0) {
    for (const selection of (selectionSets.pop() as SelectionSetNode).selections) {
      directiveArgs(selection.directives);
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) values.push(argument.value);
        if (selection.selectionSet) selectionSets.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) selectionSets.push(selection.selectionSet);
      else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) selectionSets.push(fragment.selectionSet);
      }
    }
  }
  while (values.length > 0) {
    const value = values.pop() as ValueNode;
    if (value.kind === Kind.VARIABLE) used.add(value.name.value);
    else if (value.kind === Kind.LIST) values.push(...value.values);
    else if (value.kind === Kind.OBJECT) values.push(...value.fields.map((field) => field.value));
  }
  return used;
}

/** The arguments of every field of the operation (its fragments included), with their values: literal or from the variables. */
function argumentValues(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) {
  const found: [string, unknown][] = [];
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const seenFragments = new Set<string>();
  const selectionSets: SelectionSetNode[] = [operation.selectionSet];
  while (selectionSets.length > 0) {
    for (const selection of (selectionSets.pop() as SelectionSetNode).selections) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) found.push([argument.name.value, valueFromASTUntyped(argument.value, variables)]);
        if (selection.selectionSet) selectionSets.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) selectionSets.push(selection.selectionSet);
      else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) selectionSets.push(fragment.selectionSet);
      }
    }
  }
  return found;
}

const isIdKey = (key: string) => key === 'id' || key === 'ids' || key.endsWith('Id') || key.endsWith('Ids');

/**
 * The ids the operation asked for, however they were written (inline or as variables it uses; variables it
 * does not use are never read): values of `id`, `ids`, `…Id` and `…Ids` arguments and input fields. Walked
 * without recursion and within `auditBounds`; at most `maxRequestedIds` are kept, the rest counted.
 */
export function requestedIds(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { ids: string[]; more: number } {
  const ids = new Set<string>();
  let more = 0;
  let visited = 0;
  const stack: [unknown, string, number][] = argumentValues(document, operation, variables).map(([name, value]) => [value, name, 1]);
  while (stack.length > 0 && visited < auditBounds.maxValuesVisited) {
    visited++;
    const [value, key, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === 'string') {
      if (!isIdKey(key)) continue;
      const id = value.slice(0, auditBounds.idLength);
      if (ids.has(id)) continue;
      if (ids.size < auditBounds.maxRequestedIds) ids.add(id);
      else more++;
    } else if (value && typeof value === 'object' && depth <= auditBounds.maxVariableDepth) {
      if (Array.isArray(value)) for (const item of value) stack.push([item, key, depth + 1]);
      else for (const [inner, item] of Object.entries(value)) stack.push([item, inner, depth + 1]);
    }
  }
  more += stack.length;
  return { ids: [...ids], more };
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

/** The `extensions` mark of a request refused for its unused variables (see `hostileVariable`). */
const hostileVariablesMark = 'hostileVariables';

/**
 * The audit trail of every GraphQL request:
 *
 * - **reads**: the clients whose data the answer holds (`noteClientData`), one row per root field listing
 *   its clients, written before the answer leaves; if they cannot be written, the answer is a 503, not the data;
 * - **refusals** (signed out, a role that may not, a record out of reach) with the ids asked for, however
 *   written, bounded; when an id asked for names a client's record, the attempt is also filed under that
 *   client and their clinic, so its admin and the client see it (the caller's answer does not change);
 * - **hostile variables**: a request whose unused variables hold text PostgreSQL cannot store or nest too
 *   deep is refused as BAD_USER_INPUT before it runs, and audited like a refusal.
 */
export function auditPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const variables = request.variables ?? {};
          if (!operation || Object.keys(variables).length === 0) return;
          const bad = hostileVariable(variables, usedVariables(document, operation));
          if (!bad) return;
          throw Object.assign(new Error(bad.message), {
            // A GraphQLError is made of it by Apollo with these extensions (formatError shows field and rule).
            extensions: { code: 'BAD_USER_INPUT', field: bad.field, rule: bad.rule, [hostileVariablesMark]: true, http: { status: 400 } },
          });
        },
        async didEncounterErrors({ errors, contextValue, request, operation, document }) {
          for (const error of errors) {
            const hostile = error.extensions?.[hostileVariablesMark] === true;
            const outcome = hostile ? 'DENIED' : refusal(unwrapResolverError(error));
            if (!outcome) continue;
            delete error.extensions[hostileVariablesMark];
            const root = operation?.operation === 'mutation' ? 'Mutation' : 'Query';
            const firstField = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
            const field = hostile ? (firstField?.kind === Kind.FIELD ? firstField.name.value : undefined) : error.path?.[0];
            if (typeof field !== 'string') continue;
            const asked = operation && document ? requestedIds(document, operation, request.variables ?? {}) : { ids: [], more: 0 };
            const entry = {
              operation: `${root}.${field}`,
              outcome,
              clientIds: [],
              // The ids asked for, never the clinical content of the request.
              detail: {
                requestedIds: asked.ids,
                ...(asked.more > 0 ? { moreRequestedIds: asked.more } : {}),
                ...(hostile ? { refusedVariable: error.extensions.field } : {}),
              },
            } as const;
            // A refusal that cannot be recorded is not answered as a refusal: the caller is told to retry.
            await unlessUnavailable(async () => {
              await writeAuditEvents(contextValue.em, contextValue.viewer, contextValue, entry);
              await writeAttemptsOnRecords(contextValue.em, contextValue.viewer, contextValue, entry, asked.ids);
            });
          }
        },
        async willSendResponse({ contextValue, response }) {
          const found = reads.get(contextValue);
          if (!found) return;
          // One row per root field listing its clients, all of the request's rows in one group commit.
          const entries = [...found.byRootField].flatMap(([operation, ids]) => {
            const clientIds = [...ids].filter((id) => !found.covered.has(id));
            return clientIds.length > 0 ? [{ operation, outcome: 'ALLOWED' as const, clientIds }] : [];
          });
          try {
            await unlessUnavailable(() => writeAuditEvents(contextValue.em, contextValue.viewer, contextValue, ...entries));
          } catch (error) {
            // No client's data leaves without its audit rows.
            const unavailable = serviceUnavailableError(error);
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  { message: unavailable.message, extensions: { code: unavailable.extensions.code, retryAfter: retryAfterSeconds } },
                ],
              },
            };
            response.http.status = 503;
            response.http.headers = new HeaderMap([...response.http.headers, ['retry-after', String(retryAfterSeconds)]]);
          }
        },
      };
    },
  };
}
