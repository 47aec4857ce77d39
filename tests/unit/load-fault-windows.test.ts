import { expect, test } from 'vitest';
import { metFault } from '../load/load-run.js';

// One fault: PostgreSQL killed at 30,000 ms, the window ending 5 s after it is back (37,100 ms).
const windows = [[30_000, 37_100]] as const;

test.each([
  ['sent and answered before the kill', 29_000, 29_010, false],
  ['sent just before the kill, answered inside the window', 29_990, 30_020, true],
  ['wholly inside the window', 31_000, 31_005, true],
  ['sent inside, answered after the window', 37_000, 38_600, true],
  ['sent after the window', 37_200, 37_210, false],
] as const)('a request %s: met the fault: %s', (_what, from, to, expected) => {
  expect(metFault(windows, from, to)).toBe(expected);
});

test('a log line (one instant) is in a window only inside it; no window, no fault', () => {
  expect(metFault(windows, 30_000)).toBe(true);
  expect(metFault(windows, 37_101)).toBe(false);
  expect(metFault([], 31_000, 32_000)).toBe(false);
});
