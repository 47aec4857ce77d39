import { type FormEvent, useState } from 'react';
import { request } from '../../graphql/client';
import { CloseSeriesDocument, type DischargeReason, SeriesPlanDocument, type SeriesPlanQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { todayIn } from '../format';
import { FormProblem, optionalText, RadioField, TextAreaField, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { Link, useRouter } from '../router';
import { ErrorMessage, Loading } from '../status';
import { dischargeReasonChoices, seriesPath } from './onboarding-labels';

const forbidden = 'Your account may not close treatment series: only the clinic’s therapists do.';
const ids = {
  status: 'close-status',
  endDate: 'close-end-date',
  dischargeReason: 'close-discharge-reason',
  dischargeNote: 'close-summary',
} as const;
const controls = new Map<string, string>(Object.entries(ids));
const outcomeChoices = { COMPLETED: 'Completed as planned', DISCONTINUED: 'Discontinued before the plan ended' } as const;

export default function CloseSeriesPage({ seriesId, timeZone }: { seriesId: string; timeZone: string | undefined }) {
  const query = useQuery(SeriesPlanDocument, { seriesId });
  if (query.status === 'loading') return <Loading>Loading the series…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <CloseSeriesForm series={query.data.series} today={todayIn(timeZone)} />;
}

/** Discharge: how the series ended, why, and the closing summary. */
export function CloseSeriesForm({ series, today }: { series: SeriesPlanQuery['series']; today: string }) {
  const { navigate } = useRouter();
  const [status, setStatus] = useState<keyof typeof outcomeChoices | ''>('');
  const [endDate, setEndDate] = useState(today);
  const [reason, setReason] = useState<DischargeReason | ''>('');
  const [summaryText, setSummaryText] = useState('');
  const { sending, error, summary, submit, refuse } = useSubmission(forbidden);
  const back = seriesPath(series.client.id, series.id);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!status) return refuse(ids.status, 'Choose how the series ended.');
    if (!reason) return refuse(ids.dischargeReason, 'Choose the reason for discharge.');
    const input = { status, endDate, dischargeReason: reason, dischargeNote: optionalText(summaryText) };
    if (await submit(() => request(CloseSeriesDocument, { id: series.id, input }), controls)) navigate(back);
  }

  if (series.status !== 'ACTIVE') {
    return (
      <section className="panel">
        <h1>This series is closed already</h1>
        <p>
          <Link to={back}>Back to the series</Link>
        </p>
      </section>
    );
  }
  return (
    <form className="panel entry-form" onSubmit={onSubmit} noValidate>
      <p className="breadcrumb">
        <Link to={back}>
          ← {series.client.displayName}: {series.condition.name}
        </Link>
      </p>
      <h1>Close the series</h1>
      <FormProblem error={error} summary={summary} what="The series was not closed." />
      <RadioField id={ids.status} legend="Outcome" value={status} onChange={setStatus} labels={outcomeChoices} error={error} />
      <TextField id={ids.endDate} label="Last day" type="date" value={endDate} onChange={setEndDate} error={error} />
      <RadioField
        id={ids.dischargeReason}
        legend="Reason for discharge"
        value={reason}
        onChange={setReason}
        labels={dischargeReasonChoices}
        error={error}
      />
      <TextAreaField
        id={ids.dischargeNote}
        label="Closing summary"
        hint="Progress against the goals, advice given, where the client goes next."
        value={summaryText}
        onChange={setSummaryText}
        error={error}
        rows={5}
      />
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Closing…' : 'Close the series'}
      </button>
    </form>
  );
}
