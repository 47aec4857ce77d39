import type { ChartData, ChartDataset, ChartOptions } from 'chart.js';
import { expectedLabels } from './expected-change';
import { formatValue, type MeasureInfo, type RegionSeries, valueAxisTitle } from './measure-series';

/** Dataset labels, also the legend: words and line/point styles carry the meaning, colour only adds to it. */
export const datasetLabels = {
  pre: 'Before session',
  post: 'After session',
  baseline: 'Baseline (first value before a session)',
  band: 'Baseline ± MCID',
  bandLower: 'Baseline − MCID',
} as const;

// Okabe-Ito colours: told apart with the common colour-vision deficiencies.
const colours = {
  pre: '#0072B2',
  post: '#D55E00',
  baseline: '#3b3b3b',
  band: 'rgba(0, 158, 115, 0.16)',
  bandEdge: 'rgba(0, 158, 115, 0.55)',
};

export interface DateFormat {
  locale?: string;
  timeZone?: string;
}

/** Short session date for the axis, e.g. "3 Mar" (with the year when the series spans years). */
export function sessionAxisLabels(region: RegionSeries, format: DateFormat = {}): string[] {
  // One formatter for all dates: making one per date costs more than the chart itself with a year of sessions.
  const year = new Intl.DateTimeFormat('en', { year: 'numeric', ...(format.timeZone ? { timeZone: format.timeZone } : {}) });
  const years = new Set(region.sessions.map((row) => year.format(new Date(row.startedAt))));
  const formatter = new Intl.DateTimeFormat(format.locale, {
    day: 'numeric',
    month: 'short',
    ...(years.size > 1 ? { year: '2-digit' } : {}),
    ...(format.timeZone ? { timeZone: format.timeZone } : {}),
  });
  return region.sessions.map((row) => formatter.format(new Date(row.startedAt)));
}

/**
 * Datasets for one region: before/after values at each session (hollow circles
 * on a dashed line, filled triangles on a solid line), the baseline (dotted) and
 * the MCID band around it (shaded between two edges).
 */
export function toChartData(region: RegionSeries, format: DateFormat = {}): ChartData<'line', (number | null)[], string> {
  const count = region.sessions.length;
  const datasets: ChartDataset<'line', (number | null)[]>[] = [
    {
      label: datasetLabels.pre,
      data: region.sessions.map((row) => row.pre),
      borderColor: colours.pre,
      backgroundColor: '#ffffff',
      borderDash: [6, 4],
      borderWidth: 2,
      pointStyle: 'circle',
      pointRadius: 5,
      pointHoverRadius: 7,
      pointBorderWidth: 2,
      // A value at the scale's end (pain 0 or 10) shows its whole marker, not half of it.
      clip: false,
      order: 0,
    },
    {
      label: datasetLabels.post,
      data: region.sessions.map((row) => row.post),
      borderColor: colours.post,
      backgroundColor: colours.post,
      borderWidth: 2,
      pointStyle: 'triangle',
      pointRadius: 6,
      pointHoverRadius: 8,
      clip: false,
      order: 0,
    },
  ];
  if (region.baseline !== null) {
    datasets.push({
      label: datasetLabels.baseline,
      data: Array.from({ length: count }, () => region.baseline),
      borderColor: colours.baseline,
      backgroundColor: colours.baseline,
      borderDash: [2, 3],
      borderWidth: 2,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointStyle: 'line',
      order: 1,
    });
  }
  if (region.band) {
    const { low, high } = region.band;
    datasets.push(
      {
        label: datasetLabels.band,
        data: Array.from({ length: count }, () => high),
        borderColor: colours.bandEdge,
        backgroundColor: colours.band,
        borderWidth: 1,
        pointRadius: 0,
        pointHoverRadius: 0,
        pointStyle: 'rect',
        // Shade down to the next dataset, the lower edge.
        fill: '+1',
        order: 2,
      },
      {
        label: datasetLabels.bandLower,
        data: Array.from({ length: count }, () => low),
        borderColor: colours.bandEdge,
        backgroundColor: colours.band,
        borderWidth: 1,
        pointRadius: 0,
        pointHoverRadius: 0,
        fill: false,
        order: 2,
      },
    );
  }
  return { labels: sessionAxisLabels(region, format), datasets };
}

/** A value axis: where it starts and ends, and whether it shows the measure's whole range. */
export interface AxisRange {
  min: number;
  max: number;
  /** False when the axis is zoomed to the client's values (the caption then says so). */
  whole: boolean;
}

/** The round step (1, 2 or 5 times a power of ten) nearest above `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].find((m) => m * power >= rough) ?? 10;
  return step * power;
}

/**
 * The value axis of one region's chart. Pain scales keep their whole range (0-10 is the scale a
 * reader knows). Other measures are scaled to the client's values: every value, the baseline and
 * the MCID band, with a margin of one MCID (or 15% of the values' spread, if larger) and rounded
 * out to a round step, within the measure's valid range. A shoulder flexion of 120-130° then
 * runs over about 100-150°, not 0-200°, so a 10° change shows.
 */
export function valueAxisRange(measure: MeasureInfo, region: RegionSeries): AxisRange {
  const whole = { min: measure.min, max: measure.max, whole: true };
  if (measure.kind === 'PAIN' || measure.max - measure.min <= 20) return whole;
  const values: number[] = [];
  for (const row of region.sessions) for (const v of [row.pre, row.post]) if (v !== null) values.push(v);
  if (region.baseline !== null) values.push(region.baseline);
  if (region.band) values.push(region.band.low, region.band.high);
  if (values.length === 0) return whole;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = Math.max(measure.mcid ?? 0, (high - low) * 0.15, (measure.max - measure.min) * 0.02);
  const step = niceStep((high - low + 2 * margin) / 5);
  const min = Math.max(measure.min, Math.floor((low - margin) / step) * step);
  const max = Math.min(measure.max, Math.ceil((high + margin) / step) * step);
  return { min, max, whole: min === measure.min && max === measure.max };
}

/**
 * An axis title cut into lines of at most `width` characters at spaces, so a long name
 * ("Shoulder external rotation (active ROM) (°)") fits the height of a phone's chart instead of
 * running off both ends.
 */
export function axisTitleLines(text: string, width = 22): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function chartOptions(measure: MeasureInfo, options: { animate: boolean; range?: AxisRange }): ChartOptions<'line'> {
  const range = options.range ?? { min: measure.min, max: measure.max };
  const wholeSteps = measure.decimals === 0 && range.max - range.min <= 20;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: options.animate ? { duration: 300 } : false,
    interaction: { mode: 'index', intersect: false },
    layout: { padding: { top: 8, right: 10 } },
    scales: {
      x: {
        type: 'category',
        title: { display: true, text: 'Session date' },
        ticks: { autoSkip: true, maxRotation: 50 },
      },
      y: {
        type: 'linear',
        min: range.min,
        max: range.max,
        title: { display: true, text: axisTitleLines(valueAxisTitle(measure)) },
        ticks: wholeSteps ? { stepSize: 1, precision: 0 } : {},
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: {
          usePointStyle: true,
          // The two band edges are one thing to a reader: list the band once.
          filter: (item) => item.text !== datasetLabels.bandLower && item.text !== expectedLabels.bandLower,
        },
      },
      tooltip: {
        // Baseline and band repeat on every session; the tooltip is about the values.
        filter: (item) => item.dataset.label === datasetLabels.pre || item.dataset.label === datasetLabels.post,
        callbacks: {
          label: (item) =>
            item.parsed.y === null
              ? `${item.dataset.label}: not recorded`
              : `${item.dataset.label}: ${formatValue(item.parsed.y, measure)}`,
        },
      },
    },
  };
}
