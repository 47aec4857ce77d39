import { addAppointment, bookPlan } from '@fascia/server/modules/appointments/appointment.service.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { nextClockChange, wallTime } from '../support/dst.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';

let db: TestDatabase;
const apis: TestApi[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  await db?.drop();
});

async function seriesIn(timeZone: string, startDate: string): Promise<{ therapist: TherapistAccount; seriesId: string }> {
  const therapist = await createClinicWithTherapist(db, { clinicName: timeZone, timeZone });
  const api = await startApi(db, therapist);
  apis.push(api);
  const clinic = clinicApi(api);
  const seriesId = await clinic.startSeries(await clinic.createClient(), { startDate, plannedMinutesPerSession: 30 });
  return { therapist, seriesId };
}

describe.each(['America/Toronto', 'Europe/London'])('a plan across the clock changes of %s', (timeZone) => {
  test.each(['forward', 'back'] as const)('Mon/Wed/Fri at 17:30 for 4 weeks stays at 17:30 when the clocks go %s', async (direction) => {
    const change = nextClockChange(timeZone, direction);
    const { therapist, seriesId } = await seriesIn(timeZone, change.planStart);
    const booked = await bookPlan(db.orm.em.fork(), therapist, {
      seriesId,
      weekdays: ['MONDAY', 'WEDNESDAY', 'FRIDAY'],
      time: '17:30',
      weeks: 4,
      firstDate: change.planStart,
    });
    expect(booked).toHaveLength(12);
    const local = booked.map((a) => wallTime(a.startsAt, timeZone));
    expect(new Set(local.map((l) => l.time))).toEqual(new Set(['17:30']));
    // Both sides of the change are in the plan, at different UTC offsets: the instants moved, the wall clock did not.
    expect(new Set(local.map((l) => l.offset)).size).toBe(2);
    expect(local.filter((l) => l.date < change.date)).toHaveLength(6);
    for (const a of booked) expect(a.endsAt.getTime() - a.startsAt.getTime()).toBe(30 * 60_000);
  });

  test('a time the clocks skip is refused', async () => {
    const change = nextClockChange(timeZone, 'forward');
    const { therapist, seriesId } = await seriesIn(timeZone, change.planStart);
    // Both zones skip an hour starting at 01:00 (London) or 02:00 (Toronto) local time.
    const skipped = timeZone === 'Europe/London' ? '01:30' : '02:30';
    const before = await db.count('appointment');
    await expect(addAppointment(db.orm.em.fork(), therapist, { seriesId, date: change.date, time: skipped })).rejects.toMatchObject({
      field: 'time',
      rule: 'dst-gap',
    });
    expect(await db.count('appointment')).toBe(before);
  });
});
