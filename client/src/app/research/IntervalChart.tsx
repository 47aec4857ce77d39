import '../../charts/register';
import { BarController, BarElement, Chart, type ChartOptions, type Plugin } from 'chart.js';
import { useId, useMemo } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { prefersMotion } from '../../charts/motion';
import { TableToggle } from '../../charts/TableToggle';
import { type ChartSeries, emptyChartReason, type Interval, suppressedText, valueRange } from './outcome-charts';

// Bars only for the research charts (this chunk): the therapist's charts stay lines.
Chart.register(BarController, BarElement);

export interface IntervalChartProps {
  kind: 'bar' | 'line';
  title: string;
  /** One or two sentences on what the chart shows, read out with it. */
  summary: string;
  series: ChartSeries;
  xTitle: string;
  yTitle: string;
  /** The table's heading of the value column. */
  valueHeading: string;
  format: (value: number) => string;
  minCellSize: number;
  /** A column of clients per row (left out where the value is itself a count of clients). */
  showCounts?: boolean;
}

const ink = '#3b3b3b';
const fill = '#0072B2';

/** Draws each value's 95% interval as a vertical error bar with caps. */
function errorBarsPlugin(intervals: readonly (Interval | null)[]): Plugin<'bar' | 'line'> {
  return {
    id: 'errorBars',
    afterDatasetsDraw(chart) {
      const points = chart.getDatasetMeta(0).data;
      const y = chart.scales.y;
      if (!y) return;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = ink;
      ctx.lineWidth = 1.5;
      intervals.forEach((range, i) => {
        const point = points[i];
        if (!range || !point) return;
        const top = y.getPixelForValue(range.high);
        const bottom = y.getPixelForValue(range.low);
        ctx.beginPath();
        ctx.moveTo(point.x, top);
        ctx.lineTo(point.x, bottom);
        for (const end of [top, bottom]) {
          ctx.moveTo(point.x - 5, end);
          ctx.lineTo(point.x + 5, end);
        }
        ctx.stroke();
      });
      ctx.restore();
    },
  };
}

/**
 * A research chart: bars or a line of values with their 95% intervals as error bars. Suppressed cells
 * have no bar or point, and their axis label says "(suppressed)"; the table says why.
 */
export function IntervalChart({
  kind,
  title,
  summary,
  series,
  xTitle,
  yTitle,
  valueHeading,
  format,
  minCellSize,
  showCounts = true,
}: IntervalChartProps) {
  const captionId = useId();
  const hasIntervals = series.intervals.some((range) => range !== null);
  const plugins = useMemo(() => [errorBarsPlugin(series.intervals)], [series.intervals]);
  const options = useMemo<ChartOptions<'bar' | 'line'>>(() => {
    const { min, max } = valueRange(series);
    const pad = (max - min) * 0.08 || 1;
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: prefersMotion() ? { duration: 300 } : false,
      layout: { padding: { top: 8, right: 10 } },
      scales: {
        x: { type: 'category', title: { display: true, text: xTitle }, ticks: { autoSkip: false, maxRotation: 60, minRotation: 0 } },
        y: {
          type: 'linear',
          suggestedMin: min < 0 ? min - pad : 0,
          suggestedMax: max + pad,
          title: { display: true, text: yTitle },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const range = series.intervals[item.dataIndex];
              const value = item.parsed.y;
              if (value === null || value === undefined) return suppressedText(minCellSize);
              return range ? `${format(value)} (95% CI ${format(range.low)} to ${format(range.high)})` : format(value);
            },
          },
        },
      },
    };
  }, [series, xTitle, yTitle, format, minCellSize]);
  const dataset = {
    label: valueHeading,
    data: series.values,
    backgroundColor: fill,
    borderColor: fill,
    borderWidth: 2,
    pointStyle: 'circle' as const,
    pointRadius: 4,
    spanGaps: false,
  };
  const data = { labels: series.labels, datasets: [dataset] };
  const ariaLabel = `${title}. ${summary} The values are also in the table below the chart.`;
  // An empty canvas says nothing: a chart with nothing to draw says why instead.
  const empty = emptyChartReason(series, minCellSize);
  return (
    <figure className="measure-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="figure-title">{title}</span>
        <span className="figure-summary">{summary}</span>
      </figcaption>
      {empty ? (
        <p className="empty-chart">{empty}</p>
      ) : (
        <div className="chart-box">
          {kind === 'bar' ? (
            <Bar
              data={data}
              options={options as ChartOptions<'bar'>}
              plugins={plugins as Plugin<'bar'>[]}
              role="img"
              aria-label={ariaLabel}
            />
          ) : (
            <Line
              data={data}
              options={options as ChartOptions<'line'>}
              plugins={plugins as Plugin<'line'>[]}
              role="img"
              aria-label={ariaLabel}
            />
          )}
        </div>
      )}
      <TableToggle label="Show the values as a table">
        <div className="table-scroll">
          <table className="data-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{xTitle}</th>
                {showCounts && (
                  <th scope="col" className="numeric">
                    Clients
                  </th>
                )}
                <th scope="col" className="numeric">
                  {valueHeading}
                </th>
                {hasIntervals && (
                  <th scope="col" className="numeric">
                    95% interval
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {series.labels.map((label, i) => {
                const value = series.values[i] ?? null;
                const range = series.intervals[i] ?? null;
                const count = series.counts[i] ?? null;
                return (
                  <tr key={label}>
                    <th scope="row">{label.replace(/ \(suppressed\)$/, '')}</th>
                    {series.suppressed[i] && value === null ? (
                      <td colSpan={1 + Number(showCounts) + Number(hasIntervals)} className="suppressed-cell">
                        {suppressedText(minCellSize)}
                      </td>
                    ) : (
                      <>
                        {showCounts && <td className="numeric">{count ?? '—'}</td>}
                        <td className="numeric">{value === null ? '—' : format(value)}</td>
                        {hasIntervals && <td className="numeric">{range ? `${format(range.low)} to ${format(range.high)}` : '—'}</td>}
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </TableToggle>
    </figure>
  );
}
