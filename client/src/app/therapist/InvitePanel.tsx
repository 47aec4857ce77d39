import { type FormEvent, useId, useState } from 'react';
import { request } from '../../graphql/client';
import { InviteClientDocument, type InviteClientMutation } from '../../graphql/generated/graphql';
import { SecretOnce } from '../account/SecretOnce';
import { endSentence } from '../format';
import { FormProblem, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';

const forbidden = 'Your account may not invite clients: ask the clinic admin.';
const emailId = 'invite-email';

/** The address the invitee opens: the accept-invite page with the token. */
export function inviteLink(token: string): string {
  return `${window.location.origin}/invite?token=${encodeURIComponent(token)}`;
}

/** What the server answers for a new invite: the token is its secret, returned only this once. */
export interface IssuedInvite {
  email: string;
  expiresAt: string;
  token: string;
}

/**
 * A new invite's link, shown once with its expiry and a copy button; it is gone when
 * the page is left. Shared by "Invite to the portal" and the admin's "Invite a therapist".
 */
export function InviteResult({ invite, timeZone, recipient }: { invite: IssuedInvite; timeZone: string | undefined; recipient: string }) {
  const headingId = useId();
  const expires = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(invite.expiresAt));
  return (
    <section className="invite-result" aria-labelledby={headingId}>
      <h3 id={headingId}>Invite for {invite.email}</h3>
      <SecretOnce
        label="Invite link"
        secret={inviteLink(invite.token)}
        hint="It is shown only now: Fascia keeps no readable copy. If it is lost, make a new invite."
        copyLabel="Copy the link"
      >
        <p className="status status-ok" role="status">
          Invite made. Send this link to {recipient}; it works once, until {endSentence(expires)}
        </p>
      </SecretOnce>
    </section>
  );
}

/** "Invite to the portal" on the client page: the client's email, then the link once. */
export function InvitePanel({
  clientId,
  email: knownEmail,
  timeZone,
  onInvited,
}: {
  clientId: string;
  email: string | null;
  timeZone: string | undefined;
  /** Told once the invite is made (the admin's accounts page then lists it). */
  onInvited?: () => void;
}) {
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState(knownEmail ?? '');
  const [invite, setInvite] = useState<InviteClientMutation['inviteClient'] | null>(null);
  const { sending, error, summary, submit } = useSubmission(forbidden);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(
      async () => {
        setInvite((await request(InviteClientDocument, { clientId, email: email.trim() })).inviteClient);
        onInvited?.();
      },
      new Map([['email', emailId]]),
    );
  }

  if (invite) return <InviteResult invite={invite} timeZone={timeZone} recipient="the client" />;
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        Invite to the portal
      </button>
    );
  }
  return (
    <form className="invite-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>Invite to the portal</h3>
      <FormProblem error={error} summary={summary} what="No invite was made." />
      <TextField
        id={emailId}
        label="The client’s email for signing in"
        type="email"
        value={email}
        onChange={setEmail}
        error={error}
        spellCheck={false}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={sending}>
          {sending ? 'Inviting…' : 'Make the invite'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}
