import { useEffect, useRef, useState } from 'react';
import { RequestError } from '../../graphql/errors';
import { type FormError, formErrorOf } from './field-errors';

/**
 * The state of one form's submission: sending, and the server's refusal placed at
 * its input (focused, so the person lands on what needs fixing) or above the form.
 */
export function useSubmission(forbidden: string) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!error) return;
    const target = error.controlId ? document.getElementById(error.controlId) : summary.current;
    target?.focus();
  }, [error]);

  /** Sends; on failure keeps everything typed and shows why. Resolves true when it went through. */
  async function submit(send: () => Promise<unknown>, controls: ReadonlyMap<string, string>): Promise<boolean> {
    setSending(true);
    setError(null);
    try {
      await send();
      setSending(false);
      return true;
    } catch (failure) {
      setError(
        failure instanceof RequestError && failure.code === 'FORBIDDEN'
          ? { controlId: null, message: forbidden }
          : formErrorOf(failure, controls),
      );
      setSending(false);
      return false;
    }
  }
  /** Refuses before sending, for what the browser can tell (a required choice left unchosen). */
  function refuse(controlId: string, message: string) {
    setError({ controlId, message });
  }
  return { sending, error, summary, submit, refuse };
}
