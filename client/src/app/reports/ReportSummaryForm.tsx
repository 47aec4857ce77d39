import { type FormEvent, useId, useState } from 'react';
import { request } from '../../graphql/client';
import { ReportSummaryDocument, type ReportSummaryFieldsFragment, WriteReportSummaryDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { FormProblem, optionalText, TextAreaField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { ErrorMessage, Loading } from '../status';

const forbidden = 'Your account may not write the report’s assessment: only the clinic’s therapists do.';

/**
 * The therapist's assessment and plan written for the progress report. The report prints them instead of
 * the latest visit's SOAP note, unless a visit after them has one; both empty withdraws them.
 */
export function ReportSummaryForm({ seriesId }: { seriesId: string }) {
  const query = useQuery(ReportSummaryDocument, { seriesId });
  if (query.status === 'loading') return <Loading>Loading the report’s assessment…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <SummaryFields seriesId={seriesId} saved={query.data.series.reportSummary ?? null} />;
}

function SummaryFields({ seriesId, saved: initial }: { seriesId: string; saved: ReportSummaryFieldsFragment | null }) {
  const id = useId();
  const ids = { assessment: `${id}-assessment`, plan: `${id}-plan` };
  const controls = new Map(Object.entries(ids));
  const [saved, setSaved] = useState(initial);
  const [assessment, setAssessment] = useState(initial?.assessment ?? '');
  const [plan, setPlan] = useState(initial?.plan ?? '');
  const [justSaved, setJustSaved] = useState(false);
  const { sending, error, summary, submit } = useSubmission(forbidden);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setJustSaved(false);
    const input = { assessment: optionalText(assessment), plan: optionalText(plan) };
    let answer: ReportSummaryFieldsFragment | null = null;
    const sent = await submit(async () => {
      const { writeReportSummary } = await request(WriteReportSummaryDocument, { seriesId, input });
      answer = writeReportSummary.reportSummary ?? null;
    }, controls);
    if (sent) {
      setSaved(answer);
      setJustSaved(true);
    }
  }

  return (
    <form className="report-summary" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Assessment and plan for the report</h3>
      <p className="hint">
        Written for the referrer. The report uses them instead of the latest visit’s SOAP note, unless a later visit has one; leave both
        empty to go back to the SOAP note.
      </p>
      <FormProblem error={error} summary={summary} what="The assessment and plan were not saved." />
      <TextAreaField id={ids.assessment} label="Assessment" value={assessment} onChange={setAssessment} error={error} rows={4} />
      <TextAreaField id={ids.plan} label="Plan" value={plan} onChange={setPlan} error={error} rows={3} />
      <p className="actions">
        <button type="submit" className="button button-secondary" disabled={sending}>
          {sending ? 'Saving…' : 'Save for the report'}
        </button>
      </p>
      <p className={justSaved ? 'status status-ok' : 'hint'} role="status">
        {saved
          ? `${justSaved ? 'Saved' : 'Last saved'} ${new Date(saved.writtenAt).toLocaleString()} by ${saved.writtenBy}.`
          : justSaved
            ? 'Withdrawn: the report uses the latest SOAP note.'
            : 'Nothing written yet: the report uses the latest SOAP note.'}
      </p>
    </form>
  );
}
