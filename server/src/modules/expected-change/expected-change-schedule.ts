import type { MikroORM } from '@mikro-orm/postgresql';
import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { refitExpectedChange } from './expected-change.service.js';

export const refitQueueName = 'expected-change-refit';

/** Every night at 03:15 UTC: after the day's visits, before the next day's. */
export const refitCron = '15 3 * * *';

export interface RefitSchedule {
  /** Queues a refit now, as the schedule does each night (one worker of any instance takes it). */
  runNow(): Promise<void>;
  /** Stops this instance's worker, waiting for a refit it is running. */
  stop(): Promise<void>;
}

/**
 * The nightly refit on the process's job queue (shared with the reminders): pg-boss's schedule makes one job per
 * night across every instance, and one worker takes it.
 */
export async function startRefitSchedule(orm: MikroORM, boss: PgBoss, log: Logger): Promise<RefitSchedule> {
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
    stop: () => boss.offWork(refitQueueName, { wait: true }),
  };
}
