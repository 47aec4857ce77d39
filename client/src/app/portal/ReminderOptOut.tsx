import { useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import { MyReminderPreferencesDocument, SetMyReminderOptOutDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { ErrorMessage, Loading } from '../status';

/**
 * The client's own switch for reminder emails (appointment reminders and diary prompts). Self-contained: it loads and
 * saves its own state, so it can sit on any portal page.
 */
export function ReminderOptOut({ timeZone }: { timeZone: string | undefined }) {
  const query = useQuery(MyReminderPreferencesDocument, {});
  const [saved, setSaved] = useState<{ optedOut: boolean; optedOutAt: string | null } | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (query.status === 'loading') return <Loading>Loading your reminder choice…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const current = saved ?? query.data.myReminderPreferences;

  async function change(optOut: boolean) {
    setSending(true);
    setError(null);
    try {
      const data = await request(SetMyReminderOptOutDocument, { optOut });
      setSaved(data.setMyReminderOptOut);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSending(false);
    }
  }

  const since = current.optedOutAt
    ? new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone }).format(new Date(current.optedOutAt))
    : null;
  return (
    <section aria-labelledby="reminder-opt-out-title">
      <h2 id="reminder-opt-out-title">Reminder emails</h2>
      <p aria-live="polite">
        {current.optedOut
          ? `You turned reminder emails off on ${since}. Your clinic will not email you reminders of appointments or of your pain diary.`
          : 'Your clinic emails you a reminder the day before each appointment, and a link to your pain diary after a visit.'}
      </p>
      <button type="button" className="button" disabled={sending} onClick={() => void change(!current.optedOut)}>
        {current.optedOut ? 'Turn reminder emails back on' : 'Stop reminder emails'}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
