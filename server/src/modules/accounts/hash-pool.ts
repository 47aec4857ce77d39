import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../common/errors.js';

/**
 * Password hashing (scrypt, 128 MiB and about 250 ms each) on its own bounded pool of worker threads, with
 * its own queue: a burst of sign-ins waits here, never on the event loop, libuv's thread pool (files,
 * DNS) or a database connection, so other users' requests keep their latency. When the queue is full a
 * new hash is refused at once with RATE_LIMITED (HTTP 429): only sign-ins and accepted invites hash.
 */
export const hashPoolLimits = {
  /** Worker threads: one core is left to the event loop and PostgreSQL; at most 4 (4 x 128 MiB). */
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  /** Hashes waiting for a worker; past this a new one is refused (a few seconds of work on 2 cores). */
  queue: 8,
};

export class HashingBusyError extends DomainError {
  /** For the Retry-After header of the 429: a hash takes about 250 ms, the queue drains in seconds. */
  readonly retryAfterSeconds = 2;
  constructor() {
    super('RATE_LIMITED', 'Too many sign-ins at this moment. Try again in a few seconds.');
    this.name = 'HashingBusyError';
  }
}

export interface ScryptJob {
  password: string;
  salt: Buffer;
  keyBytes: number;
  N: number;
  r: number;
  p: number;
}

/** Runs in each worker (CommonJS source, so it needs no TypeScript loader there). */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ password, salt, keyBytes, N, r, p }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyBytes, { N, r, p, maxmem: 256 * N * r * p });
    parentPort.postMessage({ key });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

interface Job extends ScryptJob {
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

const idle: Worker[] = [];
let started = 0;
const waiting: Job[] = [];

function startWorker(): Worker {
  const worker = new Worker(workerSource, { eval: true });
  // The pool never keeps the process alive.
  worker.unref();
  started++;
  worker.on('error', () => {
    started--;
  });
  return worker;
}

function run(worker: Worker, job: Job): void {
  worker.once('message', (message: { key?: Uint8Array; error?: string }) => {
    if (message.key) job.resolve(Buffer.from(message.key));
    else job.reject(new Error(message.error ?? 'scrypt failed'));
    const next = waiting.shift();
    if (next) run(worker, next);
    else idle.push(worker);
  });
  const { resolve: _resolve, reject: _reject, ...data } = job;
  worker.postMessage(data);
}

/** Whether a new hash would be refused now (checked before a sign-in attempt is recorded). */
export function hashPoolFull(): boolean {
  return idle.length === 0 && started >= hashPoolLimits.workers && waiting.length >= hashPoolLimits.queue;
}

/** scrypt on the pool; refused with HashingBusyError when its queue is full. */
export function scryptOnPool(job: ScryptJob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const queued: Job = { ...job, resolve, reject };
    const worker = idle.pop() ?? (started < hashPoolLimits.workers ? startWorker() : undefined);
    if (worker) run(worker, queued);
    else if (waiting.length < hashPoolLimits.queue) waiting.push(queued);
    else reject(new HashingBusyError());
  });
}

/** Hashes waiting for a worker now (a metric of the HTTP layer). */
export function hashQueueDepth(): number {
  return waiting.length;
}
