import { describe, expect, test } from 'vitest';
import { hiddenMeanCell, hiddenOutcomeCell } from '../../test/fixtures';
import {
  type DoseBand,
  doseSeries,
  formatNumber,
  formatRate,
  formatWithInterval,
  histogramSeries,
  type OutcomeCell,
  responderSeries,
  suppressedText,
  timeCourseSeries,
  valueRange,
} from './outcome-charts';

const cell = (change: number, low: number, high: number, n: number, rate: number | null = null): OutcomeCell => ({
  suppressed: false,
  n,
  baselineMean: 6,
  baselineSd: 1.5,
  meanChange: change,
  meanChangeCiLow: low,
  meanChangeCiHigh: high,
  changeSd: 2,
  effectSize: change / 1.5,
  standardizedResponseMean: change / 2,
  responderRate: rate,
  responderRateCiLow: rate === null ? null : rate - 0.1,
  responderRateCiHigh: rate === null ? null : rate + 0.1,
});

describe('numbers in words', () => {
  test('a true minus sign, the measure decimals, no "−0"', () => {
    expect(formatNumber(-1.96, 1)).toBe('−2.0');
    expect(formatNumber(2.04, 2)).toBe('2.04');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
  });
  test('a mean with its interval, a rate as percentages', () => {
    expect(formatWithInterval(-1.96, -2.68, -1.24, 2)).toBe('−1.96 (95% CI −2.68 to −1.24)');
    expect(formatWithInterval(null, null, null, 1)).toBe('not available');
    expect(formatRate(0.456, 0.3, 0.62)).toBe('46% (95% CI 30% to 62%)');
  });
  test('a suppressed cell names the rule and k', () => {
    expect(suppressedText(11)).toBe('suppressed (a group of fewer than 11 clients)');
  });
});

describe('chart series', () => {
  test('time course: a suppressed visit has no value and no interval, and its label says so', () => {
    const series = timeCourseSeries([
      { visitNumber: 1, value: { suppressed: false, n: 26, mean: 5.7, sd: 1.4, ciLow: 5.1, ciHigh: 6.3 } },
      { visitNumber: 2, value: hiddenMeanCell },
    ]);
    expect(series).toEqual({
      labels: ['Visit 1', 'Visit 2 (suppressed)'],
      values: [5.7, null],
      intervals: [{ low: 5.1, high: 6.3 }, null],
      counts: [26, null],
      suppressed: [false, true],
    });
  });

  test('histogram: bins labelled by their edges, counts as values, suppressed bins null (never 0)', () => {
    const series = histogramSeries(
      [
        { from: -10, to: -9, n: 0, suppressed: false },
        { from: -1, to: 0, n: null, suppressed: true },
        { from: 0, to: 1, n: 12, suppressed: false },
      ],
      { name: 'Pain', unitLabel: '/10', decimals: 0 },
    );
    expect(series.labels).toEqual(['−10 to −9', '−1 to 0 (suppressed)', '0 to 1']);
    expect(series.values).toEqual([0, null, 12]);
    expect(series.intervals).toEqual([null, null, null]);
  });

  test('dose bands: the whole cohort first, then each band; a hidden band has no bar', () => {
    const bands: DoseBand[] = [
      { key: 'MINUTES_0_239', label: 'under 240 min', outcome: hiddenOutcomeCell },
      { key: 'MINUTES_240_479', label: '240-479 min', outcome: cell(-2.5, -3.4, -1.6, 14) },
    ];
    const series = doseSeries(cell(-1.96, -2.68, -1.24, 26), bands);
    expect(series.labels).toEqual(['Whole cohort', 'under 240 min (suppressed)', '240-479 min']);
    expect(series.values).toEqual([-1.96, null, -2.5]);
    expect(series.intervals).toEqual([{ low: -2.68, high: -1.24 }, null, { low: -3.4, high: -1.6 }]);
    expect(series.counts).toEqual([26, null, 14]);
    expect(valueRange(series)).toEqual({ min: -3.4, max: 0 });
  });

  test('responder rates in percent; a rate withheld by the server (null) is shown as suppressed too', () => {
    const bands: DoseBand[] = [{ key: 'MINUTES_0_239', label: 'under 240 min', outcome: cell(-1, -2, 0, 15, null) }];
    const series = responderSeries(cell(-1.96, -2.68, -1.24, 26, 0.5), bands);
    expect(series.values).toEqual([50, null]);
    expect(series.intervals[0]?.low).toBeCloseTo(40);
    expect(series.intervals[0]?.high).toBeCloseTo(60);
    expect(series.intervals[1]).toBeNull();
    expect(series.suppressed).toEqual([false, true]);
    expect(series.labels).toEqual(['Whole cohort', 'under 240 min (suppressed)']);
  });
});
