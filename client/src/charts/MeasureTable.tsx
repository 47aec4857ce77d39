import { type DateFormat, datasetLabels } from './chart-config';
import { directionText, formatValue, type MeasureInfo, type RegionSeries, valueAxisTitle } from './measure-series';

/** A difference with a real minus sign, e.g. "−3", "+1", "0". */
export function formatSigned(value: number, measure: Pick<MeasureInfo, 'decimals'>): string {
  const text = formatValue(Math.abs(value), measure);
  if (Number(text) === 0) return formatValue(0, measure);
  return value < 0 ? `−${text}` : `+${text}`;
}

export interface MeasureTableProps {
  measure: MeasureInfo;
  region: RegionSeries;
  format?: DateFormat;
}

function tableCaption(measure: MeasureInfo, region: RegionSeries): string {
  const fmt = (value: number) => formatValue(value, measure);
  const parts = [`${valueAxisTitle(measure)}, ${region.label}, by session.`, `${directionText(measure)}.`];
  if (region.baseline !== null) parts.push(`Baseline ${fmt(region.baseline)}.`);
  if (region.band && measure.mcid !== null)
    parts.push(`MCID ${fmt(measure.mcid)}: band ${fmt(region.band.low)} to ${fmt(region.band.high)}.`);
  parts.push('Change: after minus before.');
  return parts.join(' ');
}

/** The chart's numbers as a table: the same values, readable by screen readers and printable. */
export function MeasureTable({ measure, region, format = {} }: MeasureTableProps) {
  const dates = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', ...(format.timeZone ? { timeZone: format.timeZone } : {}) });
  const value = (v: number | null) => (v === null ? <span className="muted">not recorded</span> : formatValue(v, measure));
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{tableCaption(measure, region)}</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Date</th>
            <th scope="col" className="numeric">
              {datasetLabels.pre}
            </th>
            <th scope="col" className="numeric">
              {datasetLabels.post}
            </th>
            <th scope="col" className="numeric">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {region.sessions.map((row) => (
            <tr key={row.sessionId}>
              <th scope="row">{row.sessionNumber}</th>
              <td>
                <time dateTime={row.startedAt}>{dates.format(new Date(row.startedAt))}</time>
              </td>
              <td data-column="pre">{value(row.pre)}</td>
              <td data-column="post">{value(row.post)}</td>
              <td data-column="change">{row.pre !== null && row.post !== null ? formatSigned(row.post - row.pre, measure) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
