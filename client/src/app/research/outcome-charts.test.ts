import { describe, expect, test } from 'vitest';
import { hiddenMeanCell, hiddenOutcomeCell } from '../../test/fixtures';
import {
  bandLabel,
  comparisonSeries,
  comparisonText,
  type DoseBand,
  doseSeries,
  emptyChartReason,
  exportBlockedReason,
  formatNumber,
  formatRate,
  formatWithInterval,
  histogramSeries,
  type OutcomeCell,
  responderSeries,
  shownText,
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

describe('explorer captions and labels', () => {
  const flags = (...hidden: boolean[]) => ({ suppressed: hidden });

  test('a caption never contradicts its chart: all shown, some hidden, none shown', () => {
    expect(shownText(flags(false, false, false), 'visit', 11)).toBe('all 3 visits shown');
    expect(shownText(flags(false, true, true), 'visit', 11)).toBe(
      '1 of 3 visits shown; the other 2 are suppressed (a group of fewer than 11 clients)',
    );
    expect(shownText(flags(true, true), 'bin', 11)).toBe('none shown: all 2 bins are suppressed (a group of fewer than 11 clients)');
    // The defect: "11 of 11 visits shown, the rest suppressed".
    expect(shownText(flags(...Array.from({ length: 11 }, () => false)), 'visit', 11)).not.toMatch(/suppressed/);
  });

  test('a bin shown with no clients is drawn as 0; an empty chart says why', () => {
    const series = histogramSeries([{ from: -1, to: 0, n: 0, suppressed: false }], { name: 'Pain', unitLabel: '', decimals: 0 });
    expect(series.values).toEqual([0]);
    expect(emptyChartReason(series, 11)).toBeNull();
    const hidden = histogramSeries([{ from: -1, to: 0, n: null, suppressed: true }], { name: 'Pain', unitLabel: '', decimals: 0 });
    expect(emptyChartReason(hidden, 11)).toBe(
      'Nothing to draw: every group is suppressed (a group of fewer than 11 clients). Choose a broader cohort.',
    );
  });

  test('bands are named as the filters name them', () => {
    expect(bandLabel({ key: 'SWEDISH', label: 'swedish' })).toBe('Swedish');
    expect(bandLabel({ key: 'DEEP_TISSUE', label: 'deep tissue' })).toBe('Deep tissue');
    expect(bandLabel({ key: 'NONE', label: 'no modality recorded' })).toBe('No modality recorded');
  });

  test('the export is off, with the reason, for a cohort under the minimum cell size', () => {
    expect(exportBlockedReason({ overall: hiddenOutcomeCell, minCellSize: 11 })).toMatch(/fewer than 11 clients/);
    expect(exportBlockedReason({ overall: cell(-2, -3, -1, 20), minCellSize: 11 })).toBeNull();
  });

  test('a comparison: both cohorts and the difference, and a verdict that follows the interval', () => {
    const comparison = {
      measureCode: 'NPRS',
      minCellSize: 11,
      a: cell(-2, -2.5, -1.5, 40),
      b: hiddenOutcomeCell,
      difference: { suppressed: true, estimate: null, ciLow: null, ciHigh: null },
    };
    const series = comparisonSeries(comparison);
    expect(series.labels).toEqual(['Cohort A', 'Cohort B (suppressed)', 'Difference (B − A) (suppressed)']);
    expect(series.values).toEqual([-2, null, null]);
    const pain = { name: 'Pain', unitLabel: '', decimals: 0 };
    expect(comparisonText(comparison, pain, false)).toMatch(/^The difference is withheld/);
    const shown = { ...comparison, b: cell(-1, -1.6, -0.4, 30), difference: { suppressed: false, estimate: 1, ciLow: -0.2, ciHigh: 2.2 } };
    expect(comparisonText(shown, pain, false)).toBe(
      'Mean change in cohort B minus cohort A: 1.0 (95% CI −0.2 to 2.2). The interval includes 0: these data show no clear difference between the cohorts.',
    );
    const clear = { ...shown, difference: { suppressed: false, estimate: 1, ciLow: 0.3, ciHigh: 1.7 } };
    // Pain: lower is better, so B's smaller fall means A improved more.
    expect(comparisonText(clear, pain, false)).toMatch(/cohort A improved more\.$/);
  });
});
