import { buildFasciaSchema } from '@fascia/server/graphql/schema.js';
import { Therapist } from '@fascia/server/modules/clinics/therapist.entity.js';
import { type GraphQLField, type GraphQLNamedType, type GraphQLSchema, getNamedType, isNonNullType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount } from '../support/factories.js';

/**
 * Every path to a client's data is audited as a read of that client, whichever root field it starts from.
 * The paths come from the schema, not from a list: from every root query field to every type that holds a
 * client's data, the shortest path is asked for as the clinic's (treating) admin and as the client, and
 * the request must leave an ALLOWED audit row for that client under that root field. A new field or type
 * is covered as soon as it is in the schema; a root field with a required argument this file cannot fill
 * fails until one is added to `rootArguments`.
 */

let db: TestDatabase;
let api: TestApi;
let schema: GraphQLSchema;
let admin: TestAccount;
let portal: TestAccount;
let clientId: string;
let seriesId: string;
let appointmentId: string;

type Field = GraphQLField<unknown, unknown>;

/** Object types reachable from `start` through fields. */
function reachable(start: GraphQLNamedType[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const type = queue.shift() as GraphQLNamedType;
    if (!isObjectType(type) || seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
  }
  return seen;
}

/**
 * The types that hold a client's data: everything reachable from Client, but for what is not any one
 * client's (the catalogs, the clinic, its therapists, paging).
 */
function clientDataTypeNames(): Set<string> {
  const query = schema.getQueryType();
  if (!query) throw new Error('no Query type');
  const fields = query.getFields();
  const shared = reachable(
    [
      ...['measures', 'instruments', 'conditions', 'bodyRegions'].map((name) => getNamedType((fields[name] as Field).type)),
      schema.getType('Clinic'),
      schema.getType('Therapist'),
      schema.getType('PageInfo'),
    ].filter((type): type is GraphQLNamedType => type !== undefined && type !== null),
  );
  const client = schema.getType('Client');
  if (!client) throw new Error('no Client type');
  return new Set([...reachable([client])].filter((name) => !shared.has(name)));
}

/** Literal arguments for root fields that require some. */
const rootArguments: Record<string, () => string> = {
  client: () => `(id: "${clientId}")`,
  series: () => `(id: "${seriesId}")`,
  appointment: () => `(id: "${appointmentId}")`,
  calendar: () => `(from: "${new Date().toISOString()}", to: "${new Date(Date.now() + 7 * 86_400_000).toISOString()}")`,
};

/** The shortest paths of fields (up to 4 each, no type twice on one path) from a root field to each type it reaches. */
function pathsFrom(root: Field): Map<string, string[][]> {
  const paths = new Map<string, string[][]>();
  const queue: [GraphQLNamedType, string[], string[]][] = [[getNamedType(root.type), [root.name], []]];
  while (queue.length > 0) {
    const [type, path, seen] = queue.shift() as [GraphQLNamedType, string[], string[]];
    if (!isObjectType(type) || seen.includes(type.name)) continue;
    const known = paths.get(type.name) ?? [];
    if (known.length >= 4) continue;
    paths.set(type.name, [...known, path]);
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      const include = field.args.filter((arg) => arg.name.startsWith('include') && getNamedType(arg.type).name === 'Boolean');
      if (include.length > 0) revealing.set(field.name, `(${include.map((arg) => `${arg.name}: true`).join(', ')})`);
      queue.push([getNamedType(field.type), [...path, field.name], [...seen, type.name]]);
    }
  }
  return paths;
}

/**
 * Arguments that show what a field hides by default: every optional Boolean `include…` argument set to true
 * (records entered in error are left out of lists unless asked for, and they hold a client's data too).
 */
const revealing = new Map<string, string>([
  // Staff name whom a progress report is for (the client consented to share with the referrer below).
  ['report', '(recipient: "Dr Osler")'],
]);

function document(path: string[]): string {
  const [root, ...rest] = path as [string, ...string[]];
  const inner = rest.reduceRight((selection, field) => `${field}${revealing.get(field) ?? ''} { ${selection} }`, '__typename');
  return `{ ${root}${rootArguments[root]?.() ?? ''} { ${rest.length > 0 ? inner : '__typename'} } }`;
}

/** Whether the answer holds at least one value at the end of the path. */
function reached(data: unknown, path: string[]): boolean {
  if (path.length === 0) return data !== null && data !== undefined;
  if (Array.isArray(data)) return data.some((item) => reached(item, path));
  if (!data || typeof data !== 'object') return false;
  const [head, ...rest] = path as [string, ...string[]];
  return reached((data as Record<string, unknown>)[head], rest);
}

beforeAll(async () => {
  db = await createTestDatabase();
  schema = await buildFasciaSchema();
  const therapist = await createClinicWithTherapist(db);
  const em = db.orm.em.fork();
  const treating = em.create(Therapist, { clinic: therapist.clinicId, givenName: 'Ada', familyName: 'Admin', registrationNumber: 'LMT-9' });
  await em.flush();
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId, therapistId: treating.id });
  api = await startApi(db, admin);
  const clinic = clinicApi(api);
  clientId = await clinic.createClient({ referral: { source: 'PHYSICIAN', clinicianName: 'Dr Osler', reason: 'Neck pain' } });
  seriesId = await clinic.startSeries(clientId);
  const intake = await api.graphql(
    'mutation($id: ID!) { recordIntake(clientId: $id, input: { takenAt: "2026-01-05T14:00:00Z", chiefComplaints: "Neck", consentToTreatment: true, consentToShareWithReferrer: true, pregnancy: { gestationWeeks: 30, obstetricClearance: true, clearedOn: "2026-01-02", clearedBy: "Dr. Ruiz, obstetrician" } }) { id } }',
    { id: clientId },
  );
  expect(intake.errors).toBeUndefined();
  await clinic.recordSession(neckVisit(seriesId, '2026-01-12T15:00:00Z', 6, 4));
  const second = await clinic.recordSession(neckVisit(seriesId, '2026-01-19T15:00:00Z', 5, 3));
  // Corrections (entered in error, amendments) hold a client's data too: one of each.
  const third = await clinic.recordSession(neckVisit(seriesId, '2026-01-26T15:00:00Z', 4, 2));
  const must = async (query: string, variables: Record<string, unknown>) => {
    const response = await api.graphql(query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as Record<string, any>;
  };
  await must('mutation($id: ID!) { markSessionEnteredInError(id: $id, reason: "wrong client") { id } }', { id: third });
  await must('mutation($id: ID!) { amendSession(id: $id, input: { reason: "typo", durationMinutes: 55 }) { id } }', { id: second });
  const values = await must('query($id: ID!) { client(id: $id) { latestObservations { id measure { code } } } }', { id: clientId });
  const corrected: Record<string, number> = { NPRS: 1, CERVICAL_ROTATION: 60 };
  for (const observation of values.client.latestObservations) {
    const value = corrected[observation.measure.code];
    if (value === undefined) continue;
    await must('mutation($id: ID!, $value: Float) { amendObservation(id: $id, input: { reason: "misread", value: $value }) { id } }', {
      id: observation.id,
      value,
    });
  }
  // The assessment written for the report: what the report prints reaches the client's data too.
  await must('mutation($id: ID!) { writeReportSummary(seriesId: $id, input: { assessment: "Less guarding", plan: "Weekly" }) { id } }', {
    id: seriesId,
  });
  // A booked appointment in three days: the appointment fields reach a client's data too.
  const booked = await must('mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }', {
    input: { seriesId, date: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10), time: '10:00' },
  });
  appointmentId = booked.addAppointment.id;
  // A portal invite not yet accepted: the admin's pendingInvites reaches the client's record too.
  await must('mutation($id: ID!) { inviteClient(clientId: $id, email: "invited@example.org") { id } }', { id: clientId });
  portal = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId });
  // Three visits, corrections and two password hashes: past a minute on a shared 2-core machine under load.
}, 180_000);
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('every path from a root field to a client’s data is audited as a read of that client', () => {
  test('the types that hold a client’s data are found in the schema', () => {
    const names = clientDataTypeNames();
    for (const name of ['Client', 'Intake', 'TreatmentSeries', 'TreatmentSession', 'SoapNotes', 'Observation'])
      expect(names).toContain(name);
    for (const name of ['Measure', 'Clinic', 'Therapist']) expect(names).not.toContain(name);
  });

  test('each root field, each type it reaches', async () => {
    const dataTypes = clientDataTypeNames();
    const roots = Object.values(schema.getQueryType()?.getFields() ?? {});
    const checked: string[] = [];
    const unreached: string[] = [];
    const refusedToAll: string[] = [];
    for (const root of roots) {
      const paths = [...pathsFrom(root)].filter(([typeName]) => dataTypes.has(typeName));
      const required = root.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
      if (paths.length > 0 && required.length > 0 && !rootArguments[root.name]) {
        throw new Error(`add literal arguments for Query.${root.name} to rootArguments`);
      }
      for (const [typeName, candidates] of paths) {
        // The first of its paths along which the test data reaches the type is the one checked.
        let seen = false;
        let refusedToSome = false;
        for (const path of candidates) {
          const query = document(path);
          for (const caller of [admin, portal]) {
            const response = await api.request(query, undefined, { as: caller });
            if (!reached(response.data, path)) {
              // No caller of this root field may read it at all (a client's own SOAP notes through viewer).
              if (
                response.errors?.some(
                  (e) =>
                    e.extensions?.code === 'FORBIDDEN' && e.path?.filter((key) => typeof key === 'string').join('.') === path.join('.'),
                )
              )
                refusedToSome = true;
              continue;
            }
            seen = true;
            const requestId = String(response.headers['x-request-id']);
            const rows = await db.orm.em
              .fork()
              .execute<{ operation: string; outcome: string; client_ids: string[] }[]>(
                'select operation, outcome, client_ids from audit_event where request_id = ?',
                [requestId],
              );
            expect(rows, `${query} as ${caller === admin ? 'admin' : 'client'}`).toContainEqual({
              operation: `Query.${root.name}`,
              outcome: 'ALLOWED',
              client_ids: expect.arrayContaining([clientId]),
            });
          }
          if (seen) {
            checked.push(`${typeName} via ${path.join('.')}`);
            break;
          }
        }
        if (!seen) (refusedToSome ? refusedToAll : unreached).push(`${typeName} via ${candidates.map((p) => p.join('.')).join(' | ')}`);
      }
    }
    // Every path was tried with data at its end: a path the test data cannot reach would prove nothing. The one
    // exception: through `viewer` only the client themself comes, and a client never sees records entered in error.
    expect(unreached.map((entry) => entry.split(' | ')[0])).toEqual([
      'RecordCorrection via viewer.client.latestObservations.enteredInError',
    ]);
    expect(checked.length).toBeGreaterThan(20);
    // Through `viewer` only the client comes, and the staff-only notes (SOAP, the report's assessment) are refused to them.
    expect(refusedToAll.map((entry) => entry.split(' via ')[0])).toEqual(['ReportSummary', 'SoapNotes']);
  }, 120_000);
});
