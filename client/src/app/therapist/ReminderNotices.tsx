import { useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import { AcknowledgeReminderNoticeDocument, type ReminderKind, ReminderNoticesDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { Link } from '../router';

const kindLabels: Record<ReminderKind, string> = {
  APPOINTMENT: 'appointment reminder',
  DIARY_PROMPT: 'diary prompt',
};

/**
 * Reminder emails that could not be delivered (an address the mail server refused for good, or retries used up), at
 * the top of the caseload until dismissed: the reminder is not retried, so the therapist corrects the address.
 * Nothing is shown when there are none.
 */
export function ReminderNotices({ timeZone }: { timeZone: string | undefined }) {
  const query = useQuery(ReminderNoticesDocument, {});
  const [error, setError] = useState<string | null>(null);
  if (query.status !== 'success' || query.data.reminderNotices.length === 0) return null;
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
  async function dismiss(id: string) {
    setError(null);
    try {
      await request(AcknowledgeReminderNoticeDocument, { id });
      query.retry();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }
  return (
    <section className="reminder-notices" aria-labelledby="reminder-notices-title">
      <h2 id="reminder-notices-title">
        <span aria-hidden="true">✉ </span>Reminder emails not delivered
      </h2>
      <ul>
        {query.data.reminderNotices.map((notice) => (
          <li key={notice.id}>
            <Link to={`/clients/${encodeURIComponent(notice.clientId)}`}>{notice.clientName}</Link>: the {kindLabels[notice.kind]} of{' '}
            {day.format(new Date(notice.dueAt))}{' '}
            {notice.status === 'REFUSED'
              ? `was refused by the mail server${notice.recipient ? ` for ${notice.recipient}` : ''}: check the address.`
              : 'could not be sent after several tries.'}
            {notice.problem && <span className="reminder-notice-problem"> ({notice.problem})</span>}{' '}
            <button type="button" aria-label={`Dismiss the notice about ${notice.clientName}`} onClick={() => dismiss(notice.id)}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
