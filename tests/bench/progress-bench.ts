/*
 * Benchmark of reads (run: `npx -y pnpm@12.21.0 bench`).
 *
 * Starts a throwaway embedded PostgreSQL in a temp folder, bulk-loads 2,000 clients x 2 series x 20
 * sessions x 8 observations (bench-data.ts), makes a THERAPIST account with a session token, then
 * compiles the server (server/build.mjs, as the container image's build does) and forks three servers
 * (bench-server.ts, on Node's own type stripping, no tsx), each in its own process on the same database: the real Fascia
 * HTTP app in production mode, PostGraphile 5 (amber preset) on Fascia's tables, and a bare `node:http`
 * baseline doing the same reads on a plain pg pool. Four loads: one client's record (2 series x 20
 * visits x 8 values), the first 50 clients of the clinic, series progress and the caseload (the last two
 * Fascia and the baseline only), each at 1, 10 and 100 connections. autocannon loads each server (a
 * warm-up, then BENCH_SECONDS), checking every response body; rounds are interleaved (every load and
 * server once, then again); the table shows medians. Exits 0 whether or not a target is met; non-zero
 * only when the harness itself failed.
 *
 * Settings (environment): BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (a list,
 * "1,10,100"), BENCH_RUNS (3), BENCH_LOADS (a list of client, list, progress, caseload: all by default),
 * BENCH_CPU_PROFILE (a folder: Fascia's process writes a V8 CPU profile there when it stops, to see where the time goes).
 */
import 'reflect-metadata';
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaffViewer } from '@fascia/server/common/viewer.js';
import { prepareSchema } from '@fascia/server/db/database.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { issueSession } from '@fascia/server/modules/accounts/access.service.js';
import { createAccount, viewerOf } from '@fascia/server/modules/accounts/account.service.js';
import { MikroORM } from '@mikro-orm/postgresql';
import autocannon from 'autocannon';
import pg from 'pg';
import { pino } from 'pino';
import { serverNodeOptions } from '../support/server-process.js';
import { benchShape, loadBenchData, measureGroupsPerSeries } from './bench-data.js';
import { startBenchDatabase } from './bench-database.js';
import type { FromServer, ServerMode, ToServer } from './bench-server.js';

function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}
const seconds = setting('BENCH_SECONDS', 10, 1, 600);
const warmupSeconds = setting('BENCH_WARMUP_SECONDS', 3, 0, 120);
const connectionLevels = (process.env.BENCH_CONNECTIONS || '1,10,100').split(',').map((part) => {
  const value = Number(part.trim());
  if (!Number.isInteger(value) || value < 1 || value > 1000) throw new Error('BENCH_CONNECTIONS must list whole numbers from 1 to 1000');
  return value;
});
const allTargets = ['client', 'list', 'progress', 'caseload'] as const;
type Target = (typeof allTargets)[number];
const chosenTargets = (process.env.BENCH_LOADS || allTargets.join(',')).split(',').map((part) => {
  const name = part.trim() as Target;
  if (!allTargets.includes(name)) throw new Error(`BENCH_LOADS: unknown load "${name}" (one of ${allTargets.join(', ')})`);
  return name;
});
const runs = setting('BENCH_RUNS', 3, 1, 15);
const cpuProfileDir = process.env.BENCH_CPU_PROFILE;
/** The caseload page: the API's largest page (first <= 100) of the therapist's 200 active series. */
const caseloadPage = 100;
/** The client list's page. */
const listPage = 50;

/** The issue's targets (issue 16, on 2 cores). */
const targets = {
  /** Client record and list: Fascia's req/s at least PostGraphile's and this share of the bare server's. */
  readMinBareRatio: 0.8,
  progressMinRatio: 0.8,
  caseloadP99Ms10: 300,
  peakRssMb: 200,
  idleRssMb: 120,
};

const say = (line: string) => console.log(line);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);

// ---- servers (child processes) ----

interface BenchServer {
  mode: ServerMode;
  child: ChildProcess;
  port: number;
  /** Sends a message and resolves with the first answer of `type` (bounded by `timeoutMs`). */
  ask<T extends FromServer['type']>(message: ToServer, type: T, timeoutMs?: number): Promise<Extract<FromServer, { type: T }>>;
}

function awaitMessage<T extends FromServer['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no '${type}' from the server within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: FromServer) => {
      if (message.type === type) done(null, message as Extract<FromServer, { type: T }>);
      else if (message.type === 'failed') done(new Error(`server failed: ${message.message}`));
    };
    const onExit = (code: number | null) => done(new Error(`server exited (code ${code}) before '${type}'`));
    function done(error: Error | null, message?: Extract<FromServer, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as Extract<FromServer, { type: T }>);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Fascia's compiled build, as the container image runs it (`server/build.mjs`, tsc into server/dist). */
function buildServer(): string {
  const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
  const started = Date.now();
  const built = spawnSync(process.execPath, [path.join(serverDir, 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`building the server failed (exit ${built.status})`);
  say(`Server compiled to server/dist in ${((Date.now() - started) / 1000).toFixed(1)} s (the container image's code)`);
  return path.join(serverDir, 'dist');
}

async function startServer(
  mode: ServerMode,
  databaseUrl: string,
  viewer: StaffViewer,
  clinicId: string,
  serverDist: string,
  started: ChildProcess[],
): Promise<BenchServer> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-server.ts');
  // No tsx in the servers' processes (Node strips bench-server.ts's types itself); Fascia gets the heap settings of
  // `pnpm start` and the container image.
  const child = fork(script, [], {
    execArgv:
      mode === 'fascia' ? [...serverNodeOptions(), ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])] : [],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_MODE: mode,
      BENCH_SERVER_DIST: serverDist,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_VIEWER: JSON.stringify(viewer),
      BENCH_CLINIC_ID: clinicId,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  started.push(child);
  const ready = await awaitMessage(child, 'ready', 120_000);
  return {
    mode,
    child,
    port: ready.port,
    ask: (message, type, timeoutMs = 30_000) => {
      const answer = awaitMessage(child, type, timeoutMs);
      child.send(message);
      return answer;
    },
  };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' } satisfies ToServer);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---- the loads and their checks ----

const clientQuery = `query Client($id: ID!) { client(id: $id) { id givenName familyName dateOfBirth
  series { id conditionCode status startDate sessions { id startedAt durationMinutes attendance
    observations { id measureCode regionCode side value takenAt } } } } }`;
const listQuery = `query Clients($first: Int!) { clients(first: $first) { edges { node { id givenName familyName } } } }`;
/** PostGraphile's equivalents on the same tables (amber preset names; ids are `rowId`). */
const pgClientQuery = `query Client($id: UUID!) { clientByRowId(rowId: $id) { rowId givenName familyName dateOfBirth
  treatmentSeriesByClientId { nodes { rowId conditionCode status startDate
    treatmentSessionsBySeriesId(orderBy: [STARTED_AT_ASC]) { nodes { rowId startedAt durationMinutes attendance
      observationsBySessionId(orderBy: [TAKEN_AT_ASC]) { nodes { rowId measureCode regionCode side value takenAt } } } } } } } }`;
const pgListQuery = `query Clients($clinic: UUID!, $first: Int!) { allClients(condition: { clinicId: $clinic }, first: $first,
  orderBy: [FAMILY_NAME_ASC, GIVEN_NAME_ASC, ROW_ID_ASC]) { nodes { rowId givenName familyName } } }`;

const measureFields = `measureCode regionCode side unit baseline latest change percentChange mcid mcidReached points slopePerWeek trendPoints
  sessionChanges { visitNumber pre post change } meanSessionChange unpairedSessions`;
const progressQuery = `query SeriesProgress($id: ID!) { series(id: $id) { id progress {
  measures { ${measureFields} } diary { ${measureFields} }
  attendance { plannedSessions attended cancelled noShows weeksElapsed expectedByNow basis plannedPerWeek attendedPerWeek }
  dose { totalMinutes byModality { code minutes sessions } byRegion { code side minutes sessions } } } } }`;
const caseloadQuery = `query Caseload($first: Int!) { caseload(first: $first) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { series { id conditionCode status startDate } headlineMeasureCode
    headline { measureCode regionCode side baseline latest change percentChange mcid mcidReached points slopePerWeek trendPoints }
    lastVisitAt attendedSessions flags } } } }`;

type Json = Record<string, any>;

/** One client's record in a common shape, whichever server answered it (null: the answer is not one). */
function clientOf(body: Json): Json | null {
  const c = body.data?.client ?? body.data?.clientByRowId;
  if (!c) return null;
  const nodes = (x: Json | Json[] | undefined) => (Array.isArray(x) ? x : (x?.nodes ?? []));
  return {
    id: c.id ?? c.rowId,
    name: `${c.givenName} ${c.familyName}`,
    series: nodes(c.series ?? c.treatmentSeriesByClientId).map((s: Json) => ({
      id: s.id ?? s.rowId,
      sessions: nodes(s.sessions ?? s.treatmentSessionsBySeriesId).map((v: Json) => ({
        id: v.id ?? v.rowId,
        // Sorted: a visit's values share their time, so no server promises an order among them.
        values: nodes(v.observations ?? v.observationsBySessionId)
          .map((o: Json) => `${o.id ?? o.rowId}:${o.measureCode}:${o.value}`)
          .sort(),
      })),
    })),
  };
}

function checkClient(body: Json): string | null {
  if (body.errors) return `errors: ${JSON.stringify(body.errors).slice(0, 300)}`;
  const client = clientOf(body);
  if (!client) return 'no client';
  if (client.series.length !== benchShape.seriesPerClient) return `${client.series.length} series`;
  for (const series of client.series as Json[]) {
    if (series.sessions.length !== benchShape.sessionsPerSeries) return `${series.sessions.length} visits in a series`;
    for (const session of series.sessions as Json[])
      if (session.values.length !== benchShape.observationsPerSession) return `${session.values.length} values in a visit`;
  }
  return null;
}

function listOf(body: Json): Json[] | null {
  const page = body.data?.clients?.edges?.map((e: Json) => e.node) ?? body.data?.allClients?.nodes;
  return Array.isArray(page) ? page.map((c: Json) => ({ id: c.id ?? c.rowId, name: `${c.familyName}, ${c.givenName}` })) : null;
}

function checkList(body: Json): string | null {
  if (body.errors) return `errors: ${JSON.stringify(body.errors).slice(0, 300)}`;
  const page = listOf(body);
  if (!page) return 'no client page';
  if (page.length !== listPage) return `${page.length} clients, expected ${listPage}`;
  if (page.some((c) => typeof c.id !== 'string' || c.name.length < 4)) return 'a client lacks its id or names';
  return null;
}

/** Why a progress answer is not what the data set must give, or null when it is. */
function checkProgress(body: Json): string | null {
  if (body.errors) return `errors: ${JSON.stringify(body.errors).slice(0, 300)}`;
  const progress = body.data?.series?.progress;
  if (!progress) return 'no data.series.progress';
  if (!Array.isArray(progress.measures) || progress.measures.length !== measureGroupsPerSeries)
    return `measures: ${progress.measures?.length} groups, expected ${measureGroupsPerSeries}`;
  const nprs = progress.measures.find((m: Json) => m.measureCode === 'NPRS');
  if (!nprs || nprs.points !== benchShape.sessionsPerSeries || nprs.sessionChanges?.length !== benchShape.sessionsPerSeries)
    return 'NPRS progress incomplete';
  if (progress.attendance?.attended !== benchShape.sessionsPerSeries) return `attendance.attended ${progress.attendance?.attended}`;
  if (!(progress.dose?.totalMinutes > 0) || progress.dose.byModality.length === 0) return 'dose missing';
  return null;
}

function checkCaseload(body: Json): string | null {
  if (body.errors) return `errors: ${JSON.stringify(body.errors).slice(0, 300)}`;
  const caseload = body.data?.caseload;
  if (!caseload) return 'no data.caseload';
  if (caseload.totalCount !== benchShape.caseloadSeries) return `totalCount ${caseload.totalCount}, expected ${benchShape.caseloadSeries}`;
  if (caseload.edges?.length !== caseloadPage) return `${caseload.edges?.length} edges, expected ${caseloadPage}`;
  if (caseload.pageInfo?.hasNextPage !== true) return 'hasNextPage is not true';
  for (const edge of caseload.edges as Json[]) {
    if (!edge.node?.series?.id || !edge.node.headline || edge.node.headline.points !== benchShape.sessionsPerSeries)
      return 'an item lacks its series or headline';
  }
  return null;
}

/** What is measured: every load at every connection count, by the servers that can answer it. */
interface Scenario {
  key: string;
  target: Target;
  connections: number;
  label: string;
  modes: ServerMode[];
}
const targetLabels: Record<Target, string> = {
  client: 'client record (2 x 20 x 8)',
  list: `first ${listPage} clients`,
  progress: 'series progress',
  caseload: `caseload ${caseloadPage}/${benchShape.caseloadSeries}`,
};
const scenarios: Scenario[] = chosenTargets.flatMap((target) =>
  connectionLevels.map((n) => ({
    key: `${target}-${n}`,
    target,
    connections: n,
    label: `${targetLabels[target]}, ${n} conn.`,
    modes: (target === 'client' || target === 'list' ? ['fascia', 'postgraphile', 'baseline'] : ['fascia', 'baseline']) as ServerMode[],
  })),
);
const checks: Record<Target, (body: Json) => string | null> = {
  client: checkClient,
  list: checkList,
  progress: checkProgress,
  caseload: checkCaseload,
};

interface RunFigures {
  reqPerSec: number;
  p50: number;
  p99: number;
  peakRss: number;
  requests: number;
  bad: number;
  firstBad: string | null;
}

interface LoadedData {
  clinicId: string;
  seriesIds: string[];
  clientIds: string[];
}

/** The GraphQL request of a load for Fascia or PostGraphile. */
function graphqlRequest(mode: ServerMode, target: Target, data: LoadedData, pick: (ids: string[]) => string) {
  const pg = mode === 'postgraphile';
  switch (target) {
    case 'progress':
      return { query: progressQuery, variables: { id: pick(data.seriesIds) } };
    case 'caseload':
      return { query: caseloadQuery, variables: { first: caseloadPage } };
    case 'client':
      return { query: pg ? pgClientQuery : clientQuery, variables: { id: pick(data.clientIds) } };
    case 'list':
      return pg
        ? { query: pgListQuery, variables: { clinic: data.clinicId, first: listPage } }
        : { query: listQuery, variables: { first: listPage } };
  }
}

/** One autocannon run against one server; every response body is parsed and checked. */
async function load(
  server: BenchServer,
  target: Target,
  token: string,
  data: Pick<LoadedData, 'seriesIds' | 'clientIds' | 'clinicId'>,
  durationSeconds: number,
  connectionCount: number,
): Promise<RunFigures> {
  let bad = 0;
  let checked = 0;
  let firstBad: string | null = null;
  const check = checks[target];
  const onResponse = (status: number, body: string) => {
    checked++;
    let problem: string | null;
    if (status !== 200) problem = `HTTP ${status}: ${body.slice(0, 300)}`;
    else {
      try {
        problem = check(JSON.parse(body) as Json);
      } catch (error) {
        problem = `not JSON: ${String(error)}`;
      }
    }
    if (problem) {
      bad++;
      firstBad ??= problem;
    }
  };
  const pick = (ids: string[]) => ids[Math.floor(Math.random() * ids.length)] as string;
  const fascia = server.mode === 'fascia';
  const graphql = server.mode !== 'baseline';
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: connectionCount,
    duration: durationSeconds,
    timeout: 30,
    headers: graphql ? { 'content-type': 'application/json', ...(fascia ? { authorization: `Bearer ${token}` } : {}) } : {},
    requests: [
      {
        method: graphql ? 'POST' : 'GET',
        setupRequest: (request) => {
          if (graphql) {
            request.path = '/graphql';
            request.body = JSON.stringify(graphqlRequest(server.mode, target, data, pick));
          } else {
            request.path = {
              progress: () => `/progress?id=${pick(data.seriesIds)}`,
              caseload: () => `/caseload?first=${caseloadPage}`,
              client: () => `/client?id=${pick(data.clientIds)}`,
              list: () => `/clients?first=${listPage}`,
            }[target]();
          }
          return request;
        },
        onResponse,
      },
    ],
  });
  // Requests that never answered (errors, timeouts) count as bad too.
  const unanswered = result.errors + result.timeouts;
  return {
    // Checked (completed) responses per second: autocannon's own average is a whole number per sample.
    reqPerSec: checked / durationSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    peakRss: 0,
    requests: checked,
    bad: bad + unanswered,
    firstBad: firstBad ?? (unanswered > 0 ? `${result.errors} errors, ${result.timeouts} timeouts` : null),
  };
}

/**
 * Waits until PostgreSQL has run no statement of the bench database for 1 s (at most 10 minutes):
 * requests still queued in a server's pool when a run ends keep running after autocannon has
 * hung up, and would otherwise weigh on the next run.
 */
async function waitForQuiet(monitor: pg.Client): Promise<void> {
  const started = Date.now();
  let quietSince = Date.now();
  while (Date.now() - quietSince < 1_000) {
    if (Date.now() - started > 600_000) throw new Error('PostgreSQL still busy 10 minutes after a run');
    const { rows } = await monitor.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
    );
    if ((rows[0]?.n ?? 0) > 0) quietSince = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const waited = Date.now() - started - 1_000;
  if (waited > 1_000) say(`    (waited ${(waited / 1000).toFixed(1)} s for requests left over from the run to finish)`);
}

async function measure(server: BenchServer, scenario: Scenario, token: string, data: LoadedData, monitor: pg.Client): Promise<RunFigures> {
  const { target, connections: connectionCount } = scenario;
  if (warmupSeconds > 0) {
    // At most 10 connections: enough to warm the code and the caches, without leaving a long queue behind.
    const warm = await load(server, target, token, data, warmupSeconds, Math.min(connectionCount, 10));
    if (warm.bad > 0) say(`    warm-up: ${warm.bad} bad responses, e.g. ${warm.firstBad}`);
    await waitForQuiet(monitor);
  }
  await server.ask({ type: 'reset' }, 'reset');
  const figures = await load(server, target, token, data, seconds, connectionCount);
  figures.peakRss = (await server.ask({ type: 'peak' }, 'peak')).peakRss;
  await waitForQuiet(monitor);
  return figures;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

// ---- one request each before loading: same answers from both servers ----

async function post(port: number, token: string, query: string, variables: Json): Promise<Json> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Json;
}
async function get(port: number, pathAndQuery: string): Promise<Json> {
  return (await (await fetch(`http://127.0.0.1:${port}${pathAndQuery}`)).json()) as Json;
}

/** Resolves with the value and the milliseconds it took. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/**
 * Progress of 1, 10 and 100 series in one call (the SQL alone, medians of 5 after a warm-up):
 * the time per series must stay flat as the batch grows (a plan that joins every series' values
 * to every series' visits once made 100 series take seconds).
 */
async function progressScaling(orm: MikroORM, viewer: StaffViewer, seriesIds: readonly string[]): Promise<string> {
  const { findProgress } = await import('@fascia/server/modules/progress/progress.service.js');
  const parts: string[] = [];
  for (const n of [1, 10, 100]) {
    const ids = seriesIds.slice(0, n);
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const found = await findProgress(orm.em.fork(), viewer, ids, new Date());
      if (found.size !== n) throw new Error(`progress of ${n} series found ${found.size}`);
      if (i > 0) times.push(performance.now() - started);
    }
    const ms = median(times);
    parts.push(`${n}: ${ms.toFixed(1)} ms (${(ms / n).toFixed(2)} ms per series)`);
  }
  return `  progress of many series in one call (SQL only, medians of 5): ${parts.join('; ')}`;
}

async function sameAnswers(fascia: BenchServer, baseline: BenchServer, token: string, seriesId: string): Promise<void> {
  const [a, aMs] = await timed(() => post(fascia.port, token, progressQuery, { id: seriesId }));
  const [b, bMs] = await timed(() => get(baseline.port, `/progress?id=${seriesId}`));
  for (const [who, body] of [
    ['Fascia', a],
    ['baseline', b],
  ] as const) {
    const problem = checkProgress(body);
    if (problem) throw new Error(`${who} answered a progress request wrongly: ${problem}`);
  }
  const digest = (body: Json) =>
    JSON.stringify({
      measures: body.data.series.progress.measures.map((m: Json) => [
        m.measureCode,
        m.regionCode,
        m.side,
        m.baseline,
        m.latest,
        m.points,
        m.slopePerWeek,
      ]),
      attendance: body.data.series.progress.attendance,
      dose: body.data.series.progress.dose.totalMinutes,
    });
  if (digest(a) !== digest(b)) throw new Error(`Fascia and the baseline disagree on series ${seriesId}:\n${digest(a)}\n${digest(b)}`);

  const [c, cMs] = await timed(() => post(fascia.port, token, caseloadQuery, { first: caseloadPage }));
  const [d, dMs] = await timed(() => get(baseline.port, `/caseload?first=${caseloadPage}`));
  say(
    `  first requests (cold): progress ${aMs.toFixed(0)} ms Fascia, ${bMs.toFixed(0)} ms baseline; ` +
      `caseload ${cMs.toFixed(0)} ms Fascia, ${dMs.toFixed(0)} ms baseline`,
  );
  for (const [who, body] of [
    ['Fascia', c],
    ['baseline', d],
  ] as const) {
    const problem = checkCaseload(body);
    if (problem) throw new Error(`${who} answered a caseload request wrongly: ${problem}`);
  }
  const order = (body: Json) => body.data.caseload.edges.map((e: Json) => e.node.series.id).join(',');
  if (order(c) !== order(d)) throw new Error('Fascia and the baseline list the caseload in different orders');
}

/** A line of /proc/<pid>/status in bytes (VmRSS, VmHWM); 0 where there is none. */
function procStatus(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function pgQuery(url: string, text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Where the first answer and another one part (Fascia, PostGraphile, baseline order), a short excerpt of each. */
function firstDifference(digests: string[]): string {
  const [first = ''] = digests;
  return digests
    .map((digest, n) => {
      let at = 0;
      while (at < first.length && first[at] === digest[at]) at++;
      return `#${n} from ${at}: ${digest.slice(Math.max(0, at - 60), at + 60)}`;
    })
    .join(' | ');
}

/** The client record and the client page from the three servers, before loading: the same clients, series, visits and values. */
async function sameReads(fascia: BenchServer, postgraphile: BenchServer, baseline: BenchServer, token: string, data: LoadedData) {
  for (const id of data.clientIds.slice(0, 3)) {
    const answers = [
      ['Fascia', await post(fascia.port, token, clientQuery, { id })],
      ['PostGraphile', await post(postgraphile.port, '', pgClientQuery, { id })],
      ['baseline', await get(baseline.port, `/client?id=${id}`)],
    ] as const;
    const digests = answers.map(([who, body]) => {
      const problem = checkClient(body);
      if (problem) throw new Error(`${who} answered a client request wrongly: ${problem}`);
      // Series in id order: PostGraphile cannot order them by start date (no index on it).
      const client = clientOf(body) as Json;
      client.series.sort((a: Json, b: Json) => a.id.localeCompare(b.id));
      return JSON.stringify(client);
    });
    if (new Set(digests).size !== 1) throw new Error(`the servers disagree on client ${id}: ${firstDifference(digests)}`);
  }
  const pages = [
    ['Fascia', await post(fascia.port, token, listQuery, { first: listPage })],
    ['PostGraphile', await post(postgraphile.port, '', pgListQuery, { clinic: data.clinicId, first: listPage })],
    ['baseline', await get(baseline.port, `/clients?first=${listPage}`)],
  ] as const;
  const digests = pages.map(([who, body]) => {
    const problem = checkList(body);
    if (problem) throw new Error(`${who} answered the client list wrongly: ${problem}`);
    return JSON.stringify(listOf(body));
  });
  if (new Set(digests).size !== 1) throw new Error(`the servers list different clients: ${firstDifference(digests)}`);
}

// ---- main ----

async function main(): Promise<void> {
  const log = pino({ level: 'warn' });
  const children: ChildProcess[] = [];
  let t = Date.now();
  const { url, folder, cleanup } = await startBenchDatabase('fascia-bench-', log, async () => {
    for (const child of children) await stopServer(child).catch(() => undefined);
  });
  try {
    say(`Fascia read benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
    say(`  ${connectionLevels.join(', ')} connections, ${warmupSeconds} s warm-up + ${seconds} s per run, ${runs} interleaved rounds`);
    const orm = await MikroORM.init(ormConfig({ clientUrl: url }));
    let token: string;
    let viewer: StaffViewer;
    let data: Awaited<ReturnType<typeof loadBenchData>>;
    try {
      await prepareSchema(orm, log);
      say(`PostgreSQL started and migrated in ${((Date.now() - t) / 1000).toFixed(1)} s (${folder})`);

      t = Date.now();
      say('Loading data');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        data = await loadBenchData(client, say);
      } finally {
        await client.end();
      }
      say(
        `  loaded in ${((Date.now() - t) / 1000).toFixed(1)} s: ${Object.entries(data.counts)
          .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
          .join(', ')}`,
      );

      const em = orm.em.fork();
      const account = await createAccount(em, {
        role: 'THERAPIST',
        email: 'bench.therapist@bench.example.com',
        password: `bench password ${randomBytes(8).toString('hex')}`,
        clinicId: data.clinicId,
        therapistId: data.therapistId,
      });
      token = (await issueSession(em, account)).secret;
      viewer = viewerOf(account) as StaffViewer;
      say(`  therapist account with a session token; caseload of ${data.caseloadSeriesIds.length} active series`);
      say(await progressScaling(orm, viewer, data.seriesIds));
    } finally {
      await orm.close();
    }

    const { rows: clientRows } = await pgQuery(url, 'select id::text from client where clinic_id = $1 order by id', [data.clinicId]);
    const loaded: LoadedData = { clinicId: data.clinicId, seriesIds: data.seriesIds, clientIds: clientRows.map((r) => r.id as string) };

    const serverDist = buildServer();
    const servers: BenchServer[] = [];
    for (const mode of ['fascia', 'postgraphile', 'baseline'] as const) {
      servers.push(await startServer(mode, url, viewer, data.clinicId, serverDist, children));
    }
    const byMode = (mode: ServerMode) => servers.find((s) => s.mode === mode) as BenchServer;
    const [fascia, postgraphile, baseline] = [byMode('fascia'), byMode('postgraphile'), byMode('baseline')];
    say(`Servers: ${servers.map((s) => `${s.mode} (pid ${s.child.pid}, port ${s.port})`).join(', ')}`);
    const startRss = new Map(servers.map((s) => [s.mode, procStatus(s.child.pid, 'VmRSS')]));
    say(`  RSS at start: ${servers.map((s) => `${s.mode} ${mb(startRss.get(s.mode) ?? 0)} MB`).join(', ')}`);
    await sameAnswers(fascia, baseline, token, data.seriesIds[0] as string);
    say('  Fascia and the baseline give the same progress and caseload for a sample: checked');
    await sameReads(fascia, postgraphile, baseline, token, loaded);
    say('  the three servers give the same client record and client page: checked');

    const monitor = new pg.Client({ connectionString: url });
    await monitor.connect();
    const results = new Map<string, RunFigures[]>();
    try {
      // Interleaved rounds: every load on every server once, then the next round.
      for (let run = 1; run <= runs; run++) {
        for (const scenario of scenarios) {
          for (const mode of scenario.modes) {
            const server = byMode(mode);
            const figures = await measure(server, scenario, token, loaded, monitor);
            const key = `${scenario.key}/${server.mode}`;
            results.set(key, [...(results.get(key) ?? []), figures]);
            say(
              `  ${scenario.label} ${server.mode.padEnd(12)} run ${run}/${runs}: ${figures.reqPerSec.toFixed(1)} req/s, p50 ${figures.p50} ms, ` +
                `p99 ${figures.p99} ms, peak RSS ${mb(figures.peakRss)} MB, ${figures.requests} responses checked, ${figures.bad} bad` +
                (figures.firstBad ? ` (e.g. ${figures.firstBad})` : ''),
            );
          }
        }
      }
    } finally {
      await monitor.end();
    }
    // Idle: two seconds after the last run, every server's RSS and its high-water mark over the whole benchmark.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const memory = servers.map((s) => ({
      mode: s.mode,
      start: startRss.get(s.mode) ?? 0,
      idle: procStatus(s.child.pid, 'VmRSS'),
      hwm: procStatus(s.child.pid, 'VmHWM'),
    }));

    const med = (key: string, pick: (f: RunFigures) => number) => median((results.get(key) ?? []).map(pick));
    /** Some response completed in every run (else latencies are of nothing). */
    const done = (key: string) => (results.get(key) ?? []).every((f) => f.requests > 0);
    const totalBad = (key: string) => (results.get(key) ?? []).reduce((sum, f) => sum + f.bad, 0);
    const rows = [['load', 'server', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'bad', 'Fascia/PostGraphile', 'Fascia/bare']];
    const ratio = (scenario: Scenario, other: ServerMode) =>
      med(`${scenario.key}/fascia`, (f) => f.reqPerSec) / med(`${scenario.key}/${other}`, (f) => f.reqPerSec);
    const shown = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
    for (const scenario of scenarios) {
      for (const mode of scenario.modes) {
        const key = `${scenario.key}/${mode}`;
        rows.push([
          scenario.label,
          { fascia: 'Fascia', postgraphile: 'PostGraphile 5', baseline: 'bare node:http' }[mode],
          med(key, (f) => f.reqPerSec).toFixed(1),
          done(key) ? med(key, (f) => f.p50).toFixed(1) : 'none done',
          done(key) ? med(key, (f) => f.p99).toFixed(1) : 'none done',
          mb(med(key, (f) => f.peakRss)),
          String(totalBad(key)),
          mode === 'fascia' && scenario.modes.includes('postgraphile') ? shown(ratio(scenario, 'postgraphile')) : '',
          mode === 'fascia' ? shown(ratio(scenario, 'baseline')) : '',
        ]);
      }
    }
    const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
    say(`\nMedians of ${runs} runs of ${seconds} s each (after ${warmupSeconds} s of warm-up):`);
    for (const [i, row] of rows.entries()) {
      say(row.map((cell, j) => (j >= 2 ? cell.padStart(widths[j] as number) : cell.padEnd(widths[j] as number))).join('  '));
      if (i === 0) say(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    say('\nMemory of each process (RSS at start, idle 2 s after the last run, high-water mark VmHWM over the whole benchmark):');
    for (const m of memory) say(`  ${m.mode.padEnd(12)} start ${mb(m.start)} MB, idle ${mb(m.idle)} MB, VmHWM ${mb(m.hwm)} MB`);

    const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
    // A run with bad responses, or with none at all (all still in flight at its end), cannot meet a target.
    const clean = (scenario: Scenario) =>
      scenario.modes.every((mode) => totalBad(`${scenario.key}/${mode}`) === 0 && done(`${scenario.key}/${mode}`));
    say(`\nTargets (issue 16, on 2 cores; this machine has ${os.cpus().length}):`);
    for (const scenario of scenarios) {
      if (scenario.target === 'client' || scenario.target === 'list') {
        const vsPg = ratio(scenario, 'postgraphile');
        const vsBare = ratio(scenario, 'baseline');
        say(
          `  ${scenario.label}: Fascia/PostGraphile ${shown(vsPg)} (>= 1), Fascia/bare ${shown(vsBare)} (>= ${targets.readMinBareRatio}) -> ` +
            verdict(vsPg >= 1 && vsBare >= targets.readMinBareRatio && clean(scenario)),
        );
      } else if (scenario.target === 'progress') {
        const vsBare = ratio(scenario, 'baseline');
        say(
          `  ${scenario.label}: Fascia/bare ${shown(vsBare)} (>= ${targets.progressMinRatio}) -> ${verdict(vsBare >= targets.progressMinRatio && clean(scenario))}`,
        );
      } else if (scenario.connections === 10) {
        const p99 = med(`${scenario.key}/fascia`, (f) => f.p99);
        say(
          `  ${scenario.label}: Fascia p99 ${p99.toFixed(1)} ms (<= ${targets.caseloadP99Ms10}) -> ${verdict(p99 <= targets.caseloadP99Ms10 && clean(scenario))}`,
        );
      } else if (scenario.connections >= 100) {
        const bad = totalBad(`${scenario.key}/fascia`);
        say(
          `  ${scenario.label}: Fascia bad responses (503s included) ${bad} (none) -> ${verdict(bad === 0 && done(`${scenario.key}/fascia`))}`,
        );
      }
    }
    const fasciaMemory = memory.find((m) => m.mode === 'fascia');
    if (fasciaMemory) {
      say(
        `  Fascia peak RSS (VmHWM) ${mb(fasciaMemory.hwm)} MB (<= ${targets.peakRssMb}) -> ${verdict(fasciaMemory.hwm <= targets.peakRssMb * 1_048_576)}`,
      );
      say(
        `  Fascia idle RSS ${mb(fasciaMemory.idle)} MB after load, ${mb(fasciaMemory.start)} MB at start (<= ${targets.idleRssMb}) -> ` +
          verdict(Math.max(fasciaMemory.idle, fasciaMemory.start) <= targets.idleRssMb * 1_048_576),
      );
    }
    say('A missed target does not fail this command; it exits non-zero only when the benchmark itself fails.');
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('The benchmark failed:', error);
    process.exit(1);
  },
);
