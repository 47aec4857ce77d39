import { type ReactNode, useId, useState } from 'react';

/**
 * A secret the server returns only once (an API token), shown with a copy button. Fascia keeps
 * only its hash, so the page says so: lose it and make a new one.
 */
export function SecretOnce({
  label,
  secret,
  hint = 'It is shown only now: Fascia keeps no readable copy. If it is lost, revoke it and make a new one.',
  copyLabel = 'Copy',
  children,
}: {
  label: string;
  secret: string;
  hint?: string;
  copyLabel?: string;
  children?: ReactNode;
}) {
  const inputId = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard (insecure page, or refused): the secret stays selectable on screen.
      setCopied('no');
    }
  }
  return (
    <div className="secret-once">
      {children}
      <p className="hint">{hint}</p>
      <label className="field" htmlFor={inputId}>
        {label}
      </label>
      <input id={inputId} className="invite-link" readOnly value={secret} onFocus={(e) => e.target.select()} />
      <p className="actions">
        <button type="button" className="button" onClick={copy}>
          {copyLabel}
        </button>
      </p>
      <p aria-live="polite">
        {copied === 'yes' && 'Copied.'}
        {copied === 'no' && 'Could not copy: select it and copy it yourself.'}
      </p>
    </div>
  );
}
