import { expect, test } from 'vitest';
import { describeReport, failedChecks, runLoad } from '../load/load-run.js';

/**
 * The bounded version of `pnpm load` (tests/load/load.ts): 10 s of load by 10 therapists and 40 clients
 * with one PostgreSQL kill and restart. The full run (60 s, 50 + 200 users, 5 cycles) is on demand.
 */
test('under load, with PostgreSQL killed and restarted, no acknowledged write is lost or doubled and no answer is a 500', async () => {
  const report = await runLoad({ seconds: 10, therapists: 10, clients: 40, faultCycles: 1, downMs: 1_500 });
  console.log(describeReport(report).join('\n'));
  expect(failedChecks(report)).toEqual([]);
  expect(report.faults).toHaveLength(1);
  expect(report.database.missing).toBe(0);
  expect(report.database.unacknowledgedRows).toBe(0);
  // Writes failed while PostgreSQL was away and were retried with their keys until acknowledged.
  expect(report.answers['503']).toBeGreaterThan(0);
}, 240_000);
