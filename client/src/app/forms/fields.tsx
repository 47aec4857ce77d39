import type { InputHTMLAttributes, ReactNode, RefObject } from 'react';
import { ErrorMessage } from '../status';
import { FieldError } from './FieldError';
import { errorProps, type FormError } from './field-errors';

/** Above a form: a refusal that belongs to no single input, or a pointer to the one marked below. */
export function FormProblem({
  error,
  summary,
  what,
}: {
  error: FormError | null;
  summary: RefObject<HTMLDivElement | null>;
  what: string;
}) {
  return (
    <div ref={summary} tabIndex={-1}>
      {error && error.controlId === null && <ErrorMessage message={error.message} />}
      {error?.controlId && <p className="status status-error">{what} One detail needs changing (marked below).</p>}
    </div>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error: FormError | null;
  hint?: string;
}

function describedBy(id: string, hint: string | undefined, error: FormError | null): { 'aria-describedby'?: string } {
  const ids = [hint ? `${id}-hint` : '', error?.controlId === id ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? { 'aria-describedby': ids.join(' ') } : {};
}

/** A labelled one-line input with its hint and the server's message about it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  ...rest
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
        {...errorProps(id, error)}
        {...describedBy(id, hint, error)}
      />
      <FieldError controlId={id} error={error} />
    </div>
  );
}

/** A labelled multi-line input. */
export function TextAreaField({ id, label, value, onChange, error, hint, rows = 3 }: FieldProps & { rows?: number }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...errorProps(id, error)}
        {...describedBy(id, hint, error)}
      />
      <FieldError controlId={id} error={error} />
    </div>
  );
}

/** A labelled select of `[value, label]` options. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  options,
}: FieldProps & { options: readonly (readonly [string, string])[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...errorProps(id, error)} {...describedBy(id, hint, error)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <FieldError controlId={id} error={error} />
    </div>
  );
}

/** A checkbox with its label beside it, and the server's message under it. */
export function CheckField({
  id,
  label,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: FormError | null;
}) {
  return (
    <div className="check-field">
      <label className="choice" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...errorProps(id, error)} />
        {label}
      </label>
      <FieldError controlId={id} error={error} />
    </div>
  );
}

/** One choice of several as radio buttons in a fieldset; '' is "not given" when `none` names it. */
export function RadioField<T extends string>({
  id,
  legend,
  value,
  onChange,
  error,
  labels,
  none,
}: {
  id: string;
  legend: string;
  value: T | '';
  onChange: (value: T | '') => void;
  error: FormError | null;
  labels: Record<T, string>;
  none?: string;
}) {
  const options: [T | '', string][] = [...(none ? [['', none] as [T | '', string]] : []), ...(Object.entries(labels) as [T, string][])];
  return (
    <fieldset id={id} tabIndex={-1} className="choices" {...errorProps(id, error)}>
      <legend>{legend}</legend>
      {options.map(([v, text]) => (
        <label key={v || 'none'} className="choice">
          <input type="radio" name={id} value={v} checked={value === v} onChange={() => onChange(v)} />
          {text}
        </label>
      ))}
      <FieldError controlId={id} error={error} />
    </fieldset>
  );
}

/**
 * A list of short texts (red flags, contraindications): one input per item, added
 * and removed with buttons; item i has the id `${id}-${i}` so `redFlags[i]` errors land on it.
 */
export function TextListField({
  id,
  legend,
  itemLabel,
  items,
  onChange,
  error,
  hint,
}: {
  id: string;
  legend: string;
  itemLabel: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  error: FormError | null;
  hint?: string;
}) {
  return (
    <fieldset id={id} tabIndex={-1} className="text-list" {...errorProps(id, error)}>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {items.length === 0 && <p className="hint">None listed.</p>}
      {items.map((item, i) => {
        const itemId = `${id}-${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in the list; their text changes as it is typed.
          <div className="list-row" key={i}>
            <TextField
              id={itemId}
              label={`${itemLabel} ${i + 1}`}
              value={item}
              maxLength={200}
              onChange={(text) => onChange(items.map((x, j) => (j === i ? text : x)))}
              error={error}
            />
            <button type="button" className="button button-secondary" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              Remove<span className="visually-hidden"> {`${itemLabel.toLowerCase()} ${i + 1}`}</span>
            </button>
          </div>
        );
      })}
      <button type="button" className="button button-secondary" onClick={() => onChange([...items, ''])}>
        Add {itemLabel.toLowerCase()}
      </button>
      <FieldError controlId={id} error={error} />
    </fieldset>
  );
}

/** Typed text as an optional input value: blank is absent. */
export function optionalText(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

/** The non-blank items of a typed list, with server field paths `${field}[i]` pointing at their inputs. */
export function listInput(field: string, id: string, items: readonly string[], controls: Map<string, string>): string[] {
  const kept: string[] = [];
  controls.set(field, id);
  items.forEach((item, i) => {
    if (item.trim() === '') return;
    controls.set(`${field}[${kept.length}]`, `${id}-${i}`);
    kept.push(item.trim());
  });
  return kept;
}
