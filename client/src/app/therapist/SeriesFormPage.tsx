import { type FormEvent, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import {
  type SeriesPlanCatalogsFragment,
  SeriesPlanDocument,
  type SeriesPlanQuery,
  StartSeriesDocument,
  StartSeriesFormDocument,
  UpdateSeriesDocument,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatLocalDate, todayIn } from '../format';
import { createKeyRing } from '../forms/field-errors';
import { FormProblem, SelectField, TextAreaField, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { Link, useRouter } from '../router';
import { ErrorMessage, Loading } from '../status';
import { clientPath, seriesPath } from './onboarding-labels';

const forbidden = 'Your account may not plan treatment series: only the clinic’s therapists do.';

interface PlanDraft {
  conditionCode: string;
  plannedSessions: string;
  plannedSessionsPerWeek: string;
  plannedMinutesPerSession: string;
  startDate: string;
  goals: string;
  /** '' = the condition's own headline measure. */
  headlineMeasureCode: string;
}

const ids: Record<keyof PlanDraft, string> = {
  conditionCode: 'series-condition',
  plannedSessions: 'series-planned-sessions',
  plannedSessionsPerWeek: 'series-per-week',
  plannedMinutesPerSession: 'series-minutes',
  startDate: 'series-start-date',
  goals: 'series-goals',
  headlineMeasureCode: 'series-headline-measure',
};
const controls = new Map<string, string>(Object.entries(ids));

/** A number as typed; blank or not a number goes as 0, which the server refuses at that field (NaN would not survive JSON). */
function numberOf(text: string): number {
  const value = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(value) ? 0 : value;
}

function planInput(draft: PlanDraft) {
  return {
    conditionCode: draft.conditionCode,
    plannedSessions: numberOf(draft.plannedSessions),
    plannedSessionsPerWeek: numberOf(draft.plannedSessionsPerWeek),
    plannedMinutesPerSession: numberOf(draft.plannedMinutesPerSession),
    startDate: draft.startDate,
    // Empty, not null: editing a plan, an empty string clears the goals or the chosen headline (null leaves them as they were).
    goals: draft.goals.trim(),
    headlineMeasureCode: draft.headlineMeasureCode,
  };
}

/** "Start a series" for a client (clientId) or "Edit the plan" of one (seriesId). */
export default function SeriesFormPage({
  clientId,
  seriesId,
  timeZone,
}: {
  clientId?: string;
  seriesId?: string;
  timeZone: string | undefined;
}) {
  if (seriesId) return <EditSeries seriesId={seriesId} />;
  return <StartSeries clientId={clientId ?? ''} timeZone={timeZone} />;
}

function StartSeries({ clientId, timeZone }: { clientId: string; timeZone: string | undefined }) {
  const query = useQuery(StartSeriesFormDocument, { clientId });
  if (query.status === 'loading') return <Loading>Loading the form…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const { client, ...catalogs } = query.data;
  const first = catalogs.conditions[0];
  return (
    <SeriesForm
      client={client}
      series={null}
      catalogs={catalogs}
      initial={{
        conditionCode: first?.code ?? '',
        plannedSessions: '6',
        plannedSessionsPerWeek: '1',
        plannedMinutesPerSession: '60',
        startDate: todayIn(timeZone),
        goals: '',
        headlineMeasureCode: '',
      }}
    />
  );
}

function EditSeries({ seriesId }: { seriesId: string }) {
  const query = useQuery(SeriesPlanDocument, { seriesId });
  if (query.status === 'loading') return <Loading>Loading the series…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  const { series, ...catalogs } = query.data;
  return (
    <SeriesForm
      client={series.client}
      series={series}
      catalogs={catalogs}
      initial={{
        conditionCode: series.conditionCode,
        plannedSessions: String(series.plannedSessions),
        plannedSessionsPerWeek: String(series.plannedSessionsPerWeek),
        plannedMinutesPerSession: String(series.plannedMinutesPerSession),
        startDate: series.startDate,
        goals: series.goals ?? '',
        headlineMeasureCode: series.headlineMeasureCode ?? '',
      }}
    />
  );
}

/** The plan of a series: condition, dose, start, goals and the measure the caseload heads with. */
export function SeriesForm({
  client,
  series,
  catalogs,
  initial,
}: {
  client: { id: string; displayName: string };
  series: SeriesPlanQuery['series'] | null;
  catalogs: SeriesPlanCatalogsFragment;
  initial: PlanDraft;
}) {
  const { navigate } = useRouter();
  const [draft, setDraft] = useState(initial);
  const { sending, error, summary, submit } = useSubmission(forbidden);
  const keys = useRef(createKeyRing());
  const field = (name: keyof PlanDraft) => ({
    id: ids[name],
    value: draft[name],
    onChange: (value: string) => setDraft((current) => ({ ...current, [name]: value })),
    error,
  });
  const condition = catalogs.conditions.find((c) => c.code === draft.conditionCode);
  const conditionHeadline = catalogs.measures.find((m) => m.code === condition?.headlineMeasureCode);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const plan = planInput(draft);
    let id = series?.id ?? '';
    const sent = await submit(async () => {
      if (series) await request(UpdateSeriesDocument, { id: series.id, input: plan });
      else {
        const input = { ...plan, clientId: client.id };
        id = (await request(StartSeriesDocument, { input, idempotencyKey: keys.current.keyFor(input) })).startSeries.id;
      }
    }, controls);
    if (sent) navigate(seriesPath(client.id, id));
  }

  return (
    <form className="panel entry-form" onSubmit={onSubmit} noValidate>
      <p className="breadcrumb">
        {series ? (
          <Link to={seriesPath(client.id, series.id)}>
            ← {client.displayName}: {series.condition.name}
          </Link>
        ) : (
          <Link to={clientPath(client.id)}>← {client.displayName}</Link>
        )}
      </p>
      <h1>{series ? 'Edit the plan' : `Start a treatment series for ${client.displayName}`}</h1>
      {series && <p className="hint">Started {formatLocalDate(series.startDate)}.</p>}
      <FormProblem error={error} summary={summary} what={series ? 'The plan was not changed.' : 'The series was not started.'} />
      <fieldset>
        <legend>Plan</legend>
        <SelectField {...field('conditionCode')} label="Condition" options={catalogs.conditions.map((c) => [c.code, c.name] as const)} />
        <div className="field-row">
          <TextField {...field('plannedSessions')} label="Sessions planned" type="number" inputMode="numeric" min={1} max={200} />
          <TextField
            {...field('plannedSessionsPerWeek')}
            label="Sessions a week"
            type="number"
            inputMode="decimal"
            min={0.25}
            max={7}
            step={0.25}
          />
          <TextField {...field('plannedMinutesPerSession')} label="Minutes a session" type="number" inputMode="numeric" min={5} max={240} />
        </div>
        <TextField {...field('startDate')} label="Start date" type="date" />
        <TextAreaField {...field('goals')} label="Goals" />
        <SelectField
          {...field('headlineMeasureCode')}
          label="Headline measure"
          hint="The measure the caseload and progress lead with."
          options={[
            ['', `The condition’s own${conditionHeadline ? ` (${conditionHeadline.name})` : ''}`],
            ...catalogs.measures.map((m) => [m.code, m.name] as const),
          ]}
        />
      </fieldset>
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Saving…' : series ? 'Save the plan' : 'Start the series'}
      </button>
    </form>
  );
}
