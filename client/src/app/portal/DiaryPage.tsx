import { type FormEvent, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import {
  MyProgressDocument,
  type MyProgressQuery,
  RecordDiaryEntryDocument,
  type RecordObservationInput,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { FieldError } from '../forms/FieldError';
import { createKeyRing, errorProps, type FormError, formErrorOf } from '../forms/field-errors';
import { ErrorMessage, Loading } from '../status';
import { DiaryEntries } from './DiaryEntries';

const diaryMeasureCode = 'NPRS';
const valueId = 'diary-value';
const regionId = 'diary-region';

/** Where it hurts: the areas the client's own pain has been recorded for first, then every area of the body map. */
export function diaryPlaces(data: MyProgressQuery): { key: string; label: string }[] {
  const label = (code: string, side: string | null) => {
    const name = data.bodyRegions.find((r) => r.code === code)?.name ?? code;
    return side ? `${side === 'LEFT' ? 'Left' : 'Right'} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
  };
  const seen = new Set<string>();
  const places: { key: string; label: string }[] = [];
  const add = (code: string, side: string | null) => {
    const key = `${code}|${side ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    places.push({ key, label: label(code, side) });
  };
  for (const series of data.viewer.client?.series ?? []) {
    for (const p of [...series.progress.measures, ...series.progress.diary]) {
      if (p.measureCode === diaryMeasureCode && p.regionCode) add(p.regionCode, p.side ?? null);
    }
  }
  for (const region of data.bodyRegions) {
    if (region.lateral) {
      add(region.code, 'LEFT');
      add(region.code, 'RIGHT');
    } else add(region.code, null);
  }
  return places;
}

/** A pain diary entry in three taps on a phone: where, how much (0-10), save. */
export function DiaryPage({ timeZone }: { timeZone: string | undefined }) {
  const query = useQuery(MyProgressDocument, {});
  // Each saved entry reloads the list below, so it shows there at once.
  const [saves, setSaves] = useState(0);
  if (query.status === 'loading') return <Loading>Loading…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return (
    <>
      <DiaryForm data={query.data} timeZone={timeZone} onSaved={() => setSaves((n) => n + 1)} />
      <DiaryEntries key={saves} measureCode={diaryMeasureCode} timeZone={timeZone} />
    </>
  );
}

function DiaryForm({ data, timeZone, onSaved }: { data: MyProgressQuery; timeZone: string | undefined; onSaved: () => void }) {
  const client = data.viewer.client;
  const places = diaryPlaces(data);
  const [place, setPlace] = useState(places[0]?.key ?? '');
  const [value, setValue] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const keys = useRef(createKeyRing());
  const pending = useRef<{ place: string; value: string; input: RecordObservationInput } | null>(null);
  const active = client?.series.find((s) => s.status === 'ACTIVE');
  const pain = data.measures.find((m) => m.code === diaryMeasureCode);
  if (!client) return <ErrorMessage message="This account is not linked to a client record. Please ask your clinic." />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!client) return;
    if (value === '') {
      setError({ controlId: valueId, message: 'Choose how much it hurts, from 0 to 10.' });
      return;
    }
    // A retry of an entry that failed to arrive resends it exactly (same time, same key), so it is stored once.
    const retry = pending.current?.place === place && pending.current.value === value ? pending.current.input : null;
    const [regionCode = '', side = ''] = place.split('|');
    const input: RecordObservationInput = retry ?? {
      clientId: client.id,
      measureCode: diaryMeasureCode,
      context: 'BETWEEN_SESSIONS',
      regionCode,
      ...(side === 'LEFT' || side === 'RIGHT' ? { side } : {}),
      ...(active ? { seriesId: active.id } : {}),
      takenAt: new Date().toISOString(),
      value: Number(value),
    };
    pending.current = { place, value, input };
    setSending(true);
    setError(null);
    setSaved(null);
    try {
      const { recordObservation } = await request(RecordDiaryEntryDocument, {
        input,
        idempotencyKey: keys.current.keyFor(input),
      });
      const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
        new Date(recordObservation.takenAt),
      );
      // Some locales' times end with a full stop already (en-CA "10:42 p.m."): one full stop, not two.
      setSaved(
        endSentence(
          `Saved: pain ${recordObservation.value} in your ${places.find((p) => p.key === place)?.label.toLowerCase()} at ${time}`,
        ),
      );
      setValue('');
      pending.current = null;
      onSaved();
    } catch (failure) {
      setError(
        formErrorOf(
          failure,
          new Map([
            ['value', valueId],
            ['regionCode', regionId],
            ['side', regionId],
          ]),
        ),
      );
    }
    setSending(false);
  }

  return (
    <form className="panel diary-form" onSubmit={submit} noValidate>
      <h1>Pain diary</h1>
      <p>How much does it hurt right now? 0 is no pain, 10 the worst pain you can imagine.</p>
      {error && error.controlId === null && <ErrorMessage message={error.message} />}
      <div className="field">
        <label htmlFor={regionId}>Where</label>
        <select id={regionId} value={place} onChange={(e) => setPlace(e.target.value)} {...errorProps(regionId, error)}>
          {places.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
        </select>
        <FieldError controlId={regionId} error={error} />
      </div>
      <fieldset id={valueId} tabIndex={-1} className="pain-scale" {...errorProps(valueId, error)}>
        <legend>How much ({pain ? `${pain.name}` : '0-10'})</legend>
        {Array.from({ length: 11 }, (_, i) => String(i)).map((v) => (
          <label key={v} className="pain-choice">
            <input type="radio" name="pain" value={v} checked={value === v} onChange={() => setValue(v)} />
            <span>{v}</span>
          </label>
        ))}
        <FieldError controlId={valueId} error={error} />
      </fieldset>
      <button type="submit" className="button diary-save" disabled={sending}>
        {sending ? 'Saving…' : 'Save'}
      </button>
      {saved && (
        <p className="status status-ok" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}

/** The text with a full stop at its end, unless it ends with one already. */
export function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
