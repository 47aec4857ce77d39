import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

export interface GraphiQLOptions {
  production: boolean;
  /** The built web client; GraphiQL is built beside it, into `graphiql/` (`vite build --mode graphiql`). */
  clientDistDir?: string | undefined;
}

/**
 * `/graphiql`: the GraphiQL explorer for developers, built from the local `graphiql` package so it works
 * offline. Mount it before the web client's files. In production everything under it answers 404, as
 * does introspection, so the page could not work there anyway.
 */
export function graphiqlRouter(options: GraphiQLOptions): express.Router {
  const router = express.Router();
  const notFound: express.RequestHandler = (_request, response) => {
    response.status(404).type('text/plain').send('Not found');
  };
  if (options.production) {
    router.use(notFound);
    return router;
  }
  const dir = options.clientDistDir ? path.join(options.clientDistDir, 'graphiql') : undefined;
  const page = dir ? path.join(dir, 'graphiql.html') : undefined;
  router.get('/', (_request, response) => {
    if (!page || !existsSync(page)) {
      response
        .status(404)
        .type('text/plain')
        .send('GraphiQL is not built: run `npx -y pnpm@12.21.0 --filter @fascia/client build`, then reload.');
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(page);
  });
  if (dir) {
    // Asset names carry a content hash.
    router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y' }));
  }
  router.use(notFound);
  return router;
}
