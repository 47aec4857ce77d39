import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { graphqlLimits } from '@fascia/server/graphql/limits.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer, productionValidationMessage } from '@fascia/server/http/app.js';
import type { Viewer } from '@fascia/server/modules/request/request-context.js';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist } from '../support/factories.js';

let db: TestDatabase;
let viewer: Viewer;
let production: TestApi;
let development: TestApi;
/** A built web client with a GraphiQL build beside it, as `pnpm --filter @fascia/client build` leaves them. */
let dist: string;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  viewer = await createClinicWithTherapist(db);
  production = await startApi(db, viewer, { production: true });
  development = await startApi(db, viewer);
  dist = mkdtempSync(path.join(tmpdir(), 'fascia-dist-'));
  mkdirSync(path.join(dist, 'graphiql', 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<title>Fascia</title>');
  writeFileSync(path.join(dist, 'graphiql', 'graphiql.html'), '<title>Fascia API · GraphiQL</title>');
  writeFileSync(path.join(dist, 'graphiql', 'assets', 'graphiql-abc123.js'), 'console.log("graphiql")');
});

afterAll(async () => {
  await production?.stop();
  await development?.stop();
  for (const stop of stops) await stop();
  await db?.drop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** The real HTTP app with options of the test's choosing; `lines` collects what it logs. */
async function startServer(options: { production: boolean; schema?: GraphQLSchema; clientDistDir?: string }) {
  const lines: string[] = [];
  const http = await createHttpServer({
    orm: db.orm,
    schema: options.schema ?? (await buildFasciaSchema()),
    log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
    resolveViewer: async () => viewer,
    production: options.production,
    ...(options.clientDistDir ? { clientDistDir: options.clientDistDir } : {}),
  });
  const port = await http.listen(0, '127.0.0.1');
  stops.push(() => http.stop());
  return { url: `http://127.0.0.1:${port}`, lines };
}

describe('introspection', () => {
  test('is refused in production; __typename still answers', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Client") { name } }']) {
      const response = await production.graphql(query);
      expect(response.status).toBe(400);
      expect(response.errors).toEqual([
        {
          message: expect.stringContaining('introspection is not allowed'),
          locations: expect.any(Array),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
    }
    expect((await production.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  test('answers in development', async () => {
    const response = await development.graphql('{ __schema { queryType { name } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('validation errors do not suggest schema names in production', () => {
  const mistakes = [
    '{ viewer { clinc { name } } }',
    '{ clients(firs: 1) { totalCount } }',
    'mutation { createClient(input: { givenName: "A", familyName: "B", dateOfBirth: "1980-01-01", sex: FEMAL }) { id } }',
  ];

  test.each(mistakes)('%s', async (query) => {
    const [inDevelopment, inProduction] = await Promise.all([development.graphql(query), production.graphql(query)]);
    expect(inDevelopment.errors?.[0]?.message).toMatch(/Did you mean/);
    expect(inProduction.status).toBe(400);
    expect(inProduction.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(inProduction.errors).toEqual([{ message: productionValidationMessage, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  test('an unknown argument of a field that exists answers exactly like a field that does not', async () => {
    const answers = await Promise.all(
      [
        '{ client(nope: 1) { id } }',
        '{ nope { id } }',
        '{ client(id: "x", secretFlag: true) { id } }',
        '{ clientSecrets { id } }',
        '{ client(id: "x") { nope } }',
        'query($v: NoSuchType) { viewer { role } }',
      ].map((query) => production.graphql(query)),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.status).toBe(400);
  });

  test('nor do errors in variables', async () => {
    const response = await production.graphql('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', {
      input: { givenName: 'A', familyName: 'B', dateOfBirth: '1980-01-01', sex: 'FEMAL', emial: 'a@example.org' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors)).not.toMatch(/Did you mean/);
  });
});

describe('the limits hold in production too', () => {
  test('aliases, depth and tokens', async () => {
    const aliases = await production.graphql(
      `{ ${Array.from({ length: graphqlLimits.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    );
    expect(aliases.errors?.[0]?.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: graphqlLimits.maxAliases });
    const deep = await production.graphql(
      `{ clients { edges { node { ${'series { client { '.repeat(7)}id${' } }'.repeat(7)} } } } }`, // 3 + 2 × 7 + 1 = 18 deep
    );
    expect(deep.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY']);
    const long = await production.graphql(`{ ${'... { '.repeat(700)}__typename ${'} '.repeat(700)}}`);
    expect(long.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('errors carry no stack traces, and unexpected ones are masked', () => {
  test('a request error has no stack trace in either mode', async () => {
    for (const api of [production, development]) {
      const response = await api.graphql('{ clients { ');
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    }
  });

  test('an unexpected error answers a generic message and the request id the log carries', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          broken: {
            type: GraphQLString,
            resolve: () => {
              throw new Error('connection to postgres://fascia:secret@db failed');
            },
          },
        },
      }),
    });
    const server = await startServer({ production: true, schema });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ broken }' }),
    });
    const requestId = response.headers.get('x-request-id');
    const body = await response.json();
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toEqual({
      data: { broken: null },
      errors: [{ message: 'Internal server error', path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
    });
    expect(JSON.stringify(body)).not.toMatch(/secret|stack|at /);
    const logged = server.lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'unexpected error');
    expect(logged).toMatchObject({ requestId, err: { message: expect.stringContaining('secret') } });
  });

  test('a body that is not JSON gets JSON back, without a stack trace', async () => {
    const response = await fetch(`${production.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'The request body is not a valid JSON object.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(text).not.toMatch(/at |node_modules/);
  });
});

describe('GraphiQL', () => {
  test('is served at /graphiql in development, with its assets', async () => {
    const server = await startServer({ production: false, clientDistDir: dist });
    const page = await fetch(`${server.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('GraphiQL');
    const asset = await fetch(`${server.url}/graphiql/assets/graphiql-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/graphiql/assets/missing.js`)).status).toBe(404);
    // The web client is still served beside it.
    expect(await (await fetch(`${server.url}/`)).text()).toContain('<title>Fascia</title>');
  });

  test('is 404 in production, even when built, rather than the app shell', async () => {
    const server = await startServer({ production: true, clientDistDir: dist });
    for (const url of ['/graphiql', '/graphiql/', '/graphiql/assets/graphiql-abc123.js', '/graphiql/graphiql.html']) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toMatch(/GraphiQL|Fascia/);
    }
    expect(await (await fetch(`${server.url}/some/client/route`)).text()).toContain('<title>Fascia</title>');
  });

  test('says how to build it when it is not built', async () => {
    const response = await fetch(`${development.url}/graphiql`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/GraphiQL is not built: run .*--filter @fascia\/client build/);
  });
});
