import { type FormEvent, useId, useState } from 'react';
import { request } from '../../graphql/client';
import { InviteClientDocument, type InviteClientMutation } from '../../graphql/generated/graphql';
import { FormProblem, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';

const forbidden = 'Your account may not invite clients: ask the clinic admin.';
const emailId = 'invite-email';

/** The address the invitee opens: the accept-invite page with the token. */
export function inviteLink(token: string): string {
  return `${window.location.origin}/invite?token=${encodeURIComponent(token)}`;
}

/**
 * "Invite to the portal": the server returns the invite's secret once, so the link
 * is shown here once, with its expiry and a copy button, and is gone when the page is left.
 */
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
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
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

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard (insecure page, or refused): the link stays selectable on screen.
      setCopied('no');
    }
  }

  if (invite) {
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
          Invite made. Send this link to the client; it works once, until {expires}.
        </p>
        <p className="hint">It is shown only now: Fascia keeps no readable copy. If it is lost, make a new invite.</p>
        <label className="field" htmlFor="invite-link">
          Invite link
        </label>
        <input id="invite-link" className="invite-link" readOnly value={link} onFocus={(e) => e.target.select()} />
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
