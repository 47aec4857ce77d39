import {
  type ArgumentNode,
  type DirectiveNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValidationContext,
  type ValidationRule,
  valueFromASTUntyped,
} from 'graphql';
import { maxPageSize } from '../modules/clients/client.service.js';

/**
 * What one GraphQL document may ask for. Chosen so that the client's documents
 * (`schema/operations/*.graphql`), the API tests and the standard introspection query of
 * development stay well within, while documents built to exhaust the server do not
 * (`tests/api/limits.test.ts` measures them all):
 *
 * - **depth 16**: the client's queries are at most 5 deep and the deepest test query, the caseload query
 *   of the batching test (`clients > edges > node > series > sessions > observations > measure > unit`), 8.
 *   `getIntrospectionQuery()`, which GraphiQL and codegen send in development, is 15: its type references
 *   nest `ofType` so as to unwrap types like `[[X!]!]!`. The limit must let it through (limits apply to
 *   introspection too), and cycles such as `series { client { series … } }` are stopped by the cost anyway.
 * - **aliases 10**: the client uses none. Aliases are how one request runs the same field many times (a
 *   sign-in tried with many passwords, the same page fetched many times), which a rate limit counts once.
 * - **directives 20**: the client uses none; `@include`/`@skip` on a handful of fields is plenty. Bounded so
 *   that a document cannot make the server work through thousands of them.
 * - **cost 10,000,000**: a static upper bound of the values a response can hold (see `measureOperation`).
 *   The heaviest legitimate query, the batching test's caseload (100 clients with every nested list), costs
 *   4,260,602; the introspection query about 350,000; the client's queries at most 82,856 (the visit
 *   history: each record's revisions and their field changes are two more unpaged lists). The limit is
 *   about twice the heaviest: one more unpaged level of lists below the caseload, or three copies of it
 *   under aliases, is rejected.
 * - **tokens 2,000** (a parser option, see `parseOptions`): the caseload query is 66 tokens, the client's
 *   largest query 72 and the introspection query 184 (variables are JSON, not tokens). The parser stops
 *   at the limit, so a document of a million tokens costs no more than 2,000 tokens of work.
 * - **page size 100**: the services reject `first` above `maxPageSize` with BAD_USER_INPUT.
 */
export interface GraphQLLimits extends CostOptions {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  maxTokens: number;
}

export const graphqlLimits: Readonly<GraphQLLimits> = {
  maxDepth: 16,
  maxAliases: 10,
  maxDirectives: 20,
  maxCost: 10_000_000,
  maxTokens: 2_000,
  /**
   * How many items an unpaged list is assumed to hold: a client's series, a series' sessions, a session's
   * observations, regions and questionnaires, the catalogs. Real series plan 6 to 12 visits, a visit records
   * a handful of values and regions, a client has one to three series, and the largest catalog (body
   * regions) has 21 entries: 20 is a generous size for each, so the estimate errs on the high side.
   */
  defaultListSize: 20,
  /** What a `first` given as a variable is assumed to be: the largest page the services serve. */
  variablePageSize: maxPageSize,
};

/** The `extensions.code` of each limit's error; `formatError` shows them to the client. */
export const limitErrorCodes = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COSTLY'] as const;
export type LimitErrorCode = (typeof limitErrorCodes)[number];

export function isLimitErrorCode(code: unknown): code is LimitErrorCode {
  return (limitErrorCodes as readonly unknown[]).includes(code);
}

/** What an operation asks for, counted with its fragments expanded where they are spread. */
export interface OperationMeasures {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

export interface CostOptions {
  defaultListSize: number;
  variablePageSize: number;
}

type FieldDefinition = GraphQLField<unknown, unknown>;

/**
 * Walks one operation and counts what it asks for. Each fragment is measured once per page size that
 * reaches it and reused wherever it is spread, so a document of fragments that each spread the next twice
 * costs linear work here, while its measures grow as its execution would. A fragment that spreads itself
 * (reported by graphql's own NoFragmentCycles rule) counts nothing the second time round.
 *
 * Cost: every field costs 1. A list field costs 1 plus its items times the cost of one item's selection,
 * the items being its `first` argument, or the page size of the connection it is the `edges` of, or else
 * `defaultListSize`. A field with a `first` argument that is not itself a list (a connection) passes its
 * page size to the lists directly below it. `first` given as a variable counts as `variablePageSize`.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined,
  options: CostOptions,
): OperationMeasures {
  const fragmentMeasures = new Map<string, OperationMeasures>();
  const inProgress = new Set<string>();

  function directiveCount(directives: readonly DirectiveNode[] | undefined): number {
    return directives?.length ?? 0;
  }

  function fieldDefinition(parent: GraphQLNamedType | undefined, name: string): FieldDefinition | undefined {
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (parent && parent === schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
    return undefined;
  }

  /** The page size a `first` argument asks for, or undefined when the field has none. */
  function pageSize(definition: FieldDefinition | undefined, node: { arguments?: readonly ArgumentNode[] | undefined }) {
    const argument = node.arguments?.find((candidate) => candidate.name.value === 'first');
    if (argument) {
      if (argument.value.kind === Kind.VARIABLE) return options.variablePageSize;
      const value = valueFromASTUntyped(argument.value);
      return typeof value === 'number' && value >= 0 ? value : options.defaultListSize;
    }
    const declared = definition?.args.find((candidate) => candidate.name === 'first')?.defaultValue;
    return typeof declared === 'number' ? declared : undefined;
  }

  function measureSelectionSet(
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    inheritedPageSize: number | undefined,
  ): OperationMeasures {
    const total: OperationMeasures = { depth: 0, aliases: 0, directives: 0, cost: 0 };
    const add = (part: OperationMeasures, depthOffset: number) => {
      total.depth = Math.max(total.depth, part.depth + depthOffset);
      total.aliases += part.aliases;
      total.directives += part.directives;
      total.cost += part.cost;
    };
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          const definition = fieldDefinition(parent, selection.name.value);
          const nullable = definition ? getNullableType(definition.type) : undefined;
          const isList = nullable !== undefined && isListType(nullable);
          const ownPageSize = pageSize(definition, selection);
          const items = isList ? (ownPageSize ?? inheritedPageSize ?? options.defaultListSize) : 1;
          const below = selection.selectionSet
            ? measureSelectionSet(
                selection.selectionSet,
                definition ? getNamedType(definition.type) : undefined,
                isList ? undefined : ownPageSize,
              )
            : { depth: 0, aliases: 0, directives: 0, cost: 0 };
          add(
            {
              depth: below.depth,
              aliases: below.aliases + (selection.alias ? 1 : 0),
              directives: below.directives + directiveCount(selection.directives),
              cost: 1 + items * below.cost,
            },
            1,
          );
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          const inner = measureSelectionSet(selection.selectionSet, condition, inheritedPageSize);
          add({ ...inner, directives: inner.directives + directiveCount(selection.directives) }, 0);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const inner = measureFragment(selection.name.value, inheritedPageSize);
          add({ ...inner, directives: inner.directives + directiveCount(selection.directives) }, 0);
          break;
        }
      }
    }
    return total;
  }

  function measureFragment(name: string, inheritedPageSize: number | undefined): OperationMeasures {
    const key = `${name}\u0000${inheritedPageSize ?? ''}`;
    const known = fragmentMeasures.get(key);
    if (known) return known;
    const fragment = fragments(name);
    if (!fragment || inProgress.has(key)) return { depth: 0, aliases: 0, directives: 0, cost: 0 };
    inProgress.add(key);
    const inner = measureSelectionSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), inheritedPageSize);
    inProgress.delete(key);
    const measured = { ...inner, directives: inner.directives + directiveCount(fragment.directives) };
    fragmentMeasures.set(key, measured);
    return measured;
  }

  const root = schema.getRootType(operation.operation) ?? undefined;
  const body = measureSelectionSet(operation.selectionSet, root, undefined);
  const variableDirectives = (operation.variableDefinitions ?? []).reduce((sum, variable) => sum + directiveCount(variable.directives), 0);
  return { ...body, directives: body.directives + directiveCount(operation.directives) + variableDirectives };
}

/** Measures each operation of the document being validated once, whichever rules ask. */
const measured = new WeakMap<ValidationContext, Map<OperationDefinitionNode, OperationMeasures>>();

function measuresOf(context: ValidationContext, operation: OperationDefinitionNode, options: CostOptions): OperationMeasures {
  let byOperation = measured.get(context);
  if (!byOperation) {
    byOperation = new Map();
    measured.set(context, byOperation);
  }
  let measures = byOperation.get(operation);
  if (!measures) {
    measures = measureOperation(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, options);
    byOperation.set(operation, measures);
  }
  return measures;
}

function operationLabel(operation: OperationDefinitionNode): string {
  return operation.name ? `Operation "${operation.name.value}"` : 'The operation';
}

function limitRule(
  code: LimitErrorCode,
  limit: number,
  costOptions: CostOptions,
  measure: (measures: OperationMeasures) => number,
  describe: (operation: string, value: number, limit: number) => string,
): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const value = measure(measuresOf(context, operation, costOptions));
      if (value > limit) {
        context.reportError(
          new GraphQLError(describe(operationLabel(operation), value, limit), {
            nodes: [operation],
            // Apollo sets `code` of every validation error to GRAPHQL_VALIDATION_FAILED and keeps the rest;
            // `formatError` turns `validationErrorCode` back into the code the client sees.
            extensions: { validationErrorCode: code, limit },
          }),
        );
      }
      return false;
    },
  });
}

export function maxDepthRule(max: number, costOptions: CostOptions = graphqlLimits): ValidationRule {
  return limitRule(
    'QUERY_TOO_DEEP',
    max,
    costOptions,
    (m) => m.depth,
    (operation, depth, limit) => `${operation} is nested ${depth} fields deep; the limit is ${limit} (maximum query depth).`,
  );
}

export function maxAliasesRule(max: number, costOptions: CostOptions = graphqlLimits): ValidationRule {
  return limitRule(
    'TOO_MANY_ALIASES',
    max,
    costOptions,
    (m) => m.aliases,
    (operation, aliases, limit) => `${operation} uses ${aliases} aliases; the limit is ${limit} (maximum aliases).`,
  );
}

export function maxDirectivesRule(max: number, costOptions: CostOptions = graphqlLimits): ValidationRule {
  return limitRule(
    'TOO_MANY_DIRECTIVES',
    max,
    costOptions,
    (m) => m.directives,
    (operation, directives, limit) => `${operation} uses ${directives} directives; the limit is ${limit} (maximum directives).`,
  );
}

export function maxCostRule(max: number, costOptions: CostOptions = graphqlLimits): ValidationRule {
  return limitRule(
    'QUERY_TOO_COSTLY',
    max,
    costOptions,
    (m) => m.cost,
    (operation, cost, limit) =>
      `${operation} has an estimated cost of ${cost}; the limit is ${limit} (maximum query cost: each field costs 1, ` +
      `lists multiply by their page size or ${costOptions.defaultListSize}).`,
  );
}

/** Every limit as validation rules, for `validationRules` of Apollo Server: they run on every document. */
export function limitRules(limits: Readonly<GraphQLLimits> = graphqlLimits): ValidationRule[] {
  return [
    maxDepthRule(limits.maxDepth, limits),
    maxAliasesRule(limits.maxAliases, limits),
    maxDirectivesRule(limits.maxDirectives, limits),
    maxCostRule(limits.maxCost, limits),
  ];
}
