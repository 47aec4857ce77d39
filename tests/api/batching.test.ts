import { addAppointment } from '@fascia/server/modules/appointments/appointment.service.js';
import { addDays } from '@fascia/server/modules/appointments/recurrence.js';
import { startSeries } from '@fascia/server/modules/care/care.service.js';
import { createClient, recordIntake } from '@fascia/server/modules/clients/client.service.js';
import { recordSession } from '@fascia/server/modules/recording/recording.service.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { retryWhileUnavailable, startApi, type TestApi } from '../support/api.js';
import { neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, perRequestStatement, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';
import { scaledMs } from '../support/machine.js';

let db: TestDatabase;
let api: TestApi;
/** The therapist's viewer (for the services) and account (for the API). */
let viewer: TherapistAccount;

/** Adds clients, each with an intake and a series of `visits` visits, straight through the services. */
async function addClients(count: number, visits: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const em = db.orm.em.fork();
    const client = await createClient(em, viewer, {
      givenName: 'Client',
      familyName: `N${String(i).padStart(3, '0')}`,
      dateOfBirth: '1970-01-01',
      sex: 'MALE',
    });
    await recordIntake(em, viewer, client.id, {
      takenAt: new Date('2026-01-05T10:00:00Z'),
      chiefComplaints: 'Neck pain',
      consentToTreatment: true,
    });
    const series = await startSeries(em, viewer, {
      clientId: client.id,
      conditionCode: 'NECK_PAIN',
      plannedSessions: 10,
      plannedSessionsPerWeek: 1,
      plannedMinutesPerSession: 60,
      startDate: '2026-01-05',
    });
    for (let v = 0; v < visits; v++) {
      const input = neckVisit(series.id, new Date(Date.UTC(2026, 0, 5 + 7 * v, 15)).toISOString(), 6, 4);
      await recordSession(em, viewer, {
        ...(input as any),
        startedAt: new Date(input.startedAt as string),
      });
    }
  }
}

const caseload = `{ clients(first: 100) { edges { node {
  displayName intake { chiefComplaints }
  latestObservations { measureCode value }
  series { conditionCode condition { name } client { displayName }
    sessions { startedAt regions { regionCode } observations { value measure { unit } } questionnaireResponses { score } }
    observations { value } questionnaireResponses { score } } } } } }`;

async function statementsFor(query: string): Promise<{ statements: number; perRequest: number; clients: number }> {
  // Counted for the answer that was served: one turned away (SERVICE_UNAVAILABLE, a busy machine's connection wait)
  // is retried as a client would, and its statements are not counted.
  const response = await retryWhileUnavailable(() => {
    db.statements.length = 0;
    return api.graphql(query);
  });
  expect(response.errors).toBeUndefined();
  return {
    statements: db.statements.filter((sql) => !perRequestStatement.test(sql)).length,
    perRequest: db.statements.filter((sql) => perRequestStatement.test(sql)).length,
    clients: response.data?.clients.edges.length,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  viewer = await createClinicWithTherapist(db);
  api = await startApi(db, viewer);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

test('the statement count of a nested client query does not grow with rows', { timeout: scaledMs(120_000) }, async () => {
  await addClients(5, 2);
  const small = await statementsFor(caseload);
  await addClients(45, 3);
  const large = await statementsFor(caseload);
  expect(small.clients).toBe(5);
  expect(large.clients).toBe(50);
  // page + count, intakes (2), latest observations (2), series, client by id, sessions,
  // regions, session observations, session responses, series observations, series responses
  expect(large.statements).toBe(small.statements);
  // The once-a-minute "last used" write of the token may fall in either request; nothing else.
  expect(large.perRequest).toBeLessThanOrEqual(3);
  expect(large.statements).toBeLessThanOrEqual(14);
});

const nextAppointments = `{ clients(first: 100) { edges { node {
  nextAppointment { localDate localTime therapist { familyName } }
  series { nextAppointment { localDate therapist { familyName } } } } } } }`;

interface NextAppointments {
  clients: {
    edges: {
      node: {
        nextAppointment: { localDate: string; localTime: string; therapist: { familyName: string } } | null;
        series: { nextAppointment: { localDate: string } | null }[];
      };
    }[];
  };
}

/** Books the next appointment of the series of the clients in [from, to) of the list (one a day from a date ahead, at 10:00). */
async function bookNextVisits(from: number, to: number): Promise<void> {
  const response = await api.graphql<{ clients: { edges: { node: { series: { id: string }[] } }[] } }>(
    '{ clients(first: 100) { edges { node { series { id } } } } }',
  );
  const series = response.data?.clients.edges.flatMap((e) => e.node.series.map((s) => s.id)) ?? [];
  for (const [index, seriesId] of series.slice(from, to).entries()) {
    await addAppointment(db.orm.em.fork(), viewer, { seriesId, date: addDays('2031-03-03', from + index), time: '10:00' });
  }
}

test("clients' and series' next appointments (with their therapist) cost the same statements for 5 or 50 clients", async () => {
  await bookNextVisits(45, 50);
  db.statements.length = 0;
  const few = await api.graphql<NextAppointments>(nextAppointments);
  const small = db.statements.filter((sql) => !perRequestStatement.test(sql)).length;
  const booked = (data: NextAppointments | null | undefined) => data?.clients.edges.filter((e) => e.node.nextAppointment !== null) ?? [];
  expect(booked(few.data)).toHaveLength(5);

  await bookNextVisits(0, 45);
  db.statements.length = 0;
  const all = await api.graphql<NextAppointments>(nextAppointments);
  const large = db.statements.filter((sql) => !perRequestStatement.test(sql)).length;
  expect(all.errors).toBeUndefined();
  const nodes = booked(all.data);
  expect(nodes).toHaveLength(50);
  // Each client's next visit is its one series' next appointment, with the therapist who treats them.
  for (const { node } of nodes) {
    expect(node.nextAppointment).toMatchObject({ localTime: '10:00', therapist: { familyName: expect.any(String) } });
    expect(node.series[0]?.nextAppointment?.localDate).toBe(node.nextAppointment?.localDate);
  }
  expect(new Set(nodes.map((n) => n.node.nextAppointment?.localDate)).size).toBe(50);
  // page + count, clients' next appointments, series, series' next appointments, therapists, the clinic's zone.
  expect(large).toBe(small);
  expect(large).toBeLessThanOrEqual(8);
}, 120_000);

test("a calendar's appointments with their series, client and therapist cost the same statements for 5 or 42", async () => {
  // The 50 appointments booked above fall on 50 days from 2031-03-03, one a day, each in its own series.
  const query = (to: string) =>
    `{ calendar(from: "2031-03-03T00:00:00Z", to: "${to}") { seriesId series { id conditionCode plannedSessions }
      client { id } therapist { familyName } } }`;
  type Answer = { calendar: { seriesId: string; series: { id: string; conditionCode: string; plannedSessions: number } }[] };
  const statementsOf = async (to: string) => {
    const response = await retryWhileUnavailable(() => {
      db.statements.length = 0;
      return api.graphql<Answer>(query(to));
    });
    expect(response.errors).toBeUndefined();
    return { rows: response.data?.calendar ?? [], statements: db.statements.filter((sql) => !perRequestStatement.test(sql)).length };
  };
  const few = await statementsOf('2031-03-08T00:00:00Z');
  const many = await statementsOf('2031-04-14T00:00:00Z');
  expect(few.rows).toHaveLength(5);
  expect(many.rows).toHaveLength(42);
  for (const row of many.rows) expect(row.series).toEqual({ id: row.seriesId, conditionCode: 'NECK_PAIN', plannedSessions: 10 });
  expect(new Set(many.rows.map((row) => row.seriesId)).size).toBe(42);
  expect(many.statements).toBe(few.statements);
  // `client { id }` asks only for a lean field: the clients are read without their contact and referral columns.
  expect(db.statements.filter((sql) => /from client where/.test(sql))).toHaveLength(1);
  expect(db.statements.some((sql) => sql.includes('referral_source'))).toBe(false);
});

test('a list asked for with lean fields in one place and with more in another: one statement each, both answers whole', async () => {
  const query = `{ clients(first: 100) { edges { node { id series { sessions { id
    observations { id value }
    provenance: observations { id value context recordedByRole recordedAt } } } } } } }`;
  type Answer = {
    clients: {
      edges: {
        node: {
          series: {
            sessions: {
              observations: { id: string; value: number }[];
              provenance: { id: string; value: number; context: string; recordedByRole: string; recordedAt: string }[];
            }[];
          }[];
        };
      }[];
    };
  };
  const response = await retryWhileUnavailable(() => {
    db.statements.length = 0;
    return api.graphql<Answer>(query);
  });
  expect(response.errors).toBeUndefined();
  // The page reads the lean client columns only; the values are read once with the lean and once with every column.
  const page = db.statements.filter((sql) => /from client where/.test(sql));
  expect(page).toHaveLength(1);
  expect(page[0]).not.toContain('referral_source');
  const values = db.statements.filter((sql) => /from observation o\b/.test(sql));
  expect(values).toHaveLength(2);
  expect(values.filter((sql) => sql.includes('o.recorded_by_role'))).toHaveLength(1);
  const sessions = response.data?.clients.edges.flatMap((e) => e.node.series.flatMap((s) => s.sessions)) ?? [];
  const provenance = sessions.flatMap((s) => s.provenance);
  expect(provenance.length).toBeGreaterThan(100);
  for (const session of sessions) {
    expect(session.observations).toEqual(session.provenance.map(({ id, value }) => ({ id, value })));
  }
  // Visits recorded by the therapist: a pain score before and after each.
  expect(new Set(provenance.map((o) => o.context))).toEqual(new Set(['PRE_SESSION', 'POST_SESSION']));
  expect(new Set(provenance.map((o) => o.recordedByRole))).toEqual(new Set(['THERAPIST']));
  for (const o of provenance) expect(Number.isNaN(Date.parse(o.recordedAt))).toBe(false);
});
