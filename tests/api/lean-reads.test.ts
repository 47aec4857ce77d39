/*
 * The lean read paths (`*.reads.ts`: plain rows straight into GraphQL objects) answer exactly what the
 * entity paths they replaced answered (tracked entities, then `Node.from`), field by field, on the demo data:
 * every client, series, visit and value of every clinic, for staff and for a client of each clinic.
 */
import { encodeCursor } from '@fascia/server/common/cursor.js';
import type { ClinicViewer } from '@fascia/server/common/viewer.js';
import { seedDemoData } from '@fascia/server/demo/seed.js';
import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { leanSessionFields, readSeries, readSeriesByClients, readSessionsBySeries } from '@fascia/server/modules/care/care.reads.js';
import { findSeriesByClients, findSessionsBySeries, getSeries } from '@fascia/server/modules/care/care.service.js';
import { SeriesNode, SessionNode } from '@fascia/server/modules/care/care.type.js';
import { leanClientFields, readClient, readClientPage, readClientsByIds } from '@fascia/server/modules/clients/client.reads.js';
import { clientCursorKey, findClientsByIds, getClient, listClients } from '@fascia/server/modules/clients/client.service.js';
import { ClientNode } from '@fascia/server/modules/clients/client.type.js';
import {
  leanObservationFields,
  readLatestObservations,
  readObservationsBySeries,
  readObservationsBySessions,
} from '@fascia/server/modules/measures/observation.reads.js';
import {
  findLatestObservations,
  findObservationsBySeries,
  findObservationsBySessions,
} from '@fascia/server/modules/measures/observation.service.js';
import { ObservationNode } from '@fascia/server/modules/measures/observation.type.js';
import type { GraphQLObjectType } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
/** Per clinic: a staff viewer and a viewer for one of its clients. */
const viewers: { staff: ClinicViewer; client: ClinicViewer; clientIds: string[] }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.orm.em.fork(), pino({ level: 'silent' }), { researchNetwork: 0, clients: 12 });
  const clinics = await db.orm.em
    .fork()
    .execute<{ clinic_id: string; ids: string[] }[]>(
      'select clinic_id, array_agg(id::text order by id) as ids from client group by clinic_id',
    );
  for (const { clinic_id, ids } of clinics) {
    viewers.push({
      staff: { role: 'ADMIN', accountId: null, clinicId: clinic_id, therapistId: null },
      client: { role: 'CLIENT', accountId: '00000000-0000-4000-8000-000000000000', clinicId: clinic_id, clientId: ids[0] as string },
      clientIds: ids,
    });
  }
}, 600_000);
afterAll(async () => {
  await db?.drop();
});

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

type Key = string | number;
const compareKeys = (a: Key[], b: Key[]) => {
  for (const [i, x] of a.entries()) {
    const y = b[i] as Key;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};
/**
 * The rows in the order of `key`, ties by id. The entity reads left rows with equal keys (values of one visit
 * taken at the same instant) in whatever order the plan gave, the lean reads break ties by id: both lists are
 * compared in this one order, after checking that the lean one already is in the order of `key`.
 */
function inKeyOrder<T extends { id: string }>(lean: T[], old: T[], key: (row: T) => Key[]): [T[], T[]] {
  for (let i = 1; i < lean.length; i++) expect(compareKeys(key(lean[i - 1] as T), key(lean[i] as T))).toBeLessThanOrEqual(0);
  const sorted = (rows: T[]) => [...rows].sort((a, b) => compareKeys([...key(a), a.id], [...key(b), b.id]));
  return [sorted(lean), sorted(old)];
}
const clinicalTime = (o: ObservationNode) => [o.takenAt.getTime(), o.recordedAt.getTime()];

/** Old (entity) and new (lean) answers for every viewer, compared field by field. */
async function compareForEveryViewer(
  compare: (viewer: ClinicViewer, clientIds: string[]) => Promise<{ old: unknown; lean: unknown; size: number }>,
) {
  let compared = 0;
  for (const { staff, client, clientIds } of viewers) {
    for (const viewer of [staff, client]) {
      const { old, lean, size } = await compare(viewer, clientIds);
      expect(lean).toStrictEqual(old);
      compared += size;
    }
  }
  // The comparison is of something: the demo data has clients, series, visits and values in every clinic.
  expect(compared).toBeGreaterThan(10);
}

describe('lean reads answer what the entity reads answered (demo data)', () => {
  test('clients by id, one client, and a client of another clinic or another client is not found', async () => {
    await compareForEveryViewer(async (viewer, clientIds) => {
      const old = byId((await findClientsByIds(db.orm.em.fork(), viewer, clientIds)).map((c) => ClientNode.from(c)));
      const lean = byId(await readClientsByIds(db.orm.em.fork(), viewer, clientIds, 'full'));
      return { old, lean, size: old.length };
    });
    const [first, second] = viewers;
    if (!first || !second) throw new Error('the demo data has two clinics');
    const id = first.clientIds[1] as string;
    expect(await readClient(db.orm.em.fork(), first.staff, id, 'full')).toStrictEqual(
      ClientNode.from(await getClient(db.orm.em.fork(), first.staff, id)),
    );
    await expect(readClient(db.orm.em.fork(), second.staff, id, 'lean')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readClient(db.orm.em.fork(), first.client, id, 'lean')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readClient(db.orm.em.fork(), first.staff, 'not a uuid', 'full')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('client pages: first page, the next page after a cursor, a search of two words, and the total count', async () => {
    await compareForEveryViewer(async (viewer) => {
      const pages: unknown[][] = [[], []];
      for (const args of [{ first: 7 }, { first: 100 }, { first: 5, search: 'a e' }, { first: 3, search: '50%_' }]) {
        const old = await listClients(db.orm.em.fork(), viewer, args);
        const lean = await readClientPage(db.orm.em.fork(), viewer, args, 'full');
        pages[0]?.push(
          old.clients.map((c) => ClientNode.from(c)),
          old.hasNextPage,
          old.totalCount,
        );
        pages[1]?.push(lean.clients, lean.hasNextPage, await lean.countAll());
        const last = old.clients.at(-1);
        if (last) {
          const after = encodeCursor(clientCursorKey(last));
          const nextOld = await listClients(db.orm.em.fork(), viewer, { ...args, after });
          const nextLean = await readClientPage(db.orm.em.fork(), viewer, { ...args, after }, 'full');
          pages[0]?.push(
            nextOld.clients.map((c) => ClientNode.from(c)),
            nextOld.hasNextPage,
          );
          pages[1]?.push(nextLean.clients, nextLean.hasNextPage);
        }
      }
      return { old: pages[0], lean: pages[1], size: pages[0]?.length ?? 0 };
    });
  });

  test('one series; a series of another clinic or of another client is not found', async () => {
    await compareForEveryViewer(async (viewer, clientIds) => {
      const ids = (await findSeriesByClients(db.orm.em.fork(), viewer, clientIds)).map((s) => s.id);
      const old = [];
      const lean = [];
      for (const id of ids) {
        old.push(SeriesNode.from(await getSeries(db.orm.em.fork(), viewer, id)));
        lean.push(await readSeries(db.orm.em.fork(), viewer, id));
      }
      return { old, lean, size: ids.length };
    });
    const [first, second] = viewers;
    if (!first || !second) throw new Error('the demo data has two clinics');
    const seriesOf = async (clientId: string) => (await findSeriesByClients(db.orm.em.fork(), first.staff, [clientId])).map((s) => s.id);
    // A series of a client other than the viewing client, found by staff.
    const others = (await Promise.all(first.clientIds.slice(1).map(seriesOf))).flat();
    const id = others[0] as string;
    expect((await readSeries(db.orm.em.fork(), first.staff, id)).id).toBe(id);
    await expect(readSeries(db.orm.em.fork(), second.staff, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readSeries(db.orm.em.fork(), first.client, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readSeries(db.orm.em.fork(), first.staff, 'not a uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('series of clients, their visits, and values by series, by visit and the latest per measure', async () => {
    await compareForEveryViewer(async (viewer, clientIds) => {
      const em = db.orm.em.fork();
      // Series first in the same EntityManager, as the loaders did: a visit's client comes from its loaded series.
      const seriesEntities = await findSeriesByClients(em, viewer, clientIds);
      const seriesIds = seriesEntities.map((s) => s.id);
      const sessionEntities = await findSessionsBySeries(em, viewer, seriesIds);
      const sessionIds = sessionEntities.map((s) => s.id);
      const old = {
        series: seriesEntities.map((s) => SeriesNode.from(s)),
        sessions: sessionEntities.map((s) => SessionNode.from(s)),
        bySeries: (await findObservationsBySeries(em, viewer, seriesIds)).map((o) => ObservationNode.from(o)),
        bySession: (await findObservationsBySessions(em, viewer, sessionIds)).map((o) => ObservationNode.from(o)),
        latest: (await findLatestObservations(em, viewer, clientIds)).map((o) => ObservationNode.from(o)),
      };
      const lean = {
        series: await readSeriesByClients(em, viewer, clientIds),
        sessions: await readSessionsBySeries(em, viewer, seriesIds, 'full'),
        bySeries: await readObservationsBySeries(em, viewer, seriesIds, 'full'),
        bySession: await readObservationsBySessions(em, viewer, sessionIds, 'full'),
        latest: await readLatestObservations(em, viewer, clientIds, 'full'),
      };
      [lean.series, old.series] = inKeyOrder(lean.series, old.series, (s) => [-Date.parse(s.startDate)]);
      [lean.sessions, old.sessions] = inKeyOrder(lean.sessions, old.sessions, (s) => [s.startedAt.getTime(), s.recordedAt.getTime()]);
      [lean.bySeries, old.bySeries] = inKeyOrder(lean.bySeries, old.bySeries, clinicalTime);
      [lean.bySession, old.bySession] = inKeyOrder(lean.bySession, old.bySession, clinicalTime);
      [lean.latest, old.latest] = inKeyOrder(lean.latest, old.latest, (o) => [o.measureCode, -o.takenAt.getTime()]);
      return { old, lean, size: old.series.length + old.sessions.length + old.bySeries.length };
    });
  });
});

/** The properties of a full node that a lean one holds: its lean fields, and the client id the audit note reads. */
function leanPartOf(node: object, leanFields: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([key]) => leanFields.has(key) || key === 'clientId'));
}

/** Lean and full reads of the same rows: the lean nodes are the full ones cut to their lean fields, nothing added. */
function expectLeanPart<T extends object>(lean: T[], full: T[], leanFields: ReadonlySet<string>, type: new () => T): number {
  expect(lean.map((node) => ({ ...node }))).toStrictEqual(full.map((node) => leanPartOf(node, leanFields)));
  for (const node of lean) expect(node).toBeInstanceOf(type);
  const [first, firstFull] = [lean[0], full[0]];
  // The lean read leaves columns out: otherwise it would not be worth a second statement.
  if (first && firstFull) expect(Object.keys(first).length).toBeLessThan(Object.keys(firstFull).length);
  return lean.length;
}

describe('lean column sets: an answer that asks only for lean fields reads fewer columns, the same values', () => {
  test('every lean field is a field of its GraphQL type', async () => {
    const schema = await buildFasciaSchema();
    for (const [typeName, fields] of [
      ['Client', leanClientFields],
      ['TreatmentSession', leanSessionFields],
      ['Observation', leanObservationFields],
    ] as const) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      const missing = [...fields].filter((field) => !(field in type.getFields()));
      expect({ typeName, missing }).toEqual({ typeName, missing: [] });
    }
  });

  test('clients by id and client pages', async () => {
    await compareForEveryViewer(async (viewer, clientIds) => {
      const em = db.orm.em.fork();
      let size = expectLeanPart(
        byId(await readClientsByIds(em, viewer, clientIds, 'lean')),
        byId(await readClientsByIds(em, viewer, clientIds, 'full')),
        leanClientFields,
        ClientNode,
      );
      for (const args of [{ first: 7 }, { first: 3, search: 'a e' }]) {
        const [lean, full] = [await readClientPage(em, viewer, args, 'lean'), await readClientPage(em, viewer, args, 'full')];
        expect(lean.hasNextPage).toBe(full.hasNextPage);
        size += expectLeanPart(lean.clients, full.clients, leanClientFields, ClientNode);
      }
      return { old: null, lean: null, size };
    });
  });

  test('visits, and values by series, by visit and the latest per measure', async () => {
    await compareForEveryViewer(async (viewer, clientIds) => {
      const em = db.orm.em.fork();
      const seriesIds = (await readSeriesByClients(em, viewer, clientIds)).map((s) => s.id);
      const fullSessions = await readSessionsBySeries(em, viewer, seriesIds, 'full');
      const sessionIds = fullSessions.map((s) => s.id);
      let size = expectLeanPart(await readSessionsBySeries(em, viewer, seriesIds, 'lean'), fullSessions, leanSessionFields, SessionNode);
      for (const read of [
        (columns: 'lean' | 'full') => readObservationsBySeries(em, viewer, seriesIds, columns),
        (columns: 'lean' | 'full') => readObservationsBySessions(em, viewer, sessionIds, columns),
        (columns: 'lean' | 'full') => readLatestObservations(em, viewer, clientIds, columns),
      ]) {
        size += expectLeanPart(await read('lean'), await read('full'), leanObservationFields, ObservationNode);
      }
      return { old: null, lean: null, size };
    });
  });
});
