import { type FormEvent, useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import { NextVisitDocument, RequestAppointmentCancellationDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { ErrorMessage, Loading } from '../status';
import { whose } from './voice';

/**
 * The portal's "next visit": when, with whom, and a way to ask the therapist to cancel it. Self-contained. `about`: the
 * client's name when a proxy (a parent) holds the portal, so that it speaks of the client's visit, not the reader's.
 */
export function NextVisitSection({ timeZone, about }: { timeZone: string | undefined; about?: string | undefined }) {
  const query = useQuery(NextVisitDocument, {});
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (query.status === 'loading') return <Loading>Loading the next visit…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const next = query.data.viewer.client?.nextAppointment;
  const when = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!next) return;
    setError(null);
    try {
      await request(RequestAppointmentCancellationDocument, { id: next.id, reason: reason || null });
      setAsking(false);
      query.retry();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }
  return (
    <section className="panel next-visit" aria-labelledby="next-visit-title">
      <h2 id="next-visit-title">{whose(about, 'Your')} next visit</h2>
      {!next ? (
        <p>
          {about
            ? `No visit is booked for ${about}. The therapist books the visits with you.`
            : 'No visit is booked. Your therapist books your visits with you.'}
        </p>
      ) : (
        <>
          <p className="next-visit-when">
            {when.format(new Date(next.startsAt))}, {next.minutes} minutes, with {next.therapist.givenName} {next.therapist.familyName}.
          </p>
          {next.cancelRequestedAt ? (
            <p role="status">You asked to cancel this visit. {about ? 'The' : 'Your'} therapist will confirm.</p>
          ) : asking ? (
            <form onSubmit={ask}>
              <label htmlFor="cancel-reason">{about ? `Why can ${about} not come? (optional)` : 'Why can you not come? (optional)'}</label>
              <input id="cancel-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
              <p>
                <button type="submit" className="button">
                  Send the request
                </button>{' '}
                <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
                  {about ? 'Keep the visit' : 'Keep my visit'}
                </button>
              </p>
              {error && <p role="alert">{error}</p>}
            </form>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
              Ask to cancel this visit
            </button>
          )}
        </>
      )}
    </section>
  );
}
