import '../../charts/register';
import { useId, useMemo, useState } from 'react';
import { Line } from 'react-chartjs-2';
import { prefersMotion } from '../../charts/motion';
import { TableToggle } from '../../charts/TableToggle';
import { MyDiaryEntriesDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { type HistoryPlace, historyChartOptions, historyPlaces, sourceWords, toHistoryChartData } from './diary-history';
import { directionWords, type PlainMeasure, plainName, scaleWords, valueWords } from './plain-language';
import { whose } from './voice';

const measureCode = 'NPRS';
/** The list shows the newest entries; the rest are one press away. */
const listedAtFirst = 20;

/**
 * My pain diary over time, next to the pain measured at my visits: a chart and a table per place, and a list. `about`: the
 * client's name when a proxy holds the portal.
 */
export function DiaryHistoryPage({ timeZone, about }: { timeZone: string | undefined; about?: string | undefined }) {
  const query = useQuery(MyDiaryEntriesDocument, { measureCode });
  if (query.status === 'loading') return <Loading>Loading the diary…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const measure = query.data.measures.find((m) => m.code === measureCode);
  const places = historyPlaces(query.data);
  return (
    <div className="portal">
      <h1>{whose(about, 'My')} diary history</h1>
      {measure && (
        <p>
          {about
            ? `The pain diary entries, next to the pain measured at ${about}'s visits.`
            : 'Your own pain diary entries, next to the pain measured at your visits.'}{' '}
          {plainName(measure.name)}: {scaleWords(measure)}, {directionWords(measure)}.
        </p>
      )}
      {places.length === 0 || !measure ? (
        <p className="panel">
          No diary entries yet. <Link to="/portal/diary">Log your pain</Link> and it shows here.
        </p>
      ) : (
        places.map((place) => <PlaceHistory key={place.key} place={place} measure={measure} timeZone={timeZone} />)
      )}
    </div>
  );
}

function PlaceHistory({ place, measure, timeZone }: { place: HistoryPlace; measure: PlainMeasure; timeZone: string | undefined }) {
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const data = useMemo(() => toHistoryChartData(place), [place]);
  const options = useMemo(() => historyChartOptions(measure, { timeZone }, prefersMotion()), [measure, timeZone]);
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  const diary = place.points.filter((p) => p.source === 'DIARY');
  const clinic = place.points.length - diary.length;
  const latest = diary.at(-1);
  const summary = `${diary.length} diary ${diary.length === 1 ? 'entry' : 'entries'} and ${clinic} ${clinic === 1 ? 'value' : 'values'} measured at the clinic.${
    latest ? ` Your latest entry: ${valueWords(latest.value, measure)}.` : ''
  } ${scaleWords(measure) ? `Pain ${scaleWords(measure)}, ${directionWords(measure)}.` : ''}`;
  const newestFirst = [...diary].reverse();
  const listed = showAll ? newestFirst : newestFirst.slice(0, listedAtFirst);
  return (
    <section className="panel diary-history" aria-labelledby={headingId}>
      <h2 id={headingId}>{place.label}</h2>
      <figure className="measure-chart">
        <figcaption>
          <span className="figure-summary">{summary}</span>
        </figcaption>
        <div className="chart-box">
          <Line
            data={data}
            options={options}
            role="img"
            aria-label={`Chart of your ${place.label.toLowerCase()} pain over time: your diary as a line, the clinic's values as diamonds. ${summary} The values are also in the table below the chart.`}
          />
        </div>
        <TableToggle label="Show the values as a table">
          <div className="table-scroll">
            <table className="data-table">
              <caption>
                {place.label}: every value, oldest first. Pain {scaleWords(measure)}, {directionWords(measure)}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Where from</th>
                  <th scope="col" className="numeric">
                    Pain
                  </th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {place.points.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <time dateTime={p.takenAt}>{when.format(new Date(p.takenAt))}</time>
                    </th>
                    <td>{sourceWords[p.source]}</td>
                    <td data-column="value">{valueWords(p.value, measure)}</td>
                    <td>{p.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </TableToggle>
      </figure>
      <h3>Your entries, newest first</h3>
      <ul className="history-list">
        {listed.map((p) => (
          <li key={p.id}>
            <time dateTime={p.takenAt}>{when.format(new Date(p.takenAt))}</time>: {valueWords(p.value, measure)}
            {p.note && <span className="history-note"> “{p.note}”</span>}
          </li>
        ))}
      </ul>
      {newestFirst.length > listed.length && (
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all {newestFirst.length} entries
        </button>
      )}
    </section>
  );
}
