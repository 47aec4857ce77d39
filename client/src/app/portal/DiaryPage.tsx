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
import { type DiaryWhen, dateIn, diaryInstant } from './diary-time';
import { painScaleEnds, plainName } from './plain-language';

const diaryMeasureCode = 'NPRS';
const valueId = 'diary-value';
const regionId = 'diary-region';
const whenId = 'diary-when';
const timeId = 'diary-time';
const noteId = 'diary-note';
const scaleHintId = 'diary-scale-ends';
/** The server's limit on a note (observation.note). */
const noteLength = 280;

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
  const [when, setWhen] = useState<DiaryWhen>('NOW');
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const keys = useRef(createKeyRing());
  const pending = useRef<{ form: string; input: RecordObservationInput } | null>(null);
  const active = client?.series.find((s) => s.status === 'ACTIVE');
  const pain = data.measures.find((m) => m.code === diaryMeasureCode);
  if (!client) return <ErrorMessage message="This account is not linked to a client record. Please ask your clinic." />;
  const browserZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!client) return;
    if (value === '') {
      setError({ controlId: valueId, message: 'Choose how much it hurts, from 0 to 10.' });
      return;
    }
    const form = JSON.stringify({ place, value, when, time, note });
    // A retry of an entry that failed to arrive resends it exactly (same time, same key), so it is stored once.
    const retry = pending.current?.form === form ? pending.current.input : null;
    let input: RecordObservationInput;
    if (retry) input = retry;
    else {
      const instant = diaryInstant(when, time, timeZone);
      if ('problem' in instant) {
        setError({ controlId: timeId, message: instant.problem });
        return;
      }
      const [regionCode = '', side = ''] = place.split('|');
      input = {
        clientId: client.id,
        measureCode: diaryMeasureCode,
        context: 'BETWEEN_SESSIONS',
        regionCode,
        ...(side === 'LEFT' || side === 'RIGHT' ? { side } : {}),
        ...(active ? { seriesId: active.id } : {}),
        takenAt: new Date(instant.at).toISOString(),
        value: Number(value),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
    }
    pending.current = { form, input };
    setSending(true);
    setError(null);
    setSaved(null);
    try {
      const { recordObservation } = await request(RecordDiaryEntryDocument, {
        input,
        idempotencyKey: keys.current.keyFor(input),
      });
      const takenAt = new Date(recordObservation.takenAt);
      const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(takenAt);
      const yesterday = dateIn(Date.now() - 24 * 3600_000, timeZone);
      const day = dateIn(takenAt.getTime(), timeZone) === yesterday && yesterday !== dateIn(Date.now(), timeZone) ? 'yesterday ' : '';
      // Some locales' times end with a full stop already (en-CA "10:42 p.m."): one full stop, not two.
      setSaved(
        endSentence(
          `Saved: pain ${recordObservation.value} out of 10 in your ${places.find((p) => p.key === place)?.label.toLowerCase()} ${day}at ${clock}`,
        ),
      );
      setValue('');
      setNote('');
      setWhen('NOW');
      setTime('');
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
            ['takenAt', when === 'NOW' ? whenId : timeId],
            ['note', noteId],
          ]),
        ),
      );
    }
    setSending(false);
  }

  return (
    <form className="panel diary-form" onSubmit={submit} noValidate>
      <h1>Pain diary</h1>
      <p>How much does it hurt? {painScaleEnds}</p>
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
      <fieldset
        id={valueId}
        tabIndex={-1}
        className="pain-scale"
        aria-describedby={error?.controlId === valueId ? `${valueId}-error` : scaleHintId}
        aria-invalid={error?.controlId === valueId || undefined}
      >
        <legend>How much ({pain ? plainName(pain.name) : '0 to 10'})</legend>
        {Array.from({ length: 11 }, (_, i) => String(i)).map((v) => (
          <label key={v} className="pain-choice">
            <input type="radio" name="pain" value={v} checked={value === v} onChange={() => setValue(v)} />
            <span>{v}</span>
          </label>
        ))}
        <p id={scaleHintId} className="hint pain-ends">
          <span>0: no pain at all</span>
          <span>10: the worst pain you can imagine</span>
        </p>
        <FieldError controlId={valueId} error={error} />
      </fieldset>
      <fieldset id={whenId} tabIndex={-1} className="diary-when" {...errorProps(whenId, error)}>
        <legend>When</legend>
        {(
          [
            ['NOW', 'Now'],
            ['TODAY', 'Earlier today'],
            ['YESTERDAY', 'Yesterday'],
          ] as const
        ).map(([code, label]) => (
          <label key={code} className="choice">
            <input type="radio" name="when" value={code} checked={when === code} onChange={() => setWhen(code)} /> {label}
          </label>
        ))}
        <FieldError controlId={whenId} error={error} />
      </fieldset>
      {when !== 'NOW' && (
        <div className="field">
          <label htmlFor={timeId}>At what time {when === 'TODAY' ? 'today' : 'yesterday'}</label>
          <input id={timeId} type="time" value={time} onChange={(e) => setTime(e.target.value)} required {...errorProps(timeId, error)} />
          {timeZone && timeZone !== browserZone && <p className="hint">Your clinic’s time ({timeZone.replace(/_/g, ' ')}).</p>}
          <FieldError controlId={timeId} error={error} />
        </div>
      )}
      <div className="field">
        <label htmlFor={noteId}>Note (optional)</label>
        <textarea
          id={noteId}
          value={note}
          maxLength={noteLength}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={error?.controlId === noteId ? `${noteId}-error` : `${noteId}-hint`}
          aria-invalid={error?.controlId === noteId || undefined}
        />
        <p id={`${noteId}-hint`} className="hint">
          A few words for you and your therapist, for example what you were doing. Up to {noteLength} characters ({noteLength - note.length}{' '}
          left).
        </p>
        <FieldError controlId={noteId} error={error} />
      </div>
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
