/**
 * Benchmark of the reminder queue (a script, not a timed test): a throwaway embedded PostgreSQL, one clinic whose
 * 10,000 clients each have an appointment reminder due now, drained by the real queue (pg-boss, the worker's claim,
 * the email with its .ics) through the in-process SMTP server. Three runs; prints each run's messages per second and
 * their median, against a baseline measured in the same run: the earlier settings (one SMTP connection per message,
 * batches of 5), draining BENCH_BASELINE_REMINDERS (default 500, as it is slow).
 * Run: `pnpm bench:appointments` (after the appointments benchmark) or `pnpm --filter @fascia/tests bench:reminders`.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareSchema } from '@fascia/server/db/database.js';
import { startEmbeddedPostgres } from '@fascia/server/db/embedded-postgres.js';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { startJobQueue, stopJobQueue } from '@fascia/server/db/job-queue.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { startMailCatcher } from '@fascia/server/modules/notifications/mail-catcher.js';
import { createMailer } from '@fascia/server/modules/notifications/mailer.js';
import { reminderKinds } from '@fascia/server/modules/notifications/notifications.js';
import { startReminderQueue } from '@fascia/server/modules/notifications/reminder-queue.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';

const reminders = Number(process.env.BENCH_REMINDERS ?? 10_000);
const baselineReminders = Number(process.env.BENCH_BASELINE_REMINDERS ?? 500);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const log = pino({ level: 'warn' });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * One clinic and `reminders` clients, each with their own therapist, series and an appointment in two hours: booked at
 * shorter notice than the 24-hour lead, so every reminder is due at once.
 */
async function seed(orm: MikroORM, run: string, reminders: number): Promise<void> {
  const em = orm.em.fork();
  await em.execute(`insert into clinic (id, created_at, updated_at, name) values (gen_random_uuid(), now(), now(), 'Bench ${run}')`);
  await em.execute(
    `with c as (select id from clinic where name = 'Bench ${run}'),
     people as (select gen_random_uuid() as client_id, gen_random_uuid() as therapist_id, g from generate_series(1, ${reminders}) g),
     t as (insert into therapist (id, created_at, updated_at, clinic_id, given_name, family_name)
           select p.therapist_id, now(), now(), c.id, 'Tess', 'Bench' || p.g from c, people p returning id),
     cl as (insert into client (id, created_at, updated_at, clinic_id, given_name, family_name, date_of_birth, sex, email)
            select p.client_id, now(), now(), c.id, 'Client', 'N' || p.g, date '1980-01-01', 'OTHER', 'client' || p.g || '@example.org'
            from c, people p returning id),
     s as (insert into treatment_series (id, created_at, updated_at, clinic_id, client_id, therapist_id, condition_code, planned_sessions,
             planned_sessions_per_week, planned_minutes_per_session, start_date)
           select gen_random_uuid(), now(), now(), c.id, p.client_id, p.therapist_id, 'NECK_PAIN', 8, 1, 30, current_date
           from c, people p where exists (select 1 from t) and exists (select 1 from cl) returning id, client_id, therapist_id, clinic_id)
     insert into appointment (id, created_at, updated_at, clinic_id, series_id, therapist_id, client_id, starts_at, ends_at, minutes, status)
     select gen_random_uuid(), now(), now(), s.clinic_id, s.id, s.therapist_id, s.client_id,
            now() + interval '2 hours', now() + interval '2 hours 30 minutes', 30, 'BOOKED'
     from s`,
  );
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fascia-reminders-bench-'));
  const postgres = await startEmbeddedPostgres(path.join(dir, 'postgres'), log);
  const catcher = await startMailCatcher();
  let orm: MikroORM | undefined;
  try {
    await ensureDatabase(postgres.url('postgres'), 'bench');
    orm = await MikroORM.init(ormConfig({ clientUrl: postgres.url('bench') }));
    await prepareSchema(orm, log);
    /** Drains `count` due reminders `runs` times with a queue of these settings; each run's messages per second. */
    const drain = async (name: string, count: number, settings: { connections: number; batchSize: number }) => {
      const jobs = await startJobQueue(postgres.url('bench'), log);
      const queue = await startReminderQueue({
        orm: orm as MikroORM,
        boss: jobs,
        mailer: createMailer(catcher.url, 'Bench <reminders@example.org>', { connections: settings.connections }),
        log,
        kinds: reminderKinds,
        mailContext: { publicUrl: 'http://localhost:4000' },
        planIntervalMs: 3_600_000,
        retryDelaySeconds: 5,
        retryLimit: 3,
        pollingIntervalSeconds: 0.5,
        batchSize: settings.batchSize,
      });
      const rates: number[] = [];
      try {
        for (let run = 0; run < runs; run += 1) {
          await seed(orm as MikroORM, `${name} ${run}`, count);
          const before = catcher.count();
          const started = performance.now();
          await queue.planNow();
          let last = -1;
          for (;;) {
            const sent = catcher.count() - before;
            if (sent >= count) break;
            if (Math.floor(sent / 500) !== last) {
              last = Math.floor(sent / 500);
              process.stdout.write(`\r  ${name} run ${run + 1}: ${sent}/${count} sent`);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          const seconds = (performance.now() - started) / 1000;
          rates.push(count / seconds);
          console.log(
            `\r  ${name} run ${run + 1}: ${count} reminders planned, queued and sent in ${seconds.toFixed(1)} s: ${(count / seconds).toFixed(0)} messages/s`,
          );
        }
      } finally {
        await queue.stop();
        await stopJobQueue(jobs);
      }
      return median(rates);
    };
    const baseline = await drain('baseline', baselineReminders, { connections: 0, batchSize: 5 });
    const current = await drain('pooled', reminders, { connections: 3, batchSize: 10 });
    console.log(`\n| queue settings | reminders per run | median (${runs} runs) |`);
    console.log('| --- | --- | --- |');
    console.log(`| baseline: one SMTP connection per message, batches of 5 | ${baselineReminders} | ${baseline.toFixed(0)} messages/s |`);
    console.log(
      `| Fascia's: 3 pooled SMTP connections, batches of 10, burst while full | ${reminders} | ${current.toFixed(0)} messages/s |`,
    );
    console.log(
      `ratio ${(current / baseline).toFixed(1)}; ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the end`,
    );
  } finally {
    await orm?.close();
    await catcher.close();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
