import type { FormError } from './field-errors';

/** The server's message under the input it is about, announced when it appears. */
export function FieldError({ controlId, error }: { controlId: string; error: FormError | null }) {
  if (error?.controlId !== controlId) return null;
  return (
    <p id={`${controlId}-error`} className="field-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {error.message}
    </p>
  );
}
