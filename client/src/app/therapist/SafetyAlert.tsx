import { type FormEvent, useState } from 'react';
import { request } from '../../graphql/client';
import { ResolveRedFlagsDocument } from '../../graphql/generated/graphql';
import type { FormError } from '../forms/field-errors';
import { CheckField, FormProblem, TextAreaField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';

/**
 * Unresolved red flags and contraindications, where nobody can miss them: a
 * bordered alert with a heading and the flags in words (never colour alone).
 * Nothing is shown when there are none.
 */
export function SafetyAlert({ redFlags, contraindications }: { redFlags: readonly string[]; contraindications: readonly string[] }) {
  if (redFlags.length === 0 && contraindications.length === 0) return null;
  return (
    <div className="safety-alert" role="alert">
      {redFlags.length > 0 && (
        <section aria-label="Red flags">
          <h2>
            <span aria-hidden="true">⚠ </span>Red flags: review before treating
          </h2>
          <ul>
            {redFlags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
        </section>
      )}
      {contraindications.length > 0 && (
        <section aria-label="Contraindications">
          <h2>
            <span aria-hidden="true">⚠ </span>Contraindications
          </h2>
          <ul>
            {contraindications.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The session form's "I have reviewed these red flags", sent as `acknowledgeRedFlags`. */
export const acknowledgeControlId = 'session-acknowledge-red-flags';

export function RedFlagAcknowledgement({
  checked,
  onChange,
  error,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: FormError | null;
}) {
  return (
    <CheckField
      id={acknowledgeControlId}
      label="I have reviewed these red flags before treating"
      checked={checked}
      onChange={onChange}
      error={error}
    />
  );
}

const resolveForbidden = 'Your account may not resolve red flags: only the clinic’s staff do.';
const noteId = 'resolve-red-flags-note';

/** "Mark red flags resolved", with the note that says who cleared them and when. */
export function ResolveRedFlags({ clientId, onResolved }: { clientId: string; onResolved: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const { sending, error, summary, submit } = useSubmission(resolveForbidden);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = await submit(() => request(ResolveRedFlagsDocument, { clientId, note: note.trim() }), new Map([['note', noteId]]));
    if (sent) onResolved();
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Mark red flags resolved
        </button>
      </p>
    );
  }
  return (
    <form className="resolve-form" onSubmit={onSubmit} noValidate aria-label="Mark red flags resolved">
      <FormProblem error={error} summary={summary} what="The red flags were not marked resolved." />
      <TextAreaField
        id={noteId}
        label="How they were resolved"
        hint="E.g. “cleared by Dr Roy, 2026-11-30”."
        value={note}
        onChange={setNote}
        error={error}
        rows={2}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={sending}>
          {sending ? 'Saving…' : 'Mark resolved'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}
