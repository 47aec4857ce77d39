// Makes sure the report tests can read PDFs back: they use pdftotext, pdftoppm and pdffonts from
// poppler-utils. Like ensure-chromium.mjs: installed with apt-get on Debian as root when missing,
// otherwise the command fails with how to install it (the tests are never skipped).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfinfo'];
const missing = () => tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);

function fail(message) {
  console.error(`\n[ensure-poppler] ${message}\n  Debian/Ubuntu: sudo apt-get install -y poppler-utils\n  macOS: brew install poppler\n`);
  process.exit(1);
}

if (missing().length === 0) process.exit(0);
const isDebian = process.platform === 'linux' && existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isDebian || !isRoot) fail(`${missing().join(', ')} missing; the report tests read PDFs back with poppler-utils.`);
console.log('[ensure-poppler] installing poppler-utils with apt-get (once).');
for (const args of [['update'], ['install', '-y', 'poppler-utils']]) {
  console.log(`[ensure-poppler] $ apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
}
if (missing().length > 0) fail(`still missing after the install: ${missing().join(', ')}`);
