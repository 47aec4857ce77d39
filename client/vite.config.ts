import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API the dev server forwards to: by default the server of `pnpm dev` (port 4000). */
const api = process.env.FASCIA_API_URL || 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': api,
      '/health': api,
    },
  },
  build: {
    // The size report is part of the build output; keep it so regressions show in CI logs.
    reportCompressedSize: true,
    sourcemap: true,
  },
});
