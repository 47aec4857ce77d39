import type { ChartData, ChartOptions, Plugin } from 'chart.js';
import { axisTitleLines } from './chart-config';
import { formatValue, type MeasureInfo, valueAxisTitle } from './measure-series';

/**
 * A labelled interpretation band of a score, as the measure catalog publishes it with its source (ODI:
 * Fairbank & Pynsent 2000, 0-20/21-40/41-60/61-80/81-100 %; NDI: Vernon 2008, 0-4/5-14/15-24/25-34/35-50
 * points; FIQR: Salaffi 2021). QuickDASH and PSFS have none published, so their charts draw none.
 */
export interface SeverityBand {
  min: number;
  max: number;
  label: string;
}

export interface ScorePoint {
  completedAt: string;
  score: number;
}

/**
 * The band a score falls in: the first band (from the lowest) whose top is at or above it. Published
 * bands leave gaps between edges (0-20, 20.1-40); a score in a gap goes to the higher band.
 */
export function bandOf(score: number, bands: readonly SeverityBand[]): SeverityBand | null {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  if (sorted.length === 0 || score < (sorted[0]?.min ?? 0)) return null;
  return sorted.find((band) => score <= band.max) ?? null;
}

/** One point per completed questionnaire, in completion order, labelled with its date. */
export function toScoreChartData(
  points: readonly ScorePoint[],
  format: { locale?: string; timeZone?: string } = {},
): ChartData<'line', number[], string> {
  const sorted = [...points].sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
  const dates = new Intl.DateTimeFormat(format.locale, {
    day: 'numeric',
    month: 'short',
    ...(format.timeZone ? { timeZone: format.timeZone } : {}),
  });
  return {
    labels: sorted.map((p) => dates.format(new Date(p.completedAt))),
    datasets: [
      {
        label: 'Score',
        data: sorted.map((p) => p.score),
        borderColor: '#0072B2',
        backgroundColor: '#0072B2',
        borderWidth: 2,
        pointStyle: 'rectRot',
        pointRadius: 6,
        clip: false,
      },
    ],
  };
}

// Light greys of rising darkness: the band's words, drawn on it, carry the meaning.
const bandShades = ['rgba(0,0,0,0.02)', 'rgba(0,0,0,0.05)', 'rgba(0,0,0,0.08)', 'rgba(0,0,0,0.11)', 'rgba(0,0,0,0.14)'];

/** Draws the severity bands behind the line, each with its label at the right edge. */
export function severityBandsPlugin(bands: readonly SeverityBand[]): Plugin<'line'> {
  return {
    id: 'severityBands',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const y = scales.y;
      if (!y || bands.length === 0) return;
      ctx.save();
      [...bands]
        .sort((a, b) => a.min - b.min)
        .forEach((band, i) => {
          const top = y.getPixelForValue(band.max);
          const bottom = y.getPixelForValue(band.min);
          ctx.fillStyle = bandShades[i % bandShades.length] ?? bandShades[0] ?? '';
          ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
          ctx.strokeStyle = 'rgba(0,0,0,0.25)';
          ctx.beginPath();
          ctx.moveTo(chartArea.left, top);
          ctx.lineTo(chartArea.right, top);
          ctx.stroke();
          ctx.fillStyle = '#3b3b3b';
          ctx.font = '11px system-ui, sans-serif';
          ctx.textAlign = 'right';
          ctx.textBaseline = 'middle';
          if (bottom - top >= 12) ctx.fillText(band.label, chartArea.right - 4, (top + bottom) / 2);
        });
      ctx.restore();
    },
  };
}

export function scoreChartOptions(measure: MeasureInfo, animate: boolean): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? {} : false,
    scales: {
      x: { title: { display: true, text: 'Date completed' } },
      y: { min: measure.min, max: measure.max, title: { display: true, text: axisTitleLines(valueAxisTitle(measure)) } },
    },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: (item) => `Score: ${formatValue(item.parsed.y ?? 0, measure)}` } },
    },
  };
}
