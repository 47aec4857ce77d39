import { MyProgressDocument, type MyProgressQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatLocalDate } from '../format';
import { PortalReportLink } from '../reports/PortalReportLink';
import { ErrorMessage, Loading } from '../status';
import { PortalCards, portalHomeCards } from './home-cards';
import { progressSentence } from './plain-language';
import { whose } from './voice';

type Data = MyProgressQuery;
type Series = NonNullable<Data['viewer']['client']>['series'][number];

/** "neck", "left shoulder", from a region code and side. */
export function whereOf(
  regionCode: string | null | undefined,
  side: string | null | undefined,
  data: Pick<Data, 'bodyRegions'>,
): string | null {
  if (!regionCode) return side ? `${side.toLowerCase()} side` : null;
  const name = (data.bodyRegions.find((r) => r.code === regionCode)?.name ?? regionCode).toLowerCase();
  return side ? `${side.toLowerCase()} ${name}` : name;
}

/**
 * My progress in plain words: per series, how each measure has changed, my plan and my visits. `proxy`: the portal is
 * held for the client by a parent or guardian, so the page speaks about the client by name, not to them.
 */
export function MyProgressPage({ timeZone, proxy = false }: { timeZone: string | undefined; proxy?: boolean }) {
  const query = useQuery(MyProgressDocument, {});
  if (query.status === 'loading') return <Loading>Loading your progress…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const client = query.data.viewer.client;
  if (!client) return <ErrorMessage message="This account is not linked to a client record. Please ask your clinic." />;
  const series = [...client.series].sort((a, b) => Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE'));
  const about = proxy ? client.displayName : undefined;
  return (
    <div className="portal">
      <h1>{about ? `${about}'s progress` : `Hello, ${client.displayName}`}</h1>
      <PortalCards cards={portalHomeCards} timeZone={timeZone} about={about} />
      <h2 className="portal-progress-heading">{about ? `How ${about} is doing` : 'How you are doing'}</h2>
      {series.length === 0 ? (
        <p className="panel">
          {about ? `${about} has` : 'You have'} no treatment series yet. The progress shows here after the first visit.
        </p>
      ) : (
        series.map((s) => <SeriesProgress key={s.id} series={s} data={query.data} timeZone={timeZone} about={about} />)
      )}
    </div>
  );
}

function SeriesProgress({
  series,
  data,
  timeZone,
  about,
}: {
  series: Series;
  data: Data;
  timeZone: string | undefined;
  about: string | undefined;
}) {
  const measureOf = (code: string) => data.measures.find((m) => m.code === code);
  const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', ...(timeZone ? { timeZone } : {}) });
  const attended = series.sessions.filter((s) => s.attendance === 'ATTENDED');
  const lastVisit = attended.at(-1);
  const { attendance } = series.progress;
  const sentencesOf = (rows: Series['progress']['measures'], since?: string) =>
    rows.flatMap((p) => {
      const measure = measureOf(p.measureCode);
      const where = whereOf(p.regionCode, p.side, data);
      return measure
        ? [
            {
              key: `${p.measureCode}|${p.regionCode}|${p.side}`,
              text: progressSentence(measure, { ...p, where, about, ...(since ? { since } : {}) }),
            },
          ]
        : [];
    });
  const sentences = sentencesOf(series.progress.measures);
  const diary = sentencesOf(series.progress.diary, 'in your first diary entry');
  return (
    <section className="panel portal-series" aria-labelledby={`series-${series.id}`}>
      <h2 id={`series-${series.id}`}>
        {series.condition.name}
        {series.status === 'ACTIVE' ? '' : ' (finished)'}
      </h2>
      <h3>{about ? `How ${about} is doing at the visits` : 'How you are doing at your visits'}</h3>
      {sentences.length === 0 ? (
        <p>Nothing measured at a visit yet.</p>
      ) : (
        <ul className="plain-list">
          {sentences.map((s) => (
            <li key={s.key}>{s.text}</li>
          ))}
        </ul>
      )}
      {diary.length > 0 && (
        <>
          <h3>{whose(about, 'Your')} pain diary</h3>
          <ul className="plain-list">
            {diary.map((s) => (
              <li key={s.key}>{s.text}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{whose(about, 'Your')} plan</h3>
      <p>
        {attendance.plannedSessions} sessions, {attendance.plannedPerWeek === 1 ? 'one' : attendance.plannedPerWeek} a week, from{' '}
        {formatLocalDate(series.startDate)}. {about ? `${about} has` : 'You have'} come to {attendance.attended} of{' '}
        {attendance.plannedSessions}.
      </p>
      {/* The next visit, when one is booked, is on the portal's first card. */}
      <p>Last visit: {lastVisit ? dates.format(new Date(lastVisit.startedAt)) : 'none yet'}.</p>
      <PortalReportLink seriesId={series.id} conditionName={series.condition.name} about={about} />
    </section>
  );
}
