import { useEffect, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import {
  AmendObservationDocument,
  MarkObservationEnteredInErrorDocument,
  MarkQuestionnaireResponseEnteredInErrorDocument,
  MarkSessionEnteredInErrorDocument,
  VisitHistoryDocument,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { useVisitCatalog, VisitCard, type VisitCorrections } from './VisitDetails';
import { type VisitData, visitsOf, visitsPath } from './visit-history';
import './visits.css';

export interface VisitPageProps {
  seriesId: string;
  sessionId: string;
  timeZone: string | undefined;
}

/**
 * One visit with its corrections. After a correction the visit is read again; the last answer stays
 * on screen meanwhile, so the page does not jump and focus goes to the confirmation.
 */
export default function VisitPage({ seriesId, sessionId, timeZone }: VisitPageProps) {
  const query = useQuery(VisitHistoryDocument, { seriesId });
  const answer = query.status === 'success' ? query.data : null;
  const [shown, setShown] = useState<VisitData | null>(null);
  useEffect(() => {
    if (answer) setShown(answer);
  }, [answer]);
  const data = answer ?? shown;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  if (!data) return <Loading>Loading the visit…</Loading>;
  return <Visit data={data} sessionId={sessionId} timeZone={timeZone} refresh={query.retry} refreshing={query.status === 'loading'} />;
}

function Visit({
  data,
  sessionId,
  timeZone,
  refresh,
  refreshing,
}: {
  data: VisitData;
  sessionId: string;
  timeZone: string | undefined;
  refresh: () => void;
  refreshing: boolean;
}) {
  const { series } = data;
  const catalog = useVisitCatalog(data);
  const [done, setDone] = useState<string | null>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) confirmation.current?.focus();
  }, [done]);
  const visit = visitsOf(series).find((s) => s.id === sessionId);
  const historyPath = visitsPath(series.client.id, series.id);

  // Each correction: send, then read the visit again and say what changed (errors reach the form).
  const after = (message: string) => () => {
    setDone(message);
    refresh();
  };
  const corrections: VisitCorrections = {
    voidSession: (id, reason) =>
      request(MarkSessionEnteredInErrorDocument, { id, reason }).then(after('The visit is marked entered in error.')),
    voidValue: (id, reason) =>
      request(MarkObservationEnteredInErrorDocument, { id, reason }).then(after('The value is marked entered in error.')),
    amendValue: (id, value, reason) =>
      request(AmendObservationDocument, { id, input: { value, reason } }).then(after('The value is amended; its earlier version is kept.')),
    voidQuestionnaire: (id, reason) =>
      request(MarkQuestionnaireResponseEnteredInErrorDocument, { id, reason }).then(after('The questionnaire is marked entered in error.')),
  };

  return (
    <div className="visit-page">
      <p className="breadcrumb no-print">
        <Link to={historyPath}>
          ← All visits: {series.client.displayName}, {series.condition.name}
        </Link>
      </p>
      <section className="panel">
        <h1>
          Visit: {series.client.displayName}, {series.condition.name}
        </h1>
        {done && (
          <p ref={confirmation} tabIndex={-1} className="status status-ok" role="status">
            {done} {refreshing ? 'Updating…' : 'The series progress and charts count only current records.'}
          </p>
        )}
        {visit ? (
          <VisitCard visit={visit} catalog={catalog} timeZone={timeZone} corrections={corrections} />
        ) : (
          <p>This visit is not part of this series.</p>
        )}
      </section>
      <p className="actions no-print">
        <Link
          className="button button-secondary"
          to={`/clients/${encodeURIComponent(series.client.id)}/series/${encodeURIComponent(series.id)}`}
        >
          Progress of the series
        </Link>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          Print
        </button>
      </p>
    </div>
  );
}
