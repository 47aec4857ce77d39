import { ormConfig } from '@fascia/server/db/orm-config.js';
import { seedDemoData } from '@fascia/server/demo/seed.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';

/**
 * Seeds the demo data into a test database through an ORM of its own whose transactions may sit idle
 * longer than the app's 15 s: the seed hashes the demo passwords inside its transaction, and on a
 * machine shared by many jobs that wait outlasted the limit, so PostgreSQL ended the connection mid-seed.
 */
export async function seedDemoPatiently(url: string): Promise<void> {
  const config = ormConfig({ clientUrl: url });
  const orm = await MikroORM.init({
    ...config,
    driverOptions: { ...config.driverOptions, idle_in_transaction_session_timeout: 300_000, statement_timeout: 300_000 },
  });
  try {
    await seedDemoData(orm.em.fork(), pino({ level: 'silent' }));
  } finally {
    await orm.close();
  }
}
