/**
 * Fascia's command line, for what has no place in the web client: setting up a clinic and its first admin,
 * and researcher accounts (who belong to no clinic). Therapists and clients join through invites.
 *
 *   pnpm fascia clinic:create --name N --time-zone Z [--locale L] --admin-email E [--admin-name "Given Family"]
 *   pnpm fascia clinic:list
 *   pnpm fascia account:create --role RESEARCHER --email E [--password-stdin]
 *   pnpm fascia account:create --role ADMIN --email E --clinic ID [--therapist ID] [--password-stdin]
 *
 * clinic:create reads the admin's password from standard input when it is not a terminal (a pipe or a file),
 * else asks for it twice with echo off; never from the command line, where it would stay in the shell history.
 * account:create without --password-stdin generates a strong password and prints it, once.
 * Uses DATABASE_URL, or the embedded PostgreSQL under FASCIA_DATA_DIR, like the server.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { DomainError } from '../common/errors.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createAccount } from '../modules/accounts/account.service.js';
import { checkNewPassword } from '../modules/accounts/password.js';
import { createClinic, listClinicsWithCounts } from '../modules/clinics/clinic.service.js';

const usage = `usage:
  fascia clinic:create --name NAME --time-zone ZONE [--locale LOCALE] --admin-email EMAIL [--admin-name "GIVEN FAMILY"]
  fascia clinic:list
  fascia account:create --role RESEARCHER --email EMAIL [--password-stdin]
  fascia account:create --role ADMIN --email EMAIL --clinic ID [--therapist ID] [--password-stdin]`;

/** Opens the configured database for `work` and always closes it. */
async function withDatabase<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig(), pino({ level: 'warn' }));
  try {
    return await work(database.orm.em.fork());
  } finally {
    await database.close();
  }
}

/** One line typed on the terminal without echo (raw mode: Enter ends it, Backspace deletes, Ctrl-C cancels). */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(typed.join(''));
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new ConfigError('cancelled'));
          return;
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : [...typed, char];
      }
    };
    input.on('data', onData);
  });
}

/** The new admin's password: piped in (one line, its line end dropped), or typed twice on the terminal. */
async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return (await text(process.stdin)).replace(/\r?\n$/, '');
  const password = await askHidden('Password for the admin: ');
  checkNewPassword('password', password);
  if ((await askHidden('The same password again: ')) !== password) throw new ConfigError('the two passwords differ');
  return password;
}

async function clinicCreate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      'time-zone': { type: 'string' },
      locale: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
    },
  });
  const timeZone = values['time-zone'];
  const email = values['admin-email'];
  if (!values.name || !timeZone || !email) throw new ConfigError(usage);
  const password = await readNewPassword();
  const { clinic, admin } = await withDatabase((em) =>
    em.transactional(async (tx) => {
      const clinic = await createClinic(tx, { name: values.name ?? '', timeZone, locale: values.locale ?? null });
      const admin = await createAccount(tx, { role: 'ADMIN', email, password, name: values['admin-name'] ?? null, clinicId: clinic.id });
      return { clinic, admin };
    }),
  );
  console.log(`created clinic "${clinic.name}" (${clinic.id}), time zone ${clinic.timeZone}, locale ${clinic.locale}`);
  console.log(`created ADMIN account ${admin.email} (${admin.id}): sign in and invite the clinic's therapists`);
}

async function clinicList(): Promise<void> {
  const clinics = await withDatabase((em) => listClinicsWithCounts(em));
  if (clinics.length === 0) {
    console.log('no clinics yet: create one with `fascia clinic:create`');
    return;
  }
  console.log(['id', 'name', 'time zone', 'locale', 'accounts', 'clients'].join('\t'));
  for (const c of clinics) console.log([c.id, c.name, c.timeZone, c.locale, c.accounts, c.clients].join('\t'));
}

async function accountCreate(args: string[]): Promise<void> {
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
    throw new ConfigError(usage);
  }
  const generated = !values['password-stdin'];
  const password = generated ? randomBytes(18).toString('base64url') : (await text(process.stdin)).replace(/\r?\n$/, '');
  const account = await withDatabase((em) =>
    em.transactional((tx) =>
      createAccount(tx, {
        role,
        email: values.email ?? '',
        password,
        clinicId: values.clinic ?? null,
        therapistId: values.therapist ?? null,
      }),
    ),
  );
  console.log(`created ${account.role} account ${account.email} (${account.id})`);
  if (generated) console.log(`password (shown once): ${password}`);
}

const commands: Record<string, (args: string[]) => Promise<void>> = {
  'clinic:create': clinicCreate,
  'clinic:list': clinicList,
  'account:create': accountCreate,
};

async function main(): Promise<void> {
  // `pnpm fascia -- clinic:list` passes the `--` through.
  const [name, ...args] = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
  const command = name ? commands[name] : undefined;
  if (!command) throw new ConfigError(usage);
  await command(args);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DomainError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
