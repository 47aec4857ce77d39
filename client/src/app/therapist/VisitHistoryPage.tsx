import { useId, useMemo, useState } from 'react';
import { VisitHistoryDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatLocalDate } from '../format';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { statusLabels } from './ClientPage';
import { useVisitCatalog, VisitCard } from './VisitDetails';
import { filterVisits, measuresTaken, type VisitData, visitsOf, visitsPath } from './visit-history';
import './visits.css';

export interface VisitHistoryPageProps {
  seriesId: string;
  timeZone: string | undefined;
}

/** Every visit of a series in full, for reading, filtering by measure and printing. */
export default function VisitHistoryPage({ seriesId, timeZone }: VisitHistoryPageProps) {
  const query = useQuery(VisitHistoryDocument, { seriesId });
  if (query.status === 'loading') return <Loading>Loading the visits…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <VisitHistory data={query.data} timeZone={timeZone} />;
}

export function VisitHistory({ data, timeZone }: { data: VisitData; timeZone: string | undefined }) {
  const { series } = data;
  const catalog = useVisitCatalog(data);
  const filterId = useId();
  const [measureCode, setMeasureCode] = useState('');
  const all = useMemo(() => visitsOf(series), [series]);
  const choices = measuresTaken(all, data.measures);
  const visits = filterVisits(all, measureCode, data.instruments);
  const chosen = choices.find((m) => m.code === measureCode);
  const seriesPath = `/clients/${encodeURIComponent(series.client.id)}/series/${encodeURIComponent(series.id)}`;
  return (
    <div className="visit-history">
      <p className="breadcrumb no-print">
        <Link to={seriesPath}>
          ← {series.client.displayName}: {series.condition.name}
        </Link>
      </p>
      <section className="panel">
        <h1>
          Visits: {series.client.displayName}, {series.condition.name}
        </h1>
        <p className="series-meta">
          <span className={`badge badge-${series.status.toLowerCase()}`}>{statusLabels[series.status]}</span> From{' '}
          {formatLocalDate(series.startDate)}
          {series.endDate ? ` to ${formatLocalDate(series.endDate)}` : ''} · {series.sessions.length}{' '}
          {series.sessions.length === 1 ? 'visit' : 'visits'}
          {timeZone ? ` · times in ${timeZone}` : ''}
        </p>
        <div className="field-row no-print">
          <div className="field">
            <label htmlFor={filterId}>Measure</label>
            <select id={filterId} value={measureCode} onChange={(e) => setMeasureCode(e.target.value)}>
              <option value="">All measures</option>
              {choices.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
        <p className="status" role="status">
          {chosen ? `${visits.length} of ${series.sessions.length} visits with ${chosen.name}; only its values are shown.` : ''}
        </p>
      </section>
      {visits.length === 0 ? (
        <p className="panel">No visits recorded in this series yet.</p>
      ) : (
        <ol className="visit-list-full">
          {visits.map((visit) => (
            <li key={visit.id} className="panel">
              <VisitCard visit={visit} catalog={catalog} timeZone={timeZone} link={visitsPath(series.client.id, series.id, visit.id)} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
