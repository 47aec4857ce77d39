import { type FormEvent, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import {
  BookPlanDocument,
  CancelAppointmentDocument,
  DeclineAppointmentCancellationDocument,
  SeriesAppointmentsDocument,
  type SeriesAppointmentsQuery,
  type Weekday,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { FieldError } from '../forms/FieldError';
import { errorProps, type FormError, formErrorOf } from '../forms/field-errors';
import { ErrorMessage, Loading } from '../status';
import { appointmentStatusLabels, weekdayLabels } from './appointment-labels';
import './calendar.css';

const controls = new Map([
  ['weekdays', 'plan-weekdays'],
  ['time', 'plan-time'],
  ['weeks', 'plan-weeks'],
  ['firstDate', 'plan-first-date'],
  ['minutes', 'plan-minutes'],
]);

/** The series' appointments, and booking its plan ("Mon/Wed/Fri at 17:30 for 4 weeks") in one go. */
export function AppointmentsPanel({ seriesId, timeZone, canBook }: { seriesId: string; timeZone: string | undefined; canBook: boolean }) {
  const query = useQuery(SeriesAppointmentsDocument, { id: seriesId });
  // While the list reloads after a booking or a cancellation, the last answer stays on screen, and with it the form
  // and its confirmation.
  const last = useRef<SeriesAppointmentsQuery | null>(null);
  if (query.status === 'success') last.current = query.data;
  const data = query.status === 'success' ? query.data : last.current;
  if (query.status === 'error' && !data) return <ErrorMessage message={query.message} onRetry={query.retry} />;
  if (!data) return <Loading>Loading the appointments…</Loading>;
  const { series } = data;
  const times = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  const upcoming = series.appointments.filter((a) => new Date(a.endsAt).getTime() >= Date.now());
  return (
    <section className="panel" aria-labelledby="appointments-title">
      <h2 id="appointments-title">Appointments</h2>
      {query.status === 'error' && <ErrorMessage message={query.message} onRetry={query.retry} />}
      {upcoming.length === 0 ? (
        <p>No appointments ahead.</p>
      ) : (
        <ul className="appointment-list" aria-label="Appointments ahead">
          {upcoming.map((a) => (
            <li key={a.id} className={`appointment appointment-${a.status.toLowerCase()}`}>
              <span className="appointment-time">{times.format(new Date(a.startsAt))}</span>{' '}
              <span className="appointment-status">
                <span aria-hidden="true">{appointmentStatusLabels[a.status].mark}</span> {appointmentStatusLabels[a.status].label}
              </span>
              {a.cancelRequestedAt && a.status === 'BOOKED' && (
                <RequestActions id={a.id} reason={a.cancelRequestReason} onDone={query.retry} />
              )}
            </li>
          ))}
        </ul>
      )}
      {canBook && series.status === 'ACTIVE' && (
        <BookPlanForm seriesId={series.id} minutes={series.plannedMinutesPerSession} onBooked={query.retry} />
      )}
    </section>
  );
}

function RequestActions({ id, reason, onDone }: { id: string; reason: string | null | undefined; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      onDone();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <span className="appointment-flag">
      {' '}
      · the client asked to cancel{reason ? `: “${reason}”` : ''}{' '}
      <button type="button" className="button" onClick={() => act(() => request(CancelAppointmentDocument, { id, byClient: true }))}>
        Confirm the cancellation
      </button>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => act(() => request(DeclineAppointmentCancellationDocument, { id }))}
      >
        Keep the appointment
      </button>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}

function BookPlanForm({ seriesId, minutes, onBooked }: { seriesId: string; minutes: number; onBooked: () => void }) {
  const [weekdays, setWeekdays] = useState<Weekday[]>(['MONDAY', 'WEDNESDAY', 'FRIDAY']);
  const [time, setTime] = useState('17:30');
  const [weeks, setWeeks] = useState('4');
  const [firstDate, setFirstDate] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSending(true);
    setError(null);
    setDone(null);
    try {
      const input = { seriesId, weekdays, time, weeks: Number(weeks), firstDate: firstDate || null, minutes };
      const booked = await request(BookPlanDocument, { input });
      setDone(`${booked.bookPlan.length} appointments booked.`);
      onBooked();
    } catch (failure) {
      setError(formErrorOf(failure, controls));
    } finally {
      setSending(false);
    }
  }
  return (
    <form className="book-plan" onSubmit={submit} noValidate aria-labelledby="book-plan-title">
      <h3 id="book-plan-title">Book the plan</h3>
      {error && !error.controlId && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      <fieldset id="plan-weekdays" className="plan-weekdays" tabIndex={-1} {...errorProps('plan-weekdays', error)}>
        <legend>Days</legend>
        {weekdayLabels.map(([day, label]) => (
          <label key={day}>
            <input
              type="checkbox"
              checked={weekdays.includes(day)}
              onChange={(e) => setWeekdays((current) => (e.target.checked ? [...current, day] : current.filter((d) => d !== day)))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <FieldError controlId="plan-weekdays" error={error} />
      <label htmlFor="plan-time">Time (clinic time)</label>
      <input id="plan-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} {...errorProps('plan-time', error)} />
      <FieldError controlId="plan-time" error={error} />
      <label htmlFor="plan-weeks">Weeks</label>
      <input
        id="plan-weeks"
        type="number"
        min={1}
        max={52}
        value={weeks}
        onChange={(e) => setWeeks(e.target.value)}
        {...errorProps('plan-weeks', error)}
      />
      <FieldError controlId="plan-weeks" error={error} />
      <label htmlFor="plan-first-date">First day (optional)</label>
      <input
        id="plan-first-date"
        type="date"
        value={firstDate}
        onChange={(e) => setFirstDate(e.target.value)}
        {...errorProps('plan-first-date', error)}
      />
      <FieldError controlId="plan-first-date" error={error} />
      <p>
        <button type="submit" className="button" disabled={sending}>
          {sending ? 'Booking…' : 'Book'}
        </button>
      </p>
      {done && <p role="status">{done}</p>}
    </form>
  );
}
