import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { scaledMs } from './machine.js';
import { startServerProcess } from './server-process.js';

/** What one request got: a whole answer, or a connection error's code. */
export type DrainOutcome = { status: number; code?: string; retryAfter?: number; sentAt: number } | { error: string; sentAt: number };

export interface DrainReport {
  exitCode: number | null;
  /** From the signal to the process's exit. */
  exitMs: number;
  /** The drain's grace the server was given (FASCIA_SHUTDOWN_GRACE_MS): 5 s, scaled by the machine factor. */
  graceMs: number;
  outcomes: DrainOutcome[];
  signalledAt: number;
  messages: string[];
}

/** One POST on its own connection, so an outcome belongs to one request only. */
function post(url: string, body: string): Promise<DrainOutcome> {
  const sentAt = Date.now();
  return new Promise((resolve) => {
    const request = http.request(
      `${url}/graphql`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          let code: string | undefined;
          try {
            code = JSON.parse(text).errors?.[0]?.extensions?.code;
          } catch {
            code = 'NOT_JSON';
          }
          const retryAfter = Number(response.headers['retry-after']) || undefined;
          resolve({ status: response.statusCode ?? 0, code, ...(retryAfter ? { retryAfter } : {}), sentAt });
        });
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, sentAt }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, sentAt }));
    request.end(body);
  });
}

const signIn = (n: number) =>
  JSON.stringify({
    query: 'mutation($e: String!) { signIn(email: $e, password: "not the password") { token } }',
    variables: { e: `nobody-${n}@example.com` },
  });
const cheap = JSON.stringify({ query: '{ __typename }' });

/**
 * Starts a server as production runs it (NODE_ENV=production), keeps `workers` clients sending requests
 * back to back (two of them password-hashing sign-ins, the rest cheap queries), sends SIGTERM once
 * `warmRequests` have been answered, and keeps sending until the listener refuses connections. A client told
 * 503 waits as its Retry-After says (at most a second), as a real client does: clients that hammered a draining
 * server with new connections would starve the requests it is finishing. Answers what every request got.
 */
export async function drainUnderLoad(options: { workers?: number; warmRequests?: number } = {}): Promise<DrainReport> {
  const workers = options.workers ?? 6;
  const warmRequests = options.warmRequests ?? 30;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-drain-'));
  try {
    const graceMs = scaledMs(5_000);
    const server = await startServerProcess({
      FASCIA_DATA_DIR: folder,
      FASCIA_SEED_DEMO: 'false',
      NODE_ENV: 'production',
      FASCIA_SHUTDOWN_GRACE_MS: String(graceMs),
    });
    const outcomes: DrainOutcome[] = [];
    let answered = 0;
    let refused = false;
    let warmed: () => void = () => {};
    const warm = new Promise<void>((resolve) => {
      warmed = resolve;
    });
    const worker = async (index: number) => {
      for (let n = 0; !refused; n++) {
        // Sign-ins hash a password: slow, real work in flight at the signal.
        const outcome = await post(server.url, index < 2 ? signIn(index * 10_000 + n) : cheap);
        outcomes.push(outcome);
        if ('error' in outcome && outcome.error === 'ECONNREFUSED') refused = true;
        else if (++answered >= warmRequests) warmed();
        const retryAfter = 'status' in outcome ? outcome.retryAfter : undefined;
        if (retryAfter) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, retryAfter * 1_000)));
      }
    };
    const running = Array.from({ length: workers }, (_, index) => worker(index));
    await warm;
    const signalledAt = Date.now();
    const stopped = await server.stop('SIGTERM');
    // The process is gone: whatever was still sending is refused now.
    refused = true;
    await Promise.all(running);
    return { exitCode: stopped.code, exitMs: stopped.ms, graceMs, outcomes, signalledAt, messages: server.messages };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** What a clean drain must show; an empty list when it was clean. */
export function drainFaults(report: DrainReport): string[] {
  const faults: string[] = [];
  if (report.exitCode !== 0) faults.push(`exit code ${report.exitCode}`);
  // main.ts allows the grace plus 5 s for closing the listener and stopping PostgreSQL.
  if (report.exitMs >= report.graceMs + 5_000) faults.push(`exit took ${report.exitMs} ms (grace ${report.graceMs} ms)`);
  if (report.messages.some((message) => message.includes('longer than'))) faults.push('shutdown timed out');
  if (!report.messages.includes('embedded PostgreSQL stopped')) faults.push('PostgreSQL was not stopped');
  for (const outcome of report.outcomes) {
    if ('error' in outcome) {
      // Refused once the listener closed; a connection arriving in the instant it closes is reset, never half-answered.
      if (!['ECONNREFUSED', 'ECONNRESET'].includes(outcome.error)) faults.push(`connection error ${outcome.error}`);
      // A request sent before the signal was in flight: it must be answered, not cut.
      else if (outcome.sentAt < report.signalledAt) faults.push(`request in flight cut (${outcome.error})`);
    } else if (outcome.status === 503) {
      if (outcome.code !== 'SERVICE_UNAVAILABLE') faults.push(`503 with code ${outcome.code}`);
    } else if (outcome.status === 429) {
      // The sign-in throttle of one address: a real answer.
      if (outcome.code !== 'RATE_LIMITED') faults.push(`429 with code ${outcome.code}`);
    } else if (outcome.status !== 200) {
      faults.push(`status ${outcome.status} (${outcome.code})`);
    } else if (outcome.code !== undefined && outcome.code !== 'UNAUTHENTICATED') {
      faults.push(`answer with code ${outcome.code}`);
    }
  }
  // The listener stays open while requests in flight finish: a request sent after the signal is told 503,
  // not refused (Apollo's own signal handler closed the listener at once).
  const after = report.outcomes.filter((outcome) => outcome.sentAt >= report.signalledAt);
  if (!after.some((outcome) => 'status' in outcome && outcome.status === 503)) faults.push('no 503 answered while draining');
  return faults;
}

/** Counts of the outcomes by kind, for a printed summary. */
export function drainSummary(report: DrainReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of report.outcomes) {
    const key = 'error' in outcome ? outcome.error : `${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
