import { type FormEvent, useId, useState } from 'react';
import { request } from '../../graphql/client';
import { InviteClientDocument, type InviteClientMutation } from '../../graphql/generated/graphql';
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
  const linkId = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard (insecure page, or refused): the link stays selectable on screen.
      setCopied('no');
    }
  }

  const link = inviteLink(invite.token);
  const expires = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(invite.expiresAt));
  return (
    <section className="invite-result" aria-labelledby={headingId}>
      <h3 id={headingId}>Invite for {invite.email}</h3>
      <p className="status status-ok" role="status">
        Invite made. Send this link to {recipient}; it works once, until {endSentence(expires)}
      </p>
      <p className="hint">It is shown only now: Fascia keeps no readable copy. If it is lost, make a new invite.</p>
      <label className="field" htmlFor={linkId}>
        Invite link
      </label>
      <input id={linkId} className="invite-link" readOnly value={link} onFocus={(e) => e.target.select()} />
      <p className="actions">
        <button type="button" className="button" onClick={() => copy(link)}>
          Copy the link
        </button>
      </p>
      <p aria-live="polite">
        {copied === 'yes' && 'Copied.'}
        {copied === 'no' && 'Could not copy: select the link and copy it yourself.'}
      </p>
    </section>
  );
}

/** "Invite to the portal" on the client page: the client's email, then the link once. */
export function InvitePanel({
  clientId,
  email: knownEmail,
  timeZone,
}: {
  clientId: string;
  email: string | null;
  timeZone: string | undefined;
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
