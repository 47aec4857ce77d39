import { useMemo } from 'react';
import {
  type Attendance,
  ClientSeriesDocument,
  type ClientSeriesQuery,
  type SeriesStatus,
  type Sex,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { ageOn, formatLocalDate, todayIn } from '../format';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { IntakeDetails, ReferralFacts } from './IntakeDetails';
import { InvitePanel } from './InvitePanel';
import { clientPath } from './onboarding-labels';
import { ResolveRedFlags, SafetyAlert } from './SafetyAlert';

export const statusLabels: Record<SeriesStatus, string> = { ACTIVE: 'Active', COMPLETED: 'Completed', DISCONTINUED: 'Discontinued' };
const sexLabels: Record<Sex, string> = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'sex not recorded' };
/** Visit marks on the timeline: a shape and a word per attendance, never colour alone. */
export const attendanceMarks: Record<Attendance, { mark: string; label: string }> = {
  ATTENDED: { mark: '●', label: 'attended' },
  CANCELLED: { mark: '○', label: 'cancelled' },
  NO_SHOW: { mark: '✕', label: 'no-show' },
};

export interface ClientPageProps {
  clientId: string;
  timeZone: string | undefined;
  canRecord: boolean;
}

/** One client: details, intake summary, and the timeline of their treatment series. */
export function ClientPage({ clientId, timeZone, canRecord }: ClientPageProps) {
  const query = useQuery(ClientSeriesDocument, { id: clientId });
  if (query.status === 'loading') return <Loading>Loading the client…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <ClientDetails data={query.data} timeZone={timeZone} canRecord={canRecord} onChanged={query.retry} />;
}

function ClientDetails({
  data,
  timeZone,
  canRecord,
  onChanged,
}: {
  data: ClientSeriesQuery;
  timeZone: string | undefined;
  canRecord: boolean;
  onChanged: () => void;
}) {
  const { client } = data;
  const age = ageOn(client.dateOfBirth, todayIn(timeZone));
  const conditionNames = useMemo(() => new Map(data.conditions.map((c) => [c.code, c.name])), [data.conditions]);
  const path = clientPath(client.id);
  return (
    <div className="client-page">
      <p className="breadcrumb">
        <Link to="/clients">← All clients</Link>
      </p>
      <SafetyAlert redFlags={client.unresolvedRedFlags} contraindications={client.contraindications} />
      {client.unresolvedRedFlags.length > 0 && <ResolveRedFlags clientId={client.id} onResolved={onChanged} />}
      <section className="panel">
        <h1>{client.displayName}</h1>
        <p className="client-facts">
          Born {formatLocalDate(client.dateOfBirth)} (age {age}), {sexLabels[client.sex]}
        </p>
        <dl className="facts">
          {client.email && (
            <>
              <dt>Email</dt>
              <dd>{client.email}</dd>
            </>
          )}
          {client.phone && (
            <>
              <dt>Phone</dt>
              <dd>{client.phone}</dd>
            </>
          )}
          {client.preferredLanguage && (
            <>
              <dt>Preferred language</dt>
              <dd>{languageName(client.preferredLanguage)}</dd>
            </>
          )}
          <ReferralFacts referral={client.referral} />
        </dl>
        <p className="actions">
          <Link className="button button-secondary" to={`${path}/edit`}>
            Edit details
          </Link>
          <Link className="button button-secondary" to={`${path}/intake`}>
            Record intake
          </Link>
        </p>
        <div className="invite">
          <InvitePanel clientId={client.id} email={client.email ?? null} timeZone={timeZone} />
        </div>
        <IntakeDetails intake={client.intake} conditionNames={conditionNames} timeZone={timeZone} />
      </section>
      <section className="panel" aria-labelledby="series-heading">
        <h2 id="series-heading">Treatment series</h2>
        {client.series.length === 0 ? (
          <p>No treatment series yet.</p>
        ) : (
          <ol className="series-timeline">
            {client.series.map((series) => (
              <SeriesEntry key={series.id} clientId={client.id} series={series} canRecord={canRecord} />
            ))}
          </ol>
        )}
        <p className="actions">
          <Link className="button" to={`${path}/series/new`}>
            Start a series
          </Link>
          {canRecord && (
            <Link className="button" to={`${path}/questionnaire`}>
              Enter a questionnaire
            </Link>
          )}
        </p>
      </section>
    </div>
  );
}

/** A language tag in words, e.g. fr-CA as "French (Canada) (fr-CA)", or the tag when the browser cannot name it. */
function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(undefined, { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

type Series = ClientSeriesQuery['client']['series'][number];

function SeriesEntry({ clientId, series, canRecord }: { clientId: string; series: Series; canRecord: boolean }) {
  const attended = series.sessions.filter((s) => s.attendance === 'ATTENDED').length;
  const counts = (['CANCELLED', 'NO_SHOW'] as const)
    .map((a) => [a, series.sessions.filter((s) => s.attendance === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} ${attendanceMarks[a].label}`);
  return (
    <li className="series-entry">
      <div className="series-head">
        <Link className="series-name" to={`/clients/${encodeURIComponent(clientId)}/series/${encodeURIComponent(series.id)}`}>
          {series.condition.name}
        </Link>
        <span className={`badge badge-${series.status.toLowerCase()}`}>{statusLabels[series.status]}</span>
      </div>
      <p className="series-meta">
        From {formatLocalDate(series.startDate)}
        {series.endDate ? ` to ${formatLocalDate(series.endDate)}` : ''} · {attended} of {series.plannedSessions} sessions attended
        {counts.length ? ` · ${counts.join(', ')}` : ''}
      </p>
      {series.sessions.length > 0 && (
        <p className="visit-marks" aria-hidden="true" title="Visits: ● attended, ○ cancelled, ✕ no-show">
          {series.sessions.map((s) => (
            <span key={s.id} className={`visit visit-${s.attendance.toLowerCase()}`}>
              {attendanceMarks[s.attendance].mark}
            </span>
          ))}
        </p>
      )}
      {canRecord && series.status === 'ACTIVE' && (
        <Link className="button" to={`/sessions/new?series=${encodeURIComponent(series.id)}`}>
          Record a session
        </Link>
      )}
    </li>
  );
}
