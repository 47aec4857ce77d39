/*
 * Benchmark of appointments (a script, not a test): a throwaway embedded PostgreSQL and the real HTTP app in
 * production mode in this process, one clinic in America/Toronto with a therapist and BENCH_SERIES series.
 *
 * - Booking a 4-week plan (Mon/Wed/Fri, 12 appointments) with `bookPlan`, one series after another, against booking
 *   one appointment with `addAppointment` (the baseline: the same checks and transaction for one row).
 * - The week view of a therapist with 40 appointments that week (those of the baseline; `calendar` with each appointment's client and
 *   therapist, as the calendar page asks), against one hand-written SQL statement reading the same rows with the
 *   client's name (the baseline: what the database alone costs).
 *
 * Medians of BENCH_RUNS timings each, and their ratios.
 *
 *   npx -y pnpm@12.21.0 bench:appointments      # BENCH_SERIES (default 40), BENCH_RUNS (default 40)
 */
import 'reflect-metadata';
import os from 'node:os';
import { prepareSchema } from '@fascia/server/db/database.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { createHttpServer } from '@fascia/server/http/app.js';
import { issueSession } from '@fascia/server/modules/accounts/access.service.js';
import { createAccount } from '@fascia/server/modules/accounts/account.service.js';
import { createViewerResolver } from '@fascia/server/modules/accounts/http-credentials.js';
import { Clinic } from '@fascia/server/modules/clinics/clinic.entity.js';
import { Therapist } from '@fascia/server/modules/clinics/therapist.entity.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { Temporal } from 'temporal-polyfill';
import { startBenchDatabase } from './bench-database.js';

const seriesCount = Number(process.env.BENCH_SERIES ?? 40);
const runs = Number(process.env.BENCH_RUNS ?? 40);
const log = pino({ level: 'warn' });
const timeZone = 'America/Toronto';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function main() {
  let stopServer: () => Promise<void> = async () => {};
  let orm: MikroORM | undefined;
  const db = await startBenchDatabase('fascia-appointments-bench-', log, async () => {
    await stopServer();
    await orm?.close();
  });
  try {
    orm = await MikroORM.init(ormConfig({ clientUrl: db.url }));
    await prepareSchema(orm, log);
    const em = orm.em.fork();
    const clinic = em.create(Clinic, { name: 'Bench clinic', timeZone });
    const therapist = em.create(Therapist, { clinic, givenName: 'Bea', familyName: 'Bench' });
    await em.flush();
    const account = await createAccount(em, {
      role: 'THERAPIST',
      clinicId: clinic.id,
      therapistId: therapist.id,
      email: 'bench@example.com',
      password: 'quiet river timing 2026',
    });
    const { secret: token } = await issueSession(em, account);
    const http = await createHttpServer({
      orm,
      schema: await buildFasciaSchema(),
      log,
      resolveViewer: createViewerResolver(orm),
      production: true,
    });
    const url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
    stopServer = () => http.stop();
    const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    console.log(`${seriesCount} clients with a series each …`);
    const seriesIds: string[] = [];
    for (let i = 0; i < seriesCount; i++) {
      const { createClient } = await graphql('mutation($input: CreateClientInput!) { createClient(input: $input) { id } }', {
        input: { givenName: 'Client', familyName: `N${String(i).padStart(3, '0')}`, dateOfBirth: '1980-01-01', sex: 'OTHER' },
      });
      const { startSeries } = await graphql('mutation($input: StartSeriesInput!) { startSeries(input: $input) { id } }', {
        input: {
          clientId: createClient.id,
          conditionCode: 'NECK_PAIN',
          plannedSessions: 12,
          plannedSessionsPerWeek: 3,
          plannedMinutesPerSession: 30,
          startDate: Temporal.Now.plainDateISO(timeZone).toString(),
        },
      });
      seriesIds.push(startSeries.id);
    }

    // The week view's week is the first Monday after next; the plans start a week later, each series at its own
    // quarter-hour slot, 48 series to a block of 4 weeks, so no booking overlaps another.
    const today = Temporal.Now.plainDateISO(timeZone);
    const viewWeek = today.add({ days: 8 - today.dayOfWeek + 7 });
    const slot = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const bookPlan = 'mutation($input: BookPlanInput!) { bookPlan(input: $input) { id } }';
    const addOne = 'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }';
    // Warm-up: the first requests compile the statements and load the schema's paths.
    await graphql(addOne, { input: { seriesId: seriesIds[0], date: viewWeek.add({ weeks: 60 }).toString(), time: '06:00', minutes: 15 } });

    const planTimes: number[] = [];
    const oneTimes: number[] = [];
    for (let run = 0; run < Math.min(runs, seriesCount); run++) {
      const block = viewWeek.add({ weeks: 1 + 4 * Math.floor(run / 48) });
      const input = {
        seriesId: seriesIds[run],
        weekdays: ['MONDAY', 'WEDNESDAY', 'FRIDAY'],
        time: slot(7 * 60 + (run % 48) * 15),
        weeks: 4,
        firstDate: block.toString(),
        minutes: 15,
      };
      const plan = await timed(() => graphql(bookPlan, { input }));
      if (plan.result.bookPlan.length !== 12) throw new Error(`booked ${plan.result.bookPlan.length} appointments, not 12`);
      planTimes.push(plan.ms);
      // The baseline books the view's week: 8 appointments a weekday, hourly from 08:00, 40 in all.
      if (run < 40) {
        const date = viewWeek.add({ days: run % 5 }).toString();
        const one = { seriesId: seriesIds[run], date, time: slot(8 * 60 + Math.floor(run / 5) * 60), minutes: 30 };
        oneTimes.push((await timed(() => graphql(addOne, { input: one }))).ms);
      }
    }

    const weekFrom = viewWeek.toZonedDateTime(timeZone).toInstant();
    const weekTo = viewWeek.add({ weeks: 1 }).toZonedDateTime(timeZone).toInstant();
    // What the calendar page asks for.
    const calendar = `query($from: DateTime!, $to: DateTime!) { calendar(from: $from, to: $to) {
      id startsAt endsAt localDate localTime minutes status seriesId sessionId needsSession cancelledBy lateCancellation
      cancelRequestedAt cancelRequestReason client { id displayName } therapist { id givenName familyName } } }`;
    const viewTimes: number[] = [];
    const sqlTimes: number[] = [];
    const sql = `select a.id, a.starts_at, a.ends_at, a.minutes, a.status, a.series_id, a.session_id, a.cancelled_by,
        a.late_cancellation, a.cancel_requested_at, a.cancel_request_reason, c.id as client_id, c.given_name, c.family_name,
        t.id as therapist_id, t.given_name as therapist_given_name, t.family_name as therapist_family_name
      from appointment a join client c on c.id = a.client_id join therapist t on t.id = a.therapist_id
      where a.clinic_id = ? and a.therapist_id = ? and a.starts_at < ? and a.ends_at > ? order by a.starts_at`;
    const sqlEm = orm.em.fork();
    let shown = 0;
    for (let run = 0; run < runs; run++) {
      const view = await timed(() => graphql(calendar, { from: weekFrom.toString(), to: weekTo.toString() }));
      shown = view.result.calendar.length;
      viewTimes.push(view.ms);
      sqlTimes.push((await timed(() => sqlEm.execute(sql, [clinic.id, therapist.id, weekTo.toString(), weekFrom.toString()]))).ms);
    }

    const load = os.loadavg()[0]?.toFixed(1);
    console.log(`\nappointments benchmark: ${runs} timings each, ${os.cpus().length} cores, load average ${load} at the end`);
    console.log('| figure | median | baseline (median) | ratio |');
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| booking a 4-week plan (12 appointments, bookPlan over HTTP) | ${median(planTimes).toFixed(1)} ms | one appointment (addAppointment) ${median(oneTimes).toFixed(1)} ms | ${(median(planTimes) / median(oneTimes)).toFixed(2)} |`,
    );
    console.log(
      `| the week view of a therapist with ${shown} appointments (calendar over HTTP) | ${median(viewTimes).toFixed(1)} ms | the rows by one SQL statement ${median(sqlTimes).toFixed(1)} ms | ${(median(viewTimes) / median(sqlTimes)).toFixed(2)} |`,
    );
  } finally {
    await db.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
