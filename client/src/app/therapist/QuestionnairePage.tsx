import { type FormEvent, useEffect, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import { QuestionnaireFormDocument, type QuestionnaireFormQuery, SubmitQuestionnaireDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { FieldError } from '../forms/FieldError';
import { createKeyRing, errorProps, type FormError, formErrorOf } from '../forms/field-errors';
import { Link, useRouter } from '../router';
import { ErrorMessage, Loading } from '../status';
import { QuestionnaireFields } from './QuestionnaireFields';
import { answersInput, controlIds, type QuestionnaireDraft } from './session-input';

const completedAtId = 'questionnaire-completed-at';

export default function QuestionnairePage({ clientId, seriesId }: { clientId: string; seriesId: string | null }) {
  const query = useQuery(QuestionnaireFormDocument, { clientId });
  if (query.status === 'loading') return <Loading>Loading the form…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <QuestionnaireForm data={query.data} seriesId={seriesId} />;
}

/** A questionnaire completed outside a visit; the server scores it. */
function QuestionnaireForm({ data, seriesId }: { data: QuestionnaireFormQuery; seriesId: string | null }) {
  const { client } = data;
  const { navigate } = useRouter();
  const [series, setSeries] = useState(seriesId ?? client.series.find((s) => s.status === 'ACTIVE')?.id ?? '');
  const suggested = client.series.find((s) => s.id === series)?.condition.suggestedInstrumentCodes ?? [];
  const [draft, setDraft] = useState<QuestionnaireDraft>({
    instrumentCode: suggested[0] ?? data.instruments[0]?.code ?? '',
    answers: {},
  });
  const [completedAt, setCompletedAt] = useState(() =>
    new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
  );
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const keys = useRef(createKeyRing());
  const summary = useRef<HTMLDivElement>(null);
  const instrument = data.instruments.find((i) => i.code === draft.instrumentCode);

  useEffect(() => {
    if (error) (error.controlId ? document.getElementById(error.controlId) : summary.current)?.focus();
  }, [error]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { answers, controls } = answersInput(draft, instrument?.items ?? []);
    const input = {
      clientId: client.id,
      instrumentCode: draft.instrumentCode,
      completedAt: completedAt ? new Date(completedAt).toISOString() : '',
      answers,
      ...(series ? { seriesId: series } : {}),
    };
    const map = new Map<string, string>([['completedAt', completedAtId], ['answers', controlIds.questionnaire], ...controls]);
    setSending(true);
    setError(null);
    try {
      await request(SubmitQuestionnaireDocument, { input, idempotencyKey: keys.current.keyFor(input) });
      navigate(
        series
          ? `/clients/${encodeURIComponent(client.id)}/series/${encodeURIComponent(series)}?recorded=questionnaire`
          : `/clients/${encodeURIComponent(client.id)}`,
      );
    } catch (failure) {
      setError(formErrorOf(failure, map));
      setSending(false);
    }
  }

  return (
    <form className="panel session-form" onSubmit={submit} noValidate>
      <p className="breadcrumb">
        <Link to={`/clients/${encodeURIComponent(client.id)}`}>← {client.displayName}</Link>
      </p>
      <h1>Enter a questionnaire</h1>
      <div ref={summary} tabIndex={-1}>
        {error && error.controlId === null && <ErrorMessage message={error.message} />}
      </div>
      <div className="field-row">
        <label className="field">
          Series
          <select value={series} onChange={(e) => setSeries(e.target.value)}>
            <option value="">None</option>
            {client.series.map((s) => (
              <option key={s.id} value={s.id}>
                {s.condition.name}
                {s.status === 'ACTIVE' ? ' (active)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Questionnaire
          <select value={draft.instrumentCode} onChange={(e) => setDraft({ instrumentCode: e.target.value, answers: {} })}>
            {data.instruments.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
                {suggested.includes(i.code) ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label htmlFor={completedAtId}>Completed</label>
          <input
            id={completedAtId}
            type="datetime-local"
            required
            value={completedAt}
            onChange={(e) => setCompletedAt(e.target.value)}
            {...errorProps(completedAtId, error)}
          />
          <FieldError controlId={completedAtId} error={error} />
        </div>
      </div>
      {instrument && <QuestionnaireFields instrument={instrument} draft={draft} onChange={setDraft} error={error} />}
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Scoring…' : 'Submit for scoring'}
      </button>
    </form>
  );
}
