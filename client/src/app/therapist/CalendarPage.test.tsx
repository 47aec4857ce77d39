import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { AppointmentStatus, CalendarQuery } from '../../graphql/generated/graphql';
import { createFakeApi } from '../../test/fake-api';
import { Router } from '../router';
import CalendarPage, { canRecordVisit } from './CalendarPage';

const zone = 'America/Toronto';
/** Wednesday 11 March 2026, 11:00 in Toronto (EDT, UTC-4). */
const now = new Date('2026-03-11T15:00:00Z');

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi('THERAPIST');
  vi.stubGlobal('fetch', api.fetch);
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

type Appointment = CalendarQuery['calendar'][number];

/** An appointment of the week, named by its client; `startsAt` and `localDate` as the server gives them for Toronto. */
function appointment(name: string, startsAt: string, localDate: string, status: AppointmentStatus, extra: Partial<Appointment> = {}) {
  return {
    id: `a-${name}`,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString(),
    localDate,
    localTime: '00:00',
    minutes: 60,
    status,
    seriesId: `s-${name}`,
    sessionId: null,
    needsSession: false,
    cancelledBy: null,
    lateCancellation: null,
    cancelRequestedAt: null,
    cancelRequestReason: null,
    client: { id: `c-${name}`, displayName: name },
    therapist: { id: 't1', givenName: 'Tess', familyName: 'Therapist' },
    ...extra,
  } satisfies Appointment;
}

const week: Appointment[] = [
  appointment('Monday attended, notes to write', '2026-03-09T13:00:00Z', '2026-03-09', 'ATTENDED', { needsSession: true }),
  appointment('Tuesday attended, recorded', '2026-03-10T13:00:00Z', '2026-03-10', 'ATTENDED', { sessionId: 'v1' }),
  appointment('Tuesday no-show', '2026-03-10T15:00:00Z', '2026-03-10', 'NO_SHOW'),
  appointment('Today booked, begun', '2026-03-11T13:00:00Z', '2026-03-11', 'BOOKED'),
  appointment('Today booked, this evening', '2026-03-11T21:30:00Z', '2026-03-11', 'BOOKED'),
  appointment('Today cancelled', '2026-03-11T23:00:00Z', '2026-03-11', 'CANCELLED'),
  // Tomorrow morning is within the server's day ahead, but its day has not come.
  appointment('Tomorrow booked', '2026-03-12T13:00:00Z', '2026-03-12', 'BOOKED'),
  appointment('Friday booked', '2026-03-13T21:30:00Z', '2026-03-13', 'BOOKED'),
];

test('the week offers "Record the session" only for visits whose day has come in the clinic and that hold no visit yet', async () => {
  api.override('Calendar', () => ({ data: { calendar: week } }));
  render(
    <Router>
      <CalendarPage timeZone={zone} isAdmin={false} canRecord />
    </Router>,
  );
  await screen.findByText('Friday booked');
  const offered = Array.from(document.querySelectorAll('li.appointment'))
    .filter((item) => item.querySelector('a.appointment-record'))
    .map((item) => item.querySelector('a:not(.appointment-record)')?.textContent);
  expect(offered).toEqual(['Monday attended, notes to write', 'Today booked, begun', 'Today booked, this evening']);
  // The link fills the form with the appointment's series and start, and links the visit to it.
  const link = screen.getByText('Today booked, this evening').closest('li')?.querySelector('a.appointment-record');
  expect(link?.getAttribute('href')).toBe(
    `/sessions/new?series=s-Today%20booked%2C%20this%20evening&appointment=a-Today%20booked%2C%20this%20evening&at=${encodeURIComponent('2026-03-11T21:30:00Z')}`,
  );
});

test('nothing is offered to a viewer who does not record, such as an admin without a therapist record', async () => {
  api.override('Calendar', () => ({ data: { calendar: week } }));
  render(
    <Router>
      <CalendarPage timeZone={zone} isAdmin={false} canRecord={false} />
    </Router>,
  );
  await screen.findByText('Friday booked');
  expect(document.querySelectorAll('a.appointment-record')).toHaveLength(0);
});

test('late on the 25-hour day the clocks go back, an appointment of today beyond the server’s day ahead is not offered yet', () => {
  // 1 November 2026 in Toronto: 00:10 EDT; 23:30 EST that evening is 24 h 20 min later.
  const justAfterMidnight = new Date('2026-11-01T04:10:00Z');
  const lateEvening = appointment('Late', '2026-11-02T04:30:00Z', '2026-11-01', 'BOOKED');
  const earlyEvening = appointment('Early', '2026-11-01T23:00:00Z', '2026-11-01', 'BOOKED');
  expect(canRecordVisit(lateEvening, zone, justAfterMidnight)).toBe(false);
  expect(canRecordVisit(earlyEvening, zone, justAfterMidnight)).toBe(true);
  // An hour on, the same appointment is within the day ahead.
  expect(canRecordVisit(lateEvening, zone, new Date('2026-11-01T05:10:00Z'))).toBe(true);
});
