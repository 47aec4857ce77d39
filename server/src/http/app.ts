import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createContext, type GraphQLContext, type Viewer } from '../graphql/context.js';
import { errorLoggingPlugin, formatError } from '../graphql/errors.js';

export interface HttpServerOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  log: Logger;
  /** Who the request acts as. */
  resolveViewer: (request: express.Request) => Promise<Viewer>;
  production: boolean;
  /** Built web client to serve at `/`, when it exists. */
  clientDistDir?: string;
}

export interface HttpServer {
  server: http.Server;
  /** Listens and resolves with the bound port (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting requests, lets those in flight finish, then closes. */
  stop(): Promise<void>;
}

export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { orm, schema, log } = options;
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // The hosted Sandbox needs the internet; a local explorer comes with the access work.
      ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(log),
    ],
  });
  await apollo.start();

  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request, response) => {
    try {
      await orm.em.fork().execute('select 1');
      response.json({ status: 'ok', database: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = randomUUID();
        res.setHeader('x-request-id', requestId);
        return createContext(orm.em.fork(), await options.resolveViewer(req), { requestId, address: req.ip ?? '' });
      },
    }),
  );

  if (options.clientDistDir && existsSync(options.clientDistDir)) {
    const dist = options.clientDistDir;
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes: any other GET that is not an API path gets the app shell.
    app.get(/^\/(?!graphql|health).*/, (_request, response) => response.sendFile(path.join(dist, 'index.html')));
  }

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    stop: () => apollo.stop(),
  };
}
