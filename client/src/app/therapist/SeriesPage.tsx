import { useId, useMemo, useState } from 'react';
import { MeasureChart } from '../../charts/MeasureChart';
import { buildRegionSeries, type MeasureInfo, type ObservationInfo, type SessionInfo } from '../../charts/measure-series';
import { ScoreChart } from '../../charts/ScoreChart';
import { ExpectedChangeDocument, type MeasureKind, SeriesPageDocument, type SeriesPageQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatLocalDate } from '../format';
import { ReportPanel } from '../reports/ReportPanel';
import { Link, useRouter } from '../router';
import { ErrorMessage, Loading } from '../status';
import { AppointmentsPanel } from './AppointmentsPanel';
import { AttendancePanel } from './AttendancePanel';
import { statusLabels } from './ClientPage';
import { dischargeReasonChoices } from './onboarding-labels';
import { SafetyAlert } from './SafetyAlert';
import { visitsPath } from './visit-history';

export interface SeriesPageProps {
  seriesId: string;
  timeZone: string | undefined;
  canRecord: boolean;
}

type Data = SeriesPageQuery;
type Measure = Data['measures'][number];

/**
 * The measures charted per session, by section: pain first, then movement and strength, then diary summaries
 * recorded at a visit (the headache diary's 4-week figures), shown only for series that have them.
 */
const sections: { title: string; kinds: MeasureKind[]; empty: string | null }[] = [
  { title: 'Pain', kinds: ['PAIN'], empty: 'No pain recorded at a session yet.' },
  {
    title: 'Range of motion, flexibility and strength',
    kinds: ['RANGE_OF_MOTION', 'FLEXIBILITY', 'STRENGTH'],
    empty: 'No range of motion, flexibility or strength recorded at a session yet.',
  },
  { title: 'Diary summaries', kinds: ['DIARY'], empty: null },
];

/** Is the treatment working: every measure of one series across its sessions, questionnaires and attendance. */
export default function SeriesPage({ seriesId, timeZone, canRecord }: SeriesPageProps) {
  const query = useQuery(SeriesPageDocument, { seriesId });
  if (query.status === 'loading') return <Loading>Loading the series…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <SeriesProgress data={query.data} timeZone={timeZone} canRecord={canRecord} />;
}

export function SeriesProgress({ data, timeZone, canRecord }: { data: Data; timeZone: string | undefined; canRecord: boolean }) {
  const { series } = data;
  const format = timeZone ? { timeZone } : {};
  const regionNames = useMemo(() => new Map(data.bodyRegions.map((r) => [r.code, r.name])), [data.bodyRegions]);
  // Values taken at sessions, by measure: the charts' input, grouped once.
  const byMeasure = useMemo(() => {
    const groups = new Map<string, Data['series']['observations']>();
    for (const o of series.observations) {
      if (!o.sessionId) continue;
      const group = groups.get(o.measureCode);
      if (group) group.push(o);
      else groups.set(o.measureCode, [o]);
    }
    return groups;
  }, [series]);
  // One chart per questionnaire and per who answered it: a parent's answers are never drawn as the client's.
  const scores = useMemo(() => {
    const bySource = new Map<string, { code: string; reportedBy: string; points: { completedAt: string; score: number }[] }>();
    for (const r of series.questionnaireResponses) {
      const key = `${r.instrumentCode}|${r.reportedBy}`;
      const group = bySource.get(key) ?? { code: r.instrumentCode, reportedBy: r.reportedBy, points: [] };
      group.points.push({ completedAt: r.completedAt, score: r.score });
      bySource.set(key, group);
    }
    return bySource;
  }, [series]);
  const clientPath = `/clients/${encodeURIComponent(series.client.id)}`;
  // The forms come back here with ?recorded=1 (a session) or ?recorded=questionnaire after saving.
  const recorded = recordedMessage(useRouter().location.search.get('recorded'));

  return (
    <div className="series-page">
      <p className="breadcrumb">
        <Link to={clientPath}>← {series.client.displayName}</Link>
      </p>
      <SafetyAlert redFlags={series.client.unresolvedRedFlags} contraindications={series.client.contraindications} />
      <section className="panel">
        <h1>
          {series.client.displayName}: {series.condition.name}
        </h1>
        <p className="series-meta">
          <span className={`badge badge-${series.status.toLowerCase()}`}>{statusLabels[series.status]}</span> From{' '}
          {formatLocalDate(series.startDate)}
          {series.endDate ? ` to ${formatLocalDate(series.endDate)}` : ''} · {series.plannedSessions} sessions planned,{' '}
          {series.plannedSessionsPerWeek} a week
        </p>
        {recorded && (
          <p className="status status-ok" role="status">
            {recorded}
          </p>
        )}
        {series.goals && <p>Goals: {series.goals}</p>}
        {series.headlineMeasure && <p>Headline measure: {series.headlineMeasure.name}</p>}
        {series.status !== 'ACTIVE' && (
          <dl className="facts discharge">
            <dt>Reason for discharge</dt>
            <dd>{series.dischargeReason ? dischargeReasonChoices[series.dischargeReason] : 'not recorded'}</dd>
            <dt>Closing summary</dt>
            <dd className="prewrap">{series.dischargeNote ?? 'none written'}</dd>
          </dl>
        )}
        <p className="actions">
          <Link className="button button-secondary" to={visitsPath(series.client.id, series.id)}>
            Every visit in full
          </Link>
          {canRecord && series.status === 'ACTIVE' && (
            <Link className="button" to={`/sessions/new?series=${encodeURIComponent(series.id)}`}>
              Record a session
            </Link>
          )}
          {canRecord && (
            <Link className="button button-secondary" to={`${clientPath}/questionnaire?series=${encodeURIComponent(series.id)}`}>
              Enter a questionnaire
            </Link>
          )}
          <Link className="button button-secondary" to={`${clientPath}/series/${encodeURIComponent(series.id)}/edit`}>
            Edit the plan
          </Link>
          {series.status === 'ACTIVE' && (
            <Link className="button button-secondary" to={`${clientPath}/series/${encodeURIComponent(series.id)}/close`}>
              Close the series
            </Link>
          )}
        </p>
      </section>

      {sections.map((section) => {
        const measures = data.measures.filter((m) => section.kinds.includes(m.kind) && byMeasure.has(m.code));
        if (measures.length === 0 && section.empty === null) return null;
        return (
          <section key={section.title} className="panel" aria-label={section.title}>
            <h2>{section.title}</h2>
            {measures.length === 0 ? (
              <p>{section.empty}</p>
            ) : (
              measures.map((measure) => (
                <MeasureSection
                  key={measure.code}
                  seriesId={series.id}
                  measure={measure}
                  sessions={series.sessions}
                  observations={byMeasure.get(measure.code) ?? []}
                  regionNames={regionNames}
                  format={format}
                />
              ))
            )}
          </section>
        );
      })}

      <section className="panel" aria-label="Questionnaires">
        <h2>Questionnaires</h2>
        {scores.size === 0 ? (
          <p>No questionnaire completed in this series yet.</p>
        ) : (
          [...scores].map(([key, { code, reportedBy, points }]) => {
            const measure = data.measures.find((m) => m.code === code);
            return measure ? <ScoreChart key={key} measure={measure} points={points} reportedBy={reportedBy} format={format} /> : null;
          })
        )}
      </section>

      <AppointmentsPanel seriesId={series.id} timeZone={timeZone} canBook={canRecord} />
      <ReportPanel clientId={series.client.id} seriesId={series.id} />

      <AttendancePanel
        attendance={series.progress.attendance}
        sessions={series.sessions}
        timeZone={timeZone}
        visitPath={(sessionId) => visitsPath(series.client.id, series.id, sessionId)}
      />
    </div>
  );
}

/** One measure across the sessions, one region (or side) at a time. */
export function MeasureSection({
  seriesId,
  measure,
  sessions,
  observations,
  regionNames,
  format,
}: {
  seriesId: string;
  measure: Measure & MeasureInfo;
  sessions: readonly SessionInfo[];
  observations: readonly ObservationInfo[];
  regionNames: ReadonlyMap<string, string>;
  format: { timeZone?: string };
}) {
  const pickerId = useId();
  const regions = useMemo(
    () => buildRegionSeries({ measure, sessions, observations, regionNames }),
    [measure, sessions, observations, regionNames],
  );
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  // What similar clients achieved: shown once it has loaded; the chart does not wait for it.
  const expected = useQuery(ExpectedChangeDocument, { seriesId, measureCode: measure.code });
  const region = regions.find((r) => r.key === chosenKey) ?? regions[0];
  if (!region) return null;
  return (
    <div className="measure-section">
      <h3>{measure.name}</h3>
      {regions.length > 1 && (
        <fieldset className="region-picker">
          <legend>{measure.kind === 'PAIN' ? 'Body region' : 'Side'}</legend>
          {regions.map((r) => (
            <label key={r.key} className="choice">
              <input type="radio" name={pickerId} value={r.key} checked={r.key === region.key} onChange={() => setChosenKey(r.key)} />
              {r.label}
            </label>
          ))}
        </fieldset>
      )}
      <MeasureChart
        measure={measure}
        region={region}
        format={format}
        expected={expected.status === 'success' ? (expected.data.series.expectedChange ?? null) : null}
      />
    </div>
  );
}

/** The banner after a form saved and came back here: what was recorded, by the form that saved it. */
export function recordedMessage(recorded: string | null): string | null {
  if (recorded === 'questionnaire') return 'Questionnaire recorded. Its score is in the charts below.';
  if (recorded === '1') return 'Session recorded. The charts below include it.';
  return null;
}
