import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { request } from '../graphql/client';
import { messageOf, RequestError } from '../graphql/errors';
import { SignInDocument } from '../graphql/generated/graphql';

/** A failed sign-in in words: the server's own sentence for a wrong password or too many tries. */
function signInMessage(error: unknown): string {
  if (error instanceof RequestError && (error.code === 'UNAUTHENTICATED' || error.code === 'RATE_LIMITED')) {
    const first = error.failure.kind === 'graphql' ? error.failure.errors[0]?.message : undefined;
    if (first) return /[.!?]$/.test(first) ? first : `${first}.`;
  }
  return messageOf(error);
}

/** Email and password; the server answers with the session cookie. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      await request(SignInDocument, { email, password });
      onSignedIn();
    } catch (failure) {
      setError(signInMessage(failure));
      setPassword('');
      setSending(false);
    }
  }

  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <main id="main" className="sign-in">
      <form className="panel sign-in-form" onSubmit={submit} aria-labelledby={`${errorId}-title`}>
        <h1 id={`${errorId}-title`} ref={heading} tabIndex={-1}>
          Sign in to Fascia
        </h1>
        <label className="field">
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...invalid}
          />
        </label>
        <label className="field">
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...invalid}
          />
        </label>
        {error && (
          <p id={errorId} className="status status-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button sign-in-button" disabled={sending}>
          {sending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
