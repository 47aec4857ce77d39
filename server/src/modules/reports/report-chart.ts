/*
 * A measure's small chart for the PDF, drawn on the server: chart.js on a Skia canvas (@napi-rs/canvas),
 * the same chart library as the web page, with the report's embedded font. No browser is involved.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import {
  Chart,
  type ChartDataset,
  type ChartItem,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
} from 'chart.js';
import { create as createFont, type Font } from 'fontkit';
import { findMeasure } from '../measures/measure-catalog.js';
import type { ReportMeasureNode } from './report.type.js';

const require = createRequire(import.meta.url);

/** The report's typeface: DejaVu Sans (Bitstream Vera licence, free to embed and redistribute), shipped by an npm package. */
export const reportFontFiles = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

function parseFont(file: string): Font {
  const font = createFont(readFileSync(file));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}

/**
 * The fonts, parsed once per process with fontkit (the parser pdfkit itself uses); pdfkit embeds a subset of
 * them into every report. Handing pdfkit the file's bytes instead made it parse 1.5 MB of TrueType for each
 * report: a PDF of 40 lines took 4-7 times longer (docs/development.md#benchmark-of-the-progress-report).
 */
export const reportFonts = {
  regular: parseFont(reportFontFiles.regular),
  bold: parseFont(reportFontFiles.bold),
};

const fontFamily = 'DejaVu Sans';
let registered = false;

function registerOnce(): void {
  if (registered) return;
  // Only the parts drawn, once (a line chart on linear axes).
  Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Filler);
  GlobalFonts.registerFromPath(reportFontFiles.regular, fontFamily);
  registered = true;
}

/** Size of a chart in the PDF, in points; drawn at `scale` pixels per point so print stays sharp. */
export const chartSize = { width: 200, height: 112, scale: 2.5 };

const dayMs = 24 * 3600 * 1000;

/** Paints the canvas white before the chart (a JPEG has no transparency). */
const whiteBackground: Plugin<'line'> = {
  id: 'whiteBackground',
  beforeDraw: (chart) => {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/**
 * The image (JPEG) of one measure: values before treatment (and after, where taken) against days since the first
 * day reported, with the baseline and the MCID target as dashed lines. Null with fewer than two values.
 */
export function measureChartImage(measure: ReportMeasureNode, firstDay: Date): Buffer | null {
  if (measure.points.length < 2) return null;
  registerOnce();
  const day = (at: Date) => Math.round(((at.getTime() - firstDay.getTime()) / dayMs) * 10) / 10;
  const series = (context: string) => measure.points.filter((p) => p.context === context).map((p) => ({ x: day(p.takenAt), y: p.value }));
  const datasets: ChartDataset<'line', { x: number; y: number }[]>[] = [];
  const pre = series('PRE_SESSION');
  const post = series('POST_SESSION');
  const diary = series('BETWEEN_SESSIONS');
  if (pre.length > 0) datasets.push({ label: 'before treatment', data: pre, borderColor: '#1f4e79', backgroundColor: '#1f4e79' });
  if (post.length > 0)
    datasets.push({ label: 'after treatment', data: post, borderColor: '#b85c00', backgroundColor: '#b85c00', borderDash: [4, 3] });
  if (diary.length > 0) datasets.push({ label: 'diary', data: diary, borderColor: '#2e7d32', backgroundColor: '#2e7d32' });
  const xs = measure.points.map((p) => day(p.takenAt));
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const flat = (label: string, y: number, color: string): ChartDataset<'line', { x: number; y: number }[]> => ({
    label,
    data: [
      { x: minX, y },
      { x: maxX, y },
    ],
    borderColor: color,
    borderDash: [2, 2],
    borderWidth: 1,
    pointRadius: 0,
  });
  const { baseline, mcid, thresholdKind } = measure.progress;
  datasets.push(flat('baseline', baseline, '#777777'));
  const direction = findMeasure(measure.progress.measureCode)?.direction === 'HIGHER_IS_BETTER' ? 1 : -1;
  // The threshold (MCID or MDC) in the measure's good direction from the baseline: lower for pain, higher for range of motion.
  if (mcid !== null) datasets.push(flat(`${thresholdKind ?? 'MCID'} from baseline`, baseline + direction * mcid, '#2e7d32'));
  // chart.js multiplies the canvas by devicePixelRatio itself.
  const canvas = createCanvas(chartSize.width, chartSize.height);
  const chart = new Chart(canvas as unknown as ChartItem, {
    type: 'line',
    plugins: [whiteBackground],
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: chartSize.scale,
      events: [],
      font: { family: fontFamily, size: 9 },
      layout: { padding: 2 },
      // The legend is a line of text under the chart in the PDF: drawn here it would take half the height.
      plugins: { legend: { display: false } },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: 'days', font: { family: fontFamily, size: 8 }, color: '#222222' },
          ticks: { font: { family: fontFamily, size: 8 }, color: '#222222', maxTicksLimit: 6 },
        },
        y: {
          title: { display: true, text: measure.unitLabel, font: { family: fontFamily, size: 8 }, color: '#222222' },
          ticks: { font: { family: fontFamily, size: 8 }, color: '#222222', maxTicksLimit: 5 },
        },
      },
    },
  });
  try {
    // JPEG on white: pdfkit embeds a JPEG as it is, while a PNG with transparency is decoded and split
    // into colour and alpha first (several times slower); quality 92 keeps lines and text clean at 2.5x.
    return canvas.toBuffer('image/jpeg', 92);
  } finally {
    chart.destroy();
  }
}
