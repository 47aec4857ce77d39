import { messageOf, RequestError } from '../../graphql/errors';

/** Where a refused submission goes wrong: next to one input when the server named it, else above the form. */
export interface FormError {
  /** DOM id of the input the server's `extensions.field` points at; null when no input matches. */
  controlId: string | null;
  message: string;
}

/** The server's detail ("observations[0].value: must be at most 10") as a sentence for the input it belongs to. */
export function fieldMessage(serverMessage: string, field: string): string {
  const detail = serverMessage.startsWith(`${field}: `) ? serverMessage.slice(field.length + 2) : serverMessage;
  const text = detail.charAt(0).toUpperCase() + detail.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The input a server field path belongs to: the path itself, or its nearest
 * parent that has an input (`questionnaireResponses[0].answers[4].value` falls
 * back to the questionnaire when item 4 has no input of its own).
 */
export function controlFor(field: string, controls: ReadonlyMap<string, string>): string | null {
  let path = field;
  for (;;) {
    const found = controls.get(path);
    if (found) return found;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return null;
    path = path.slice(0, cut);
  }
}

/** A failed submission as a form error: bad input lands at its input, anything else above the form. */
export function formErrorOf(error: unknown, controls: ReadonlyMap<string, string>): FormError {
  if (error instanceof RequestError && error.code === 'BAD_USER_INPUT' && error.field && error.failure.kind === 'graphql') {
    const serverMessage = error.failure.errors[0]?.message ?? '';
    const controlId = controlFor(error.field, controls);
    if (controlId) return { controlId, message: fieldMessage(serverMessage, error.field) };
  }
  if (error instanceof RequestError && error.code === 'FORBIDDEN') {
    return { controlId: null, message: 'Your account may not record this: only a therapist of the clinic records sessions.' };
  }
  return { controlId: null, message: messageOf(error) };
}

/** Props that tie an input to its error message (aria-invalid, aria-describedby), when it has one. */
export function errorProps(controlId: string, error: FormError | null): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error?.controlId === controlId ? { 'aria-invalid': true, 'aria-describedby': `${controlId}-error` } : {};
}

/**
 * Idempotency keys per submission: a retry of the same input (after a network
 * failure) sends the same key, so the server records it once; changed input is
 * a new submission with a new key (the server would call a reused key a CONFLICT).
 */
export function createKeyRing(): { keyFor(input: unknown): string } {
  let last: { json: string; key: string } | null = null;
  return {
    keyFor(input: unknown) {
      const json = JSON.stringify(input);
      if (last?.json !== json) last = { json, key: randomKey() };
      return last.key;
    },
  };
}

function randomKey(): string {
  // getRandomValues works outside secure contexts too (randomUUID does not).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
