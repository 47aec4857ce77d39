import { randomBytes, randomUUID } from 'node:crypto';
import { ensureDatabase } from '@fascia/server/db/ensure-database.js';
import { ormConfig } from '@fascia/server/db/orm-config.js';
import { auditTrailStatement } from '@fascia/server/modules/audit/audit.service.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';

/** The last migration with one audit row per client (`client_id`). */
const before = 'Migration20261202094714_reminders';

let orm: MikroORM;
let name: string;
const maintenanceUrl = () => inject('postgresMaintenanceUrl');

beforeAll(async () => {
  name = `fascia_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(maintenanceUrl(), name);
  orm = await MikroORM.init(ormConfig({ clientUrl: maintenanceUrl().replace(/\/postgres$/, `/${name}`) }));
  await orm.migrator.up({ to: before });
});
afterAll(async () => {
  await orm?.close();
  const client = new pg.Client({ connectionString: maintenanceUrl() });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
});

describe('the migration to one audit row per request (client_ids)', () => {
  test('earlier rows keep their ids and become rows of their one client or none; the trail shows them as before; down splits rows again', async () => {
    const em = orm.em.fork();
    const clinicId = randomUUID();
    const [clientId, other] = [randomUUID(), randomUUID()];
    const [read, refusal] = [randomUUID(), randomUUID()];
    await em.execute(
      `insert into audit_event (id, at, account_id, role, operation, clinic_id, client_id, outcome, address, request_id) values
        (?, '2026-03-02T10:00:00Z', null, 'THERAPIST', 'Query.client', ?, ?, 'ALLOWED', '127.0.0.1', gen_random_uuid()),
        (?, '2026-03-02T11:00:00Z', null, 'THERAPIST', 'Query.client', ?, null, 'NOT_FOUND', '127.0.0.1', gen_random_uuid())`,
      [read, clinicId, clientId, refusal, clinicId],
    );
    await orm.migrator.up();
    const rows = await em.execute('select id, client_ids from audit_event order by at');
    expect(rows).toEqual([
      { id: read, client_ids: [clientId] },
      { id: refusal, client_ids: [] },
    ]);
    await expect(em.execute("update audit_event set operation = 'x'")).rejects.toThrow(/append-only/);
    const trail = auditTrailStatement({ clinicId, timeZone: 'UTC' });
    expect((await em.execute(trail.sql, trail.params)).map((row) => [row.id, row.client_id, row.outcome])).toEqual([
      [refusal, null, 'NOT_FOUND'],
      [read, clientId, 'ALLOWED'],
    ]);

    // A row of two clients, back to the earlier shape: two rows of one.
    await em.execute(
      `insert into audit_event (id, at, account_id, role, operation, clinic_id, client_ids, outcome, address, request_id)
       values (gen_random_uuid(), '2026-03-02T12:00:00Z', null, 'THERAPIST', 'Query.clients', ?, array[?, ?]::uuid[], 'ALLOWED', '127.0.0.1', gen_random_uuid())`,
      [clinicId, clientId, other],
    );
    await orm.migrator.down();
    const split = await em.execute(`select client_id from audit_event where operation = 'Query.clients' order by client_id`);
    expect(split.map((row) => row.client_id)).toEqual([clientId, other].sort());
    expect((await em.execute(`select client_id from audit_event where id = ?`, [read]))[0]?.client_id).toBe(clientId);
  });
});
