import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage } from '../status';
import { FieldError } from './FieldError';
import { errorProps, type FormError, formErrorOf } from './field-errors';
import './corrections.css';

/** What a correction form sends; it rejects with the server's refusal, which the form shows at its input. */
export type SendCorrection<T> = (values: T) => Promise<void>;

type Mode = 'amend' | 'void';

/**
 * The correction buttons of one record and, under them, the form of the one pressed: inline rather
 * than a modal, so it works the same on a phone, by keyboard and in a screen reader. Escape or
 * Cancel closes it and gives focus back to its button.
 */
export function CorrectionActions({
  subject,
  voidLabel,
  onVoid,
  amend,
  note,
}: {
  /** What is corrected, for the buttons' accessible names and the form's heading, e.g. "Neck, before: 7/10". */
  subject: string;
  voidLabel: string;
  onVoid: SendCorrection<{ reason: string }>;
  /** The amend form of this kind of record, when it can be amended here. */
  amend?: (close: () => void) => ReactNode;
  /** Said under the buttons, e.g. why there is no amend. */
  note?: string;
}) {
  const [open, setOpen] = useState<Mode | null>(null);
  const formId = useId();
  const amendButton = useRef<HTMLButtonElement>(null);
  const voidButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    const button = open === 'amend' ? amendButton.current : voidButton.current;
    setOpen(null);
    button?.focus();
  };
  const toggle = (mode: Mode) => setOpen((current) => (current === mode ? null : mode));
  return (
    <div className="correction-actions no-print">
      <div className="correction-buttons">
        {amend && (
          <button
            ref={amendButton}
            type="button"
            className="button button-small"
            aria-expanded={open === 'amend'}
            aria-controls={formId}
            aria-label={`Amend ${subject}`}
            onClick={() => toggle('amend')}
          >
            Amend
          </button>
        )}
        <button
          ref={voidButton}
          type="button"
          className="button button-small button-danger"
          aria-expanded={open === 'void'}
          aria-controls={formId}
          aria-label={`${voidLabel}: ${subject}`}
          onClick={() => toggle('void')}
        >
          {voidLabel}
        </button>
      </div>
      {note && <p className="hint">{note}</p>}
      <div id={formId}>
        {open === 'amend' && amend?.(close)}
        {open === 'void' && <VoidForm subject={subject} title={voidLabel} onSend={onVoid} onClose={close} />}
      </div>
    </div>
  );
}

/** Field paths the server may name for a correction's inputs: bare, or under the mutation's `input`. */
function controlsFor(entries: [string, string][]): Map<string, string> {
  return new Map(entries.flatMap(([field, id]) => [[field, id] as [string, string], [`input.${field}`, id] as [string, string]]));
}

/** A correction form's state: sending, the error and where it goes, focus moved to what needs fixing. */
function useCorrectionForm() {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) (error.controlId ? document.getElementById(error.controlId) : summary.current)?.focus();
  }, [error]);
  return { sending, setSending, error, setError, summary };
}

function ReasonField({
  id,
  error,
  value,
  onChange,
}: {
  id: string;
  error: FormError | null;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Reason (kept with the record)</label>
      <textarea id={id} rows={2} required value={value} onChange={(e) => onChange(e.target.value)} {...errorProps(id, error)} />
      <FieldError controlId={id} error={error} />
    </div>
  );
}

const reasonRequired = (controlId: string): FormError => ({ controlId, message: 'Give a reason: it is kept with the record.' });

/** Escape closes the form as Cancel does. */
const escapeCloses = (onClose: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    onClose();
  }
};

/** Marks a record entered in error: it stays, struck through, with this reason. */
export function VoidForm({
  subject,
  title,
  onSend,
  onClose,
  explanation,
}: {
  subject: string;
  title: string;
  onSend: SendCorrection<{ reason: string }>;
  onClose: () => void;
  explanation?: string;
}) {
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const form = useCorrectionForm();
  useEffect(() => document.getElementById(reasonId)?.focus(), [reasonId]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return form.setError(reasonRequired(reasonId));
    form.setSending(true);
    form.setError(null);
    try {
      await onSend({ reason: reason.trim() });
    } catch (failure) {
      form.setError(formErrorOf(failure, controlsFor([['reason', reasonId]])));
      form.setSending(false);
    }
  }

  return (
    <form className="correction-form" aria-label={`${title}: ${subject}`} onSubmit={submit} onKeyDown={escapeCloses(onClose)} noValidate>
      <p className="correction-title">
        <strong>{title}</strong>: {subject}
      </p>
      {explanation && <p className="hint">{explanation}</p>}
      <div ref={form.summary} tabIndex={-1}>
        {form.error && form.error.controlId === null && <ErrorMessage message={form.error.message} />}
      </div>
      <ReasonField id={reasonId} error={form.error} value={reason} onChange={setReason} />
      <p className="actions">
        <button type="submit" className="button button-danger" disabled={form.sending}>
          {form.sending ? 'Saving…' : `Confirm: ${title.toLowerCase()}`}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
      </p>
    </form>
  );
}

/** Amends a measured value: the new value and why; the earlier value is kept as a revision. */
export function AmendValueForm({
  subject,
  current,
  measure,
  onSend,
  onClose,
}: {
  subject: string;
  current: number;
  measure: { min: number; max: number; decimals: number; unitLabel: string };
  onSend: SendCorrection<{ value: number; reason: string }>;
  onClose: () => void;
}) {
  const valueId = useId();
  const reasonId = useId();
  const [value, setValue] = useState(String(current));
  const [reason, setReason] = useState('');
  const form = useCorrectionForm();
  const valueInput = useRef<HTMLInputElement>(null);
  useEffect(() => valueInput.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(number)) return form.setError({ controlId: valueId, message: 'Enter the corrected value as a number.' });
    if (!reason.trim()) return form.setError(reasonRequired(reasonId));
    form.setSending(true);
    form.setError(null);
    try {
      await onSend({ value: number, reason: reason.trim() });
    } catch (failure) {
      form.setError(
        formErrorOf(
          failure,
          controlsFor([
            ['value', valueId],
            ['reason', reasonId],
            // "changes nothing" names the whole input: the value is what to change.
            ['input', valueId],
          ]),
        ),
      );
      form.setSending(false);
    }
  }

  return (
    <form className="correction-form" aria-label={`Amend ${subject}`} onSubmit={submit} onKeyDown={escapeCloses(onClose)} noValidate>
      <p className="correction-title">
        <strong>Amend</strong>: {subject}
      </p>
      <div ref={form.summary} tabIndex={-1}>
        {form.error && form.error.controlId === null && <ErrorMessage message={form.error.message} />}
      </div>
      <div className="field">
        <label htmlFor={valueId}>
          Corrected value ({measure.min}-{measure.max}
          {measure.unitLabel.startsWith('/') ? '' : ` ${measure.unitLabel}`})
        </label>
        <input
          ref={valueInput}
          id={valueId}
          type="number"
          inputMode="decimal"
          min={measure.min}
          max={measure.max}
          step={measure.decimals > 0 ? 10 ** -measure.decimals : 1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          {...errorProps(valueId, form.error)}
        />
        <FieldError controlId={valueId} error={form.error} />
      </div>
      <ReasonField id={reasonId} error={form.error} value={reason} onChange={setReason} />
      <p className="actions">
        <button type="submit" className="button" disabled={form.sending}>
          {form.sending ? 'Saving…' : 'Save the amendment'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
      </p>
    </form>
  );
}
