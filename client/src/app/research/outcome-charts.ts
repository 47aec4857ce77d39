/**
 * Turns a cohort's outcomes (the `cohortOutcomes` answer) into what the explorer's charts and tables
 * show. A suppressed cell is never drawn as zero: its bar or point is left out and its label says
 * "suppressed", in the chart and in the table alike. Pure functions, tested without a canvas.
 */
import type { CohortOutcomesQuery } from '../../graphql/generated/graphql';

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

/** Histogram of change: clients per bin of change (no interval). */
export function histogramSeries(bins: Outcome['histogram'], measure: MeasureFormat): ChartSeries {
  return {
    labels: bins.map((bin) =>
      withMarker(`${formatNumber(bin.from, measure.decimals)} to ${formatNumber(bin.to, measure.decimals)}`, bin.suppressed),
    ),
    values: bins.map((bin) => (bin.suppressed ? null : bin.n)),
    intervals: bins.map(() => null),
    counts: bins.map((bin) => bin.n),
    suppressed: bins.map((bin) => bin.suppressed),
  };
}

/** Dose bands: the mean change of each band with its 95% interval, the whole cohort first for reference. */
export function doseSeries(overall: OutcomeCell, bands: readonly DoseBand[]): ChartSeries {
  const cells = [{ label: 'Whole cohort', outcome: overall }, ...bands];
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
  const cells = [{ label: 'Whole cohort', outcome: overall }, ...bands];
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
