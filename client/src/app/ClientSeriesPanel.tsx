import { useEffect, useRef } from 'react';
import { ClientSeriesDocument, type SeriesStatus, type Sex } from '../graphql/generated/graphql';
import { useQuery } from '../graphql/use-query';
import { ageOn, formatLocalDate, todayIn } from './format';
import { ErrorMessage, Loading } from './status';

const statusLabels: Record<SeriesStatus, string> = { ACTIVE: 'Active', COMPLETED: 'Completed', DISCONTINUED: 'Discontinued' };
const sexLabels: Record<Sex, string> = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'sex not recorded' };

export interface ClientSeriesPanelProps {
  clientId: string;
  selectedSeriesId: string | null;
  onSelectSeries: (seriesId: string) => void;
  timeZone: string | undefined;
}

/** One client and their treatment series; choosing a series opens its chart. */
export function ClientSeriesPanel({ clientId, selectedSeriesId, onSelectSeries, timeZone }: ClientSeriesPanelProps) {
  const query = useQuery(ClientSeriesDocument, { id: clientId });
  const heading = useRef<HTMLHeadingElement>(null);
  const loadedId = query.status === 'success' ? query.data.client.id : null;

  // Move focus to the newly opened client: keyboard and screen-reader users land on
  // it, and on a phone (one column) it scrolls into view.
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  if (query.status === 'loading') return <Loading>Loading the client…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;

  const { client } = query.data;
  const age = ageOn(client.dateOfBirth, todayIn(timeZone));
  return (
    <div className="client-detail">
      <h2 ref={heading} tabIndex={-1}>
        {client.displayName}
      </h2>
      <p className="client-facts">
        Born {formatLocalDate(client.dateOfBirth)} (age {age}), {sexLabels[client.sex]}
      </p>
      <h3>Treatment series</h3>
      {client.series.length === 0 ? (
        <p>No treatment series yet.</p>
      ) : (
        <ul className="series-items">
          {client.series.map((series) => (
            <li key={series.id}>
              <button
                type="button"
                className="series-item"
                aria-pressed={series.id === selectedSeriesId}
                onClick={() => onSelectSeries(series.id)}
              >
                <span className="series-name">{series.condition.name}</span>
                <span className={`badge badge-${series.status.toLowerCase()}`}>{statusLabels[series.status]}</span>
                <span className="series-meta">
                  From {formatLocalDate(series.startDate)}
                  {series.endDate ? ` to ${formatLocalDate(series.endDate)}` : ''} · {series.plannedSessions} sessions planned
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
