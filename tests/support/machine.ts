import { scryptSync } from 'node:crypto';

/**
 * How much slower this machine is right now than the quiet 2-core machine the suite's time limits were set on:
 * the median time of a fixed piece of CPU and memory work (scrypt with N = 2^14, r = 8, 16 MiB: the kind of work
 * a sign-in does) over its time there (about 32 ms: the server's N = 2^17 takes about 250 ms). At least 1, at
 * most 20. Time limits that guard "it finishes at all" scale with it; limits that are the property under test
 * (a drain's grace against its own deadline) scale on both sides, so a fault still fails.
 */
let measured: number | undefined;
const quietMs = 32;

export function machineFactor(): number {
  if (measured !== undefined) return measured;
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    scryptSync('machine factor', 'fixed salt', 32, { N: 2 ** 14, r: 8, p: 1 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  measured = Math.min(20, Math.max(1, (times[2] ?? quietMs) / quietMs));
  return measured;
}

/** `ms` scaled by the machine factor, rounded to whole milliseconds. */
export function scaledMs(ms: number): number {
  return Math.round(ms * machineFactor());
}
