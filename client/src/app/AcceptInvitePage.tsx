import { type FormEvent, useState } from 'react';
import { request } from '../graphql/client';
import { AcceptInviteDocument } from '../graphql/generated/graphql';
import { FormProblem, TextField } from './forms/fields';
import { useSubmission } from './forms/use-submission';

const ids = { password: 'invite-password', repeat: 'invite-password-repeat' } as const;

/**
 * The page an invite link opens (`/invite?token=…`): choose a password, and the
 * server makes the account and signs it in.
 */
export default function AcceptInvitePage({ token, onAccepted }: { token: string; onAccepted: () => void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { sending, error, summary, submit, refuse } = useSubmission('This invite cannot be accepted.');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== repeat) return refuse(ids.repeat, 'The two passwords differ: type the same one twice.');
    // A bad, used or expired token has no input of its own: its message goes above the form.
    if (await submit(() => request(AcceptInviteDocument, { token, password }), new Map([['password', ids.password]]))) onAccepted();
  }

  return (
    <main id="main" className="sign-in">
      <form className="panel sign-in-form" onSubmit={onSubmit} noValidate>
        <h1>Welcome to Fascia</h1>
        {token ? (
          <>
            <p>Choose a password for your new account: at least 12 characters, not a common one.</p>
            <FormProblem error={error} summary={summary} what="Your account was not made yet." />
            <TextField
              id={ids.password}
              label="New password"
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              value={password}
              onChange={setPassword}
              error={error}
            />
            <TextField
              id={ids.repeat}
              label="The same password again"
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={setRepeat}
              error={error}
            />
            <button type="submit" className="button" disabled={sending}>
              {sending ? 'Making your account…' : 'Make my account'}
            </button>
          </>
        ) : (
          <p className="status status-error" role="alert">
            This link has no invite in it. Open the link from your invite exactly as it was sent, or ask the clinic for a new one.
          </p>
        )}
        <p>
          <a href="/">Already have an account? Sign in</a>
        </p>
      </form>
    </main>
  );
}
