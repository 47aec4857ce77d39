import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';

/** How long the holder of a broken connection has to release it before the pool takes it back. */
const releaseGraceMs = 1_000;

/**
 * Gives back to the pool a connection that broke while checked out and was never released.
 *
 * Kysely (0.29, under MikroORM 7.2) releases a transaction's connection only after its COMMIT or
 * ROLLBACK succeeds: when PostgreSQL goes away mid-transaction the rollback fails, and the connection
 * stays checked out for ever. A few restarts of PostgreSQL then leave every slot of the pool taken by a
 * dead connection, and the API answers SERVICE_UNAVAILABLE long after the database is back
 * (tests/load found it). A dead connection cannot be used by anyone, and every other holder releases
 * one within milliseconds of its error, so one still held a second after its error is released here,
 * as broken: the pool destroys it and frees the slot (pg-pool's documented `release(error)`).
 */
export function releaseBrokenConnections(pool: pg.Pool): void {
  const checkedOut = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      setTimeout(() => {
        if (checkedOut.has(client)) (client as pg.PoolClient).release(error);
      }, releaseGraceMs).unref();
    });
  });
}

export interface PoolState {
  /** Connections open, in use or idle. */
  connections: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
}

export async function poolState(em: EntityManager): Promise<PoolState> {
  const pool = (await em.getConnection().getNativeClient()) as pg.Pool;
  return { connections: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
