import { defineConfig } from 'vitest/config';
import { scaledMs } from './support/machine.js';

// Every default limit is scaled by how busy the machine is (measured once here; tests that set their own limit
// scale it with the factor measured in their worker): a limit only says "it finishes at all".

export default defineConfig({
  test: {
    // The server and the tests must share one copy of graphql, or type checks across realms fail.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    setupFiles: ['./support/setup.ts'],
    testTimeout: scaledMs(5_000),
    hookTimeout: scaledMs(10_000),
    reporters: ['default', './support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./support/global-setup.ts'],
          testTimeout: scaledMs(30_000),
          hookTimeout: scaledMs(60_000),
        },
      },
      {
        // The web client's component tests, with the client's own Vite config (React plugin).
        extends: '../client/vite.config.ts',
        test: {
          name: 'client',
          root: '../client',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test/setup.ts'],
          // Above Testing Library's 10 s patience (src/test/setup.ts): a slow render fails at its assertion.
          testTimeout: scaledMs(30_000),
        },
      },
      {
        extends: true,
        test: {
          // The built page in Chromium against the real server and a seeded database.
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./support/global-setup.ts', './e2e/global-setup.ts'],
          testTimeout: scaledMs(120_000),
          hookTimeout: scaledMs(180_000),
        },
      },
    ],
  },
});
