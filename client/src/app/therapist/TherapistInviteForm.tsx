import { type FormEvent, useId, useState } from 'react';
import { request } from '../../graphql/client';
import { InviteTherapistDocument, type InviteTherapistMutation } from '../../graphql/generated/graphql';
import { FormProblem, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { InviteResult } from './InvitePanel';

const forbidden = 'Only the clinic admin invites therapists.';
const ids = {
  email: 'therapist-invite-email',
  givenName: 'therapist-invite-given-name',
  familyName: 'therapist-invite-family-name',
  registrationNumber: 'therapist-invite-registration',
} as const;
const controls = new Map<string, string>(Object.entries(ids));
const empty = { email: '', givenName: '', familyName: '', registrationNumber: '' };

/**
 * The admin's "Invite a therapist": their name, email and registration number; the
 * link is shown once (the same display as the client's portal invite). Their therapist
 * record is made when they accept.
 */
export function TherapistInviteForm({ timeZone, onInvited }: { timeZone: string | undefined; onInvited?: () => void }) {
  const headingId = useId();
  const [draft, setDraft] = useState(empty);
  const [invite, setInvite] = useState<InviteTherapistMutation['inviteTherapist'] | null>(null);
  const { sending, error, summary, submit } = useSubmission(forbidden);
  const field = (name: keyof typeof draft) => ({
    id: ids[name],
    value: draft[name],
    onChange: (value: string) => setDraft((current) => ({ ...current, [name]: value })),
    error,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const registrationNumber = draft.registrationNumber.trim();
    await submit(async () => {
      const answer = await request(InviteTherapistDocument, {
        email: draft.email.trim(),
        givenName: draft.givenName.trim(),
        familyName: draft.familyName.trim(),
        registrationNumber: registrationNumber || null,
      });
      setInvite(answer.inviteTherapist);
      setDraft(empty);
      onInvited?.();
    }, controls);
  }

  return (
    <section className="panel entry-form" aria-labelledby={headingId}>
      <h2 id={headingId}>Invite a therapist</h2>
      {invite ? (
        <>
          <InviteResult invite={invite} timeZone={timeZone} recipient="the therapist" />
          <button type="button" className="button button-secondary" onClick={() => setInvite(null)}>
            Invite another therapist
          </button>
        </>
      ) : (
        <form className="invite-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
          <p className="hint">They choose their own password when they open the link; their therapist record is made then.</p>
          <FormProblem error={error} summary={summary} what="No invite was made." />
          <TextField {...field('givenName')} label="Given name" required maxLength={100} autoComplete="off" />
          <TextField {...field('familyName')} label="Family name" required maxLength={100} autoComplete="off" />
          <TextField {...field('email')} label="Their email for signing in" type="email" required spellCheck={false} autoComplete="off" />
          <TextField
            {...field('registrationNumber')}
            label="Registration number (optional)"
            hint="Their professional registration or licence number."
            autoComplete="off"
          />
          <p className="actions">
            <button type="submit" className="button" disabled={sending}>
              {sending ? 'Inviting…' : 'Make the invite'}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
