import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web client built for this run, served by the in-process server. */
    clientDistDir: string;
  }
}

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client');

/**
 * Builds the web client once for the browser tests, with its real Vite config,
 * into a temporary folder (so a developer's client/dist is left alone).
 */
export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'fascia-client-'));
  // The same Node that runs vitest (24): a bare `vite` on PATH could be the system's.
  const vite = path.join(clientDir, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: clientDir,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the client failed (vite exited with ${code})`))));
  });
  project.provide('clientDistDir', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
