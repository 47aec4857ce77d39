import { drainFaults, drainSummary, drainUnderLoad } from '../support/drain.js';

/**
 * `pnpm load:drain`: the SIGTERM drain under load, as production runs it, DRAIN_RUNS times in a row (10).
 * Too slow for the suite, which runs it once (tests/api/shutdown.test.ts). Exits non-zero on any unclean drain.
 */
const runs = Number(process.env.DRAIN_RUNS ?? 10);
let clean = 0;
for (let run = 1; run <= runs; run++) {
  const report = await drainUnderLoad();
  const faults = drainFaults(report);
  if (faults.length === 0) clean += 1;
  console.log(
    `drain ${run}/${runs}: exit ${report.exitCode} after ${report.exitMs} ms, ${report.outcomes.length} requests ${JSON.stringify(drainSummary(report))}` +
      (faults.length === 0 ? ' clean' : ` FAULTS: ${faults.join('; ')}`),
  );
}
console.log(`${clean} of ${runs} drains clean`);
process.exit(clean === runs ? 0 : 1);
