import { describe, expect, test } from 'vitest';
import { differenceInUnit, performanceText } from './expected-change';

describe('performanceText (caseload and chart: actual against expected change)', () => {
  test('one decimal whatever the scale, in the measure’s unit, better or worse by the measure’s direction', () => {
    // A scored measure kept to 1 decimal (QuickDASH) showed "3.83"; a whole-point scale (NPRS) still shows tenths.
    expect(performanceText(-3.8349, { direction: 'LOWER_IS_BETTER', unitLabel: '/100' })).toBe(
      '3.8 points better than expected for clients like this',
    );
    expect(performanceText(14.6049, { direction: 'LOWER_IS_BETTER', unitLabel: '%' })).toBe(
      '14.6 percentage points worse than expected for clients like this',
    );
    expect(performanceText(4.2, { direction: 'HIGHER_IS_BETTER', unitLabel: '°' })).toBe('4.2° better than expected for clients like this');
    expect(performanceText(-1.04, { direction: 'HIGHER_IS_BETTER', unitLabel: 'kg' })).toBe(
      '1.0 kg worse than expected for clients like this',
    );
    expect(performanceText(0.04, { direction: 'HIGHER_IS_BETTER', unitLabel: 'cm' })).toBe('as expected for clients like this');
  });

  test('the unit of a difference as people say it', () => {
    expect(differenceInUnit('1.0', { unitLabel: '/10' })).toBe('1.0 point');
    expect(differenceInUnit('2.5', { unitLabel: '/10' })).toBe('2.5 points');
    expect(differenceInUnit('12.0', { unitLabel: 'mm' })).toBe('12.0 mm');
    expect(differenceInUnit('3.0', { unitLabel: 'days/4 wk' })).toBe('3.0 days');
    expect(differenceInUnit('4.5', { unitLabel: 'h/4 wk' })).toBe('4.5 h');
  });
});
