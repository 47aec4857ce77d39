/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file needs the DOM types.
import path from 'node:path';
import { actingTherapist } from '@fascia/server/common/viewer.js';
import { demoAccounts } from '@fascia/server/demo/accounts.js';
import { authenticate } from '@fascia/server/modules/accounts/access.service.js';
import { addAppointment } from '@fascia/server/modules/appointments/appointment.service.js';
import type { BrowserContext, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { type Account, artifactsDir, startDemoApp, type WebApp } from '../support/web-app.js';

/**
 * Appointments in Chromium on the demo clinic: the demo therapist books the plan of her demo client's series from the
 * series page (Mon/Wed/Fri for 4 weeks) and finds it in the week view of her calendar; she records the visit of an
 * appointment that began earlier today from the day view; the client sees her next visit on the portal's home and
 * asks to cancel it; the therapist confirms on the series page. Each page is checked with axe-core and photographed at 1280x800 and 375x812.
 */
const viewports = [
  { width: 1280, height: 800, name: 'desktop' },
  { width: 375, height: 812, name: 'phone' },
] as const;
type Viewport = (typeof viewports)[number];
const therapist = demoAccounts.therapist;
const client = demoAccounts.client;

let app: WebApp;
let clinicZone: string;
/** The demo client and the active series her therapist (the demo therapist) books. */
let target: { clientId: string; displayName: string; seriesId: string; minutes: number };
/** The plan booked: the Monday it starts (at least two days ahead) and a time free in the therapist's calendar. */
let plan: { firstDate: string; time: string };
/** The appointment of today, begun before the test, whose visit the therapist records from the day view. */
let begun: { id: string; date: string; time: string };

interface Appointment {
  id: string;
  localDate: string;
  localTime: string;
  status: string;
  sessionId: string | null;
  cancelledBy: string | null;
  seriesId: string;
}

let therapistToken: string;
const asTherapist = <Data>(query: string, variables?: Record<string, unknown>) => app.send<Data>(therapistToken, query, variables);

async function seriesAppointments(): Promise<Appointment[]> {
  const { series } = await asTherapist<{ series: { appointments: Appointment[] } }>(
    'query($id: ID!) { series(id: $id) { appointments { id localDate localTime status sessionId cancelledBy seriesId } } }',
    { id: target.seriesId },
  );
  return series.appointments;
}

/** The first of a few early-morning times at which the therapist has nothing on the plan's days for its 4 weeks. */
async function freeTime(firstDate: string, minutes: number): Promise<string> {
  const from = Temporal.PlainDate.from(firstDate).toZonedDateTime(clinicZone);
  const { calendar } = await asTherapist<{ calendar: { startsAt: string; endsAt: string }[] }>(
    'query($from: DateTime!, $to: DateTime!) { calendar(from: $from, to: $to) { startsAt endsAt } }',
    { from: from.toInstant().toString(), to: from.add({ days: 28 }).toInstant().toString() },
  );
  for (const time of ['07:00', '06:30', '06:00', '21:00', '21:30']) {
    const clash = [0, 2, 4, 7, 9, 11, 14, 16, 18, 21, 23, 25].some((days) => {
      const start = Temporal.PlainDate.from(firstDate)
        .add({ days })
        .toZonedDateTime({ timeZone: clinicZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
      const end = start + minutes * 60_000;
      return calendar.some((a) => Date.parse(a.startsAt) < end && start < Date.parse(a.endsAt));
    });
    if (!clash) return time;
  }
  throw new Error('no free early or late time in the demo therapist’s calendar');
}

beforeAll(async () => {
  app = await startDemoApp();
  therapistToken = await app.signInOverApi(therapist);
  const { viewer } = await app.send<{ viewer: { client: { id: string; displayName: string }; clinic: { timeZone: string } } }>(
    await app.signInOverApi(client),
    '{ viewer { client { id displayName } clinic { timeZone } } }',
  );
  clinicZone = viewer.clinic.timeZone;
  const { caseload } = await asTherapist<{
    caseload: { edges: { node: { series: { id: string; plannedMinutesPerSession: number; client: { id: string } } } }[] };
  }>('{ caseload(first: 100) { edges { node { series { id plannedMinutesPerSession client { id } } } } } }');
  const series = caseload.edges.map((e) => e.node.series).find((s) => s.client.id === viewer.client.id);
  if (!series) throw new Error('the demo client has no active series with the demo therapist');
  target = {
    clientId: viewer.client.id,
    displayName: viewer.client.displayName,
    seriesId: series.id,
    minutes: series.plannedMinutesPerSession,
  };
  // The Monday after tomorrow in the clinic: the whole plan lies ahead, whatever the time of day the test runs.
  const tomorrow = Temporal.Now.plainDateISO(clinicZone).add({ days: 1 });
  const firstDate = tomorrow.add({ days: 8 - tomorrow.dayOfWeek }).toString();
  plan = { firstDate, time: await freeTime(firstDate, target.minutes) };
}, 900_000);

afterAll(async () => {
  await app?.stop();
});

/** Signs in through the form at a size, the browser in the clinic's zone; page and console errors collected. */
function signIn(account: Account, viewport: Viewport) {
  return app.signInPage(account, { viewport, locale: 'en-US', timezoneId: clinicZone, consoleErrors: true });
}

/** No serious axe-core violation, nothing wider than the screen, and a full-page screenshot. */
async function checkPage(page: Page, name: string, viewport: Viewport): Promise<void> {
  expect(await seriousAxeViolations(page), `${name} at ${viewport.name}`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} width`).toBeLessThanOrEqual(viewport.width);
  await page.screenshot({ path: path.join(artifactsDir, `appointments-${name}-${viewport.name}.png`), fullPage: true });
}

/** A date as the calendar names its day, e.g. "Monday, March 9". */
const dayName = (date: string) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

/** The calendar in its day or week view at the day or week holding `date`, counted from today. */
async function openCalendar(page: Page, view: 'day' | 'week', date: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
  // The page keeps its view and day while it stays open.
  await page.getByRole('radio', { name: view === 'day' ? 'Day' : 'Week' }).check();
  await page.getByRole('button', { name: 'Today' }).click();
  const today = Temporal.Now.plainDateISO(clinicZone);
  const target = Temporal.PlainDate.from(date);
  const steps =
    view === 'day'
      ? today.until(target).days
      : today.subtract({ days: today.dayOfWeek - 1 }).until(target.subtract({ days: target.dayOfWeek - 1 })).days / 7;
  const button = steps < 0 ? `← Previous ${view}` : `Next ${view} →`;
  for (let i = 0; i < Math.abs(steps); i++) await page.getByRole('button', { name: button }).click();
  await page.getByRole('region', { name: dayName(date) }).waitFor();
}

/** The calendar's week view at the plan's first week. */
const openPlanWeek = (page: Page) => openCalendar(page, 'week', plan.firstDate);

/** Today's begun appointment in the day view: the client's, at its time. */
function begunAppointment(page: Page) {
  return page
    .locator('li.appointment', { hasText: target.displayName })
    .filter({ has: page.locator('.appointment-time', { hasText: new RegExp(`^${clockOf(begun.time)}–`) }) });
}

/**
 * Books an appointment of the series that began earlier today in the clinic: an hour ago, or less when that would
 * be yesterday (never before today's midnight), at a time free in the therapist's calendar. The API books nothing
 * in the past, so it is booked through the service as of an hour before its start, as the therapist would have.
 */
async function bookBegunToday(): Promise<{ id: string; date: string; time: string }> {
  const now = Temporal.Now.zonedDateTimeISO(clinicZone).round({ smallestUnit: 'minute', roundingMode: 'floor' });
  const midnight = now.startOfDay();
  const starts = [60, 30, 90, 120, 180, 240].map((ago) => {
    const start = now.subtract({ minutes: ago });
    return Temporal.ZonedDateTime.compare(start, midnight) < 0 ? midnight : start;
  });
  const { calendar } = await asTherapist<{ calendar: { startsAt: string; endsAt: string; status: string }[] }>(
    'query($from: DateTime!, $to: DateTime!) { calendar(from: $from, to: $to) { startsAt endsAt status } }',
    { from: midnight.toInstant().toString(), to: now.add({ minutes: target.minutes }).toInstant().toString() },
  );
  const start = starts.find((candidate) => {
    const from = candidate.epochMilliseconds;
    const to = from + target.minutes * 60_000;
    return !calendar.some((a) => a.status !== 'CANCELLED' && Date.parse(a.startsAt) < to && from < Date.parse(a.endsAt));
  });
  if (!start) throw new Error('no free time earlier today in the demo therapist’s calendar');
  const viewer = actingTherapist(await authenticate(app.db.orm.em.fork(), therapistToken));
  const slot = { date: start.toPlainDate().toString(), time: start.toPlainTime().toString({ smallestUnit: 'minute' }) };
  const bookedAt = new Date(start.epochMilliseconds - 3600_000);
  const appointment = await addAppointment(app.db.orm.em.fork(), viewer, { seriesId: target.seriesId, ...slot }, bookedAt);
  return { id: appointment.id, ...slot };
}

/** The plan's appointment on a day of the week view (0 = Monday): the client's, at the plan's time. */
function planAppointment(page: Page, day: number) {
  return page
    .locator('.calendar-day')
    .nth(day)
    .locator('li.appointment', { hasText: target.displayName })
    .filter({ has: page.locator('.appointment-time', { hasText: new RegExp(`^${clockOf(plan.time)}–`) }) });
}

const clockOf = (time: string) =>
  new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(`2026-01-05T${time}:00Z`));

test('the therapist books the plan from the series page and sees it in the week view', async () => {
  const viewport = viewports[0];
  const { context, page, errors } = await signIn(therapist, viewport);
  try {
    await page.goto(`${app.url}/clients/${target.clientId}/series/${target.seriesId}`);
    const form = page.getByRole('form', { name: 'Book the plan' });
    await form.waitFor();
    // Mon/Wed/Fri are the form's suggestion; the rest is typed.
    for (const day of ['Mon', 'Wed', 'Fri']) expect(await form.getByRole('checkbox', { name: day }).isChecked()).toBe(true);
    await form.getByLabel('Time (clinic time)').fill(plan.time);
    await form.getByLabel('Weeks').fill('4');
    await form.getByLabel('First day (optional)').fill(plan.firstDate);
    await form.getByRole('button', { name: 'Book' }).click();
    await form.getByRole('status').filter({ hasText: '12 appointments booked.' }).waitFor();

    // Written as the form said: 12 booked appointments at the time, Mon/Wed/Fri from the first day, in the clinic's zone.
    const booked = (await seriesAppointments()).filter((a) => a.localDate >= plan.firstDate && a.localTime === plan.time);
    expect(booked.map((a) => a.status)).toEqual(Array(12).fill('BOOKED'));
    expect(booked.map((a) => Temporal.PlainDate.from(a.localDate).dayOfWeek)).toEqual([1, 3, 5, 1, 3, 5, 1, 3, 5, 1, 3, 5]);
    expect(booked[0]?.localDate).toBe(plan.firstDate);
    // The panel lists them among the appointments ahead.
    const ahead = page.getByRole('list', { name: 'Appointments ahead' });
    await expect.poll(() => ahead.locator('li').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(12);
    await checkPage(page, 'series', viewport);

    // The week view: the plan's Monday, Wednesday and Friday, each at its time, booked (a word and a shape).
    await openPlanWeek(page);
    for (const day of [0, 2, 4]) {
      const item = planAppointment(page, day);
      await item.waitFor();
      expect(await item.locator('.appointment-time').textContent()).toMatch(new RegExp(`^${clockOf(plan.time)}–`));
      expect(await item.locator('.appointment-status').textContent()).toBe('○ Booked');
    }
    for (const day of [1, 3, 5, 6]) expect(await planAppointment(page, day).count()).toBe(0);
    await checkPage(page, 'week', viewport);

    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
  // Many steps in one browser session: more than the project's 2 minutes on a busy machine.
}, 300_000);

test('the therapist records the visit of an appointment begun today from the day view; it then shows as attended', async () => {
  begun = await bookBegunToday();
  const viewport = viewports[0];
  const { context, page, errors } = await signIn(therapist, viewport);
  try {
    await openCalendar(page, 'day', begun.date);
    const item = begunAppointment(page);
    await item.waitFor();
    expect(await item.locator('.appointment-status').textContent()).toBe('○ Booked');
    await checkPage(page, 'day', viewport);

    // The link opens the form for the appointment's series, starting at its time.
    await item.getByRole('link', { name: /^Record the session/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a session' }).waitFor();
    expect(await page.locator('form.session-form .breadcrumb a').getAttribute('href')).toBe(
      `/clients/${target.clientId}/series/${target.seriesId}`,
    );
    expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe(`${begun.date}T${begun.time}`);
    await page.getByRole('checkbox', { name: 'Swedish' }).check();
    await page.getByRole('radio', { name: '3 moderate' }).check();
    await page.getByLabel('Subjective: what the client reports').fill('Booked visit: shoulders tight after the week.');
    // A client with red flags not yet resolved: the therapist confirms having reviewed them.
    const reviewed = page.getByRole('checkbox', { name: 'I have reviewed these red flags before treating' });
    if ((await reviewed.count()) > 0) await reviewed.check();
    await checkPage(page, 'record-session', viewport);
    await page.getByRole('button', { name: 'Record the session' }).click();
    await page.waitForURL((url) => url.pathname === `/clients/${target.clientId}/series/${target.seriesId}`);
    await page.getByRole('status').filter({ hasText: 'Session recorded' }).waitFor();

    // The API links the two: the appointment is attended, and its session is the one just recorded, at its time.
    const { series } = await asTherapist<{ series: { sessions: { id: string; startedAt: string; soap: { subjective: string } }[] } }>(
      'query($id: ID!) { series(id: $id) { sessions { id startedAt soap { subjective } } } }',
      { id: target.seriesId },
    );
    const recorded = series.sessions.filter((s) => s.soap.subjective === 'Booked visit: shoulders tight after the week.');
    expect(recorded).toHaveLength(1);
    const appointment = (await seriesAppointments()).find((a) => a.id === begun.id);
    expect(appointment?.status).toBe('ATTENDED');
    expect(appointment?.sessionId).toBe(recorded[0]?.id);
    expect(
      Temporal.Instant.from(recorded[0]?.startedAt ?? '')
        .toZonedDateTimeISO(clinicZone)
        .toPlainDateTime()
        .toString({ smallestUnit: 'minute' }),
    ).toBe(`${begun.date}T${begun.time}`);

    // Back in the day view, the appointment shows as attended, with nothing left to record.
    await openCalendar(page, 'day', begun.date);
    const attended = begunAppointment(page);
    await expect.poll(() => attended.locator('.appointment-status').textContent(), { timeout: 10_000 }).toBe('● Attended');
    expect(await attended.getByRole('link', { name: /^Record the session/ }).count()).toBe(0);
    await checkPage(page, 'day-recorded', viewport);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 300_000);

test('the client sees her next visit and asks to cancel it; the therapist confirms on the series page', async () => {
  const clientToken = await app.signInOverApi(client);
  const { viewer } = await app.send<{
    viewer: {
      client: { nextAppointment: { id: string; startsAt: string; minutes: number; therapist: { givenName: string; familyName: string } } };
    };
  }>(clientToken, '{ viewer { client { nextAppointment { id startsAt minutes therapist { givenName familyName } } } } }');
  const next = viewer.client.nextAppointment;
  const { appointment } = await asTherapist<{ appointment: Appointment & { series: { client: { id: string } } } }>(
    'query($id: ID!) { appointment(id: $id) { id seriesId status series { client { id } } } }',
    { id: next.id },
  );
  let clientContext: BrowserContext | undefined;
  let therapistContext: BrowserContext | undefined;
  try {
    const portal = await signIn(client, viewports[0]);
    clientContext = portal.context;
    const card = portal.page.getByRole('region', { name: 'Your next visit' });
    const when = new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: clinicZone,
    }).format(new Date(next.startsAt));
    await expect
      .poll(() => card.locator('.next-visit-when').textContent(), { timeout: 10_000 })
      .toBe(`${when}, ${next.minutes} minutes, with ${next.therapist.givenName} ${next.therapist.familyName}.`);
    await checkPage(portal.page, 'portal-next-visit', viewports[0]);
    await card.getByRole('button', { name: 'Ask to cancel this visit' }).click();
    await card.getByLabel('Why can you not come? (optional)').fill('Away for work that week');
    await card.getByRole('button', { name: 'Send the request' }).click();
    await card.getByRole('status').filter({ hasText: 'You asked to cancel this visit. Your therapist will confirm.' }).waitFor();
    // Asked, not cancelled: the visit stays booked until the therapist confirms.
    const asked = await asTherapist<{ appointment: { status: string; cancelRequestReason: string | null } }>(
      'query($id: ID!) { appointment(id: $id) { status cancelRequestReason } }',
      { id: next.id },
    );
    expect(asked.appointment).toEqual({ status: 'BOOKED', cancelRequestReason: 'Away for work that week' });
    expect(portal.errors).toEqual([]);

    const staff = await signIn(therapist, viewports[0]);
    therapistContext = staff.context;
    await staff.page.goto(`${app.url}/clients/${appointment.series.client.id}/series/${appointment.seriesId}`);
    const request = staff.page.getByRole('list', { name: 'Appointments ahead' }).locator('li', { hasText: 'the client asked to cancel' });
    await request.waitFor();
    expect(await request.textContent()).toContain('“Away for work that week”');
    await checkPage(staff.page, 'cancel-request', viewports[0]);
    await request.getByRole('button', { name: 'Confirm the cancellation' }).click();
    await expect.poll(() => request.count(), { timeout: 10_000 }).toBe(0);
    const cancelled = await asTherapist<{ appointment: { status: string; cancelledBy: string; cancelReason: string } }>(
      'query($id: ID!) { appointment(id: $id) { status cancelledBy cancelReason } }',
      { id: next.id },
    );
    expect(cancelled.appointment).toEqual({ status: 'CANCELLED', cancelledBy: 'CLIENT', cancelReason: 'Away for work that week' });

    // The portal now names the visit after it (or none), never the cancelled one.
    await portal.page.reload();
    await portal.page.getByRole('region', { name: 'Your next visit' }).locator('.next-visit-when, p').first().waitFor();
    const after = await app.send<{ viewer: { client: { nextAppointment: { id: string } | null } } }>(
      clientToken,
      '{ viewer { client { nextAppointment { id } } } }',
    );
    expect(after.viewer.client.nextAppointment?.id).not.toBe(next.id);
    expect(staff.errors).toEqual([]);
  } finally {
    await clientContext?.close();
    await therapistContext?.close();
  }
});

test('the series page, the week and day views and the portal’s next visit at 375 px: no serious violation, nothing wider than the screen', async () => {
  const viewport = viewports[1];
  const staff = await signIn(therapist, viewport);
  try {
    await staff.page.goto(`${app.url}/clients/${target.clientId}/series/${target.seriesId}`);
    await staff.page.getByRole('form', { name: 'Book the plan' }).waitFor();
    await staff.page.getByRole('list', { name: 'Appointments ahead' }).waitFor();
    await checkPage(staff.page, 'series', viewport);
    await openPlanWeek(staff.page);
    await planAppointment(staff.page, 2).waitFor();
    await checkPage(staff.page, 'week', viewport);
    await openCalendar(staff.page, 'day', begun.date);
    await begunAppointment(staff.page).waitFor();
    await checkPage(staff.page, 'day-recorded', viewport);
    expect(staff.errors).toEqual([]);
  } finally {
    await staff.context.close();
  }
  const portal = await signIn(client, viewport);
  try {
    await portal.page.getByRole('region', { name: 'Your next visit' }).locator('.next-visit-when').waitFor();
    await checkPage(portal.page, 'portal-next-visit', viewport);
    expect(portal.errors).toEqual([]);
  } finally {
    await portal.context.close();
  }
});
