import type { ChartDataset } from 'chart.js';
import { describe, expect, test } from 'vitest';
import { nprs, prePost, present, regionNames, weeklySessions } from '../test/fixtures';
import { chartOptions, datasetLabels, sessionAxisLabels, toChartData } from './chart-config';
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
  expect(y?.title).toMatchObject({ display: true, text: 'Pain (NPRS 0-10)' });
  expect(y).toMatchObject({ min: 0, max: 10 });
});
