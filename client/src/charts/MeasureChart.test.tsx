import { fireEvent, render, screen, within } from '@testing-library/react';
import { Chart } from 'chart.js';
import { describe, expect, test } from 'vitest';
import { nprs, prePost, present, regionNames, weeklySessions } from '../test/fixtures';
import { datasetLabels } from './chart-config';
import { type ExpectedBand, expectedLabels } from './expected-change';
import { MeasureChart } from './MeasureChart';
import { buildRegionSeries } from './measure-series';

const sessions = weeklySessions(4);
const at = (i: number) => sessions[i]?.startedAt ?? '';
const region = present(
  buildRegionSeries({
    measure: nprs,
    sessions,
    observations: [
      ...prePost('s1', at(0), 7, 5),
      ...prePost('s2', at(1), 6, null),
      ...prePost('s3', at(2), null, 3),
      ...prePost('s4', at(3), 4, 2),
    ],
    regionNames,
  })[0],
  'region',
);

function renderChart() {
  render(<MeasureChart measure={nprs} region={region} format={{ locale: 'en-GB', timeZone: 'UTC' }} />);
  const canvas = screen.getByRole('img');
  const chart = Chart.getChart(canvas as HTMLCanvasElement);
  if (!chart) throw new Error('no chart.js instance on the canvas');
  return { canvas, chart };
}

/** The table's body as text, one array per row. */
function tableRows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('MeasureChart', () => {
  test('draws a chart.js line chart on a canvas with an accessible name that summarises it', () => {
    const { canvas, chart } = renderChart();
    expect(canvas.tagName).toBe('CANVAS');
    expect(canvas.getAttribute('aria-label')).toBe(
      'Chart of Pain (NPRS 0-10) in Neck before and after each of 4 sessions. ' +
        'Baseline 7; latest value before a session 4 (3 lower): a clinically important improvement (MCID 2). ' +
        'The values are also in the table below the chart.',
    );
    expect('type' in chart.config && chart.config.type).toBe('line');
    expect(chart.data.labels).toEqual(['2 Mar', '9 Mar', '16 Mar', '23 Mar']);
    // The canvas really has a drawing context (from @napi-rs/canvas): chart.js laid out its axes.
    expect(chart.scales.y?.max).toBe(10);
    expect(chart.scales.x?.getLabels()).toHaveLength(4);
  });

  test('the figure is named by its caption, which states the baseline and the MCID band', () => {
    renderChart();
    const figure = screen.getByRole('figure', { name: /Pain \(NPRS 0-10\): Neck/ });
    expect(figure.textContent).toContain('Shaded: baseline ± MCID (2), 5 to 9.');
    expect(figure.textContent).toContain('Lower is better.');
  });

  test('the table alternative lists the same numbers as the chart, rendered once opened', async () => {
    const { chart } = renderChart();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByText('Show the values as a table'));
    await screen.findByRole('table');
    const rows = tableRows();
    expect(rows).toEqual([
      ['1', '2 Mar 2026', '7', '5', '−2'],
      ['2', '9 Mar 2026', '6', 'not recorded', '—'],
      ['3', '16 Mar 2026', 'not recorded', '3', '—'],
      ['4', '23 Mar 2026', '4', '2', '−2'],
    ]);
    const shown = (label: string) =>
      chart.data.datasets.find((d) => d.label === label)?.data.map((v) => (v === null ? 'not recorded' : String(v)));
    expect(rows.map((row) => row[2])).toEqual(shown(datasetLabels.pre));
    expect(rows.map((row) => row[3])).toEqual(shown(datasetLabels.post));
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe(
      'Pain (NPRS 0-10), Neck, by session. Lower is better. Baseline 7. MCID 2: band 5 to 9. Change: after minus before.',
    );
  });

  test('the expected-change band: shaded at the sessions it covers, its sentence in the caption, listed in the table', async () => {
    const expected: ExpectedBand = {
      withheldReason: null,
      baseline: 7,
      points: [
        { visit: 2, change: -1, low: -2.5, high: 0.5 },
        { visit: 3, change: -2, low: -3.5, high: -0.5 },
      ],
      sentence: 'Clients like this typically improve 2.0 points [0.5, 3.5] by visit 3 (8 in 10 within the bracket; improvement positive).',
      performance: -1.5,
    };
    render(<MeasureChart measure={nprs} region={region} format={{ locale: 'en-GB', timeZone: 'UTC' }} expected={expected} />);
    const chart = Chart.getChart(screen.getByRole('img') as HTMLCanvasElement);
    const data = (label: string) => chart?.data.datasets.find((d) => d.label === label)?.data;
    // Baseline 7 plus the expected range at sessions 2 and 3; nothing at 1 (the baseline) or 4 (past the model).
    expect(data(expectedLabels.band)).toEqual([null, 7.5, 6.5, null]);
    expect(data(expectedLabels.bandLower)).toEqual([null, 4.5, 3.5, null]);
    const figure = screen.getByRole('figure', { name: /Pain \(NPRS 0-10\): Neck/ });
    expect(figure.textContent).toContain(expected.sentence);
    // Pain 1.5 lower than expected: better, for a measure where lower is better.
    expect(figure.textContent).toContain('At the latest visit: 1.5 points better than expected for clients like this.');
    fireEvent.click(screen.getByText('Show the values as a table'));
    const tables = await screen.findAllByRole('table');
    const band = tables.find((t) => t.classList.contains('expected-table'));
    const rows = Array.from(band?.querySelectorAll('tbody tr') ?? []).map((row) => Array.from(row.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['2', '6.0 (4.5–7.5)'],
      ['3', '5.0 (3.5–6.5)'],
    ]);
  });

  test('a withheld band says why, and draws nothing', () => {
    const withheld: ExpectedBand = { withheldReason: 'FEW_SIMILAR_CLIENTS', baseline: 7, points: [], sentence: null, performance: null };
    render(<MeasureChart measure={nprs} region={region} format={{ locale: 'en-GB', timeZone: 'UTC' }} expected={withheld} />);
    const chart = Chart.getChart(screen.getByRole('img') as HTMLCanvasElement);
    expect(chart?.data.datasets.some((d) => d.label === expectedLabels.band)).toBe(false);
    expect(screen.getByRole('figure').textContent).toContain('too few clients with a similar starting value');
  });
});

describe('MeasureChart of values someone else reported', () => {
  test('a parent’s values: the title, the caption and the table say whose they are', async () => {
    const proxy = buildRegionSeries({
      measure: nprs,
      sessions,
      observations: [
        ...prePost('s1', at(0), 7, 5),
        ...prePost('s1', at(0), 8, null, { reportedBy: 'reported by a parent (proxy)' }),
        ...prePost('s2', at(1), 6, null, { reportedBy: 'reported by a parent (proxy)' }),
      ],
      regionNames,
    }).find((r) => r.reportedBy !== 'self-report');
    render(<MeasureChart measure={nprs} region={present(proxy, 'proxy region')} format={{ locale: 'en-GB', timeZone: 'UTC' }} />);
    const figure = screen.getByRole('figure');
    expect(figure.querySelector('.figure-title')?.textContent).toBe('Pain (NPRS 0-10): Neck, reported by a parent (proxy)');
    expect(figure.querySelector('.figure-summary')?.textContent).toContain('Values: reported by a parent (proxy).');
    fireEvent.click(screen.getByText('Show the values as a table'));
    expect((await screen.findByRole('table')).querySelector('caption')?.textContent).toContain(
      'Neck, reported by a parent (proxy), by session.',
    );
    // Only the parent's values: 8 then 6, the child's 7 and 5 are in a chart of their own.
    expect(tableRows().map((row) => row.slice(2, 4))).toEqual([
      ['8', 'not recorded'],
      ['6', 'not recorded'],
    ]);
  });
});
