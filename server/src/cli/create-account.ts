/**
 * Creates an account from the command line: researchers (who belong to no clinic) and the first
 * admin of a clinic are made here; therapists and clients join through invites.
 *
 *   pnpm --filter @fascia/server exec tsx src/cli/create-account.ts \
 *     --role RESEARCHER --email ann@example.org [--password-stdin]
 *   ... --role ADMIN --email boss@example.org --clinic <clinic id> [--therapist <therapist id>]
 *
 * Without --password-stdin a strong password is generated and printed, once.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { DomainError } from '../common/errors.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createAccount } from '../modules/accounts/account.service.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      email: { type: 'string' },
      clinic: { type: 'string' },
      therapist: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const role = values.role?.toUpperCase();
  if ((role !== 'RESEARCHER' && role !== 'ADMIN') || !values.email || (role === 'ADMIN') !== Boolean(values.clinic)) {
    throw new ConfigError(
      'usage: --role RESEARCHER --email EMAIL | --role ADMIN --email EMAIL --clinic ID [--therapist ID]; [--password-stdin]',
    );
  }
  const generated = !values['password-stdin'];
  const password = generated ? randomBytes(18).toString('base64url') : (await text(process.stdin)).replace(/\r?\n$/, '');

  const config = loadConfig();
  const log = pino({ level: 'warn' });
  const database = await openDatabase(config, log);
  try {
    const em = database.orm.em.fork();
    const account = await em.transactional((tx) =>
      createAccount(tx, {
        role,
        email: values.email ?? '',
        password,
        clinicId: values.clinic ?? null,
        therapistId: values.therapist ?? null,
      }),
    );
    console.log(`created ${account.role} account ${account.email} (${account.id})`);
    if (generated) console.log(`password (shown once): ${password}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
