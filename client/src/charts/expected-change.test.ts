import { describe, expect, test } from 'vitest';
import { performanceText } from './expected-change';

describe('performanceText (caseload and chart: actual against expected change)', () => {
  test('one decimal whatever the scale, better or worse by the measure’s direction', () => {
    // A scored measure kept to 1 decimal (QuickDASH) showed "3.83"; a whole-point scale (NPRS) still shows tenths.
    expect(performanceText(-3.8349, { direction: 'LOWER_IS_BETTER' })).toBe('3.8 better than expected for clients like this');
    expect(performanceText(14.6049, { direction: 'LOWER_IS_BETTER' })).toBe('14.6 worse than expected for clients like this');
    expect(performanceText(4.2, { direction: 'HIGHER_IS_BETTER' })).toBe('4.2 better than expected for clients like this');
    expect(performanceText(0.04, { direction: 'HIGHER_IS_BETTER' })).toBe('as expected for clients like this');
  });
});
