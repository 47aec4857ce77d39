import { useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import { CalendarDocument, type CalendarQuery, ClinicTherapistsDocument, MarkAppointmentDocument } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { todayIn } from '../format';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { appointmentStatusLabels } from './appointment-labels';
import './calendar.css';

type View = 'day' | 'week';
type Appointment = CalendarQuery['calendar'][number];

/** Midnight at the start of a local date in the browser, from YYYY-MM-DD. */
function dayStart(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The Monday of the week holding `date`. */
function mondayOf(date: Date): Date {
  const monday = new Date(date);
  monday.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return monday;
}

function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(date.getDate() + days);
  return next;
}

/** The server takes a session's start up to a day ahead of its clock, no further (checkClinicalTime, server/src/common/validate.ts). */
const recordingHorizonMs = 24 * 3600 * 1000;

/**
 * Whether the visit of an appointment can be recorded from the calendar: one booked or attended, with no visit yet,
 * whose day has come in the clinic. Every start of the clinic's today lies within the server's day ahead except late
 * on a 25-hour day when the clocks go back, so the server's bound is checked as well.
 */
export function canRecordVisit(
  a: Pick<Appointment, 'status' | 'sessionId' | 'localDate' | 'startsAt'>,
  timeZone: string | undefined,
  now = new Date(),
): boolean {
  if (a.sessionId || (a.status !== 'BOOKED' && a.status !== 'ATTENDED')) return false;
  return a.localDate <= todayIn(timeZone, now) && Date.parse(a.startsAt) <= now.getTime() + recordingHorizonMs;
}

/**
 * The therapist's calendar: a day or a week of appointments, each with its status as a word, a shape and a colour,
 * and a link to record the visit. The admin chooses any therapist's calendar, or every therapist's.
 */
export default function CalendarPage({
  timeZone,
  isAdmin,
  canRecord,
}: {
  timeZone: string | undefined;
  isAdmin: boolean;
  canRecord: boolean;
}) {
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(() => isoDay(new Date()));
  const [therapistId, setTherapistId] = useState<string | null>(null);
  const first = view === 'week' ? mondayOf(dayStart(anchor)) : dayStart(anchor);
  const days = view === 'week' ? 7 : 1;
  const range = { from: first.toISOString(), to: addDays(first, days).toISOString(), therapistId };
  const query = useQuery(CalendarDocument, range);
  const dayNames = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
  const step = (sign: number) => setAnchor(isoDay(addDays(dayStart(anchor), sign * days)));
  return (
    <section className="panel calendar" aria-labelledby="calendar-title">
      <h1 id="calendar-title">Calendar</h1>
      <div className="calendar-controls">
        <fieldset className="calendar-view">
          <legend>View</legend>
          {(['day', 'week'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="calendar-view" checked={view === v} onChange={() => setView(v)} /> {v === 'day' ? 'Day' : 'Week'}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button button-secondary" onClick={() => step(-1)}>
          ← Previous {view}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAnchor(isoDay(new Date()))}>
          Today
        </button>
        <button type="button" className="button button-secondary" onClick={() => step(1)}>
          Next {view} →
        </button>
        {isAdmin && <TherapistPicker value={therapistId} onChange={setTherapistId} />}
      </div>
      {query.status === 'loading' && <Loading>Loading the calendar…</Loading>}
      {query.status === 'error' && <ErrorMessage message={query.message} onRetry={query.retry} />}
      {query.status === 'success' && (
        <div className={`calendar-grid calendar-${view}`}>
          {Array.from({ length: days }, (_, i) => addDays(first, i)).map((day) => {
            // Grouped by the date in the clinic, as the server gives it.
            const items = query.data.calendar.filter((a) => a.localDate === isoDay(day));
            return (
              <section key={isoDay(day)} className="calendar-day" aria-label={dayNames.format(day)}>
                <h2>{dayNames.format(day)}</h2>
                {items.length === 0 ? (
                  <p className="calendar-empty">No appointments</p>
                ) : (
                  <ul>
                    {items.map((a) => (
                      <AppointmentItem
                        key={a.id}
                        appointment={a}
                        timeZone={timeZone}
                        canRecord={canRecord}
                        showTherapist={isAdmin}
                        onChange={query.retry}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

function TherapistPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const query = useQuery(ClinicTherapistsDocument, {});
  if (query.status !== 'success') return null;
  return (
    <label className="calendar-therapist">
      Therapist{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Every therapist</option>
        {query.data.clinicTherapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.givenName} {t.familyName}
          </option>
        ))}
      </select>
    </label>
  );
}

function AppointmentItem({
  appointment: a,
  timeZone,
  canRecord,
  showTherapist,
  onChange,
}: {
  appointment: Appointment;
  timeZone: string | undefined;
  canRecord: boolean;
  showTherapist: boolean;
  onChange: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const times = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
  const status = appointmentStatusLabels[a.status];
  const started = new Date(a.startsAt).getTime() <= Date.now();
  const recordPath = `/sessions/new?series=${encodeURIComponent(a.seriesId)}&appointment=${encodeURIComponent(a.id)}&at=${encodeURIComponent(a.startsAt)}`;
  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
      onChange();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }
  return (
    <li className={`appointment appointment-${a.status.toLowerCase()}`}>
      <span className="appointment-time">
        {times.format(new Date(a.startsAt))}–{times.format(new Date(a.endsAt))}
      </span>{' '}
      <span className="appointment-status">
        <span aria-hidden="true">{status.mark}</span> {status.label}
        {a.lateCancellation ? ' (late)' : ''}
      </span>{' '}
      <Link to={`/clients/${encodeURIComponent(a.client.id)}/series/${encodeURIComponent(a.seriesId)}`}>{a.client.displayName}</Link>
      {showTherapist && (
        <span className="appointment-therapist">
          {' '}
          with {a.therapist.givenName} {a.therapist.familyName}
        </span>
      )}
      {a.needsSession && <span className="appointment-flag"> · notes to write</span>}
      {a.cancelRequestedAt && a.status === 'BOOKED' && (
        <span className="appointment-flag"> · the client asked to cancel{a.cancelRequestReason ? `: “${a.cancelRequestReason}”` : ''}</span>
      )}
      {canRecord && canRecordVisit(a, timeZone) && (
        <>
          {' '}
          <Link to={recordPath} className="appointment-record">
            Record the session
            <span className="visually-hidden">
              {' '}
              of {a.client.displayName} at {times.format(new Date(a.startsAt))}
            </span>
          </Link>
        </>
      )}
      {a.status === 'BOOKED' && started && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => act(() => request(MarkAppointmentDocument, { id: a.id, status: 'NO_SHOW' }))}
        >
          Mark no-show
        </button>
      )}
      {error && (
        <span role="alert" className="form-error">
          {error}
        </span>
      )}
    </li>
  );
}
