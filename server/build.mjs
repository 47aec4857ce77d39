// `pnpm --filter @fascia/server build [outDir]`: the server as JavaScript for production (`node dist/main.js`), so
// nothing compiles TypeScript at run time. tsc emits src/ into outDir (default dist/); the files that are not
// TypeScript (the common-password list, the migrations' snapshot) are copied beside the code that reads them.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(root, 'src');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));

// A fresh folder: a module deleted from src/ must not live on in an old build.
rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', outDir], {
  stdio: 'inherit',
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
  const from = path.join(entry.parentPath, entry.name);
  cpSync(from, path.join(outDir, path.relative(source, from)));
}
