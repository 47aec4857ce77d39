import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { prepareSchema } from '@fascia/server/db/database.js';
import { type EmbeddedDatabase, findFreePort, startEmbeddedPostgres } from '@fascia/server/db/embedded-postgres.js';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { databaseTimeouts, ormConfig } from '@fascia/server/db/orm-config.js';
import { ReadReplicas } from '@fascia/server/db/read-replicas.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createStandby, type Standby, waitForReplay } from '../cluster/replication.js';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import type { TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TherapistAccount } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';

/**
 * Heavy reads on a real streaming replica (db/read-replicas.ts): a primary and a standby made from it with the
 * low-level backup API (tests/cluster/replication.ts), the HTTP app with FASCIA_READ_REPLICA_URLS' machinery.
 */
let folder: string;
let primary: EmbeddedDatabase;
let standby: Standby;
let orm: MikroORM;
let replicas: ReadReplicas;
let api: TestApi;
let therapist: TherapistAccount;
let primaryUrl: string;

const log = pino({ level: 'silent' });
const routed = (key: string) => replicas.routed.get(key) ?? 0;

/** Statements the standby is running for our read pool right now, by their text. */
async function standbyBackends(): Promise<number> {
  const client = new pg.Client({ connectionString: standby.url('fascia') });
  await client.connect();
  try {
    const [row] = (
      await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = 'fascia' and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      )
    ).rows;
    return row?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** Until the replica set's own check says the standby has replayed what the primary has now. */
async function replicaCaughtUp(): Promise<void> {
  await waitForReplay(primaryUrl, standby.url('fascia'));
  await replicas.check();
  await replicas.check();
}

const progressQuery = 'query($id: ID!) { series(id: $id) { progress { attendance { attended } } } }';

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-replica-test-'));
  primary = await startEmbeddedPostgres(path.join(folder, 'primary'), log);
  await ensureDatabase(primary.url('postgres'), 'fascia');
  primaryUrl = primary.url('fascia');
  orm = await MikroORM.init(ormConfig({ clientUrl: primaryUrl }));
  await prepareSchema(orm, log);
  const primaryPort = Number(new URL(primaryUrl).port);
  standby = await createStandby(
    { clusterDir: path.join(folder, 'primary'), port: primaryPort, maintenanceUrl: primary.url('postgres') },
    path.join(folder, 'standby'),
    await findFreePort(),
  );
  // Checked only when the test says so (replicaCaughtUp, or explicitly), so what each read finds is known.
  replicas = await ReadReplicas.open(orm, [standby.url('fascia')], {
    maxLagMs: 2_000,
    checkEveryMs: 3_600_000,
    poolMax: 4,
    timeouts: databaseTimeouts,
    log,
  });
  const db = { orm } as TestDatabase;
  therapist = await createClinicWithTherapist(db, { research: true });
  api = await startApi(db, therapist, { readReplicas: replicas });
  await replicaCaughtUp();
}, scaledMs(120_000));

afterAll(async () => {
  await api?.stop();
  await replicas?.close();
  await orm?.close();
  await standby?.stop();
  await primary?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('heavy reads with a streaming read replica', () => {
  test('the standby streams from the primary and the replica set uses it', async () => {
    expect(replicas.status()).toEqual([{ name: `127.0.0.1:${standby.port}`, usable: true, lagBytes: 0 }]);
  });

  test('a write followed by a read of the same account sees the write (primary), later reads go to the replica', async () => {
    const clinic = clinicApi(api);
    const seriesId = await clinic.startSeries(await clinic.createClient());
    await replicaCaughtUp();
    const before = { replica: routed('replica replica'), ownWrite: routed('primary own_write') };
    await clinic.recordSession(neckVisit(seriesId, '2026-01-06T10:00:00Z', 6, 3));
    // At once, before the replica set's next check: the replica may not have replayed it, so the primary answers.
    const right = await api.graphql(progressQuery, { id: seriesId });
    expect(right.errors).toBeUndefined();
    expect(right.data?.series.progress.attendance.attended).toBe(1);
    expect(routed('primary own_write')).toBe(before.ownWrite + 1);
    expect(routed('replica replica')).toBe(before.replica);

    await replicaCaughtUp();
    const later = await api.graphql(progressQuery, { id: seriesId });
    expect(later.data?.series.progress.attendance.attended).toBe(1);
    expect(routed('replica replica')).toBe(before.replica + 1);
  });

  test('research reads are served by the replica', async () => {
    const researcher = await createTestAccount({ orm } as TestDatabase, { role: 'RESEARCHER' });
    await replicaCaughtUp();
    const before = routed('replica replica');
    const response = await api.request(
      'query { cohortOutcomes(measureCode: "NPRS") { measureCode minCellSize overall { suppressed } } }',
      undefined,
      { as: { token: researcher.token } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.cohortOutcomes).toEqual({ measureCode: 'NPRS', minCellSize: 11, overall: { suppressed: true } });
    // The filter-size check and the outcome statement: two reads on the replica.
    expect(routed('replica replica')).toBe(before + 2);
    // The replica's pool holds the connections it ran on, in the standby's pg_stat_activity.
    expect(await standbyBackends()).toBeGreaterThan(0);
  });

  test('with the replica stopped, reads fall back to the primary and the metric counts it', async () => {
    const clinic = clinicApi(api);
    const seriesId = await clinic.startSeries(await clinic.createClient());
    await clinic.recordSession(neckVisit(seriesId, '2026-01-07T10:00:00Z', 7, 4));
    await replicaCaughtUp();
    const before = { failed: routed('primary replica_failed'), unavailable: routed('primary replica_unavailable') };
    await standby.stop();
    try {
      // Before the next check notices: the read fails on the replica and runs again on the primary.
      const first = await api.graphql(progressQuery, { id: seriesId });
      expect(first.errors).toBeUndefined();
      expect(first.data?.series.progress.attendance.attended).toBe(1);
      expect(routed('primary replica_failed')).toBe(before.failed + 1);
      await replicas.check();
      expect(replicas.status()[0]).toMatchObject({ usable: false, lagBytes: null });
      const next = await api.graphql('{ caseload(first: 5) { totalCount } }');
      expect(next.errors).toBeUndefined();
      expect(next.data?.caseload.totalCount).toBeGreaterThanOrEqual(2);
      expect(routed('primary replica_unavailable')).toBe(before.unavailable + 1);
    } finally {
      await standby.start();
    }
    await replicaCaughtUp();
    expect(replicas.status()[0]?.usable).toBe(true);
  });
});
