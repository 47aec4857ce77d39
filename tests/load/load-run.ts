import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { prepareSchema } from '@fascia/server/db/database.js';
import { type EmbeddedDatabase, findFreePort, startEmbeddedPostgres } from '@fascia/server/db/embedded-postgres.js';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { issueSession } from '@fascia/server/modules/accounts/access.service.js';
import { Account } from '@fascia/server/modules/accounts/account.entity.js';
import { hashPassword } from '@fascia/server/modules/accounts/password.js';
import { startSeries } from '@fascia/server/modules/care/care.service.js';
import { createClient } from '@fascia/server/modules/clients/client.service.js';
import { Clinic } from '@fascia/server/modules/clinics/clinic.entity.js';
import { Therapist } from '@fascia/server/modules/clinics/therapist.entity.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino } from 'pino';
import { killLeftoverServers, type LogLine, type ServerProcess, startServerProcess } from '../support/server-process.js';

/**
 * Load with faults against the real server on loopback: simulated therapists record visits (each with
 * its observations) and simulated clients log pain in their diary, every write with an idempotency key
 * and retried with the same key until acknowledged. PostgreSQL (run here, so that it can be killed) is
 * killed with SIGKILL and restarted `faultCycles` times, evenly over the run. Afterwards the database
 * must hold exactly the acknowledged records.
 */
export interface LoadOptions {
  seconds: number;
  therapists: number;
  clients: number;
  faultCycles: number;
  /** How long PostgreSQL stays away in each cycle before it is restarted. */
  downMs?: number;
  /** Progress lines. */
  say?: (line: string) => void;
}

/**
 * What the load runs against when the caller builds it (tests/cluster: a balancer in front of several instances,
 * a primary and a streaming replica) instead of one PostgreSQL and one server of the run's own.
 */
export interface LoadTarget {
  /** Where requests go. */
  url: string;
  /** The primary, to count what was stored. */
  databaseUrl: string;
  users: LoadUser[];
  /** The PostgreSQL the fault cycles kill with SIGKILL and start again. */
  primary: KillablePostgres;
  /** Faults besides PostgreSQL's, each at a fraction of the run (0-1); each resolves with a line saying what it did. */
  faults: { at: number; run(): Promise<string> }[];
  /** Every server's log so far (the report quotes the refusals outside the fault windows). */
  logLines(): LogLine[];
  /**
   * Therapists also read: the caseload before each visit (a heavy read, on a replica when one may answer) and the
   * series' progress right after it, which must count the visit just acknowledged (read your writes).
   */
  reads: boolean;
}

/** An embedded PostgreSQL that can be killed and started again on the same port. */
export interface KillablePostgres {
  url(database: string): string;
  kill(): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts (initialising) an embedded PostgreSQL in `clusterDir` on `port`, to be killed and restarted by the fault cycles. */
export async function startKillablePostgres(clusterDir: string, port: number): Promise<KillablePostgres> {
  let current: EmbeddedDatabase = await startEmbeddedPostgres(clusterDir, pino({ level: 'silent' }), { port });
  return {
    url: (database) => current.url(database),
    kill: () => process.kill(postmasterPid(clusterDir), 'SIGKILL'),
    async restart() {
      current = await restartPostgres(clusterDir, port);
    },
    stop: () => current.stop(),
  };
}

export interface FaultCycle {
  /** From SIGKILL until the restarted PostgreSQL accepts connections. */
  downMs: number;
  /** While it was away: how the API answered a signed-in request, and how fast. */
  probe: { status: number; code: string | null; retryAfter: string | null; ms: number };
  /** Readiness while it was away. */
  readyWhileDown: number;
  /** From PostgreSQL accepting connections until /health/ready answers 200 again. */
  recoveryMs: number;
}

export interface LoadReport {
  seconds: number;
  users: { therapists: number; clients: number };
  acknowledged: { sessions: number; diary: number };
  /** Acknowledged writes per second of load. */
  throughput: number;
  /** Requests answered 200, in ms. */
  latency: { p50: number; p99: number; max: number };
  /** Every answer by HTTP status; `network` for a connection refused or cut, `timeout` for no answer within 10 s. */
  answers: Record<string, number>;
  /** 503 SERVICE_UNAVAILABLE to requests wholly outside the fault windows (from SIGKILL to 5 s after PostgreSQL is back), e.g. the pool exhausted under load. */
  unavailableOutsideFaults: number;
  /** Seconds into the run at which those came, with how many, and the fault windows, to tell a backlog from overload. */
  unavailableOutsideFaultsAt: Record<string, number>;
  faultWindowsAt: string[];
  /** The server's own log of those refusals: when, why, and how busy its connection pool was. */
  unavailableOutsideFaultsLogged: string[];
  /** Answers other than 200 and 503 SERVICE_UNAVAILABLE: a 5xx, an error without a code, a refusal. */
  unexpected: string[];
  /** Writes still not acknowledged when the run gave up on them (30 s after its end). */
  unacknowledged: number;
  /** With `LoadTarget.reads`: reads answered, and progress reads that missed a visit the same therapist had just recorded. */
  reads: { caseload: number; progress: number; missedOwnWrite: number } | null;
  /** What each of the target's other faults did. */
  otherFaults: string[];
  faults: FaultCycle[];
  database: {
    /** Acknowledged records the database does not hold. */
    missing: number;
    /** Records the database holds that were never acknowledged (written twice, or written and never acknowledged). */
    unacknowledgedRows: number;
    sessionObservationsExpected: number;
    sessionObservationsFound: number;
  };
}

export interface LoadUser {
  kind: 'therapist' | 'client';
  token: string;
  /** A therapist: the series of their clients; a client: their own. */
  series: { id: string; clientId: string }[];
}

const observationsPerVisit = 3;
const requestTimeoutMs = 10_000;
/** Retries stop this long after the end of the load; a write still unacknowledged then is reported. */
const settleMs = 30_000;
/**
 * Pause between two writes of one user: far quicker than people (a visit every 3-6 s, a diary entry every
 * 8-15 s), so that 50 therapists and 200 clients offer about 30 writes/s, some 60% of what this app
 * serves on 2 shared cores. The headroom is what lets the backlog of writes held up by an outage drain
 * within seconds of PostgreSQL's return; offered more than it serves, requests queue for the pool and the
 * excess is shed with 503 after 1.5 s.
 */
const thinkMs = { therapist: [3_000, 6_000], client: [8_000, 15_000] } as const;
const seriesStart = Date.parse('2026-01-05T09:00:00Z');

const recordSession = 'mutation($input: RecordSessionInput!, $key: String) { recordSession(input: $input, idempotencyKey: $key) { id } }';
const caseloadQuery = '{ caseload(first: 5) { totalCount } }';
const progressQuery = 'query($id: ID!) { series(id: $id) { progress { attendance { attended } } } }';
const recordObservation =
  'mutation($input: RecordObservationInput!, $key: String) { recordObservation(input: $input, idempotencyKey: $key) { id } }';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const between = ([low, high]: readonly [number, number]) => low + Math.random() * (high - low);

/**
 * Clinics of up to 10 therapists, each treating an equal share of the clients (one neck-pain series
 * each), made through the services straight in the database after the migrations; every therapist and
 * client gets an account and a session token.
 */
export async function createUsers(url: string, options: Pick<LoadOptions, 'therapists' | 'clients'>): Promise<LoadUser[]> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: url }));
  try {
    await prepareSchema(orm, pino({ level: 'warn' }));
    const em = orm.em.fork();
    // One scrypt hash for every account: nobody signs in with a password here (sessions are issued
    // directly), and hashing 250 passwords at N = 2^17 would take minutes.
    const passwordHash = await hashPassword(randomUUID());
    const therapists: LoadUser[] = [];
    const clients: LoadUser[] = [];
    let clinic: Clinic | undefined;
    for (let t = 0; t < options.therapists; t++) {
      if (t % 10 === 0) clinic = em.create(Clinic, { name: `Load clinic ${t / 10 + 1}`, timeZone: 'UTC' });
      if (!clinic) throw new Error('no clinic');
      const therapist = em.create(Therapist, { clinic, givenName: 'Load', familyName: `Therapist ${t}`, registrationNumber: `LOAD-${t}` });
      await em.flush();
      const viewer = { role: 'THERAPIST' as const, accountId: null, clinicId: clinic.id, therapistId: therapist.id };
      const account = em.create(Account, { email: `therapist-${t}@load.example.com`, passwordHash, role: 'THERAPIST', clinic, therapist });
      const user: LoadUser = { kind: 'therapist', token: '', series: [] };
      for (let c = t; c < options.clients; c += options.therapists) {
        const client = await createClient(em, viewer, {
          givenName: 'Load',
          familyName: `Client ${c}`,
          dateOfBirth: '1980-01-01',
          sex: 'FEMALE',
        });
        const series = await startSeries(em, viewer, {
          clientId: client.id,
          conditionCode: 'NECK_PAIN',
          plannedSessions: 10,
          plannedSessionsPerWeek: 1,
          plannedMinutesPerSession: 60,
          startDate: '2026-01-05',
        });
        const clientAccount = em.create(Account, { email: `client-${c}@load.example.com`, passwordHash, role: 'CLIENT', clinic, client });
        await em.flush();
        const own = { id: series.id, clientId: client.id };
        user.series.push(own);
        clients.push({ kind: 'client', token: (await issueSession(em, clientAccount)).secret, series: [own] });
      }
      await em.flush();
      user.token = (await issueSession(em, account)).secret;
      therapists.push(user);
    }
    return [...therapists, ...clients];
  } finally {
    await orm.close();
  }
}

/** The postmaster's pid, from the first line of its lock file. */
function postmasterPid(clusterDir: string): number {
  return Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * Starts PostgreSQL on its port again. Right after a SIGKILL the old backends may still hold the shared
 * memory for a moment (PostgreSQL refuses to start then) and postmaster.pid is left behind (PostgreSQL
 * sees its process is gone and takes the file over), so this retries.
 */
async function restartPostgres(clusterDir: string, port: number): Promise<EmbeddedDatabase> {
  const log = pino({ level: 'silent' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await startEmbeddedPostgres(clusterDir, log, { port });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not restart within 30 s: ${String(error)}`);
      await sleep(100);
    }
  }
}

/** The readiness status, 0 when no answer came (a balancer or a connection closed under it). */
async function readinessOf(url: string): Promise<{ status: number }> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(requestTimeoutMs) });
    await response.arrayBuffer();
    return { status: response.status };
  } catch {
    return { status: 0 };
  }
}

interface Answer {
  status: number | 'network' | 'timeout';
  id: string | null;
  /** The answer's first field. */
  value: unknown;
  code: string | null;
  retryAfter: string | null;
  ms: number;
  startedAt: number;
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const body = (await response.json()) as {
      data?: Record<string, { id: string } | null> | null;
      errors?: { extensions?: { code?: string } }[];
    };
    const result = body.data ? Object.values(body.data)[0] : null;
    return {
      status: response.status,
      id: result?.id ?? null,
      value: result ?? null,
      code: body.errors?.[0]?.extensions?.code ?? null,
      retryAfter: response.headers.get('retry-after'),
      ms: Date.now() - startedAt,
      startedAt,
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      status: timedOut ? 'timeout' : 'network',
      id: null,
      value: null,
      code: null,
      retryAfter: null,
      ms: Date.now() - startedAt,
      startedAt,
    };
  }
}

/**
 * Whether a request asked at `from` and answered at `to` (ms) met a fault window [start, end]: one in flight at
 * any moment of a window did, e.g. sent just before the kill and answered 503 inside the window after its
 * transaction was cut or it waited for a connection.
 */
export function metFault(windows: readonly (readonly [number, number])[], from: number, to = from): boolean {
  return windows.some(([start, end]) => from <= end && to >= start);
}

/** The load and fault run against a PostgreSQL and a server of its own (`pnpm load`). */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const say = options.say ?? (() => {});
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-load-'));
  let postgres: KillablePostgres | undefined;
  let server: ServerProcess | undefined;
  try {
    postgres = await startKillablePostgres(path.join(folder, 'postgres'), await findFreePort());
    await ensureDatabase(postgres.url('postgres'), 'fascia');
    const databaseUrl = postgres.url('fascia');
    const t = Date.now();
    const users = await createUsers(databaseUrl, options);
    say(
      `${options.therapists} therapists and ${options.clients} clients with accounts and sessions in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    server = await startServerProcess({ DATABASE_URL: databaseUrl, FASCIA_SEED_DEMO: 'false', NODE_ENV: 'production', LOG_LEVEL: 'info' });
    const { logLines } = server;
    return await driveLoad(options, {
      url: server.url,
      databaseUrl,
      users,
      primary: postgres,
      faults: [],
      logLines: () => logLines,
      reads: false,
    });
  } finally {
    if (server) await server.stop('SIGTERM');
    killLeftoverServers();
    await postgres?.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Runs the load and the faults against `target` and checks what the database holds afterwards. */
export async function driveLoad(options: LoadOptions, target: LoadTarget): Promise<LoadReport> {
  const say = options.say ?? (() => {});
  const downMs = options.downMs ?? 2_000;
  const { url, databaseUrl, users } = target;
  const acknowledged = { sessions: new Map<string, string>(), diary: new Map<string, string>() };
  const answers: Record<string, number> = {};
  const latencies: number[] = [];
  /** When each 503 SERVICE_UNAVAILABLE was asked and answered. */
  const unavailable: { from: number; to: number }[] = [];
  const unexpected: string[] = [];
  let unacknowledged = 0;
  const faultWindows: [number, number][] = [];
  const reads = { caseload: 0, progress: 0, missedOwnWrite: 0 };
  const otherFaults: string[] = [];

  const startedAt = Date.now();
  const endAt = startedAt + options.seconds * 1000;

  /**
   * Sends one request until it is answered as `done` says (a write always with the same key and input), counting
   * every answer; gives up 30 s after the end of the load (null).
   */
  async function untilAnswered(
    user: LoadUser,
    query: string,
    variables: Record<string, unknown>,
    done: (answer: Answer) => boolean,
  ): Promise<Answer | null> {
    for (let attempt = 0; ; attempt++) {
      const answer = await post(url, user.token, query, variables);
      answers[answer.status] = (answers[answer.status] ?? 0) + 1;
      if (answer.status === 200 && done(answer)) {
        latencies.push(answer.ms);
        return answer;
      }
      if (answer.status === 503 && answer.code === 'SERVICE_UNAVAILABLE')
        unavailable.push({ from: answer.startedAt, to: answer.startedAt + answer.ms });
      else if (answer.status !== 'network' && answer.status !== 'timeout')
        unexpected.push(`${answer.status} ${answer.code ?? 'without a code'}`);
      if (Date.now() > endAt + settleMs) return null;
      // At least the server's Retry-After, doubling with each failure up to 8 s, with jitter, so that
      // 250 clients do not all come back in the same instant when PostgreSQL does.
      const retryAfterMs = Number(answer.retryAfter ?? 0) * 1000;
      await sleep(Math.max(retryAfterMs, Math.min(8_000, 250 * 2 ** attempt)) * (0.5 + Math.random()));
    }
  }

  /** Sends one write until it is acknowledged, always with the same key and input; says whether it was. */
  async function untilAcknowledged(user: LoadUser, query: string, input: Record<string, unknown>, ledger: Map<string, string>) {
    const key = randomUUID();
    const answer = await untilAnswered(user, query, { input, key }, (a) => a.id !== null);
    if (answer?.id) ledger.set(key, answer.id);
    else unacknowledged += 1;
    return answer !== null;
  }

  /** Visits acknowledged per series, for the read-your-writes check. */
  const visitsOf = new Map<string, number>();

  let visits = 0;
  /** A user's pause, cut short at the end of the load. */
  const pause = (range: readonly [number, number]) => sleep(Math.max(0, Math.min(between(range), endAt - Date.now())));

  // Users arrive spread over their first pause, not all in the same millisecond.
  async function therapist(user: LoadUser) {
    await pause([0, thinkMs.therapist[1]]);
    while (Date.now() < endAt) {
      const series = user.series[visits % user.series.length];
      if (!series) return;
      // Visits an hour apart (counted over all therapists), from the series' start on.
      const visitStart = new Date(seriesStart + visits++ * 3_600_000).toISOString();
      if (target.reads && (await untilAnswered(user, caseloadQuery, {}, (a) => a.value !== null))) reads.caseload += 1;
      const recorded = await untilAcknowledged(
        user,
        recordSession,
        {
          seriesId: series.id,
          startedAt: visitStart,
          durationMinutes: 60,
          attendance: 'ATTENDED',
          modalities: ['SWEDISH'],
          regions: [{ regionCode: 'NECK' }],
          pressure: 3,
          subjective: 'Neck stiff after desk work.',
          observations: [
            { measureCode: 'NPRS', value: 6, regionCode: 'NECK', context: 'PRE_SESSION' },
            { measureCode: 'NPRS', value: 4, regionCode: 'NECK', context: 'POST_SESSION' },
            { measureCode: 'CERVICAL_ROTATION', value: 62, side: 'LEFT', context: 'PRE_SESSION' },
          ],
        },
        acknowledged.sessions,
      );
      if (recorded && target.reads) {
        visitsOf.set(series.id, (visitsOf.get(series.id) ?? 0) + 1);
        const progress = await untilAnswered(user, progressQuery, { id: series.id }, (a) => a.value !== null);
        if (progress) {
          reads.progress += 1;
          const attended = (progress.value as { progress: { attendance: { attended: number } } }).progress.attendance.attended;
          if (attended < (visitsOf.get(series.id) ?? 0)) reads.missedOwnWrite += 1;
        }
      }
      await pause(thinkMs.therapist);
    }
  }
  async function client(user: LoadUser) {
    const own = user.series[0];
    if (!own) return;
    await pause([0, thinkMs.client[1]]);
    while (Date.now() < endAt) {
      const input = {
        clientId: own.clientId,
        seriesId: own.id,
        measureCode: 'NPRS',
        value: Math.floor(Math.random() * 11),
        regionCode: 'NECK',
        context: 'BETWEEN_SESSIONS',
        takenAt: new Date(Date.now() - 60_000).toISOString(),
      };
      await untilAcknowledged(user, recordObservation, input, acknowledged.diary);
      await pause(thinkMs.client);
    }
  }

  const faults: FaultCycle[] = [];
  async function faultCycles() {
    for (let cycle = 1; cycle <= options.faultCycles; cycle++) {
      await sleep(Math.max(0, startedAt + (cycle * options.seconds * 1000) / (options.faultCycles + 1) - Date.now()));
      const killedAt = Date.now();
      target.primary.kill();
      await sleep(200);
      // A signed-in read: resolving the token alone needs the database.
      const probe = await post(url, users[0]?.token ?? '', '{ viewer { role } }', {});
      const readiness = await readinessOf(url);
      await sleep(Math.max(0, killedAt + downMs - Date.now()));
      await target.primary.restart();
      const upAt = Date.now();
      while ((await readinessOf(url)).status !== 200 && Date.now() - upAt < 30_000) await sleep(50);
      const readyAt = Date.now();
      // The issue allows 5 s after PostgreSQL returns for the API to catch up.
      faultWindows.push([killedAt, upAt + 5_000]);
      faults.push({
        downMs: upAt - killedAt,
        probe: {
          status: typeof probe.status === 'number' ? probe.status : 0,
          code: probe.code,
          retryAfter: probe.retryAfter,
          ms: probe.ms,
        },
        readyWhileDown: readiness.status,
        recoveryMs: readyAt - upAt,
      });
      say(`  fault ${cycle}: PostgreSQL killed, back after ${upAt - killedAt} ms, API ready ${readyAt - upAt} ms later`);
    }
  }

  say(`Load: ${options.seconds} s, ${options.faultCycles} PostgreSQL kill/restart cycles`);
  /** The target's other faults (a server killed, one restarted, the replica stopped and started) at their moments. */
  async function otherFaultsInTurn() {
    for (const fault of [...target.faults].sort((a, b) => a.at - b.at)) {
      await sleep(Math.max(0, startedAt + fault.at * options.seconds * 1000 - Date.now()));
      const line = await fault.run();
      otherFaults.push(`${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${line}`);
      say(`  ${otherFaults.at(-1)}`);
    }
  }

  await Promise.all([
    ...users.map((user) => (user.kind === 'therapist' ? therapist(user) : client(user))),
    faultCycles(),
    otherFaultsInTurn(),
  ]);
  const loadSeconds = (Date.now() - startedAt) / 1000;

  const inFault = (from: number, to = from) => metFault(faultWindows, from, to);
  const unavailableOutside = unavailable.filter(({ from, to }) => !inFault(from, to));
  const sorted = latencies.sort((a, b) => a - b);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let database: LoadReport['database'];
  try {
    const sessionIds = (await db.query<{ id: string }>('select id from treatment_session')).rows.map((row) => row.id);
    const diaryIds = (await db.query<{ id: string }>("select id from observation where context = 'BETWEEN_SESSIONS'")).rows.map(
      (row) => row.id,
    );
    const [found] = (await db.query<{ n: number }>('select count(*)::int as n from observation where session_id is not null')).rows;
    const acknowledgedIds = new Set([...acknowledged.sessions.values(), ...acknowledged.diary.values()]);
    const stored = new Set([...sessionIds, ...diaryIds]);
    database = {
      missing: [...acknowledgedIds].filter((id) => !stored.has(id)).length,
      unacknowledgedRows: [...stored].filter((id) => !acknowledgedIds.has(id)).length,
      sessionObservationsExpected: acknowledged.sessions.size * observationsPerVisit,
      sessionObservationsFound: found?.n ?? 0,
    };
  } finally {
    await db.end();
  }

  const acknowledgedCount = acknowledged.sessions.size + acknowledged.diary.size;
  return {
    seconds: loadSeconds,
    users: { therapists: options.therapists, clients: options.clients },
    acknowledged: { sessions: acknowledged.sessions.size, diary: acknowledged.diary.size },
    throughput: acknowledgedCount / loadSeconds,
    latency: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 },
    answers,
    unavailableOutsideFaults: unavailableOutside.length,
    unavailableOutsideFaultsAt: unavailableOutside.reduce<Record<string, number>>((bySecond, { from }) => {
      const second = String(Math.floor((from - startedAt) / 1000));
      bySecond[second] = (bySecond[second] ?? 0) + 1;
      return bySecond;
    }, {}),
    unavailableOutsideFaultsLogged: target
      .logLines()
      .filter((line) => line.msg === 'database unavailable' && !inFault(line.time))
      .map((line) => {
        const pool = line.pool as { connections: number; idle: number; waiting: number } | undefined;
        const poolText = pool ? `pool ${pool.connections} open, ${pool.idle} idle, ${pool.waiting} waiting` : 'pool unknown';
        return `${((line.time - startedAt) / 1000).toFixed(1)} s: ${line.reason} (${poolText})`;
      }),
    faultWindowsAt: faultWindows.map(([from, to]) => `${((from - startedAt) / 1000).toFixed(1)}-${((to - startedAt) / 1000).toFixed(1)} s`),
    unexpected,
    unacknowledged,
    reads: target.reads ? reads : null,
    otherFaults,
    faults,
    database,
  };
}

/** The report as lines for a terminal. */
export function describeReport(report: LoadReport): string[] {
  const { latency, database } = report;
  return [
    `${report.users.therapists} therapists + ${report.users.clients} clients for ${report.seconds.toFixed(1)} s`,
    `acknowledged: ${report.acknowledged.sessions} sessions (with ${database.sessionObservationsExpected} observations), ${report.acknowledged.diary} diary entries`,
    `throughput: ${report.throughput.toFixed(1)} acknowledged writes/s; latency of 200s: p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    `answers: ${Object.entries(report.answers)
      .map(([status, n]) => `${status}: ${n}`)
      .join(
        ', ',
      )}; 503 outside fault windows: ${report.unavailableOutsideFaults}; unexpected: ${report.unexpected.length}${report.unexpected.length ? ` (${[...new Set(report.unexpected)].join(', ')})` : ''}; never acknowledged: ${report.unacknowledged}`,
    ...(report.unavailableOutsideFaults > 0
      ? [
          `503s outside fault windows (${report.faultWindowsAt.join(', ')}) at second: ${Object.entries(report.unavailableOutsideFaultsAt)
            .map(([second, n]) => `${second}: ${n}`)
            .join(', ')}`,
          ...report.unavailableOutsideFaultsLogged.map((line) => `  server log at ${line}`),
        ]
      : []),
    ...report.faults.map(
      (fault, i) =>
        `fault ${i + 1}: PostgreSQL away ${fault.downMs} ms; meanwhile GraphQL answered ${fault.probe.status} ${fault.probe.code} (Retry-After ${fault.probe.retryAfter}) in ${fault.probe.ms} ms, readiness ${fault.readyWhileDown}; ready again ${fault.recoveryMs} ms after PostgreSQL`,
    ),
    ...(report.reads
      ? [
          `reads: ${report.reads.caseload} caseloads, ${report.reads.progress} progress reads right after the therapist's own visit, ${report.reads.missedOwnWrite} of them missing that visit`,
        ]
      : []),
    ...report.otherFaults.map((line) => `other fault at ${line}`),
    `database: ${database.missing} acknowledged records missing, ${database.unacknowledgedRows} records never acknowledged, session observations ${database.sessionObservationsFound} of ${database.sessionObservationsExpected}`,
  ];
}

/** What must hold for the run to pass; empty when all does. */
export function failedChecks(report: LoadReport): string[] {
  const failed: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failed.push(what);
  };
  check(report.acknowledged.sessions > 0 && report.acknowledged.diary > 0, 'writes were acknowledged');
  check(report.database.missing === 0, 'no acknowledged record is lost');
  check(report.database.unacknowledgedRows === 0, 'no record is stored twice or without acknowledgement');
  check(
    report.database.sessionObservationsFound === report.database.sessionObservationsExpected,
    'every acknowledged visit has all its observations',
  );
  check(report.unexpected.length === 0, 'no answer other than 200 or 503 SERVICE_UNAVAILABLE (no 500)');
  check(report.unavailableOutsideFaults === 0, 'no 503 while PostgreSQL was up');
  check(!report.answers.timeout, 'no request went unanswered for 10 s');
  check(report.unacknowledged === 0, 'every write was acknowledged in the end');
  if (report.reads) check(report.reads.missedOwnWrite === 0, 'every progress read right after a visit counts it (read your writes)');
  for (const [i, fault] of report.faults.entries()) {
    check(
      fault.probe.status === 503 && fault.probe.code === 'SERVICE_UNAVAILABLE' && fault.probe.retryAfter === '2',
      `fault ${i + 1}: 503 SERVICE_UNAVAILABLE with Retry-After`,
    );
    check(fault.probe.ms < 2_000, `fault ${i + 1}: the unavailable answer came within 2 s`);
    check(fault.readyWhileDown === 503, `fault ${i + 1}: readiness 503 while PostgreSQL was away`);
    check(fault.recoveryMs <= 5_000, `fault ${i + 1}: ready again within 5 s of PostgreSQL`);
  }
  return failed;
}
