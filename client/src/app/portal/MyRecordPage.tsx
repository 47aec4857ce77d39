import {
  MyDiaryEntriesDocument,
  type MyDiaryEntriesQuery,
  MyProgressDocument,
  type MyProgressQuery,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatLocalDate } from '../format';
import { ErrorMessage, Loading } from '../status';
import { historyPlaces } from './diary-history';
import { whereOf } from './MyProgressPage';
import { progressSentence, valueWords } from './plain-language';
import './my-record.css';
import { whose } from './voice';

const attendanceWords: Record<string, string> = { ATTENDED: 'came', CANCELLED: 'cancelled', NO_SHOW: 'missed' };

/**
 * "My record": the client's right of access. The whole record as a FHIR file (the standard format
 * health records are exchanged in), and the same record summarised in words on a page that prints.
 */
export function MyRecordPage({
  timeZone,
  clinicName,
  about,
}: {
  timeZone: string | undefined;
  clinicName: string | undefined;
  /** The client's name when a proxy holds the portal. */
  about?: string | undefined;
}) {
  const progress = useQuery(MyProgressDocument, {});
  const diary = useQuery(MyDiaryEntriesDocument, { measureCode: 'NPRS' });
  if (progress.status === 'loading' || diary.status === 'loading') return <Loading>Loading the record…</Loading>;
  if (progress.status === 'error') return <ErrorMessage message={progress.message} onRetry={progress.retry} />;
  if (diary.status === 'error') return <ErrorMessage message={diary.message} onRetry={diary.retry} />;
  const client = progress.data.viewer.client;
  if (!client) return <ErrorMessage message="This account is not linked to a client record. Please ask your clinic." />;
  const printed = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(new Date());
  return (
    <div className="portal my-record">
      <h1>{whose(about, 'My')} record</h1>
      <section className="panel no-print" aria-labelledby="download-heading">
        <h2 id="download-heading">Download {whose(about, 'my')} record</h2>
        <p>
          You have the right to a copy of your record. The file holds everything your clinic has recorded about your treatment: your visits,
          what was measured, your questionnaires and your diary. It is in FHIR, the standard format health records are shared in, so another
          clinic or a health app can read it. Your therapist’s private notes are not in it.
        </p>
        <p className="record-actions">
          <a className="button" href={`/fhir/export?client=${encodeURIComponent(client.id)}`} download>
            Download my record (FHIR file)
          </a>
          <button type="button" className="button" onClick={() => window.print()}>
            Print this summary
          </button>
        </p>
      </section>
      <RecordSummary
        client={client}
        data={progress.data}
        diary={diary.data}
        timeZone={timeZone}
        clinicName={clinicName}
        printed={printed}
      />
    </div>
  );
}

type Client = NonNullable<MyProgressQuery['viewer']['client']>;

function RecordSummary({
  client,
  data,
  diary,
  timeZone,
  clinicName,
  printed,
}: {
  client: Client;
  data: MyProgressQuery;
  diary: MyDiaryEntriesQuery;
  timeZone: string | undefined;
  clinicName: string | undefined;
  printed: string;
}) {
  const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  const pain = data.measures.find((m) => m.code === 'NPRS');
  const places = historyPlaces(diary);
  return (
    <section className="panel record-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary of my record</h2>
      <p>
        {client.displayName}
        {clinicName ? `, ${clinicName}` : ''}. As of {printed}.
      </p>
      {client.series.length === 0 && <p>No treatment recorded yet.</p>}
      {client.series.map((series) => {
        const sentencesOf = (rows: typeof series.progress.measures, since?: string) =>
          rows.flatMap((p) => {
            const measure = data.measures.find((m) => m.code === p.measureCode);
            const where = whereOf(p.regionCode, p.side, data);
            return measure ? [progressSentence(measure, { ...p, where, ...(since ? { since } : {}) })] : [];
          });
        const sentences = [...sentencesOf(series.progress.measures), ...sentencesOf(series.progress.diary, 'in your first diary entry')];
        return (
          <article key={series.id} className="record-series">
            <h3>
              {series.condition.name}: {series.status === 'ACTIVE' ? 'ongoing' : 'finished'}
            </h3>
            <p>
              Started {formatLocalDate(series.startDate)}
              {series.endDate ? `, finished ${formatLocalDate(series.endDate)}` : ''}. Plan: {series.plannedSessions} visits. You came to{' '}
              {series.progress.attendance.attended}.
            </p>
            {sentences.length > 0 && (
              <>
                <h4>How you are doing</h4>
                <ul className="plain-list">
                  {sentences.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </>
            )}
            {series.sessions.length > 0 && (
              <>
                <h4>Visits</h4>
                <ul className="record-visits">
                  {series.sessions.map((s) => (
                    <li key={s.id}>
                      {dates.format(new Date(s.startedAt))}: you {attendanceWords[s.attendance] ?? s.attendance.toLowerCase()}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      })}
      {pain && places.length > 0 && (
        <article className="record-series">
          <h3>My pain diary</h3>
          {places.map((place) => {
            const entries = place.points.filter((p) => p.source === 'DIARY');
            return (
              <div key={place.key}>
                <h4>
                  {place.label}: {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
                </h4>
                <ul className="record-visits">
                  {entries
                    .slice(-10)
                    .reverse()
                    .map((p) => (
                      <li key={p.id}>
                        {when.format(new Date(p.takenAt))}: {valueWords(p.value, pain)}
                        {p.note ? `, “${p.note}”` : ''}
                      </li>
                    ))}
                </ul>
              </div>
            );
          })}
          <p className="hint">The latest 10 entries per place; the file and your diary history have them all.</p>
        </article>
      )}
    </section>
  );
}
