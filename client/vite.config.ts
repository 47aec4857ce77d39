import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API the dev server forwards to: by default the server of `pnpm dev` (port 4000). */
const api = process.env.FASCIA_API_URL || 'http://127.0.0.1:4000';

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  optimizeDeps: {
    // These modules start Monaco's web workers through `?worker` imports, which only Vite's own worker
    // plugin understands: served as they are, not pre-bundled (pre-bundling them stops the dev server).
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': api,
      '/health': api,
      '/research': api,
      '/fhir': api,
    },
  },
  // `vite build --mode graphiql` builds the developers' GraphiQL page (graphiql.html) on its own, into
  // dist/graphiql, served by the API at /graphiql outside production. A build of its own, not a second
  // input of this one, so the main page's chunks (React shared with GraphiQL) stay exactly as they are.
  ...(mode === 'graphiql'
    ? {
        base: '/graphiql/',
        // Monaco's language workers import modules of their own: they need ES module workers.
        worker: { format: 'es' as const },
        build: {
          outDir: 'dist/graphiql',
          emptyOutDir: true,
          // A developer tool: Monaco is large, and no user ever downloads it.
          chunkSizeWarningLimit: 5000,
          reportCompressedSize: false,
          sourcemap: false,
          rolldownOptions: {
            input: fileURLToPath(new URL('graphiql.html', import.meta.url)),
            // GraphiQL's modules start with React Compiler's "use no memo", which bundling drops harmlessly.
            onwarn(warning, warn) {
              if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
            },
          },
        },
      }
    : {
        build: {
          // The size report is part of the build output; keep it so regressions show in CI logs.
          reportCompressedSize: true,
          sourcemap: true,
        },
      }),
}));
