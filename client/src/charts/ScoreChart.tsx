import './register';
import { useId, useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import { directionText, formatValue, type MeasureInfo, valueAxisTitle } from './measure-series';
import { prefersMotion } from './motion';
import { bandOf, type ScorePoint, type SeverityBand, scoreChartOptions, severityBandsPlugin, toScoreChartData } from './score-chart';
import { TableToggle } from './TableToggle';

export interface ScoreChartProps {
  measure: MeasureInfo & { severityBands: readonly SeverityBand[] };
  points: readonly ScorePoint[];
  /** Who answered, in the server's words; a questionnaire answered by someone other than the client says so in its title. */
  reportedBy: string;
  format?: { locale?: string; timeZone?: string };
}

/** A questionnaire's scores over time on its published severity bands (where it has any), with a table. */
export function ScoreChart({ measure, points, reportedBy, format = {} }: ScoreChartProps) {
  const captionId = useId();
  const { locale, timeZone } = format;
  const sorted = useMemo(() => [...points].sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt)), [points]);
  const data = useMemo(() => toScoreChartData(sorted, { locale, timeZone }), [sorted, locale, timeZone]);
  const options = useMemo(() => scoreChartOptions(measure, prefersMotion()), [measure]);
  const plugins = useMemo(() => [severityBandsPlugin(measure.severityBands)], [measure.severityBands]);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
  const fmt = (v: number) => formatValue(v, measure);
  const latest = sorted.at(-1);
  const latestBand = latest ? bandOf(latest.score, measure.severityBands) : null;
  const bandsText =
    measure.severityBands.length > 0
      ? `Shaded bands: ${measure.severityBands.map((b) => `${b.label} ${fmt(b.min)}-${fmt(b.max)}`).join(', ')}.`
      : 'This questionnaire has no published severity bands, so none are drawn.';
  const summary = latest
    ? `Latest score ${fmt(latest.score)}${latestBand ? ` (${latestBand.label.toLowerCase()})` : ''}, ${sorted.length} ${sorted.length === 1 ? 'response' : 'responses'}. ${directionText(measure)}.`
    : '';
  return (
    <figure className="measure-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="figure-title">
          {measure.name}
          {reportedBy === 'self-report' ? '' : `, ${reportedBy}`}
        </span>
        <span className="figure-summary">
          {summary} Answers: {reportedBy}. {bandsText}
        </span>
      </figcaption>
      <div className="chart-box">
        <Line
          data={data}
          options={options}
          plugins={plugins}
          role="img"
          aria-label={`Chart of ${valueAxisTitle(measure)} by date completed. ${summary} The values are also in the table below the chart.`}
        />
      </div>
      <TableToggle label="Show the values as a table">
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              {valueAxisTitle(measure)} by date completed. {directionText(measure)}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Date completed</th>
                <th scope="col" className="numeric">
                  Score
                </th>
                <th scope="col">Severity band</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((p) => (
                <tr key={p.completedAt}>
                  <th scope="row">
                    <time dateTime={p.completedAt}>{dates.format(new Date(p.completedAt))}</time>
                  </th>
                  <td data-column="score">{fmt(p.score)}</td>
                  <td>{bandOf(p.score, measure.severityBands)?.label ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </TableToggle>
    </figure>
  );
}
