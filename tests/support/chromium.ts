import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium unless CHROMIUM_PATH names another (ensure-chromium.mjs installs it when missing). */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, no sandbox (root in containers), and nothing that phones home on a closed network. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client');

/** Builds the web client with its real Vite config into `outDir` (so a developer's client/dist is left alone). */
export async function buildClient(outDir: string): Promise<void> {
  // The same Node that runs this (24): a bare `vite` on PATH could be the system's.
  const vite = path.join(clientDir, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: clientDir,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the client failed (vite exited with ${code})`))));
  });
}
