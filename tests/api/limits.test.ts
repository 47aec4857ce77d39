import { readdirSync, readFileSync } from 'node:fs';
import { graphqlLimits, limitRules, measureOperation, type OperationMeasures } from '@fascia/server/graphql/limits.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import type { Viewer } from '@fascia/server/modules/request/request-context.js';
import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getIntrospectionQuery,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';

let db: TestDatabase;
let api: TestApi;
let viewer: Viewer;
let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildFasciaSchema();
  db = await createTestDatabase();
  viewer = await createClinicWithTherapist(db);
  api = await startApi(db, viewer);
  // One client with a visit, so that nested lists resolve something.
  const clinic = clinicApi(api);
  const seriesId = await clinic.startSeries(await clinic.createClient());
  await clinic.recordSession(neckVisit(seriesId, '2026-01-05T15:00:00Z', 6, 4));
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

/** Sends a raw HTTP request to /graphql and reads the JSON answer, whatever the status. */
async function send(init: RequestInit & { search?: string }): Promise<{ status: number; body: any; text: string }> {
  const response = await fetch(`${api.url}/graphql${init.search ?? ''}`, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

function measure(document: string): OperationMeasures {
  const parsed = parse(document);
  const fragments = new Map(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, operation, (name) => fragments.get(name), graphqlLimits);
}

/** Expects the answer to be one error with `code` whose message names the limit. */
function expectRejected(response: { status: number; errors?: any[]; data?: unknown }, code: string, limit: number) {
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors ?? [];
  expect(error.extensions).toEqual({ code, limit });
  expect(error.message).toContain(`the limit is ${limit}`);
}

function expectAccepted(response: { status: number; errors?: unknown[] }) {
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
}

/** The batching test's query: 100 clients with every nested list, the heaviest legitimate query. */
const caseload = `{ clients(first: 100) { edges { node {
  displayName intake { chiefComplaints }
  latestObservations { measureCode value }
  series { conditionCode condition { name } client { displayName }
    sessions { startedAt regions { regionCode } observations { value measure { unit } } questionnaireResponses { score } }
    observations { value } questionnaireResponses { score } } } } } }`;

const repeat = (count: number, text: string) => Array.from({ length: count }, (_, i) => text.replaceAll('#', String(i))).join(' ');

describe('the documents the project sends are well within the limits', () => {
  const clientDocuments = readdirSync(new URL('../../schema/operations/', import.meta.url)).map((file) =>
    readFileSync(new URL(`../../schema/operations/${file}`, import.meta.url), 'utf8'),
  );

  test('the client documents, the caseload query and the introspection queries pass every rule', () => {
    const documents = [
      ...clientDocuments,
      caseload,
      getIntrospectionQuery(),
      getIntrospectionQuery({
        descriptions: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        directiveIsRepeatable: true,
        specifiedByUrl: true,
      }),
    ];
    for (const document of documents) {
      expect(validate(schema, parse(document, { maxTokens: graphqlLimits.maxTokens }), limitRules())).toEqual([]);
    }
  });

  test('with room to spare', () => {
    for (const document of clientDocuments) {
      const measures = measure(document);
      expect(measures.depth).toBeLessThanOrEqual(graphqlLimits.maxDepth / 2);
      expect(measures.aliases).toBe(0);
      expect(measures.directives).toBe(0);
      // The visit history is the dearest (about 83,000): each record's revisions and their field changes
      // are two unpaged lists under the series' lists, each counted at 20 items.
      expect(measures.cost).toBeLessThanOrEqual(graphqlLimits.maxCost / 100);
    }
    const heaviest = measure(caseload);
    expect(heaviest.depth).toBe(8);
    expect(heaviest.cost).toBeLessThanOrEqual(graphqlLimits.maxCost / 2);
    expect(measure(getIntrospectionQuery()).cost).toBeLessThanOrEqual(graphqlLimits.maxCost / 20);
  });

  test('the introspection query of GraphiQL and codegen runs in development', async () => {
    const response = await api.graphql(getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }));
    expectAccepted(response);
    expect((response.data as any).__schema.queryType.name).toBe('Query');
  });
});

describe('cost', () => {
  test('each field costs 1 and a list multiplies its selection by its page size or 20', () => {
    // 1 + 20 × (code + name)
    expect(measure('{ measures { code name } }').cost).toBe(41);
    // clients 1 + totalCount 1 + edges (1 + 7 × (node 1 + id 1))
    expect(measure('{ clients(first: 7) { totalCount edges { node { id } } } }').cost).toBe(17);
    // Without `first`, the argument's default page size (20) applies.
    expect(measure('{ clients { edges { node { id } } } }').cost).toBe(2 + 20 * 2);
    // A page size given as a variable may be anything up to the largest page: 100.
    expect(measure('query($n: Int!) { clients(first: $n) { edges { node { id } } } }').cost).toBe(2 + 100 * 2);
    // Nested unpaged lists multiply: 1 + 20 × (1 + 20 × 1)
    expect(measure('query($id: ID!) { series(id: $id) { sessions { regions { regionCode } } } }').cost).toBe(1 + (1 + 20 * (1 + 20)));
  });

  test('fragments count where they are spread, as many times as they are spread', () => {
    const inline = measure('{ a: measures { code } b: measures { code } }');
    const spread = measure('{ a: measures { ...M } b: measures { ...M } } fragment M on Measure { code }');
    const typed = measure('{ a: measures { ... on Measure { code } } b: measures { ... @include(if: true) { code } } }');
    expect(spread).toEqual(inline);
    expect(typed).toEqual({ ...inline, directives: 1 });
  });

  test('the heaviest legitimate query is accepted and finds its rows', async () => {
    const response = await api.graphql(caseload);
    expectAccepted(response);
    expect((response.data as any).clients.edges[0].node.series[0].sessions).toHaveLength(1);
  });

  /**
   * A query of exactly `cost`: a 100-client caseload down to observations, padded with `__typename` at the
   * levels whose multipliers (800,000 / 40,000 / 2,000 / 100 / 1) add up to the rest.
   */
  function queryOfCost(cost: number): string {
    // clients 1 + edges 1 + 100 × (node 1 + series 1 + 20 × (1 + sessions 20 × (1 + observations 20 × k)))
    const base = (k: number) => 2 + 100 * (1 + 1 + 20 * (1 + 20 * (1 + 20 * k)));
    let perObservation = 1;
    while (base(perObservation + 1) <= cost) perObservation++;
    let rest = cost - base(perObservation);
    const pad = (multiplier: number) => {
      const count = Math.floor(rest / multiplier);
      rest -= count * multiplier;
      return repeat(count, '__typename');
    };
    const perSession = pad(40_000);
    const perSeries = pad(2_000);
    const perNode = pad(100);
    const top = pad(1);
    return `{ ${top} clients(first: 100) { edges { node { ${perNode} series { ${perSeries} sessions { ${perSession}
      observations { ${repeat(perObservation, '__typename')} } } } } } } }`;
  }

  test(`a query costing ${graphqlLimits.maxCost} is accepted, one costing 1 more is QUERY_TOO_COSTLY`, async () => {
    const atLimit = queryOfCost(graphqlLimits.maxCost);
    const over = queryOfCost(graphqlLimits.maxCost + 1);
    expect(measure(atLimit).cost).toBe(graphqlLimits.maxCost);
    expect(measure(over).cost).toBe(graphqlLimits.maxCost + 1);
    expectAccepted(await api.graphql(atLimit));
    const rejected = await api.graphql(over);
    expectRejected(rejected, 'QUERY_TOO_COSTLY', graphqlLimits.maxCost);
    expect(rejected.errors?.[0]?.message).toBe(
      `The operation has an estimated cost of ${graphqlLimits.maxCost + 1}; the limit is ${graphqlLimits.maxCost} ` +
        '(maximum query cost: each field costs 1, lists multiply by their page size or 20).',
    );
  });

  test('one more level of lists below the caseload is over', async () => {
    const deeper = caseload.replace(
      'regions { regionCode }',
      'regions { regionCode } observations { measure { severityBands { label } } }',
    );
    expectRejected(await api.graphql(deeper), 'QUERY_TOO_COSTLY', graphqlLimits.maxCost);
  });
});

describe('depth', () => {
  // Type references nest without lists, so the depth can be set exactly: __type is 1, each ofType 1, name 1.
  const typeChain = (depth: number) => `{ __type(name: "Client") { ${'ofType { '.repeat(depth - 2)}name${' }'.repeat(depth - 2)} } }`;

  test(`a query ${graphqlLimits.maxDepth} fields deep is accepted, ${graphqlLimits.maxDepth + 1} is QUERY_TOO_DEEP`, async () => {
    expect(measure(typeChain(graphqlLimits.maxDepth)).depth).toBe(graphqlLimits.maxDepth);
    expectAccepted(await api.graphql(typeChain(graphqlLimits.maxDepth)));
    const rejected = await api.graphql(typeChain(graphqlLimits.maxDepth + 1));
    expectRejected(rejected, 'QUERY_TOO_DEEP', graphqlLimits.maxDepth);
    expect(rejected.errors?.[0]?.message).toBe(
      `The operation is nested ${graphqlLimits.maxDepth + 1} fields deep; the limit is ${graphqlLimits.maxDepth} (maximum query depth).`,
    );
  });

  test('fragments cannot hide depth', async () => {
    const hidden = `query Hidden { __type(name: "Client") { ...A } }
      fragment A on __Type { ofType { ... on __Type { ofType { ...B } } } }
      fragment B on __Type { ${'ofType { '.repeat(13)}name${' }'.repeat(13)} }`;
    expect(measure(hidden).depth).toBe(graphqlLimits.maxDepth + 1);
    const rejected = await api.graphql(hidden);
    expectRejected(rejected, 'QUERY_TOO_DEEP', graphqlLimits.maxDepth);
    expect(rejected.errors?.[0]?.message).toMatch(/^Operation "Hidden" is nested 17 fields deep/);
  });
});

describe('aliases', () => {
  test(`${graphqlLimits.maxAliases} aliases are accepted, ${graphqlLimits.maxAliases + 1} are TOO_MANY_ALIASES`, async () => {
    expectAccepted(await api.graphql(`{ ${repeat(graphqlLimits.maxAliases, 'a#: __typename')} }`));
    const rejected = await api.graphql(`{ ${repeat(graphqlLimits.maxAliases + 1, 'a#: __typename')} }`);
    expectRejected(rejected, 'TOO_MANY_ALIASES', graphqlLimits.maxAliases);
    expect(rejected.errors?.[0]?.message).toBe(
      `The operation uses ${graphqlLimits.maxAliases + 1} aliases; the limit is ${graphqlLimits.maxAliases} (maximum aliases).`,
    );
  });

  test('mutations are limited too, and nothing of a rejected one runs', async () => {
    const before = await db.count('client');
    const create = 'c#: createClient(input: { givenName: "A", familyName: "B#", dateOfBirth: "1980-01-01", sex: FEMALE }) { id }';
    expectRejected(
      await api.graphql(`mutation { ${repeat(graphqlLimits.maxAliases + 1, create)} }`),
      'TOO_MANY_ALIASES',
      graphqlLimits.maxAliases,
    );
    expect(await db.count('client')).toBe(before);
  });

  test('a fragment spread in many places counts its aliases each time, and costs no time to measure', async () => {
    // Each fragment spreads the next twice: 2^30 aliased fields once expanded, in a few hundred bytes.
    const levels = 30;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Query { a: viewer { ...F${i + 1} } b: viewer { ...F${i + 1} } }`,
    ).join('\n');
    const bomb = `query Bomb { ...F0 }\n${fragments}\nfragment F${levels} on Query { __typename }`;
    const started = performance.now();
    const rejected = await api.graphql(bomb);
    // Expanding it would take hours; measuring it, milliseconds (2 s times the machine factor is room for a busy machine).
    expect(performance.now() - started).toBeLessThan(scaledMs(2_000));
    expect(rejected.status).toBe(400);
    const codes = rejected.errors?.map((error) => error.extensions?.code);
    expect(codes).toContain('TOO_MANY_ALIASES');
    expect(codes).toContain('QUERY_TOO_DEEP');
  });
});

describe('directives', () => {
  test(`${graphqlLimits.maxDirectives} directives are accepted, ${graphqlLimits.maxDirectives + 1} are TOO_MANY_DIRECTIVES`, async () => {
    const within = `{ ${repeat(graphqlLimits.maxDirectives, '__typename @include(if: true)')} }`;
    expectAccepted(await api.graphql(within));
    const rejected = await api.graphql(`{ ${repeat(graphqlLimits.maxDirectives + 1, '__typename @include(if: true)')} }`);
    expectRejected(rejected, 'TOO_MANY_DIRECTIVES', graphqlLimits.maxDirectives);
    expect(rejected.errors?.[0]?.message).toBe(
      `The operation uses ${graphqlLimits.maxDirectives + 1} directives; the limit is ${graphqlLimits.maxDirectives} (maximum directives).`,
    );
  });

  test('unknown directives count too', async () => {
    const rejected = await api.graphql(`{ __typename ${'@a '.repeat(graphqlLimits.maxDirectives + 1)}}`);
    expect(rejected.errors?.map((error) => error.extensions?.code)).toContain('TOO_MANY_DIRECTIVES');
  });
});

describe('tokens', () => {
  /**
   * A document of exactly `tokens` tokens: inline fragments nested k deep (`... {` and `}`, 3 tokens each)
   * around 1 to 3 `__typename`. (Thousands of fields side by side would trip graphql's own budget for
   * comparing fields, "Validation aborted.", before any limit of ours.)
   */
  const ofTokens = (tokens: number) => {
    const k = Math.floor((tokens - 3) / 3);
    const fields = tokens - 2 - 3 * k;
    return `{ ${'... { '.repeat(k)}${'__typename '.repeat(fields)}${'} '.repeat(k)}}`;
  };

  test(`a document of ${graphqlLimits.maxTokens} tokens is parsed, one of ${graphqlLimits.maxTokens + 1} is refused`, async () => {
    expectAccepted(await api.graphql(ofTokens(graphqlLimits.maxTokens)));
    const rejected = await api.graphql(ofTokens(graphqlLimits.maxTokens + 1));
    expect(rejected.status).toBe(400);
    expect(rejected.errors).toEqual([
      {
        // (graphql 16 spells it "more that")
        message: expect.stringMatching(
          new RegExp(`^Syntax Error: Document contains more tha[nt] ${graphqlLimits.maxTokens} tokens\\. Parsing aborted\\.$`),
        ),
        locations: expect.any(Array),
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    ]);
  });

  test('comments are not tokens', async () => {
    const commented = `# ${'x '.repeat(50_000)}\n${ofTokens(graphqlLimits.maxTokens)}`;
    expectAccepted(await api.graphql(commented));
  });
});

describe('page size', () => {
  test('clients(first: 100) is served, first: 101 is BAD_USER_INPUT naming the argument', async () => {
    expectAccepted(await api.graphql('{ clients(first: 100) { totalCount edges { node { id } } } }'));
    for (const response of [
      await api.graphql('{ clients(first: 101) { totalCount } }'),
      await api.graphql('query($first: Int!) { clients(first: $first) { totalCount } }', { first: 101 }),
    ]) {
      expect(response.data).toBeNull();
      expect(response.errors).toEqual([
        {
          message: expect.stringContaining('between 1 and 100'),
          path: ['clients'],
          extensions: { code: 'BAD_USER_INPUT', field: 'first', rule: 'range' },
        },
      ]);
    }
  });
});

describe('HTTP', () => {
  test('batched requests are refused', async () => {
    const response = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/batching/i);
  });

  test('CSRF prevention: a text/plain POST and a GET without a preflight header are refused', async () => {
    const plain = await send({
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(plain.status).toBe(400);
    expect(plain.text).toMatch(/Cross-Site Request Forgery/);

    const search = `?query=${encodeURIComponent('{ __typename }')}`;
    const simpleGet = await send({ method: 'GET', search });
    expect(simpleGet.status).toBe(400);
    expect(simpleGet.text).toMatch(/Cross-Site Request Forgery/);

    const preflighted = await send({ method: 'GET', search, headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.body).toEqual({ data: { __typename: 'Query' } });
  });

  test('a body over 1 MB is 413 with a message saying so', async () => {
    const search = 'x'.repeat(1024 * 1024);
    const response = await send({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($s: String) { clients(search: $s) { totalCount } }', variables: { s: search } }),
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      errors: [{ message: 'The request body is larger than the limit of 1 MB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  test('a body that is not JSON is 400 with a message saying so, and no stack trace', async () => {
    const response = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [{ message: 'The request body is not a valid JSON object.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});
