import type { Viewer } from '@fascia/server/graphql/context.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer } from '@fascia/server/http/app.js';
import type { GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import type { TestDatabase } from './database.js';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: {
      code?: string;
      field?: string;
      rule?: string;
      requestId?: string;
    };
  }[];
}

export interface TestApi {
  url: string;
  /** Sends one GraphQL operation over real HTTP, as `viewer` (default: the one the API was started with). */
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  /** Switches who the following requests act as. */
  actAs(viewer: Viewer): void;
  stop(): Promise<void>;
}

let schema: Promise<GraphQLSchema> | undefined;

/** Starts the real HTTP app on a free loopback port, against the test database. */
export async function startApi(db: TestDatabase, viewer: Viewer): Promise<TestApi> {
  schema ??= buildFasciaSchema();
  let current = viewer;
  const http = await createHttpServer({
    orm: db.orm,
    schema: await schema,
    log: pino({ level: 'silent' }),
    resolveViewer: async () => current,
    production: false,
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        ...((await response.json()) as object),
      };
    },
    actAs(next) {
      current = next;
    },
    stop: () => http.stop(),
  };
}
