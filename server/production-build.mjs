// `node server/production-build.mjs <outDir>` (from the repository root, after `pnpm install --frozen-lockfile`):
// assembles what the container image runs (server/Dockerfile copies <outDir> to /app), and what
// tests/api/production-build.test.ts starts without a container:
//   <outDir>/server       the server compiled to JavaScript (dist/) with its production dependencies only
//   <outDir>/client/dist  the web page, which the server serves (its config finds it at ../client/dist)
// GraphiQL is not built: it is a developers' tool that answers 404 in production.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const outArgument = process.argv[2];
if (!outArgument) {
  console.error('usage: node server/production-build.mjs <outDir>');
  process.exit(2);
}
const outDir = path.resolve(outArgument);
const serverDir = path.join(outDir, 'server');

function pnpm(...args) {
  console.log(`> pnpm ${args.join(' ')}`);
  const result = spawnSync('pnpm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`pnpm ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(result.status || 1);
  }
}

rmSync(outDir, { recursive: true, force: true });
// A copy of the server package with only its production dependencies (no tsx, TypeScript, Vite or GraphiQL).
pnpm('--filter', '@fascia/server', 'deploy', '--prod', serverDir);
pnpm('--filter', '@fascia/server', 'run', 'build', path.join(serverDir, 'dist'));
pnpm('--filter', '@fascia/client', 'exec', 'vite', 'build', '--outDir', path.join(outDir, 'client', 'dist'), '--emptyOutDir');
