/**
 * Turns a cohort's outcomes (the `cohortOutcomes` answer) into what the explorer's charts and tables
 * show. A suppressed cell is never drawn as zero: its bar or point is left out and its label says
 * "suppressed", in the chart and in the table alike. Pure functions, tested without a canvas.
 */
import type { CohortComparisonQuery, CohortOutcomesQuery, Modality } from '../../graphql/generated/graphql';
import { modalityLabels } from '../labels';

export type Outcome = CohortOutcomesQuery['cohortOutcomes'];
export type OutcomeCell = Outcome['overall'];
export type DoseBand = Outcome['doseResponse']['totalMinutes'][number];

/** What the charts need of the measure: its decimals and the unit in words. */
export interface MeasureFormat {
  name: string;
  unitLabel: string;
  decimals: number;
}

/** A 95% interval drawn as an error bar; null where the cell is suppressed. */
export interface Interval {
  low: number;
  high: number;
}

/** Labels, values and intervals of one chart: `values[i]` is null exactly where `suppressed[i]`. */
export interface ChartSeries {
  labels: string[];
  values: (number | null)[];
  intervals: (Interval | null)[];
  /** Clients behind each value (null where suppressed), for the table. */
  counts: (number | null)[];
  suppressed: boolean[];
}

/**
 * The words for a hidden cell, naming the rule so nobody reads it as "no clients". A group: the cell's
 * clients, or (for a responder rate) its responders or non-responders.
 */
export function suppressedText(minCellSize: number): string {
  return `suppressed (a group of fewer than ${minCellSize} clients)`;
}

/**
 * Why the figures shown are not exact, and why some are withheld, in words: the explorer shows it
 * above the results (the server's disclosure control: research/perturbation.ts, suppression.ts, research-release.ts).
 */
export function protectionText(minCellSize: number): string {
  return (
    `To protect the clients, a figure is withheld ("suppressed") when it would describe fewer than ${minCellSize} clients — ` +
    'an empty group answers the same way, so nobody learns whether anyone matched — or when it could be subtracted from the ' +
    'figures shown to give such a group. Every figure shown is slightly perturbed: counts by up to 2, means and rates by about ' +
    "what one client could change them by, so that comparing two almost identical cohorts cannot reveal one client's result. " +
    'The same question always gets the same answer. For cohorts of a thousand clients the perturbation is below 1% of the figure.'
  );
}

/** A number with the measure's decimals and a true minus sign. */
export function formatNumber(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return (text.startsWith('-') && Number(text) !== 0 ? `−${text.slice(1)}` : text.replace(/^-/, '')).trim();
}

/** A mean with its interval, e.g. "−1.96 (95% CI −2.68 to −1.24)". */
export function formatWithInterval(mean: number | null, low: number | null, high: number | null, decimals: number): string {
  if (mean === null) return 'not available';
  const interval = low !== null && high !== null ? ` (95% CI ${formatNumber(low, decimals)} to ${formatNumber(high, decimals)})` : '';
  return `${formatNumber(mean, decimals)}${interval}`;
}

/** A share 0-1 as a percentage, with its interval when given. */
export function formatRate(rate: number | null, low: number | null, high: number | null): string {
  if (rate === null) return 'not available';
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  return low !== null && high !== null ? `${percent(rate)} (95% CI ${percent(low)} to ${percent(high)})` : percent(rate);
}

const interval = (low: number | null, high: number | null): Interval | null => (low === null || high === null ? null : { low, high });

const withMarker = (label: string, suppressed: boolean) => (suppressed ? `${label} (suppressed)` : label);

/** Time course: the cohort's mean value at each visit number with its 95% interval. */
export function timeCourseSeries(visits: Outcome['visits']): ChartSeries {
  return {
    labels: visits.map((visit) => withMarker(`Visit ${visit.visitNumber}`, visit.value.suppressed)),
    values: visits.map((visit) => (visit.value.suppressed ? null : visit.value.mean)),
    intervals: visits.map((visit) => (visit.value.suppressed ? null : interval(visit.value.ciLow, visit.value.ciHigh))),
    counts: visits.map((visit) => visit.value.n),
    suppressed: visits.map((visit) => visit.value.suppressed),
  };
}

/** Histogram of change: clients per bin of change (no interval). A bin shown with no clients is a 0, drawn as 0. */
export function histogramSeries(bins: Outcome['histogram'], measure: MeasureFormat): ChartSeries {
  return {
    labels: bins.map((bin) =>
      withMarker(`${formatNumber(bin.from, measure.decimals)} to ${formatNumber(bin.to, measure.decimals)}`, bin.suppressed),
    ),
    values: bins.map((bin) => (bin.suppressed ? null : (bin.n ?? 0))),
    intervals: bins.map(() => null),
    counts: bins.map((bin) => bin.n),
    suppressed: bins.map((bin) => bin.suppressed),
  };
}

/**
 * A band's name as the filters name the same thing: "Swedish" (the modality filter's word), not the
 * server's "swedish".
 */
export function bandLabel(band: Pick<DoseBand, 'key' | 'label'>): string {
  if (band.key in modalityLabels) return modalityLabels[band.key as Modality];
  return band.key === 'NONE' ? 'No modality recorded' : band.label;
}

/** Dose bands: the mean change of each band with its 95% interval, the whole cohort first for reference. */
export function doseSeries(overall: OutcomeCell, bands: readonly DoseBand[]): ChartSeries {
  const cells = [{ label: 'Whole cohort', outcome: overall }, ...bands.map((band) => ({ ...band, label: bandLabel(band) }))];
  return {
    labels: cells.map((cell) => withMarker(cell.label, cell.outcome.suppressed)),
    values: cells.map((cell) => (cell.outcome.suppressed ? null : cell.outcome.meanChange)),
    intervals: cells.map((cell) =>
      cell.outcome.suppressed ? null : interval(cell.outcome.meanChangeCiLow, cell.outcome.meanChangeCiHigh),
    ),
    counts: cells.map((cell) => cell.outcome.n),
    suppressed: cells.map((cell) => cell.outcome.suppressed),
  };
}

/** Responder rate of the whole cohort and each band, as percentages with their Wilson intervals. */
export function responderSeries(overall: OutcomeCell, bands: readonly DoseBand[]): ChartSeries {
  const cells = [{ label: 'Whole cohort', outcome: overall }, ...bands.map((band) => ({ ...band, label: bandLabel(band) }))];
  // A rate is also withheld (null) when the responders or non-responders are fewer than k: shown as suppressed.
  const hidden = cells.map((cell) => cell.outcome.suppressed || cell.outcome.responderRate === null);
  const percent = (value: number | null) => (value === null ? null : value * 100);
  return {
    labels: cells.map((cell, i) => withMarker(cell.label, hidden[i] ?? true)),
    values: cells.map((cell, i) => (hidden[i] ? null : percent(cell.outcome.responderRate))),
    intervals: cells.map((cell, i) => {
      const low = percent(cell.outcome.responderRateCiLow);
      const high = percent(cell.outcome.responderRateCiHigh);
      return hidden[i] ? null : interval(low, high);
    }),
    counts: cells.map((cell) => cell.outcome.n),
    suppressed: hidden,
  };
}

/** The range a chart's value axis must span to show every value and interval, with 0 included. */
export function valueRange(series: ChartSeries): { min: number; max: number } {
  const numbers = [
    0,
    ...series.values.filter((v): v is number => v !== null),
    ...series.intervals.flatMap((i) => (i ? [i.low, i.high] : [])),
  ];
  return { min: Math.min(...numbers), max: Math.max(...numbers) };
}

/**
 * How many of a chart's groups are drawn, in words that never contradict the chart: "all 11 visits
 * shown", "8 of 11 visits shown; the other 3 are suppressed (…)", "none shown: all 4 bins are
 * suppressed (…)".
 */
export function shownText(series: Pick<ChartSeries, 'suppressed'>, noun: string, minCellSize: number): string {
  const total = series.suppressed.length;
  const hidden = series.suppressed.filter(Boolean).length;
  const plural = (n: number) => (n === 1 ? noun : `${noun}s`);
  if (total === 0) return `no ${plural(0)} to show`;
  if (hidden === 0) return total === 1 ? `the one ${noun} shown` : `all ${total} ${plural(total)} shown`;
  if (hidden === total)
    return `none shown: ${total === 1 ? `the one ${noun} is` : `all ${total} ${plural(total)} are`} ${suppressedText(minCellSize)}`;
  return `${total - hidden} of ${total} ${plural(total)} shown; the other ${hidden} ${hidden === 1 ? 'is' : 'are'} ${suppressedText(minCellSize)}`;
}

/** Why a chart has nothing to draw, or null when it has something. */
export function emptyChartReason(series: ChartSeries, minCellSize: number): string | null {
  if (series.values.some((value) => value !== null)) return null;
  if (series.labels.length === 0) return 'Nothing to draw: no client of this cohort has values for it.';
  return `Nothing to draw: every group is ${suppressedText(minCellSize)}. Choose a broader cohort.`;
}

export type Comparison = CohortComparisonQuery['cohortComparison'];

/** The comparison's chart: each cohort's mean change and the difference (B − A), with their 95% intervals. */
export function comparisonSeries(comparison: Comparison): ChartSeries {
  const { a, b, difference } = comparison;
  const cell = (label: string, outcome: OutcomeCell) => ({
    label: withMarker(label, outcome.suppressed),
    value: outcome.suppressed ? null : outcome.meanChange,
    interval: outcome.suppressed ? null : interval(outcome.meanChangeCiLow, outcome.meanChangeCiHigh),
    count: outcome.n,
    suppressed: outcome.suppressed,
  });
  const cells = [
    cell('Cohort A', a),
    cell('Cohort B', b),
    {
      label: withMarker('Difference (B − A)', difference.suppressed),
      value: difference.suppressed ? null : difference.estimate,
      interval: difference.suppressed ? null : interval(difference.ciLow, difference.ciHigh),
      count: null,
      suppressed: difference.suppressed,
    },
  ];
  return {
    labels: cells.map((c) => c.label),
    values: cells.map((c) => c.value),
    intervals: cells.map((c) => c.interval),
    counts: cells.map((c) => c.count),
    suppressed: cells.map((c) => c.suppressed),
  };
}

/**
 * The comparison in one sentence: which cohort changed more, by how much, and whether the 95% interval
 * of the difference excludes 0; or why it is withheld.
 */
export function comparisonText(comparison: Comparison, measure: MeasureFormat, betterWhenHigher: boolean): string {
  const { difference, minCellSize } = comparison;
  if (difference.suppressed || difference.estimate === null) {
    return `The difference is withheld: a cohort is ${suppressedText(minCellSize)}, or has fewer than 2 clients.`;
  }
  const d = measure.decimals + 1;
  const unit = measure.unitLabel ? ` (${measure.unitLabel})` : '';
  const interval = difference.ciLow !== null && difference.ciHigh !== null ? { low: difference.ciLow, high: difference.ciHigh } : null;
  const head = `Mean change in cohort B minus cohort A${unit}: ${formatWithInterval(difference.estimate, difference.ciLow, difference.ciHigh, d)}.`;
  if (!interval) return head;
  if (interval.low <= 0 && interval.high >= 0)
    return `${head} The interval includes 0: these data show no clear difference between the cohorts.`;
  const bBetter = difference.estimate > 0 === betterWhenHigher;
  return `${head} The interval excludes 0: cohort ${bBetter ? 'B' : 'A'} improved more.`;
}

/** Why the cohort cannot be exported, in words, or null when it can. */
export function exportBlockedReason(outcome: Pick<Outcome, 'overall' | 'minCellSize'>): string | null {
  if (!outcome.overall.suppressed) return null;
  return (
    `The export is off for this cohort: it has fewer than ${outcome.minCellSize} clients (the minimum cell size), ` +
    'so its rows could point to a person. Choose a broader cohort to export.'
  );
}
