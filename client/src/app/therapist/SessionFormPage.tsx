import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import {
  type Attendance,
  type Modality,
  RecordSessionDocument,
  SessionFormDocument,
  type SessionFormQuery,
  type Side,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { FieldError } from '../forms/FieldError';
import { createKeyRing, errorProps, type FormError, formErrorOf } from '../forms/field-errors';
import { modalityLabels, sessionPressureLabels } from '../labels';
import { Link, useRouter } from '../router';
import { ErrorMessage, Loading } from '../status';
import { BodyMap, parsePickKey, pickKey, pickLabel, type RegionPick } from './BodyMap';
import { QuestionnaireFields } from './QuestionnaireFields';
import { acknowledgeControlId, RedFlagAcknowledgement, SafetyAlert } from './SafetyAlert';
import { buildSessionInput, controlIds, measurementRowProblem, type SessionDraft } from './session-input';

/** The pain scale recorded per region on the form. */
const painMeasureCode = 'NPRS';

const attendanceLabels: Record<Attendance, string> = { ATTENDED: 'Attended', CANCELLED: 'Cancelled', NO_SHOW: 'No-show' };

/** Now, as a `datetime-local` value in the browser's time. */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function emptyDraft(plannedMinutes: number): SessionDraft {
  return {
    startedAt: localNow(),
    durationMinutes: String(plannedMinutes),
    attendance: 'ATTENDED',
    modalities: [],
    pressure: '',
    regions: [],
    pain: {},
    measurements: [],
    questionnaire: null,
    soap: { subjective: '', objective: '', assessment: '', plan: '' },
  };
}

/** The appointment a session is recorded for (from the calendar): linked, and its start fills the form's. */
export interface AppointmentRef {
  id: string;
  startsAt: string | null;
}

/** An instant as a `datetime-local` value in the browser's time. */
function localInput(iso: string): string {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export default function SessionFormPage({
  seriesId,
  appointment = null,
}: {
  seriesId: string;
  timeZone: string | undefined;
  appointment?: AppointmentRef | null;
}) {
  const query = useQuery(SessionFormDocument, { seriesId });
  if (query.status === 'loading') return <Loading>Loading the form…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <SessionForm data={query.data} appointment={appointment} />;
}

/** Records one visit: what was done, where, how it felt before and after, and the SOAP notes. */
export function SessionForm({ data, appointment = null }: { data: SessionFormQuery; appointment?: AppointmentRef | null }) {
  const { series } = data;
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<SessionDraft>(() => {
    const draft = emptyDraft(series.plannedMinutesPerSession);
    return appointment?.startsAt ? { ...draft, startedAt: localInput(appointment.startsAt) } : draft;
  });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [reviewedRedFlags, setReviewedRedFlags] = useState(false);
  const redFlags = series.client.unresolvedRedFlags;
  const keys = useRef(createKeyRing());
  const summary = useRef<HTMLDivElement>(null);
  const rowIds = useRef(0);
  const regionNames = useMemo(() => new Map(data.bodyRegions.map((r) => [r.code, r.name])), [data.bodyRegions]);
  const otherMeasures = data.measures.filter((m) => m.kind !== 'PAIN' && m.kind !== 'QUESTIONNAIRE');
  const suggested = new Set(series.condition.suggestedMeasureCodes);
  const instruments = [...data.instruments].sort(
    (a, b) =>
      Number(series.condition.suggestedInstrumentCodes.includes(b.code)) -
      Number(series.condition.suggestedInstrumentCodes.includes(a.code)),
  );
  const instrument = draft.questionnaire ? data.instruments.find((i) => i.code === draft.questionnaire?.instrumentCode) : undefined;
  const pain = data.measures.find((m) => m.code === painMeasureCode);

  // After a refused submission, take the person to what needs fixing.
  useEffect(() => {
    if (!error) return;
    const target = error.controlId ? document.getElementById(error.controlId) : summary.current;
    target?.focus();
  }, [error]);

  const update = (change: Partial<SessionDraft>) => setDraft((current) => ({ ...current, ...change }));
  const toggleRegion = (pick: RegionPick) => {
    const key = pickKey(pick);
    setDraft((current) => ({
      ...current,
      regions: current.regions.includes(key) ? current.regions.filter((k) => k !== key) : [...current.regions, key],
    }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = buildSessionInput(draft, series.id, {
      painMeasureCode,
      instrumentItems: (code) => data.instruments.find((i) => i.code === code)?.items ?? [],
    });
    const linked = appointment ? { ...built.input, appointmentId: appointment.id } : built.input;
    const input = redFlags.length > 0 ? { ...linked, acknowledgeRedFlags: reviewedRedFlags } : linked;
    const controls = new Map([...built.controls, ['acknowledgeRedFlags', acknowledgeControlId]]);
    const problem = measurementRowProblem(draft.measurements, (code) => data.measures.find((m) => m.code === code)?.requiresSide ?? false);
    if (problem) {
      setError(problem);
      return;
    }
    setSending(true);
    setError(null);
    try {
      await request(RecordSessionDocument, { input, idempotencyKey: keys.current.keyFor(input) });
      navigate(`/clients/${encodeURIComponent(series.client.id)}/series/${encodeURIComponent(series.id)}?recorded=1`);
    } catch (failure) {
      setError(formErrorOf(failure, controls));
      setSending(false);
    }
  }

  const attended = draft.attendance === 'ATTENDED';
  return (
    <form className="panel session-form" onSubmit={submit} noValidate>
      <p className="breadcrumb">
        <Link to={`/clients/${encodeURIComponent(series.client.id)}/series/${encodeURIComponent(series.id)}`}>
          ← {series.client.displayName}: {series.condition.name}
        </Link>
      </p>
      <h1>Record a session</h1>
      <SafetyAlert redFlags={redFlags} contraindications={series.client.contraindications} />
      {/* Only a visit that takes place needs the review; a cancellation or no-show treats nobody. */}
      {redFlags.length > 0 && draft.attendance === 'ATTENDED' && (
        <RedFlagAcknowledgement checked={reviewedRedFlags} onChange={setReviewedRedFlags} error={error} />
      )}
      <div ref={summary} tabIndex={-1}>
        {error && error.controlId === null && <ErrorMessage message={error.message} />}
        {error?.controlId && <p className="status status-error">The session was not recorded: one detail needs changing (marked below).</p>}
      </div>

      <fieldset>
        <legend>Visit</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={controlIds.startedAt}>Start</label>
            <input
              id={controlIds.startedAt}
              type="datetime-local"
              required
              value={draft.startedAt}
              onChange={(e) => update({ startedAt: e.target.value })}
              {...errorProps(controlIds.startedAt, error)}
            />
            <FieldError controlId={controlIds.startedAt} error={error} />
          </div>
          <div className="field">
            <label htmlFor={controlIds.durationMinutes}>Hands-on minutes</label>
            <input
              id={controlIds.durationMinutes}
              type="number"
              inputMode="numeric"
              min={0}
              max={480}
              value={draft.durationMinutes}
              onChange={(e) => update({ durationMinutes: e.target.value })}
              {...errorProps(controlIds.durationMinutes, error)}
            />
            <FieldError controlId={controlIds.durationMinutes} error={error} />
          </div>
        </div>
        <fieldset id={controlIds.attendance} tabIndex={-1} className="choices" {...errorProps(controlIds.attendance, error)}>
          <legend>Attendance</legend>
          {(Object.keys(attendanceLabels) as Attendance[]).map((a) => (
            <label key={a} className="choice">
              <input
                type="radio"
                name="attendance"
                value={a}
                checked={draft.attendance === a}
                // A visit that did not take place has no hands-on minutes.
                onChange={() => update({ attendance: a, ...(a === 'ATTENDED' ? {} : { durationMinutes: '0' }) })}
              />
              {attendanceLabels[a]}
            </label>
          ))}
          <FieldError controlId={controlIds.attendance} error={error} />
        </fieldset>
      </fieldset>

      {attended && (
        <>
          <fieldset id={controlIds.modalities} tabIndex={-1} className="choices" {...errorProps(controlIds.modalities, error)}>
            <legend>Techniques</legend>
            {(Object.keys(modalityLabels) as Modality[]).map((m) => (
              <label key={m} className="choice">
                <input
                  type="checkbox"
                  checked={draft.modalities.includes(m)}
                  onChange={(e) =>
                    update({ modalities: e.target.checked ? [...draft.modalities, m] : draft.modalities.filter((x) => x !== m) })
                  }
                />
                {modalityLabels[m]}
              </label>
            ))}
            <FieldError controlId={controlIds.modalities} error={error} />
          </fieldset>

          <fieldset id={controlIds.pressure} tabIndex={-1} className="choices" {...errorProps(controlIds.pressure, error)}>
            <legend>Pressure</legend>
            {sessionPressureLabels.map((label, i) => (
              <label key={label} className="choice">
                <input
                  type="radio"
                  name="pressure"
                  value={String(i + 1)}
                  checked={draft.pressure === String(i + 1)}
                  onChange={() => update({ pressure: String(i + 1) })}
                />
                {label}
              </label>
            ))}
            <FieldError controlId={controlIds.pressure} error={error} />
          </fieldset>

          <fieldset id={controlIds.regions} tabIndex={-1} {...errorProps(controlIds.regions, error)}>
            <legend>Regions treated</legend>
            <p className="hint" id="body-map-hint">
              Choose each area on the map: click it, or Tab to the map, move with the arrow keys (or type the first letters of a name) and
              press Space or Enter. Both sides of a region count as both.
            </p>
            <BodyMap regions={data.bodyRegions} selected={new Set(draft.regions)} onToggle={toggleRegion} describedBy="body-map-hint" />
            <FieldError controlId={controlIds.regions} error={error} />
          </fieldset>

          <fieldset>
            <legend>Pain before and after ({pain ? `${pain.name}, ${pain.min}-${pain.max}` : painMeasureCode})</legend>
            {draft.regions.length === 0 ? (
              <p className="hint">Choose regions on the map to record their pain.</p>
            ) : (
              <table className="entry-table">
                <thead>
                  <tr>
                    <th scope="col">Region</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {draft.regions.map((key) => {
                    const pick = parsePickKey(key);
                    const name = pickLabel(pick, regionNames.get(pick.code) ?? pick.code);
                    return (
                      <tr key={key}>
                        <th scope="row">{name}</th>
                        {(['pre', 'post'] as const).map((moment) => {
                          const id = controlIds.pain(key, moment);
                          return (
                            <td key={moment}>
                              <input
                                id={id}
                                type="number"
                                inputMode="decimal"
                                min={pain?.min}
                                max={pain?.max}
                                aria-label={`${name}, pain ${moment === 'pre' ? 'before' : 'after'}`}
                                value={draft.pain[key]?.[moment] ?? ''}
                                onChange={(e) =>
                                  update({
                                    pain: {
                                      ...draft.pain,
                                      [key]: { ...(draft.pain[key] ?? { pre: '', post: '' }), [moment]: e.target.value },
                                    },
                                  })
                                }
                                {...errorProps(id, error)}
                              />
                              <FieldError controlId={id} error={error} />
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </fieldset>

          <fieldset>
            <legend>Range of motion and other measurements</legend>
            {draft.measurements.map((row) => {
              const measure = otherMeasures.find((m) => m.code === row.measureCode);
              const set = (change: Partial<typeof row>) =>
                update({ measurements: draft.measurements.map((r) => (r.id === row.id ? { ...r, ...change } : r)) });
              return (
                <div key={row.id} className="measurement-row">
                  <div className="field">
                    <label htmlFor={controlIds.measurement(row.id, 'measure')}>Measure</label>
                    <select
                      id={controlIds.measurement(row.id, 'measure')}
                      value={row.measureCode}
                      onChange={(e) => set({ measureCode: e.target.value })}
                      {...errorProps(controlIds.measurement(row.id, 'measure'), error)}
                    >
                      {otherMeasures.map((m) => (
                        <option key={m.code} value={m.code}>
                          {m.name}
                          {suggested.has(m.code) ? ' (suggested)' : ''}
                        </option>
                      ))}
                    </select>
                    <FieldError controlId={controlIds.measurement(row.id, 'measure')} error={error} />
                  </div>
                  {measure?.requiresSide && (
                    <div className="field">
                      <label htmlFor={controlIds.measurement(row.id, 'side')}>Side</label>
                      <select
                        id={controlIds.measurement(row.id, 'side')}
                        value={row.side}
                        onChange={(e) => set({ side: e.target.value as Side | '' })}
                        {...errorProps(controlIds.measurement(row.id, 'side'), error)}
                      >
                        <option value="">Choose</option>
                        <option value="LEFT">Left</option>
                        <option value="RIGHT">Right</option>
                      </select>
                      <FieldError controlId={controlIds.measurement(row.id, 'side')} error={error} />
                    </div>
                  )}
                  {(['pre', 'post'] as const).map((moment) => {
                    const id = controlIds.measurement(row.id, moment);
                    return (
                      <div className="field" key={moment}>
                        <label htmlFor={id}>
                          {moment === 'pre' ? 'Before' : 'After'} ({measure?.unitLabel})
                        </label>
                        <input
                          id={id}
                          type="number"
                          inputMode="decimal"
                          min={measure?.min}
                          max={measure?.max}
                          value={row[moment]}
                          onChange={(e) => set({ [moment]: e.target.value })}
                          {...errorProps(id, error)}
                        />
                        <FieldError controlId={id} error={error} />
                      </div>
                    );
                  })}
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => update({ measurements: draft.measurements.filter((r) => r.id !== row.id) })}
                  >
                    Remove
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                rowIds.current += 1;
                const first = otherMeasures.find((m) => suggested.has(m.code)) ?? otherMeasures[0];
                update({
                  measurements: [
                    ...draft.measurements,
                    { id: `m${rowIds.current}`, measureCode: first?.code ?? '', side: '', pre: '', post: '' },
                  ],
                });
              }}
            >
              Add a measurement
            </button>
          </fieldset>

          <fieldset>
            <legend>Questionnaire at this visit</legend>
            <label className="field">
              Questionnaire
              <select
                value={draft.questionnaire?.instrumentCode ?? ''}
                onChange={(e) => update({ questionnaire: e.target.value ? { instrumentCode: e.target.value, answers: {} } : null })}
              >
                <option value="">None</option>
                {instruments.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.name}
                    {series.condition.suggestedInstrumentCodes.includes(i.code) ? ' (suggested)' : ''}
                  </option>
                ))}
              </select>
            </label>
            {instrument && draft.questionnaire && (
              <QuestionnaireFields
                instrument={instrument}
                draft={draft.questionnaire}
                onChange={(questionnaire) => update({ questionnaire })}
                error={error}
              />
            )}
          </fieldset>
        </>
      )}

      <fieldset>
        <legend>SOAP notes (staff only)</legend>
        {(
          [
            ['subjective', 'Subjective: what the client reports'],
            ['objective', 'Objective: what you found and did'],
            ['assessment', 'Assessment'],
            ['plan', 'Plan'],
          ] as const
        ).map(([part, label]) => (
          <div className="field" key={part}>
            <label htmlFor={controlIds.soap(part)}>{label}</label>
            <textarea
              id={controlIds.soap(part)}
              rows={3}
              value={draft.soap[part]}
              onChange={(e) => update({ soap: { ...draft.soap, [part]: e.target.value } })}
              {...errorProps(controlIds.soap(part), error)}
            />
            <FieldError controlId={controlIds.soap(part)} error={error} />
          </div>
        ))}
      </fieldset>

      <button type="submit" className="button" disabled={sending}>
        {sending ? 'Recording…' : 'Record the session'}
      </button>
    </form>
  );
}
