import { type FormEvent, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import { IntakeFormDocument, type IntakeFormQuery, RecordIntakeDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { FieldError } from '../forms/FieldError';
import { createKeyRing, errorProps } from '../forms/field-errors';
import { CheckField, FormProblem, RadioField, SelectField, TextAreaField, TextField, TextListField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { Link, useRouter } from '../router';
import { ErrorMessage, Loading } from '../status';
import { buildIntakeInput, type ComplaintDraft, type IntakeDraft, intakeIds as ids } from './intake-input';
import { clientPath, localNow, onsetChoices, pressureChoices, toleranceChoices } from './onboarding-labels';

const forbidden = 'Your account may not record an intake: only the clinic’s therapists do.';

export default function IntakeFormPage({ clientId }: { clientId: string }) {
  const query = useQuery(IntakeFormDocument, { clientId });
  if (query.status === 'loading') return <Loading>Loading the form…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <IntakeForm data={query.data} />;
}

export function emptyIntake(): IntakeDraft {
  return {
    takenAt: localNow(),
    chiefComplaints: '',
    complaints: [{ id: 'k1', description: '', onsetDate: '', onset: '' }],
    conditionCodes: [],
    currentConditions: '',
    pastConditions: '',
    medications: '',
    contraindications: [],
    redFlags: [],
    goals: '',
    pressurePreference: '',
    painTolerance: '',
    consentToTreatment: false,
    consentToShareWithReferrer: false,
    researchConsent: false,
    pregnant: false,
    gestationWeeks: '',
    obstetricClearance: false,
    clearedOn: '',
    clearedBy: '',
  };
}

/** The intake interview: what brings the client, their history, screening, preferences and consents. */
export function IntakeForm({ data }: { data: IntakeFormQuery }) {
  const { client, conditions, pregnancyCautions } = data;
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<IntakeDraft>(emptyIntake);
  const { sending, error, summary, submit } = useSubmission(forbidden);
  const keys = useRef(createKeyRing());
  const rowIds = useRef(1);
  const set = (change: Partial<IntakeDraft>) => setDraft((current) => ({ ...current, ...change }));
  const text = (field: 'takenAt' | 'chiefComplaints' | 'currentConditions' | 'pastConditions' | 'medications' | 'goals') => ({
    id: ids[field],
    value: draft[field],
    onChange: (value: string) => set({ [field]: value }),
    error,
  });
  /** A catalog caution goes into the red-flag or contraindication list as its text, once. */
  const listOf = (kind: string) => (kind === 'RED_FLAG' ? 'redFlags' : 'contraindications');
  const toggleCaution = (kind: string, text: string, on: boolean) => {
    const field = listOf(kind);
    const list = draft[field].filter((item) => item !== text);
    set({ [field]: on ? [...list, text] : list });
  };
  const setComplaint = (id: string, change: Partial<ComplaintDraft>) =>
    set({ complaints: draft.complaints.map((c) => (c.id === id ? { ...c, ...change } : c)) });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, controls } = buildIntakeInput(draft);
    const sent = await submit(
      () => request(RecordIntakeDocument, { clientId: client.id, input, idempotencyKey: keys.current.keyFor(input) }),
      controls,
    );
    if (sent) navigate(clientPath(client.id));
  }

  return (
    <form className="panel entry-form" onSubmit={onSubmit} noValidate>
      <p className="breadcrumb">
        <Link to={clientPath(client.id)}>← {client.displayName}</Link>
      </p>
      <h1>Intake: {client.displayName}</h1>
      <FormProblem error={error} summary={summary} what="The intake was not recorded." />

      <fieldset>
        <legend>Interview</legend>
        <TextField {...text('takenAt')} label="Taken at" type="datetime-local" required />
      </fieldset>

      <fieldset>
        <legend>What brings the client</legend>
        <TextAreaField {...text('chiefComplaints')} label="Chief complaints, in the client’s words" />
        <fieldset id={ids.complaints} tabIndex={-1} className="complaints" {...errorProps(ids.complaints, error)}>
          <legend>Complaints</legend>
          {draft.complaints.map((c, i) => (
            <div key={c.id} className="list-row complaint-row">
              <TextField
                id={ids.complaint(c.id, 'description')}
                label={`Complaint ${i + 1}`}
                value={c.description}
                onChange={(description) => setComplaint(c.id, { description })}
                error={error}
              />
              <TextField
                id={ids.complaint(c.id, 'onsetDate')}
                label="Began on"
                type="date"
                value={c.onsetDate}
                onChange={(onsetDate) => setComplaint(c.id, { onsetDate })}
                error={error}
              />
              <SelectField
                id={ids.complaint(c.id, 'onset')}
                label="Onset"
                value={c.onset}
                onChange={(onset) => setComplaint(c.id, { onset: onset as ComplaintDraft['onset'] })}
                error={error}
                options={[['', 'Not asked'], ...Object.entries(onsetChoices)]}
              />
              <button
                type="button"
                className="button button-secondary"
                onClick={() => set({ complaints: draft.complaints.filter((x) => x.id !== c.id) })}
              >
                Remove<span className="visually-hidden"> complaint {i + 1}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              rowIds.current += 1;
              set({ complaints: [...draft.complaints, { id: `k${rowIds.current}`, description: '', onsetDate: '', onset: '' }] });
            }}
          >
            Add a complaint
          </button>
          <FieldError controlId={ids.complaints} error={error} />
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>Health history</legend>
        <fieldset id={ids.conditionCodes} tabIndex={-1} className="choices condition-choices" {...errorProps(ids.conditionCodes, error)}>
          <legend>Conditions (catalog)</legend>
          {conditions.map((condition) => (
            <label key={condition.code} className="choice">
              <input
                type="checkbox"
                checked={draft.conditionCodes.includes(condition.code)}
                onChange={(e) =>
                  set({
                    conditionCodes: e.target.checked
                      ? [...draft.conditionCodes, condition.code]
                      : draft.conditionCodes.filter((code) => code !== condition.code),
                  })
                }
              />
              {condition.name}
            </label>
          ))}
          <FieldError controlId={ids.conditionCodes} error={error} />
        </fieldset>
        <TextAreaField {...text('currentConditions')} label="Current conditions" />
        <TextAreaField {...text('pastConditions')} label="Past conditions, injuries and surgeries" />
        <TextAreaField {...text('medications')} label="Medications" hint="Anticoagulants, for example, matter for pressure." />
      </fieldset>

      <fieldset>
        <legend>Pregnancy</legend>
        <CheckField
          id={ids.pregnant}
          label="The client is pregnant"
          checked={draft.pregnant}
          onChange={(pregnant) => set({ pregnant })}
          error={error}
        />
        {draft.pregnant && (
          <>
            <TextField
              id={ids.gestationWeeks}
              label="Weeks of gestation (completed, 1-42)"
              type="number"
              min={1}
              max={42}
              step={1}
              value={draft.gestationWeeks}
              onChange={(gestationWeeks) => set({ gestationWeeks })}
              error={error}
            />
            <CheckField
              id={ids.obstetricClearance}
              label="The midwife, obstetrician or GP cleared massage"
              checked={draft.obstetricClearance}
              onChange={(obstetricClearance) => set({ obstetricClearance })}
              error={error}
            />
            {draft.obstetricClearance && (
              <>
                <TextField
                  id={ids.clearedOn}
                  label="Cleared on"
                  type="date"
                  value={draft.clearedOn}
                  onChange={(clearedOn) => set({ clearedOn })}
                  error={error}
                />
                <TextField
                  id={ids.clearedBy}
                  label="Cleared by (name and role)"
                  value={draft.clearedBy}
                  onChange={(clearedBy) => set({ clearedBy })}
                  error={error}
                />
              </>
            )}
            <fieldset id={ids.pregnancyCautions} className="choices">
              <legend>Pregnancy screening</legend>
              <p className="hint">Each one ticked goes into the red flags or contraindications below.</p>
              {pregnancyCautions.map((caution) => (
                <label key={caution.code} className="choice">
                  <input
                    type="checkbox"
                    checked={draft[listOf(caution.kind)].includes(caution.text)}
                    onChange={(e) => toggleCaution(caution.kind, caution.text, e.target.checked)}
                  />
                  {caution.kind === 'RED_FLAG' ? 'Red flag: ' : 'Contraindication: '}
                  {caution.text}
                </label>
              ))}
            </fieldset>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Screening</legend>
        <TextListField
          id={ids.contraindications}
          legend="Contraindications"
          itemLabel="Contraindication"
          items={draft.contraindications}
          onChange={(contraindications) => set({ contraindications })}
          error={error}
        />
        <TextListField
          id={ids.redFlags}
          legend="Red flags"
          itemLabel="Red flag"
          hint="Signs that need referral or caution, e.g. unexplained weight loss. Each is shown at every session until marked resolved."
          items={draft.redFlags}
          onChange={(redFlags) => set({ redFlags })}
          error={error}
        />
      </fieldset>

      <fieldset>
        <legend>Goals and preferences</legend>
        <TextAreaField {...text('goals')} label="Goals" />
        <RadioField
          id={ids.pressurePreference}
          legend="Pressure preferred"
          value={draft.pressurePreference}
          onChange={(pressurePreference) => set({ pressurePreference })}
          labels={pressureChoices}
          none="Not asked"
          error={error}
        />
        <RadioField
          id={ids.painTolerance}
          legend="Pain tolerance"
          value={draft.painTolerance}
          onChange={(painTolerance) => set({ painTolerance })}
          labels={toleranceChoices}
          none="Not asked"
          error={error}
        />
      </fieldset>

      <fieldset>
        <legend>Consents</legend>
        <CheckField
          id={ids.consentToTreatment}
          label="The client gave informed consent to treatment"
          checked={draft.consentToTreatment}
          onChange={(consentToTreatment) => set({ consentToTreatment })}
          error={error}
        />
        <CheckField
          id={ids.consentToShareWithReferrer}
          label="The client consents to sharing their progress with the referring clinician"
          checked={draft.consentToShareWithReferrer}
          onChange={(consentToShareWithReferrer) => set({ consentToShareWithReferrer })}
          error={error}
        />
        <CheckField
          id={ids.researchConsent}
          label="The client consents to research use of their de-identified outcomes"
          checked={draft.researchConsent}
          onChange={(researchConsent) => set({ researchConsent })}
          error={error}
        />
      </fieldset>

      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Recording…' : 'Record the intake'}
      </button>
    </form>
  );
}
