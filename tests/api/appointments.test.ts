import { Appointment } from '@fascia/server/modules/appointments/appointment.entity.js';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { wallTime } from '../support/dst.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

const zone = 'America/Toronto';
let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let admin: TestAccount;
let portal: TestAccount;
let clientId: string;
let seriesId: string;

/** Local dates relative to today in the clinic's zone, so the test keeps working as time passes. */
const today = Temporal.Now.plainDateISO(zone);
const inDays = (days: number) => today.add({ days }).toString();
/** The Monday at least a week ahead: plans start there. */
const nextMonday = today.add({ days: 8 - today.dayOfWeek + 7 }).toString();

const appointmentFields =
  'id startsAt endsAt localDate localTime minutes status seriesId sessionId needsSession cancelledBy lateCancellation cancelRequestedAt';
const bookPlan = `mutation($input: BookPlanInput!) { bookPlan(input: $input) { ${appointmentFields} } }`;
const addAppointment = `mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { ${appointmentFields} } }`;

async function must(query: string, variables: Record<string, unknown>, as: { token: string } = therapist): Promise<any> {
  const response = await api.request(query, variables, { as });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Calendar clinic', timeZone: zone });
  api = await startApi(db, therapist);
  const clinic = clinicApi(api);
  clientId = await clinic.createClient();
  seriesId = await clinic.startSeries(clientId, {
    startDate: inDays(-30),
    plannedSessions: 12,
    plannedSessionsPerWeek: 3,
    plannedMinutesPerSession: 30,
  });
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
  portal = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId });
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('booking a plan', () => {
  let booked: any[];

  test('Mon/Wed/Fri at 17:30 for 4 weeks makes 12 appointments at 17:30 in the clinic', async () => {
    const data = await must(bookPlan, {
      input: { seriesId, weekdays: ['MONDAY', 'WEDNESDAY', 'FRIDAY'], time: '17:30', weeks: 4, firstDate: nextMonday },
    });
    booked = data.bookPlan;
    expect(booked).toHaveLength(12);
    expect(booked.map((a: any) => a.localTime)).toEqual(Array(12).fill('17:30'));
    expect(booked.map((a: any) => Temporal.PlainDate.from(a.localDate).dayOfWeek)).toEqual([1, 3, 5, 1, 3, 5, 1, 3, 5, 1, 3, 5]);
    expect(booked[0].localDate).toBe(nextMonday);
    for (const a of booked) {
      expect(wallTime(a.startsAt, zone).time).toBe('17:30');
      expect(Date.parse(a.endsAt) - Date.parse(a.startsAt)).toBe(30 * 60_000);
      expect(a.status).toBe('BOOKED');
    }
  });

  test('the series shows its appointments and its next one', async () => {
    const data = await must(`query($id: ID!) { series(id: $id) { appointments { id } nextAppointment { id localDate } } }`, {
      id: seriesId,
    });
    expect(data.series.appointments.map((a: any) => a.id)).toEqual(booked.map((a) => a.id));
    expect(data.series.nextAppointment).toEqual({ id: booked[0].id, localDate: nextMonday });
  });

  test('the caseload shows each series’ next appointment', async () => {
    const data = await must('{ caseload(first: 10) { edges { node { series { id nextAppointment { localDate localTime } } } } } }', {});
    const item = data.caseload.edges.find((e: any) => e.node.series.id === seriesId);
    expect(item.node.series.nextAppointment).toEqual({ localDate: nextMonday, localTime: '17:30' });
  });

  test.each([
    ['overlapping a booked appointment', { time: '17:45', weeks: 1 }, 'time', 'overlap', new RegExp(`${nextMonday} 17:30-18:00`)],
    ['more than 200 appointments', { weeks: 70 }, 'weeks', 'max-occurrences', /210 appointments/],
    ['at a time that is not HH:MM', {}, 'time', 'time', /HH:MM/],
  ])('refused, nothing written: %s', async (_name, change, field, rule, message) => {
    const before = await db.count('appointment');
    const input = { seriesId, weekdays: ['MONDAY', 'WEDNESDAY', 'FRIDAY'], time: '17:30', weeks: 2, firstDate: nextMonday, ...change };
    if (rule === 'time') input.time = '25:00';
    const response = await api.request(bookPlan, { input }, { as: therapist });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await db.count('appointment')).toBe(before);
  });

  test('refused before the series start, in the past, and after a closed series ends', async () => {
    const clinic = clinicApi(api);
    const later = await clinic.startSeries(clientId, { startDate: inDays(20) });
    const before = await api.request(addAppointment, { input: { seriesId: later, date: inDays(10), time: '09:00' } }, { as: therapist });
    expect(before.errors?.[0]?.extensions).toMatchObject({ field: 'date', rule: 'before-series-start' });
    const past = await api.request(addAppointment, { input: { seriesId, date: inDays(-2), time: '09:00' } }, { as: therapist });
    expect(past.errors?.[0]?.extensions).toMatchObject({ field: 'date', rule: 'in-the-past' });
    const closed = await clinic.startSeries(clientId, { startDate: inDays(-10) });
    await must(
      'mutation($id: ID!, $end: LocalDate!) { closeSeries(id: $id, input: { status: COMPLETED, endDate: $end, dischargeReason: GOALS_MET }) { id } }',
      {
        id: closed,
        end: inDays(0),
      },
    );
    const after = await api.request(addAppointment, { input: { seriesId: closed, date: inDays(3), time: '09:00' } }, { as: therapist });
    expect(after.errors?.[0]?.extensions).toMatchObject({ field: 'seriesId', rule: 'series-closed' });
  });

  test('a move keeps the appointment, and cannot land on another', async () => {
    const [first, second] = booked;
    const moved = await must(
      `mutation($id: ID!, $input: MoveAppointmentInput!) { moveAppointment(id: $id, input: $input) { ${appointmentFields} } }`,
      { id: second.id, input: { date: second.localDate, time: '12:00' } },
    );
    expect(moved.moveAppointment).toMatchObject({ id: second.id, localTime: '12:00', status: 'BOOKED' });
    const clash = await api.request(
      'mutation($id: ID!, $input: MoveAppointmentInput!) { moveAppointment(id: $id, input: $input) { id } }',
      { id: second.id, input: { date: first.localDate, time: '17:00', minutes: 45 } },
      { as: therapist },
    );
    expect(clash.errors?.[0]?.extensions).toMatchObject({ field: 'time', rule: 'overlap' });
    expect(clash.errors?.[0]?.message).toContain(`${first.localDate} 17:30-18:00`);
  });

  test('the client asks to cancel; the therapist confirms; a cancelled slot can be booked again', async () => {
    const target = booked[3];
    const asked = await must(
      'mutation($id: ID!) { requestAppointmentCancellation(id: $id, reason: "Away that week") { status cancelRequestedAt } }',
      { id: target.id },
      portal,
    );
    expect(asked.requestAppointmentCancellation.status).toBe('BOOKED');
    expect(asked.requestAppointmentCancellation.cancelRequestedAt).not.toBeNull();
    const confirmed = await must(
      'mutation($id: ID!) { cancelAppointment(id: $id, byClient: true) { status cancelledBy lateCancellation cancelReason } }',
      {
        id: target.id,
      },
    );
    expect(confirmed.cancelAppointment).toEqual({
      status: 'CANCELLED',
      cancelledBy: 'CLIENT',
      lateCancellation: false,
      cancelReason: 'Away that week',
    });
    const again = await must(addAppointment, { input: { seriesId, date: target.localDate, time: '17:30' } });
    expect(again.addAppointment.status).toBe('BOOKED');
  });

  test('the client sees only their own next visit and cannot book', async () => {
    const data = await must('{ viewer { client { nextAppointment { localDate localTime therapist { familyName } } } } }', {}, portal);
    expect(data.viewer.client.nextAppointment).toEqual({
      localDate: nextMonday,
      localTime: '17:30',
      therapist: { familyName: 'Therapist' },
    });
    const refused = await api.request(addAppointment, { input: { seriesId, date: inDays(40), time: '08:00' } }, { as: portal });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('what happened at an appointment', () => {
  /** A past appointment, as it would stand after its time had come (the API books none in the past). */
  async function pastAppointment(daysAgo: number, time: string): Promise<string> {
    const em = db.orm.em.fork();
    const startsAt = new Date(Temporal.PlainDate.from(inDays(-daysAgo)).toPlainDateTime(time).toZonedDateTime(zone).epochMilliseconds);
    const a = em.create(Appointment, {
      clinic: therapist.clinicId,
      series: seriesId,
      therapist: therapist.therapistId,
      client: clientId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      minutes: 30,
      status: 'BOOKED',
    });
    await em.flush();
    return a.id;
  }

  test('recording a session for an appointment links them and sets its status', async () => {
    const id = await pastAppointment(6, '10:00');
    const appointment = (await must('query($id: ID!) { appointment(id: $id) { startsAt } }', { id })).appointment;
    const session = await must('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', {
      input: { seriesId, appointmentId: id, startedAt: appointment.startsAt, durationMinutes: 30, attendance: 'ATTENDED' },
    });
    const after = await must(`query($id: ID!) { appointment(id: $id) { ${appointmentFields} } }`, { id });
    expect(after.appointment).toMatchObject({ status: 'ATTENDED', sessionId: session.recordSession.id, needsSession: false });
    const twice = await api.request(
      'mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }',
      { input: { seriesId, appointmentId: id, startedAt: appointment.startsAt, durationMinutes: 30, attendance: 'ATTENDED' } },
      { as: therapist },
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ field: 'appointmentId', rule: 'already-recorded' });
  });

  test('attended without a session is flagged once its day is over; a no-show cannot be marked ahead', async () => {
    const id = await pastAppointment(5, '10:00');
    const marked = await must('mutation($id: ID!) { markAppointment(id: $id, status: ATTENDED) { status needsSession } }', { id });
    expect(marked.markAppointment).toEqual({ status: 'ATTENDED', needsSession: true });
    const future = await must(addAppointment, { input: { seriesId, date: inDays(60), time: '08:00' } });
    const early = await api.request(
      'mutation($id: ID!) { markAppointment(id: $id, status: NO_SHOW) { id } }',
      { id: future.addAppointment.id },
      { as: therapist },
    );
    expect(early.errors?.[0]?.extensions).toMatchObject({ field: 'status', rule: 'not-yet' });
    const noShow = await pastAppointment(4, '10:00');
    await must('mutation($id: ID!) { markAppointment(id: $id, status: NO_SHOW) { id } }', { id: noShow });
    const pastCancel = await api.request(
      'mutation($id: ID!) { cancelAppointment(id: $id, byClient: false) { id } }',
      { id: noShow },
      { as: therapist },
    );
    expect(pastCancel.errors?.[0]?.extensions).toMatchObject({ field: 'id', rule: 'not-booked' });
  });

  test('attendance is counted from the appointments: planned vs attended vs cancelled vs no-show', async () => {
    const data = await must(
      'query($id: ID!) { series(id: $id) { progress { attendance { basis attended cancelled noShows expectedByNow } } } }',
      { id: seriesId },
    );
    // Three past appointments: one attended with a session, one attended awaiting notes, one no-show; the client's
    // cancellation is in the future, so not yet due.
    expect(data.series.progress.attendance).toEqual({ basis: 'APPOINTMENTS', attended: 2, cancelled: 1, noShows: 1, expectedByNow: 3 });
  });

  test('a series without appointments keeps the plan’s rate', async () => {
    const other = await clinicApi(api).startSeries(clientId, { startDate: inDays(-14), plannedSessionsPerWeek: 1 });
    const data = await must('query($id: ID!) { series(id: $id) { progress { attendance { basis expectedByNow } } } }', { id: other });
    expect(data.series.progress.attendance).toEqual({ basis: 'PLAN_RATE', expectedByNow: 2 });
  });
});

describe('calendars', () => {
  const week = () => {
    const from = Temporal.PlainDate.from(nextMonday).toZonedDateTime(zone);
    return { from: new Date(from.epochMilliseconds).toISOString(), to: new Date(from.add({ weeks: 1 }).epochMilliseconds).toISOString() };
  };
  const calendarQuery =
    'query($from: DateTime!, $to: DateTime!, $t: ID) { calendar(from: $from, to: $to, therapistId: $t) { localDate localTime status } }';

  test('the therapist’s week, and the admin’s view of every therapist', async () => {
    const mine = await must(calendarQuery, week());
    expect(mine.calendar.map((a: any) => `${a.localDate} ${a.localTime}`)).toHaveLength(3);
    const all = await must(calendarQuery, week(), admin);
    expect(all.calendar).toEqual(mine.calendar);
    const named = await must(calendarQuery, { ...week(), t: therapist.therapistId }, admin);
    expect(named.calendar).toEqual(mine.calendar);
  });

  test('a therapist cannot read a colleague’s calendar', async () => {
    const em = db.orm.em.fork();
    const { Therapist } = await import('@fascia/server/modules/clinics/therapist.entity.js');
    const colleague = em.create(Therapist, { clinic: therapist.clinicId, givenName: 'Col', familyName: 'League' });
    await em.flush();
    const refused = await api.request(calendarQuery, { ...week(), t: colleague.id }, { as: therapist });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the private feed is valid iCalendar with the right instants, and stops when revoked', async () => {
    const link = await must('mutation { resetCalendarFeed { path } }', {});
    const response = await fetch(`${api.url}${link.resetCalendarFeed.path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const rows = (await must(`query($id: ID!) { series(id: $id) { appointments { id startsAt endsAt status } } }`, { id: seriesId })).series
      .appointments;
    expect(events).toHaveLength(rows.length);
    for (const row of rows) {
      const event = events.find((e) => e.uid === `${row.id}@fascia`);
      expect(event?.startDate.toJSDate().toISOString()).toBe(row.startsAt);
      expect(event?.endDate.toJSDate().toISOString()).toBe(row.endsAt);
      expect(event?.component.getFirstPropertyValue('status')).toBe(row.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED');
      // Initials only: calendar programs keep copies outside the clinic.
      expect(event?.summary).toBe('Massage: A. L.');
    }
    const audited = await db.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*) as n from audit_event where operation = 'Feed.calendar' and client_ids = array[?::uuid]", [
        clientId,
      ]);
    expect(Number(audited[0]?.n)).toBe(1);
    expect(await must('mutation { revokeCalendarFeed }', {})).toEqual({ revokeCalendarFeed: true });
    expect((await fetch(`${api.url}${link.resetCalendarFeed.path}`)).status).toBe(404);
  });

  test('the client’s own feed holds their visits only', async () => {
    const link = await must('mutation { resetCalendarFeed { path } }', {}, portal);
    const text = await (await fetch(`${api.url}${link.resetCalendarFeed.path}`)).text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(10);
    expect(new Set(events.map((e) => e.summary))).toEqual(new Set(['Massage therapy with Tess Therapist']));
  });
});
