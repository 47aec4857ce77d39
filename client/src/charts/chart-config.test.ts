import type { ChartDataset } from 'chart.js';
import { Chart } from 'chart.js';
import { describe, expect, test } from 'vitest';
import { nprs, prePost, present, regionNames, weeklySessions } from '../test/fixtures';
import { axisTitleLines, chartOptions, datasetLabels, niceStep, sessionAxisLabels, toChartData, valueAxisRange } from './chart-config';
import './register';
import { buildRegionSeries } from './measure-series';

const sessions = weeklySessions(3);
const at = (i: number) => sessions[i]?.startedAt ?? '';

function regionOf(observations: Parameters<typeof buildRegionSeries>[0]['observations'], measure = nprs) {
  const region = buildRegionSeries({ measure, sessions, observations, regionNames })[0];
  if (!region) throw new Error('fixture has no region');
  return region;
}

function byLabel(datasets: ChartDataset<'line', (number | null)[]>[], label: string) {
  const dataset = datasets.find((d) => d.label === label);
  if (!dataset) throw new Error(`no dataset "${label}" among ${datasets.map((d) => d.label).join(', ')}`);
  return dataset;
}

describe('toChartData', () => {
  const region = regionOf([...prePost('s1', at(0), 7, 5), ...prePost('s2', at(1), null, 4), ...prePost('s3', at(2), 5, null)]);
  const { labels, datasets } = toChartData(region, { locale: 'en-GB', timeZone: 'UTC' });

  test('one category per session, labelled with its date', () => {
    expect(labels).toEqual(['2 Mar', '9 Mar', '16 Mar']);
  });

  test('before and after values per session; a missing value is a gap, not a zero', () => {
    expect(byLabel(datasets, datasetLabels.pre).data).toEqual([7, null, 5]);
    expect(byLabel(datasets, datasetLabels.post).data).toEqual([5, 4, null]);
  });

  test('the baseline is a flat line at the first value before a session', () => {
    expect(byLabel(datasets, datasetLabels.baseline).data).toEqual([7, 7, 7]);
  });

  test('the MCID band is shaded between baseline + MCID and baseline − MCID', () => {
    const upper = byLabel(datasets, datasetLabels.band);
    const lower = byLabel(datasets, datasetLabels.bandLower);
    expect(upper.data).toEqual([9, 9, 9]);
    expect(lower.data).toEqual([5, 5, 5]);
    // The upper edge fills down to the dataset right after it: the lower edge.
    expect(upper.fill).toBe('+1');
    expect(datasets.indexOf(lower)).toBe(datasets.indexOf(upper) + 1);
  });

  test('the band follows the MCID of the catalog entry', () => {
    const wide = toChartData(regionOf(prePost('s1', at(0), 6, 4), { ...nprs, mcid: 3 }));
    expect(byLabel(wide.datasets, datasetLabels.band).data).toEqual([9]);
    expect(byLabel(wide.datasets, datasetLabels.bandLower).data).toEqual([3]);
  });

  test('no MCID in the catalog: no band; no value before any session: no baseline either', () => {
    const noMcid = toChartData(regionOf(prePost('s1', at(0), 6, 4), { ...nprs, mcid: null }));
    expect(noMcid.datasets.map((d) => d.label)).toEqual([datasetLabels.pre, datasetLabels.post, datasetLabels.baseline]);
    const postOnly = toChartData(regionOf(prePost('s1', at(0), null, 4)));
    expect(postOnly.datasets.map((d) => d.label)).toEqual([datasetLabels.pre, datasetLabels.post]);
  });

  test('colour is never the only cue: before and after differ in point shape and line style', () => {
    const pre = byLabel(datasets, datasetLabels.pre);
    const post = byLabel(datasets, datasetLabels.post);
    const baseline = byLabel(datasets, datasetLabels.baseline);
    expect(pre.pointStyle).not.toBe(post.pointStyle);
    expect(pre.borderDash).toBeDefined();
    expect(post.borderDash).toBeUndefined();
    expect(baseline.borderDash).not.toEqual(pre.borderDash);
  });
});

test('axis labels: a year is shown only when the sessions span years', () => {
  const region = regionOf(prePost('s1', at(0), 7, 5));
  const spanning = {
    ...region,
    sessions: [...region.sessions, { ...present(region.sessions[0]), sessionId: 'x', startedAt: '2027-01-05T10:00:00.000Z' }],
  };
  expect(sessionAxisLabels(spanning, { locale: 'en-GB', timeZone: 'UTC' })).toEqual(['2 Mar 26', '5 Jan 27']);
});

test('axis labels use the clinic time zone: a late-evening session belongs to its local day', () => {
  const region = regionOf(prePost('s1', at(0), 7, 5));
  const evening = { ...region, sessions: [{ ...present(region.sessions[0]), startedAt: '2026-03-02T23:30:00.000Z' }] };
  expect(sessionAxisLabels(evening, { locale: 'en-GB', timeZone: 'Pacific/Auckland' })).toEqual(['3 Mar']);
});

test('axes are titled with the scale and unit, and span the measure range', () => {
  const options = chartOptions(nprs, { animate: false });
  const x = options.scales?.x;
  const y = options.scales?.y;
  expect(x?.title).toMatchObject({ display: true, text: 'Session date' });
  expect(y?.title).toMatchObject({ display: true, text: ['Pain (NPRS 0-10)'] });
  expect(y).toMatchObject({ min: 0, max: 10 });
});

const flexion = {
  ...nprs,
  code: 'SHOULDER_FLEXION',
  name: 'Shoulder flexion (active ROM)',
  kind: 'RANGE_OF_MOTION' as const,
  unitLabel: '°',
  min: 0,
  max: 200,
  direction: 'HIGHER_IS_BETTER' as const,
  mcid: 8,
};

describe('valueAxisRange (defect 9: a 10° change must not look flat on 0-200°)', () => {
  const region = regionOf(
    [...prePost('s1', at(0), 120, 124), ...prePost('s2', at(1), 126, 128), ...prePost('s3', at(2), 130, 131)],
    flexion,
  );

  test('a range of motion is scaled around the values, with the baseline and the MCID band inside', () => {
    const range = valueAxisRange(flexion, region);
    expect(range).toEqual({ min: 100, max: 140, whole: false });
    // Baseline 120, band 112-128, values up to 131: all inside, with a margin.
    expect(range.min).toBeLessThan(region.band?.low ?? 0);
    expect(range.max).toBeGreaterThan(131);
    // A 10° change now spans a quarter of the axis instead of a twentieth.
    expect(10 / (range.max - range.min)).toBeGreaterThanOrEqual(0.25);
  });

  test('never beyond the measure range, and pain keeps its whole 0-10 scale', () => {
    const nearTop = regionOf([...prePost('s1', at(0), 195, 198)], flexion);
    expect(valueAxisRange(flexion, nearTop).max).toBe(200);
    const nearZero = regionOf([...prePost('s1', at(0), 2, 5)], flexion);
    expect(valueAxisRange(flexion, nearZero).min).toBe(0);
    expect(valueAxisRange(nprs, regionOf(prePost('s1', at(0), 6, 5)))).toEqual({ min: 0, max: 10, whole: true });
  });

  test('the chart options use the range, with steps that are not forced to whole units', () => {
    const options = chartOptions(flexion, { animate: false, range: valueAxisRange(flexion, region) });
    expect(options.scales?.y).toMatchObject({ min: 100, max: 140 });
  });

  test('round steps', () => {
    expect([0.7, 1, 3, 7, 12, 40].map(niceStep)).toEqual([1, 1, 5, 10, 20, 50]);
  });
});

describe('axis titles at 375 px (defect 2: the title was cut)', () => {
  test('a long title is cut into lines at spaces, none longer than 22 characters', () => {
    expect(axisTitleLines('Shoulder external rotation (active ROM) (°)')).toEqual(['Shoulder external', 'rotation (active ROM)', '(°)']);
    expect(axisTitleLines('Pain (NPRS 0-10)')).toEqual(['Pain (NPRS 0-10)']);
  });

  test('every line of the value axis title fits the plot height of a phone-sized chart', () => {
    // The chart box on a phone: about 330 x 300 CSS px (app.css), legend and date labels included.
    const canvas = document.createElement('canvas');
    canvas.width = 330;
    canvas.height = 300;
    const measure = { ...flexion, name: 'Shoulder external rotation (active ROM)' };
    const region = regionOf([...prePost('s1', at(0), 60, 64), ...prePost('s2', at(1), 66, 70)], measure);
    const options = chartOptions(measure, { animate: false, range: valueAxisRange(measure, region) });
    const chart = new Chart(canvas, {
      type: 'line',
      data: toChartData(region, { locale: 'en-GB', timeZone: 'UTC' }),
      options: { ...options, responsive: false, devicePixelRatio: 1 },
    });
    try {
      const y = chart.scales.y;
      const context = canvas.getContext('2d');
      if (!y || !context) throw new Error('no y scale or context');
      const title = (y.options as unknown as { title: { text: string | string[]; font?: { size?: number } } }).title;
      context.font = `${title.font?.size ?? Chart.defaults.font.size}px ${Chart.defaults.font.family}`;
      const lines = Array.isArray(title.text) ? title.text : [title.text];
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(context.measureText(String(line)).width, line).toBeLessThanOrEqual(y.height);
      // The one-line title this replaces would not have fitted.
      expect(context.measureText(lines.join(' ')).width).toBeGreaterThan(y.height);
    } finally {
      chart.destroy();
    }
  });
});
