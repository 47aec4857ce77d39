import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { MailCatcher } from './mail-catcher.js';
import { createMailer } from './mailer.js';
import { appointmentReminders, diaryPrompts, type ReminderKindDefinition } from './reminder-kinds.js';
import { type ReminderQueue, startReminderQueue } from './reminder-queue.js';

export interface NotificationsOptions {
  orm: MikroORM;
  /** The process's job queue, which sends the reminders. */
  jobs: PgBoss;
  log: Logger;
  /** Where mail goes; undefined: development catches it in the process, production sends none. */
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  production: boolean;
  /** Folder of local state: development's caught mail is kept in its `mail/` subfolder. */
  dataDir: string;
  queue: { enabled: boolean; planIntervalSeconds: number; retryDelaySeconds: number; pollSeconds: number };
}

export interface Notifications {
  /** Development's mail catcher, when no SMTP_URL was given (its messages are shown at /dev/mail). */
  catcher: MailCatcher | undefined;
  queue: ReminderQueue | undefined;
  stop(): Promise<void>;
}

/** Every kind of reminder the queue plans and sends. */
export const reminderKinds: ReminderKindDefinition[] = [appointmentReminders, diaryPrompts];

/** Starts the mail catcher (development without SMTP_URL) and the reminder queue, as the configuration says. */
export async function startNotifications(options: NotificationsOptions): Promise<Notifications> {
  const { log } = options;
  let catcher: MailCatcher | undefined;
  let smtpUrl = options.smtpUrl;
  if (!smtpUrl && !options.production) {
    // Loaded only here: its SMTP server and MIME parser are some 10 MB of heap that production never uses.
    const { startMailCatcher } = await import('./mail-catcher.js');
    catcher = await startMailCatcher({ folder: path.join(options.dataDir, 'mail') });
    smtpUrl = catcher.url;
    log.info(`No SMTP_URL: emails are caught by a local SMTP server on port ${catcher.port} and shown at /dev/mail`);
  }
  if (!smtpUrl) log.warn('No SMTP_URL is set: reminder emails are not sent (docs/operating.md#email-and-reminders).');
  let queue: ReminderQueue | undefined;
  if (smtpUrl && options.queue.enabled) {
    try {
      queue = await startReminderQueue({
        orm: options.orm,
        boss: options.jobs,
        mailer: createMailer(smtpUrl, options.mailFrom),
        log,
        kinds: reminderKinds,
        mailContext: { publicUrl: options.publicUrl },
        planIntervalMs: options.queue.planIntervalSeconds * 1000,
        retryDelaySeconds: options.queue.retryDelaySeconds,
        retryLimit: 10,
        pollingIntervalSeconds: options.queue.pollSeconds,
        // A batch's jobs run at once, each a few short statements on the application's pool and a message on one of the
        // mailer's connections: 10 keeps both busy without starving requests of database connections.
        batchSize: 10,
      });
    } catch (error) {
      await catcher?.close();
      throw error;
    }
  }
  return {
    catcher,
    queue,
    async stop() {
      await queue?.stop();
      await catcher?.close();
    },
  };
}
