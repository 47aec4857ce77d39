// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { expect, test } from 'vitest';
import config from '../../codegen';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The generated documents and types are committed (readable in review, and a fresh
// clone builds without a generation step), so this test keeps them honest.
test('src/graphql/generated matches schema/schema.graphql and schema/operations', async () => {
  const outputs = await generate({ ...config, cwd: clientDir, silent: true }, false);
  expect(outputs.length).toBeGreaterThan(0);
  for (const output of outputs) {
    const file = path.resolve(clientDir, output.filename);
    const committed = await readFile(file, 'utf8').catch(() => '(missing)');
    expect(committed, `${path.relative(clientDir, file)} is stale: run \`pnpm --filter @fascia/client codegen\``).toBe(output.content);
  }
}, 30_000);
