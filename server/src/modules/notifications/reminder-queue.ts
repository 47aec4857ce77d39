import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { MailError, type Mailer } from './mailer.js';
import type { ReminderKind } from './reminder.entity.js';
import type { MailContext, ReminderKindDefinition } from './reminder-kinds.js';

export const reminderQueueName = 'reminder';

export interface ReminderQueueOptions {
  orm: MikroORM;
  /** The process's job queue (db/job-queue.ts), on the same database as the ORM's. */
  boss: PgBoss;
  mailer: Mailer;
  log: Logger;
  kinds: ReminderKindDefinition[];
  mailContext: MailContext;
  /** How often each instance plans and queues reminders (ms). */
  planIntervalMs: number;
  /** First retry after this many seconds, doubling each time (pg-boss's exponential back-off), at most an hour apart. */
  retryDelaySeconds: number;
  /** Retries after the first attempt before a reminder is given up as FAILED. */
  retryLimit: number;
  /** How often an idle worker asks for due jobs (seconds, at least 0.5). */
  pollingIntervalSeconds: number;
  /**
   * Jobs fetched and sent at once per worker. While a fetch comes back full the worker fetches again at once
   * (pg-boss's burst mode), so a backlog drains at the speed of sending, not one batch per polling interval.
   */
  batchSize: number;
}

export interface ReminderQueue {
  /** Plans and queues right away (the loop does the same every `planIntervalMs`). */
  planNow(): Promise<void>;
  /** Stops planning and this instance's worker, letting the reminders being sent finish. */
  stop(): Promise<void>;
}

/** Reminders are queued once due within this horizon: well inside pg-boss's retention of waiting jobs (14 days). */
const queueHorizon = "interval '1 day'";
/** A reminder left SENDING this long was cut off mid-send (a crash): it is not resent, so it cannot arrive twice. */
const interruptedAfter = "interval '15 minutes'";

/** Writes the reminders due and cancels those no longer wanted (a cancelled or moved appointment, a voided visit). */
async function plan(em: EntityManager, kinds: ReminderKindDefinition[]): Promise<void> {
  for (const kind of kinds) {
    await kind.plan(em);
    await em.execute(
      `update reminder r set status = 'CANCELLED', problem = 'No longer due', updated_at = now()
       where r.status = 'SCHEDULED' and r.kind = ? and not (${kind.stillWanted})`,
      [kind.kind],
    );
  }
  await em.execute(
    `update reminder set status = 'FAILED', updated_at = now(),
       problem = 'Sending was interrupted (the server stopped); not sent again so that it cannot arrive twice'
     where status = 'SENDING' and updated_at < now() - ${interruptedAfter}`,
  );
}

/** Claims reminder `id` for sending: exactly one caller wins, and only while it is still SCHEDULED. */
async function claim(em: EntityManager, id: string): Promise<{ kind: ReminderKind; email: string | null; optedOut: boolean } | null> {
  const [row] = await em.execute<{ kind: ReminderKind; email: string | null; optedOut: boolean }[]>(
    `with claimed as (
       update reminder set status = 'SENDING', attempts = attempts + 1, updated_at = now()
       where id = ? and status = 'SCHEDULED' returning id, kind, client_id)
     select claimed.kind, cl.email, (o.opted_out_at is not null) as "optedOut"
     from claimed join client cl on cl.id = claimed.client_id left join reminder_opt_out o on o.client_id = claimed.client_id`,
    [id],
  );
  return row ?? null;
}

async function finish(em: EntityManager, id: string, status: string, fields: { problem?: string; recipient?: string; sent?: boolean }) {
  await em.execute(
    `update reminder set status = ?, problem = ?, recipient = coalesce(?, recipient), sent_at = case when ? then now() else sent_at end, updated_at = now() where id = ?`,
    [status, fields.problem ?? null, fields.recipient ?? null, fields.sent ?? false, id],
  );
}

/**
 * Registers the reminder queue and its worker on the process's job queue, and starts the planning loop.
 * At most once: a job is fetched by one worker at a time (pg-boss locks with SKIP LOCKED), and the worker
 * first moves the reminder from SCHEDULED to SENDING in one statement, so a reminder is emailed by one worker only.
 */
export async function startReminderQueue(options: ReminderQueueOptions): Promise<ReminderQueue> {
  const { orm, log, mailer, kinds, boss } = options;
  await boss.createQueue(reminderQueueName, {
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 300,
  });
  const kindOf = new Map(kinds.map((k) => [k.kind, k]));

  async function deliver(job: JobWithMetadata<{ reminderId: string }>): Promise<JobResult> {
    const em = orm.em.fork();
    const id = job.data.reminderId;
    const claimed = await claim(em, id);
    // Already sent, cancelled, or being sent by another instance: nothing to do.
    if (!claimed) return { id: job.id, status: 'completed' };
    let handedToServer = false;
    try {
      return await send(em, job, claimed, () => {
        handedToServer = true;
      });
    } catch (error) {
      // A database error before the message went out: back to SCHEDULED for pg-boss's retry. After it went out, the
      // reminder stays SENDING: sending it again could deliver it twice.
      if (!handedToServer) await finish(em, id, 'SCHEDULED', { problem: `Not sent yet: ${(error as Error).message}` }).catch(() => {});
      log.error({ reminder: id, err: error }, 'reminder job failed');
      return { id: job.id, status: 'failed', output: { message: (error as Error).message } };
    }
  }

  async function send(
    em: EntityManager,
    job: JobWithMetadata<{ reminderId: string }>,
    claimed: { kind: ReminderKind; email: string | null; optedOut: boolean },
    sending: () => void,
  ): Promise<JobResult> {
    const id = job.data.reminderId;
    const kind = kindOf.get(claimed.kind);
    const [wanted] = kind ? await em.execute(`select 1 from reminder r where r.id = ? and ${kind.stillWanted}`, [id]) : [];
    if (!kind || !wanted) {
      await finish(em, id, 'CANCELLED', { problem: 'No longer due' });
      return { id: job.id, status: 'completed' };
    }
    if (claimed.optedOut || !claimed.email) {
      await finish(em, id, 'SKIPPED', {
        problem: claimed.optedOut ? 'The client opted out of reminders' : 'The client has no email address',
      });
      return { id: job.id, status: 'completed' };
    }
    const message = await kind.mail(em, id, claimed.email, options.mailContext);
    if (!message) {
      await finish(em, id, 'CANCELLED', { problem: 'No longer due' });
      return { id: job.id, status: 'completed' };
    }
    try {
      sending();
      await mailer.send(message);
    } catch (error) {
      if (error instanceof MailError && error.permanent) {
        // Retrying a refused address would be refused again: the therapist sees it and corrects the address.
        await finish(em, id, 'REFUSED', {
          recipient: claimed.email,
          problem: `The mail server refused ${claimed.email}: ${error.message}`,
        });
        log.warn({ reminder: id, code: error.responseCode }, 'reminder address refused');
        return { id: job.id, status: 'completed' };
      }
      const last = job.retryCount >= job.retryLimit;
      await finish(em, id, last ? 'FAILED' : 'SCHEDULED', {
        recipient: claimed.email,
        problem: `Not sent yet: ${(error as Error).message}`,
      });
      log.warn(
        { reminder: id, attempt: job.retryCount + 1, err: error },
        last ? 'reminder failed for good' : 'reminder not sent; will retry',
      );
      return { id: job.id, status: 'failed', output: { message: (error as Error).message } };
    }
    await finish(em, id, 'SENT', { recipient: claimed.email, sent: true });
    return { id: job.id, status: 'completed' };
  }

  await boss.work(
    reminderQueueName,
    {
      includeMetadata: true,
      perJobResults: true,
      batchSize: options.batchSize,
      pollingIntervalSeconds: options.pollingIntervalSeconds,
      burstWhenBatchFull: true,
    },
    (jobs: JobWithMetadata<{ reminderId: string }>[]) => Promise.all(jobs.map(deliver)),
  );

  /** Queues the planned reminders due soon; a job's id is its reminder's, so queueing one twice is a no-op. */
  async function queueDue(em: EntityManager): Promise<void> {
    for (;;) {
      const due = await em.execute<{ id: string; dueAt: Date }[]>(
        `select id, due_at as "dueAt" from reminder where status = 'SCHEDULED' and queued_at is null and due_at < now() + ${queueHorizon}
         order by due_at limit 1000`,
      );
      if (due.length === 0) return;
      await boss.insert(
        reminderQueueName,
        due.map((r) => ({ id: r.id, data: { reminderId: r.id }, startAfter: new Date(r.dueAt) })),
      );
      await em.execute('update reminder set queued_at = now() where id in (?)', [due.map((r) => r.id)]);
    }
  }

  let running: Promise<void> | undefined;
  const planNow = () => {
    running ??= (async () => {
      const em = orm.em.fork();
      try {
        await plan(em, kinds);
        await queueDue(em);
      } catch (error) {
        log.error({ err: error }, 'planning reminders failed; trying again at the next round');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void planNow(), options.planIntervalMs);
  void planNow();

  return {
    planNow,
    async stop() {
      clearInterval(timer);
      await running;
      // The jobs being sent finish (and are marked) before the mailer closes.
      await boss.offWork(reminderQueueName, { wait: true });
      mailer.close();
    },
  };
}
