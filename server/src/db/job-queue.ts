import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';

export type JobQueue = PgBoss;

/**
 * The process's one pg-boss, on the application's database (its jobs live in the `pgboss` schema there). Reminders
 * and the nightly expected-change refit each register their queue and worker on it, so the process keeps one small
 * pool and one round of pg-boss's maintenance instead of one per feature.
 */
export async function startJobQueue(connectionString: string, log: Logger): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString, max: 4, application_name: 'fascia-jobs' });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  return boss;
}

/** After the features' workers stopped: lets jobs still running finish (and be marked) before the pool closes. */
export function stopJobQueue(boss: JobQueue): Promise<void> {
  return boss.stop({ graceful: true, timeout: 5_000 });
}
