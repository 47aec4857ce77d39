import './register';
import { useId, useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import { chartOptions, type DateFormat, toChartData, valueAxisRange } from './chart-config';
import { type ExpectedBand, expectedCell, expectedDatasets, performanceText, withheldText } from './expected-change';
import { MeasureTable } from './MeasureTable';
import { directionText, formatValue, type MeasureInfo, type RegionSeries, summariseRegion, valueAxisTitle } from './measure-series';
import { prefersMotion } from './motion';
import { TableToggle } from './TableToggle';

export interface MeasureChartProps {
  measure: MeasureInfo;
  region: RegionSeries;
  format?: DateFormat;
  /** What similar clients achieved (therapist's view only); shaded on the chart and listed in the table. */
  expected?: ExpectedBand | null;
}

/**
 * One measure of one region across a series' sessions: the chart, a written
 * summary, and the same numbers as a table for anyone who cannot use the chart.
 */
export function MeasureChart({ measure, region, format = {}, expected = null }: MeasureChartProps) {
  const captionId = useId();
  const { locale, timeZone } = format;
  const data = useMemo(() => {
    const chart = toChartData(region, { locale, timeZone });
    return expected ? { ...chart, datasets: [...chart.datasets, ...expectedDatasets(region, expected)] } : chart;
  }, [region, locale, timeZone, expected]);
  const range = useMemo(() => valueAxisRange(measure, region), [measure, region]);
  const options = useMemo(() => chartOptions(measure, { animate: prefersMotion(), range }), [measure, range]);
  const summary = summariseRegion(region, measure);
  const title = `${valueAxisTitle(measure)}: ${region.label}`;
  const sessions = region.sessions.length === 1 ? '1 session' : `${region.sessions.length} sessions`;
  const label = `Chart of ${valueAxisTitle(measure)} in ${region.label} before and after each of ${sessions}. ${summary.text} The values are also in the table below the chart.`;

  return (
    <figure className="measure-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="figure-title">{title}</span>
        <span className="figure-summary">
          {summary.text} {directionText(measure)}. Values: {region.reportedBy}.
          {region.band && measure.mcid !== null
            ? ` Shaded: baseline ± MCID (${formatValue(measure.mcid, measure)}), ${formatValue(region.band.low, measure)} to ${formatValue(region.band.high, measure)}.`
            : ''}
          {range.whole
            ? ''
            : ` The value axis runs from ${formatValue(range.min, measure)} to ${formatValue(range.max, measure)} ${measure.unitLabel} (of ${measure.min}-${measure.max}), around this client's values.`}
        </span>
        {expected && (
          <span className="figure-summary expected-change">
            {expected.sentence ?? withheldText[expected.withheldReason ?? ''] ?? ''}
            {expected.performance !== null ? ` At the latest visit: ${performanceText(expected.performance, measure)}.` : ''}
          </span>
        )}
      </figcaption>
      <div className="chart-box">
        <Line data={data} options={options} role="img" aria-label={label} fallbackContent={<p>{label}</p>} />
      </div>
      <TableToggle label="Show the values as a table">
        <MeasureTable measure={measure} region={region} format={format} />
        {expected && expected.points.length > 0 && (
          <table className="data-table expected-table">
            <caption>Expected value for clients like this by visit (8 in 10 within the range in brackets).</caption>
            <thead>
              <tr>
                <th scope="col">Visit</th>
                <th scope="col" className="numeric">
                  Expected
                </th>
              </tr>
            </thead>
            <tbody>
              {expected.points.map((point) => (
                <tr key={point.visit}>
                  <th scope="row">{point.visit}</th>
                  <td data-column="expected">{expectedCell(expected, point, measure)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </TableToggle>
    </figure>
  );
}
