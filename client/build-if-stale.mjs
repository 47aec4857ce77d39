// `pnpm start` builds the web page and GraphiQL only when what they are built from changed since the last
// build: a hash of the sources, the Vite config and the lockfile, kept in dist/ beside the output.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const inputs = ['src', 'index.html', 'graphiql.html', 'vite.config.ts', 'package.json', 'tsconfig.json', '../pnpm-lock.yaml'];
const stampFile = path.join(root, 'dist', '.build-inputs');

function files(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  // Tests and their setup are not part of the build.
  return readdirSync(full)
    .filter((name) => !/\.test\.tsx?$/.test(name) && name !== 'test')
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(files))
  hash
    .update(file)
    .update('\0')
    .update(readFileSync(path.join(root, file)))
    .update('\0');
const digest = hash.digest('hex');
const built =
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8').trim() === digest &&
  existsSync(path.join(root, 'dist', 'index.html')) &&
  existsSync(path.join(root, 'dist', 'graphiql', 'graphiql.html'));
if (built) {
  console.log('web client and GraphiQL are up to date: not rebuilt');
} else {
  const result = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${digest}\n`);
}
