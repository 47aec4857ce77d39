import 'reflect-metadata';
import os from 'node:os';
import { describeReport, failedChecks, runLoad } from './load-run.js';

/**
 * `pnpm load`: the full load and fault run (a script, not a test: vitest never collects it; the
 * bounded version is tests/api/load-faults.test.ts). Settings: LOAD_SECONDS (60), LOAD_THERAPISTS (50),
 * LOAD_CLIENTS (200), LOAD_FAULTS (5). Exits non-zero when a check fails.
 */
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const say = (line: string) => console.log(line);
say(`Fascia load and fault run: ${os.cpus().length} CPUs, Node ${process.version}`);
const report = await runLoad({
  seconds: setting('LOAD_SECONDS', 60),
  therapists: setting('LOAD_THERAPISTS', 50),
  clients: setting('LOAD_CLIENTS', 200),
  faultCycles: setting('LOAD_FAULTS', 5),
  say,
});
for (const line of describeReport(report)) say(line);
const failed = failedChecks(report);
say(failed.length === 0 ? 'all checks passed' : `FAILED: ${failed.join('; ')}`);
process.exit(failed.length === 0 ? 0 : 1);
