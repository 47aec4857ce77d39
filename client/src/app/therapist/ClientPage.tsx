import { useId } from 'react';
import {
  type Attendance,
  ClientSeriesDocument,
  type ClientSeriesQuery,
  type PainTolerance,
  type PressurePreference,
  type SeriesStatus,
  type Sex,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { ageOn, formatLocalDate, todayIn } from '../format';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';

export const statusLabels: Record<SeriesStatus, string> = { ACTIVE: 'Active', COMPLETED: 'Completed', DISCONTINUED: 'Discontinued' };
const sexLabels: Record<Sex, string> = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'sex not recorded' };
const pressureLabels: Record<PressurePreference, string> = { LIGHT: 'light', MODERATE: 'moderate', FIRM: 'firm', DEEP: 'deep' };
const toleranceLabels: Record<PainTolerance, string> = { LOW: 'low', MODERATE: 'moderate', HIGH: 'high' };
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
  const { client } = query.data;
  const age = ageOn(client.dateOfBirth, todayIn(timeZone));
  return (
    <div className="client-page">
      <p className="breadcrumb">
        <Link to="/clients">← All clients</Link>
      </p>
      <section className="panel">
        <h1>{client.displayName}</h1>
        <p className="client-facts">
          Born {formatLocalDate(client.dateOfBirth)} (age {age}), {sexLabels[client.sex]}
        </p>
        <IntakeSummary intake={client.intake} timeZone={timeZone} />
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
        {canRecord && (
          <p>
            <Link className="button" to={`/clients/${encodeURIComponent(client.id)}/questionnaire`}>
              Enter a questionnaire
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}

type Intake = ClientSeriesQuery['client']['intake'];

function IntakeSummary({ intake, timeZone }: { intake: Intake; timeZone: string | undefined }) {
  const id = useId();
  if (!intake) {
    return (
      <>
        <h2 id={id}>Intake</h2>
        <p>No intake recorded yet.</p>
      </>
    );
  }
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(intake.takenAt),
  );
  const list = (items: readonly string[]) => (items.length ? items.join('; ') : 'none');
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>Intake, {date}</h2>
      <dl className="facts">
        <dt>Chief complaints</dt>
        <dd>{intake.chiefComplaints}</dd>
        {intake.goals && (
          <>
            <dt>Goals</dt>
            <dd>{intake.goals}</dd>
          </>
        )}
        <dt>Red flags</dt>
        <dd className={intake.redFlags.length ? 'warning' : undefined}>
          {intake.redFlags.length > 0 && <span aria-hidden="true">⚠ </span>}
          {list(intake.redFlags)}
        </dd>
        <dt>Contraindications</dt>
        <dd className={intake.contraindications.length ? 'warning' : undefined}>
          {intake.contraindications.length > 0 && <span aria-hidden="true">⚠ </span>}
          {list(intake.contraindications)}
        </dd>
        {intake.medications && (
          <>
            <dt>Medications</dt>
            <dd>{intake.medications}</dd>
          </>
        )}
        <dt>Pressure preferred</dt>
        <dd>{intake.pressurePreference ? pressureLabels[intake.pressurePreference] : 'not asked'}</dd>
        <dt>Pain tolerance</dt>
        <dd>{intake.painTolerance ? toleranceLabels[intake.painTolerance] : 'not asked'}</dd>
        <dt>Consent to treatment</dt>
        <dd>{intake.consentToTreatment ? 'given' : 'not given'}</dd>
      </dl>
    </section>
  );
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
