import { useId, useMemo, useState } from 'react';
import { MeasureChart } from '../charts/MeasureChart';
import { buildRegionSeries, valueAxisTitle } from '../charts/measure-series';
import { SeriesMeasureChartDocument, type SeriesMeasureChartQuery } from '../graphql/generated/graphql';
import { useQuery } from '../graphql/use-query';
import { formatLocalDate } from './format';
import { ErrorMessage, Loading } from './status';

/** The measure this page charts: pain intensity, the headline outcome of most series. */
export const chartedMeasureCode = 'NPRS';

export interface SeriesChartPanelProps {
  seriesId: string;
  timeZone: string | undefined;
}

/** Pain across the sessions of one series, one body region at a time. */
export default function SeriesChartPanel({ seriesId, timeZone }: SeriesChartPanelProps) {
  const query = useQuery(SeriesMeasureChartDocument, { seriesId, measureCode: chartedMeasureCode });
  if (query.status === 'loading') return <Loading>Loading the pain chart…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <SeriesChart data={query.data} timeZone={timeZone} />;
}

function SeriesChart({ data, timeZone }: { data: SeriesMeasureChartQuery; timeZone: string | undefined }) {
  const regionPickerId = useId();
  const measure = data.measures.find((m) => m.code === chartedMeasureCode);
  const regions = useMemo(
    () =>
      measure
        ? buildRegionSeries({
            measure,
            sessions: data.series.sessions,
            observations: data.series.observations,
            regionNames: new Map(data.bodyRegions.map((region) => [region.code, region.name])),
          })
        : [],
    [measure, data],
  );
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const region = regions.find((r) => r.key === chosenKey) ?? regions[0];

  const heading = (
    <h3>
      {data.series.condition.name}, from {formatLocalDate(data.series.startDate)}
    </h3>
  );
  if (!measure) {
    return (
      <section className="series-chart">
        {heading}
        <ErrorMessage message={`The server's measure catalog has no ${chartedMeasureCode} entry, so pain cannot be charted.`} />
      </section>
    );
  }
  if (!region) {
    return (
      <section className="series-chart">
        {heading}
        <p>
          No {valueAxisTitle(measure)} values recorded at the {data.series.sessions.length} sessions of this series yet.
        </p>
      </section>
    );
  }
  return (
    <section className="series-chart">
      {heading}
      {regions.length > 1 && (
        <fieldset className="region-picker">
          <legend>Body region</legend>
          {regions.map((r) => (
            <label key={r.key} className="choice">
              <input type="radio" name={regionPickerId} value={r.key} checked={r.key === region.key} onChange={() => setChosenKey(r.key)} />
              {r.label}
            </label>
          ))}
        </fieldset>
      )}
      <MeasureChart measure={measure} region={region} format={timeZone ? { timeZone } : {}} />
    </section>
  );
}
