import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildClient } from '../support/chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web client built for this run, served by the in-process server. */
    clientDistDir: string;
  }
}

/** Builds the web client once for the browser tests, into a temporary folder. */
export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'fascia-client-'));
  await buildClient(outDir);
  project.provide('clientDistDir', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
