import { type JobQueue, startJobQueue, stopJobQueue } from '@fascia/server/db/job-queue.js';
import { cancelAppointment, moveAppointment } from '@fascia/server/modules/appointments/appointment.service.js';
import { type MailCatcher, startMailCatcher } from '@fascia/server/modules/notifications/mail-catcher.js';
import { createMailer } from '@fascia/server/modules/notifications/mailer.js';
import { reminderKinds } from '@fascia/server/modules/notifications/notifications.js';
import { reminderNotices, setReminderOptOut } from '@fascia/server/modules/notifications/reminder.service.js';
import { type ReminderQueue, startReminderQueue } from '@fascia/server/modules/notifications/reminder-queue.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';
import { bookIn, clientWithSeries, icsStart, makeDueNow, remindersOf } from '../support/reminders.js';

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let catcher: MailCatcher;
let smtpPort: number;
let queue: ReminderQueue;
let jobs: JobQueue;

// One therapist books every appointment of this file: each test uses its own hour, so none overlap.

/** Addresses the test SMTP server refuses with 550, as a real one refuses an unknown mailbox. */
const refused = (address: string) => address.startsWith('nobody@');

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Reminder clinic' });
  api = await startApi(db, therapist);
  catcher = await startMailCatcher({ refuse: refused });
  smtpPort = catcher.port;
  jobs = await startJobQueue(db.url, pino({ level: 'silent' }));
  queue = await startReminderQueue({
    orm: db.orm,
    boss: jobs,
    mailer: createMailer(catcher.url, 'Reminder clinic <reminders@example.org>'),
    log: pino({ level: 'silent' }),
    kinds: reminderKinds,
    mailContext: { publicUrl: 'http://fascia.test' },
    // The tests plan when they choose (planNow), so they can act between planning and sending.
    planIntervalMs: 3_600_000,
    retryDelaySeconds: 1,
    retryLimit: 6,
    pollingIntervalSeconds: 0.5,
    batchSize: 10,
  });
}, 60_000);

afterAll(async () => {
  await queue?.stop();
  if (jobs) await stopJobQueue(jobs);
  await catcher?.close();
  await api?.stop();
  await db?.drop();
});

async function mailTo(address: string) {
  return (await catcher.messages()).filter((m) => m.to.includes(address));
}

const waitLong = { timeout: scaledMs(30_000), interval: 200 };

describe('appointment reminders', () => {
  test('a reminder is sent once, with an .ics attachment that parses and holds the appointment’s start', async () => {
    const { seriesId } = await clientWithSeries(api, 'ada@example.org');
    // Booked at shorter notice than the 24-hour lead: reminded at once.
    const appointment = await bookIn(db, therapist, seriesId, 120);
    await queue.planNow();
    await vi.waitFor(async () => expect((await remindersOf(db, appointment.id))[0]?.status).toBe('SENT'), waitLong);
    const [mail, ...more] = await mailTo('ada@example.org');
    expect(more).toHaveLength(0);
    expect(mail?.subject).toMatch(/^Reminder: your appointment on /);
    const ics = mail?.attachments.find((a) => a.filename === 'appointment.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const event = icsStart(ics?.content ?? '');
    expect(event.start.toISOString()).toBe(appointment.startsAt.toISOString());
    expect(event.uid).toBe(`${appointment.id}@fascia`);
    // Planning again writes nothing new and sends nothing new.
    await queue.planNow();
    expect(await remindersOf(db, appointment.id)).toHaveLength(1);
    expect(await mailTo('ada@example.org')).toHaveLength(1);
  });

  test('a cancelled appointment sends nothing, though its job comes due', async () => {
    const { seriesId: keptSeries } = await clientWithSeries(api, 'kept@example.org');
    const { seriesId: cancelledSeries } = await clientWithSeries(api, 'cancelled@example.org');
    const kept = await bookIn(db, therapist, keptSeries, 25 * 60);
    const cancelled = await bookIn(db, therapist, cancelledSeries, 26 * 60);
    await queue.planNow();
    const [keptReminder] = await remindersOf(db, kept.id);
    const [cancelledReminder] = await remindersOf(db, cancelled.id);
    // Due in about an hour (24 hours before the start): planned and queued.
    expect(cancelledReminder?.status).toBe('SCHEDULED');
    await cancelAppointment(db.orm.em.fork(), therapist, cancelled.id, { reason: 'Away', byClient: true });
    // Both jobs come due before the planner looks again: the worker itself must see the cancellation.
    await makeDueNow(db, cancelledReminder?.id ?? '');
    await makeDueNow(db, keptReminder?.id ?? '');
    await vi.waitFor(async () => expect((await remindersOf(db, kept.id))[0]?.status).toBe('SENT'), waitLong);
    await vi.waitFor(async () => expect((await remindersOf(db, cancelled.id))[0]?.status).toBe('CANCELLED'), waitLong);
    expect(await mailTo('kept@example.org')).toHaveLength(1);
    expect(await mailTo('cancelled@example.org')).toHaveLength(0);
  });

  test('a moved appointment gets one reminder, at its new time; the old one is never sent', async () => {
    const { seriesId } = await clientWithSeries(api, 'moved@example.org');
    const appointment = await bookIn(db, therapist, seriesId, 27 * 60);
    await queue.planNow();
    const [old] = await remindersOf(db, appointment.id);
    expect(old?.status).toBe('SCHEDULED');
    const newStart = new Date(Math.ceil((Date.now() + 180 * 60_000) / 60_000) * 60_000).toISOString();
    await moveAppointment(db.orm.em.fork(), therapist, appointment.id, { date: newStart.slice(0, 10), time: newStart.slice(11, 16) });
    await queue.planNow();
    await makeDueNow(db, old?.id ?? '');
    await vi.waitFor(async () => {
      const rows = await remindersOf(db, appointment.id);
      expect(rows.map((r) => r.status)).toEqual(['CANCELLED', 'SENT']);
    }, waitLong);
    const mails = await mailTo('moved@example.org');
    expect(mails).toHaveLength(1);
    expect(icsStart(mails[0]?.attachments[0]?.content ?? '').start.toISOString()).toBe(newStart);
  });

  test('a client who opted out gets no reminder; the opt-out keeps its date', async () => {
    const { clientId, seriesId } = await clientWithSeries(api, 'optout@example.org');
    const before = Date.now();
    const preference = await setReminderOptOut(
      db.orm.em.fork(),
      { role: 'CLIENT', accountId: clientId, clinicId: therapist.clinicId, clientId },
      true,
    );
    expect(preference.optedOut).toBe(true);
    expect(preference.optedOutAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const appointment = await bookIn(db, therapist, seriesId, 240);
    await queue.planNow();
    await vi.waitFor(async () => expect((await remindersOf(db, appointment.id))[0]?.status).toBe('SKIPPED'), waitLong);
    expect((await remindersOf(db, appointment.id))[0]?.problem).toMatch(/opted out/);
    expect(await mailTo('optout@example.org')).toHaveLength(0);
  });
});

describe('faults', () => {
  test('SMTP server down: the reminder is retried with back-off and sent once it is back', async () => {
    const { seriesId } = await clientWithSeries(api, 'retry@example.org');
    await catcher.close();
    const appointment = await bookIn(db, therapist, seriesId, 300);
    await queue.planNow();
    // At least two failed attempts while the server is away, each leaving the reminder waiting for its retry.
    await vi.waitFor(async () => {
      const [row] = await remindersOf(db, appointment.id);
      expect(row?.attempts).toBeGreaterThanOrEqual(2);
      expect(row?.status).toBe('SCHEDULED');
      expect(row?.problem).toMatch(/^Not sent yet: /);
    }, waitLong);
    catcher = await startMailCatcher({ port: smtpPort, refuse: refused });
    await vi.waitFor(async () => expect((await remindersOf(db, appointment.id))[0]?.status).toBe('SENT'), waitLong);
    expect(await mailTo('retry@example.org')).toHaveLength(1);
    const [job] = await db.orm.em
      .fork()
      .execute<{ state: string }[]>('select state from pgboss.job where id = ?', [(await remindersOf(db, appointment.id))[0]?.id]);
    expect(job?.state).toBe('completed');
  });

  test('an address refused for good (550) is reported to the therapist and not retried', async () => {
    const { clientId, seriesId } = await clientWithSeries(api, 'nobody@example.org');
    const appointment = await bookIn(db, therapist, seriesId, 360);
    await queue.planNow();
    await vi.waitFor(async () => expect((await remindersOf(db, appointment.id))[0]?.status).toBe('REFUSED'), waitLong);
    const [row] = await remindersOf(db, appointment.id);
    expect(row?.attempts).toBe(1);
    const [job] = await db.orm.em
      .fork()
      .execute<{ state: string; retryCount: number }[]>('select state, retry_count as "retryCount" from pgboss.job where id = ?', [
        row?.id,
      ]);
    expect(job).toEqual({ state: 'completed', retryCount: 0 });
    const notices = await reminderNotices(db.orm.em.fork(), therapist);
    expect(notices.find((n) => n.id === row?.id)).toMatchObject({ clientId, status: 'REFUSED', recipient: 'nobody@example.org' });
    const answer = await api.graphql('{ reminderNotices { id clientId status problem } }');
    expect(answer.errors).toBeUndefined();
    const listed = (answer.data?.reminderNotices ?? []) as { id: string; problem: string }[];
    expect(listed.find((n) => n.id === row?.id)?.problem).toMatch(/550|refused/i);
  });
});
