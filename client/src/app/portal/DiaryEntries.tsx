import { useEffect, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import { MarkObservationEnteredInErrorDocument, MyDiaryEntriesDocument, type MyDiaryEntriesQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { CorrectionActions } from '../forms/CorrectionForms';
import { ErrorMessage, Loading } from '../status';
import './diary-entries.css';

const day = 24 * 60 * 60_000;
/** How far back the short list goes; a fuller diary history is a page of its own. */
const listedDays = 7;

type Entry = NonNullable<MyDiaryEntriesQuery['viewer']['client']>['series'][number]['observations'][number];

/** The client's own diary entries of the last days, newest first. */
export function recentEntries(data: MyDiaryEntriesQuery, now: number): Entry[] {
  return (data.viewer.client?.series ?? [])
    .flatMap((s) => s.observations)
    .filter((o) => o.context === 'BETWEEN_SESSIONS' && o.recordedByRole === 'CLIENT' && now - Date.parse(o.takenAt) <= listedDays * day)
    .sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
}

/** Whether the client may still remove an entry: within 24 hours of entering it (the server decides). */
export function removable(entry: Pick<Entry, 'recordedAt'>, now: number): boolean {
  return now - Date.parse(entry.recordedAt) < day;
}

/** The last days' diary entries, each removable by the client within 24 hours of entering it. */
export function DiaryEntries({ measureCode, timeZone }: { measureCode: string; timeZone: string | undefined }) {
  const query = useQuery(MyDiaryEntriesDocument, { measureCode });
  const [removed, setRemoved] = useState(false);
  const confirmation = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (removed && query.status === 'success') confirmation.current?.focus();
  }, [removed, query.status]);
  if (query.status === 'loading') return <Loading>Loading your entries…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const now = Date.now();
  const entries = recentEntries(query.data, now);
  const regions = new Map(query.data.bodyRegions.map((r) => [r.code, r.name]));
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return (
    <section className="panel diary-entries" aria-labelledby="diary-entries-heading">
      <h2 id="diary-entries-heading">Your entries, last {listedDays} days</h2>
      {removed && (
        <p ref={confirmation} tabIndex={-1} className="status status-ok" role="status">
          Entry removed. Your progress no longer counts it.
        </p>
      )}
      {entries.length === 0 ? (
        <p>No diary entries in the last {listedDays} days.</p>
      ) : (
        <ul>
          {entries.map((entry) => {
            const where = entry.regionCode ? (regions.get(entry.regionCode) ?? entry.regionCode) : null;
            const side = entry.side ? `${entry.side === 'LEFT' ? 'left' : 'right'} ` : '';
            const text = `Pain ${entry.value} out of 10${where ? ` in your ${side}${where.toLowerCase()}` : ''}, ${when.format(new Date(entry.takenAt))}${entry.note ? `. Note: ${entry.note}` : ''}`;
            return (
              <li key={entry.id} className="diary-entry">
                <span>{text}</span>
                {removable(entry, now) && (
                  <CorrectionActions
                    subject={text}
                    voidLabel="Remove this entry"
                    note="You can remove an entry for 24 hours after saving it. Your therapist still sees it, marked as removed, with your reason."
                    onVoid={({ reason }) =>
                      request(MarkObservationEnteredInErrorDocument, { id: entry.id, reason }).then(() => {
                        setRemoved(true);
                        query.retry();
                      })
                    }
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
