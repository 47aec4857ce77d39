import type { ChartDataset } from 'chart.js';
import { formatValue, type MeasureInfo, type RegionSeries } from './measure-series';

/** The expected-change band of a series on one measure, as the server sends it (docs/expected-change.md). */
export interface ExpectedBand {
  withheldReason: string | null;
  baseline: number | null;
  points: readonly { visit: number; change: number; low: number; high: number }[];
  sentence: string | null;
  performance: number | null;
}

export const expectedLabels = {
  band: 'Clients like this (8 in 10 within)',
  bandLower: 'Clients like this, lower edge',
} as const;

/** Why a band is not shown, in the therapist's words. */
export const withheldText: Record<string, string> = {
  NO_VALUES: 'No expected change: no value of this measure at a visit yet.',
  NO_MODEL: 'No expected change: too few research-consenting clients with this condition and measure so far.',
  FEW_SIMILAR_CLIENTS: 'No expected change: too few clients with a similar starting value to compare with (privacy rule).',
};

/**
 * The band as values at the chart's sessions: the series' baseline plus the expected change (and its 80% range)
 * at each session whose number the model covers; null elsewhere.
 */
export function expectedValues(region: RegionSeries, band: ExpectedBand): { low: (number | null)[]; high: (number | null)[] } {
  const at = new Map(band.points.map((p) => [p.visit, p]));
  const base = band.baseline ?? 0;
  const low = region.sessions.map((row) => {
    const point = at.get(row.sessionNumber);
    return point ? base + point.low : null;
  });
  const high = region.sessions.map((row) => {
    const point = at.get(row.sessionNumber);
    return point ? base + point.high : null;
  });
  return { low, high };
}

const fill = 'rgba(204, 121, 167, 0.18)';
const edge = 'rgba(204, 121, 167, 0.7)';

/** Two datasets shading the expected band (upper edge filled down to the lower). */
export function expectedDatasets(region: RegionSeries, band: ExpectedBand): ChartDataset<'line', (number | null)[]>[] {
  if (band.points.length === 0 || band.baseline === null) return [];
  const { low, high } = expectedValues(region, band);
  const common = {
    borderColor: edge,
    backgroundColor: fill,
    borderWidth: 1,
    borderDash: [4, 4],
    pointRadius: 0,
    pointHoverRadius: 0,
    order: 3,
  };
  return [
    { ...common, label: expectedLabels.band, data: high, pointStyle: 'rect', fill: '+1' },
    { ...common, label: expectedLabels.bandLower, data: low, fill: false },
  ];
}

/** Expected value at a visit and its range, e.g. "5 (4–6)", in the measure's decimals plus one. */
export function expectedCell(band: ExpectedBand, point: ExpectedBand['points'][number], measure: MeasureInfo): string {
  const fmt = (v: number) => formatValue(v, { ...measure, decimals: measure.decimals + 1 });
  const base = band.baseline ?? 0;
  return `${fmt(base + point.change)} (${fmt(base + point.low)}–${fmt(base + point.high)})`;
}

/**
 * A difference of `size` in the measure's unit, as people say it: points of a scale ("1.5 points" of 0-10 pain),
 * percentage points of a score in % (ODI), degrees, centimetres, days. `size` is already formatted.
 */
export function differenceInUnit(size: string, measure: Pick<MeasureInfo, 'unitLabel'>): string {
  const unit = measure.unitLabel;
  const one = size === '1' || size === '1.0';
  if (unit === '' || unit.startsWith('/') || unit === '{score}') return `${size} ${one ? 'point' : 'points'}`;
  if (unit === '%') return `${size} ${one ? 'percentage point' : 'percentage points'}`;
  if (unit === '°') return `${size}°`;
  // A count per period ("days/4 wk"): the difference is in the count's own unit.
  return `${size} ${unit.split('/')[0]?.trim() ?? unit}`;
}

/**
 * "2.1 points better than expected" / "0.4 kg worse than expected" from actual minus expected change, to one decimal:
 * a whole-point scale (NPRS) still shows how far off, and a scored one (QuickDASH, 1 decimal) is not given a precision
 * its own values do not have.
 */
export function performanceText(performance: number, measure: Pick<MeasureInfo, 'direction' | 'unitLabel'>): string {
  const better = measure.direction === 'LOWER_IS_BETTER' ? -performance : performance;
  const size = formatValue(Math.abs(performance), { decimals: 1 });
  if (Math.abs(better) < 0.05) return 'as expected for clients like this';
  return `${differenceInUnit(size, measure)} ${better > 0 ? 'better' : 'worse'} than expected for clients like this`;
}
