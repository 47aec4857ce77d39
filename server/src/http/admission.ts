import type express from 'express';
import type { AdmissionLimits } from '../config.js';
import { retryAfterSeconds } from '../graphql/errors.js';

export interface AdmissionGate {
  middleware: express.RequestHandler;
  /** Requests being worked on, and waiting. */
  state(): { running: number; waiting: number };
}

/**
 * Lets at most `concurrent` requests be worked on at once; the rest wait in arrival order, still unread.
 *
 * Why: with 100 connections at once, each request used to start at once, read its token, then wait for one
 * of the pool's 10 connections while holding what it had built so far. Garbage of 100 half-done answers
 * grew the heap past 400 MB, and requests that waited over the pool's acquire timeout (1.5 s) were answered
 * 503. In line, a waiting request costs only its socket, every admitted one finds a connection at once,
 * and it waits up to `maxWaitMs` (well within a browser's patience) before a 503 tells it to retry.
 */
export function admissionGate(limits: AdmissionLimits): AdmissionGate {
  let running = 0;
  const waiting = new Set<() => void>();

  const release = () => {
    running -= 1;
    // A Set keeps insertion order: the first still waiting is the oldest.
    const [next] = waiting;
    if (next) {
      waiting.delete(next);
      next();
    }
  };

  const middleware: express.RequestHandler = (_request, response, next) => {
    const admit = () => {
      running += 1;
      response.once('close', release);
      next();
    };
    if (running < limits.concurrent) {
      admit();
      return;
    }
    const timer = setTimeout(() => {
      waiting.delete(start);
      response
        .set('retry-after', String(retryAfterSeconds))
        .status(503)
        .json({
          errors: [
            {
              message: 'The server is busy; retry the same request shortly.',
              extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: retryAfterSeconds },
            },
          ],
        });
    }, limits.maxWaitMs);
    const start = () => {
      clearTimeout(timer);
      response.off('close', gone);
      admit();
    };
    // The caller gave up while in line: nothing left to answer.
    const gone = () => {
      clearTimeout(timer);
      waiting.delete(start);
    };
    response.once('close', gone);
    waiting.add(start);
  };

  return { middleware, state: () => ({ running, waiting: waiting.size }) };
}
