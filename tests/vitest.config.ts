import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The server and the tests must share one copy of graphql, or type checks across realms fail.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    setupFiles: ['./support/setup.ts'],
    reporters: ['default', './support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
