import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from './availability.js';
import { type DatabaseTimeouts, ormConfig } from './orm-config.js';

/**
 * Heavy reads (research, exports, progress, the caseload) on streaming read replicas (FASCIA_READ_REPLICA_URLS),
 * with three rules that keep answers as right as the primary's:
 *
 * - **Read your writes.** After a mutation, the account's row on the primary keeps the primary's WAL position
 *   (`account.written_lsn`); a replica serves that account only once it has replayed past it, so the person who
 *   just recorded a visit sees it in their progress, whichever instance answers next. Until then, the primary.
 * - **Lag bound.** A replica counts as usable only while it is reachable, in recovery, and has replayed what the
 *   primary had written `maxLagMs` ago; otherwise every read goes to the primary.
 * - **Failure.** A read that fails on a replica because it went away (or a recovery conflict cancelled it) runs
 *   again on the primary, and the replica is left out until the next check finds it healthy.
 *
 * Each replica has an ORM instance of its own (same entities and pool settings), so a read path takes an
 * EntityManager whichever server it runs on: MikroORM's own `replicas` option picks a replica at random per query,
 * with no way to leave out one that lags or is down.
 */

/** Why a heavy read went where it went (the `reason` label of `fascia_read_routing_total`). */
export type ReadRouteReason = 'replica' | 'own_write' | 'replica_unavailable' | 'replica_failed';

export interface ReplicaStatus {
  /** host:port of the replica (no credentials). */
  name: string;
  usable: boolean;
  /** Bytes of WAL the replica has still to replay, at the last check; null when it could not be asked. */
  lagBytes: number | null;
}

/** Runs the heavy reads of one request. */
export interface HeavyReads {
  /** Runs a read-only unit of work on a replica when the rules above allow, else on the primary. */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /** This request writes (a mutation): its reads stay on the primary. */
  markWriting(): void;
  /** Whether `markWriting` was called. */
  readonly writing: boolean;
}

/** Heavy reads without replicas: the request's own EntityManager. */
export function primaryReads(em: EntityManager): HeavyReads {
  let writing = false;
  return {
    run: (work) => work(em),
    markWriting: () => {
      writing = true;
    },
    get writing() {
      return writing;
    },
  };
}

/** A PostgreSQL WAL position `X/Y` (pg_lsn's text form) as a number of bytes. */
export function parseLsn(text: string): bigint {
  const [high = '0', low = '0'] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface Replica {
  name: string;
  orm: MikroORM;
  usable: boolean;
  replayed: bigint | null;
  lagBytes: number | null;
}

export interface ReadReplicaOptions {
  /** A replica that has not replayed what the primary had written this long ago is left out. */
  maxLagMs: number;
  /** How often each replica is checked. */
  checkEveryMs?: number;
  poolMax: number;
  timeouts: DatabaseTimeouts;
  log: Logger;
}

/** The heavy reads of a request by `accountId`: routed when there are replicas, else on `em`. */
export function heavyReads(replicas: ReadReplicas | undefined, em: EntityManager, accountId: string | null): HeavyReads {
  return replicas ? replicas.forRequest(em, accountId) : primaryReads(em);
}

export class ReadReplicas {
  /** Reads routed so far, by target and reason (`fascia_read_routing_total`). */
  readonly routed = new Map<string, number>();
  /** The primary's WAL position at each check, oldest first: the lag bound compares against one of them. */
  private samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;

  private constructor(
    private readonly primary: MikroORM,
    private readonly replicas: Replica[],
    private readonly options: ReadReplicaOptions,
  ) {}

  /** Opens a pool per replica (lazily connected: a replica down at start is simply not used) and starts checking them. */
  static async open(primary: MikroORM, urls: readonly string[], options: ReadReplicaOptions): Promise<ReadReplicas> {
    const replicas = await Promise.all(
      urls.map(async (url): Promise<Replica> => {
        const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax: options.poolMax, timeouts: options.timeouts }));
        const { hostname, port } = new URL(url);
        return { name: `${hostname}:${port || '5432'}`, orm, usable: false, replayed: null, lagBytes: null };
      }),
    );
    const set = new ReadReplicas(primary, replicas, options);
    await set.check();
    set.timer = setInterval(() => void set.check(), options.checkEveryMs ?? 500);
    set.timer.unref();
    return set;
  }

  status(): ReplicaStatus[] {
    return this.replicas.map(({ name, usable, lagBytes }) => ({ name, usable, lagBytes }));
  }

  /** Asks the primary for its WAL position and each replica for what it has replayed; decides which are usable. */
  check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    const now = Date.now();
    try {
      const [row] = await this.primary.em.fork().execute<{ lsn: string }[]>('select pg_current_wal_lsn()::text as lsn');
      if (row) this.samples.push({ at: now, lsn: parseLsn(row.lsn) });
    } catch {
      // The primary is away: the replicas are judged against what it had written before.
    }
    const bound = now - this.options.maxLagMs;
    // Keeps the newest sample at or before the bound, and those after it.
    while (this.samples.length > 1 && (this.samples[1]?.at ?? now) <= bound) this.samples.shift();
    const required = this.samples[0]?.lsn;
    const latest = this.samples.at(-1)?.lsn;
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const [row] = await replica.orm.em
            .fork()
            .execute<{ standby: boolean; replayed: string | null }[]>(
              'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed',
            );
          const replayed = row?.standby && row.replayed ? parseLsn(row.replayed) : null;
          replica.replayed = replayed;
          replica.lagBytes = replayed === null || latest === undefined ? null : Math.max(0, Number(latest - replayed));
          const usable = replayed !== null && required !== undefined && replayed >= required;
          if (usable !== replica.usable)
            this.options.log.info({ replica: replica.name, usable, lagBytes: replica.lagBytes }, 'read replica');
          replica.usable = usable;
        } catch {
          if (replica.usable) this.options.log.warn({ replica: replica.name }, 'read replica unreachable; reads go to the primary');
          replica.usable = false;
          replica.replayed = null;
          replica.lagBytes = null;
        }
      }),
    );
  }

  private count(target: 'replica' | 'primary', reason: ReadRouteReason): void {
    const key = `${target} ${reason}`;
    this.routed.set(key, (this.routed.get(key) ?? 0) + 1);
  }

  /**
   * Heavy reads of one request by `accountId` (null: anonymous or a calendar feed, who write nothing):
   * `primary` is the request's EntityManager, for whatever cannot go to a replica.
   */
  forRequest(primary: EntityManager, accountId: string | null): HeavyReads {
    let writing = false;
    let written: Promise<bigint | null> | undefined;
    const forks = new Map<Replica, EntityManager>();
    const writtenLsn = async (): Promise<bigint | null> => {
      if (!accountId) return null;
      const [row] = await primary.execute<{ lsn: string | null }[]>('select written_lsn::text as lsn from account where id = ?', [
        accountId,
      ]);
      return row?.lsn ? parseLsn(row.lsn) : null;
    };
    return {
      run: async (work) => {
        if (writing) {
          this.count('primary', 'own_write');
          return work(primary);
        }
        const usable = this.replicas.filter((replica) => replica.usable);
        if (usable.length === 0) {
          this.count('primary', 'replica_unavailable');
          return work(primary);
        }
        written ??= writtenLsn();
        const lsn = await written;
        const caughtUp = usable.filter((replica) => lsn === null || (replica.replayed !== null && replica.replayed >= lsn));
        const replica = caughtUp[Math.floor(Math.random() * caughtUp.length)];
        if (!replica) {
          this.count('primary', 'own_write');
          return work(primary);
        }
        let em = forks.get(replica);
        if (!em) {
          em = replica.orm.em.fork();
          forks.set(replica, em);
        }
        try {
          const result = await work(em);
          this.count('replica', 'replica');
          return result;
        } catch (error) {
          // 40001 on a standby: the statement was cancelled by a conflict with recovery (e.g. a vacuum replayed).
          if (!isDatabaseUnavailable(error) && (error as { code?: unknown }).code !== '40001') throw error;
          replica.usable = false;
          this.options.log.warn({ replica: replica.name, err: error }, 'read failed on the replica; ran it on the primary');
          this.count('primary', 'replica_failed');
          return work(primary);
        }
      },
      markWriting: () => {
        writing = true;
      },
      get writing() {
        return writing;
      },
    };
  }

  /**
   * After a mutation of `accountId` has committed: keeps the primary's WAL position, which is past the commit,
   * so that the account's next reads wait for a replica that has replayed it (never moving it backwards).
   */
  async noteWrite(primary: EntityManager, accountId: string): Promise<void> {
    await primary.execute(
      `update account set written_lsn = greatest(coalesce(written_lsn, '0/0'::pg_lsn), pg_current_wal_lsn()) where id = ?`,
      [accountId],
    );
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((replica) => replica.orm.close()));
  }
}
