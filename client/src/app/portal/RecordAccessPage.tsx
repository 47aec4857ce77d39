import { useState } from 'react';
import { MyRecordAccessDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { ErrorMessage, Loading } from '../status';
import { roleWords, whatSentence, whoWords } from './plain-language';
import { whose } from './voice';

/**
 * "Who has seen my record": every read and change of the client's record, and every refused attempt,
 * from the clinic's audit trail, in words. The client's own visits to the portal are hidden unless asked for.
 */
export function RecordAccessPage({ timeZone, about }: { timeZone: string | undefined; about?: string | undefined }) {
  const query = useQuery(MyRecordAccessDocument, {});
  const [mine, setMine] = useState(false);
  if (query.status === 'loading') return <Loading>Loading who has seen the record…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  const all = query.data.myRecordAccess;
  const events = mine ? all : all.filter((e) => !e.byViewer);
  const refused = events.filter((e) => e.outcome !== 'ALLOWED').length;
  return (
    <div className="portal">
      <h1>Who has seen {whose(about, 'my')} record</h1>
      <p>
        Every time someone at your clinic looks at or changes {whose(about, 'your')} record, Fascia writes it down, and also every time
        someone tries and is refused. This page shows {all.length === 200 ? 'the latest 200' : 'all of them'}, newest first.
      </p>
      <label className="choice">
        <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Show my own visits to {whose(about, 'my')}{' '}
        record too
      </label>
      <p role="status" className="hint">
        {events.length === 0
          ? 'Nobody else has looked at your record yet.'
          : `${events.length} ${events.length === 1 ? 'entry' : 'entries'}${refused > 0 ? `, ${refused} refused` : ''}.`}
      </p>
      {events.length > 0 && (
        <div className="table-scroll panel">
          <table className="data-table access-table">
            <caption>Who looked at or changed your record, and when. Refused attempts are marked.</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Role</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} className={event.outcome === 'ALLOWED' ? undefined : 'access-refused'}>
                  <th scope="row">
                    <time dateTime={event.at}>{when.format(new Date(event.at))}</time>
                  </th>
                  <td>{whoWords(event)}</td>
                  <td>{event.byViewer ? 'You' : roleWords(event.role)}</td>
                  <td>
                    {event.outcome !== 'ALLOWED' && <strong className="refused-tag">Refused attempt: </strong>}
                    {capitalised(whatSentence(event))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
