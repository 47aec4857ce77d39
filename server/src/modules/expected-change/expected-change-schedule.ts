import type { MikroORM } from '@mikro-orm/postgresql';
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { refitExpectedChange } from './expected-change.service.js';

export const refitQueueName = 'expected-change-refit';

/** Every night at 03:15 UTC: after the day's visits, before the next day's. */
export const refitCron = '15 3 * * *';

export interface RefitSchedule {
  /** Queues a refit now, as the schedule does each night (one worker of any instance takes it). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The nightly refit through pg-boss on the application's database (as the reminders): pg-boss's schedule
 * makes one job per night across every instance, and one worker takes it.
 */
export async function startRefitSchedule(orm: MikroORM, connectionString: string, log: Logger): Promise<RefitSchedule> {
  const boss = new PgBoss({ connectionString, max: 2, application_name: 'fascia-expected-change' });
  boss.on('error', (error) => log.error({ err: error }, 'expected-change schedule error'));
  await boss.start();
  await boss.createQueue(refitQueueName, { retryLimit: 2, retryDelay: 600, expireInSeconds: 3600 });
  await boss.schedule(refitQueueName, refitCron, null, { tz: 'UTC' });
  await boss.work(refitQueueName, async () => {
    const models = await refitExpectedChange(orm.em.fork());
    log.info({ models }, 'expected-change models refitted');
  });
  return {
    async runNow() {
      await boss.send(refitQueueName, {});
    },
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  };
}
