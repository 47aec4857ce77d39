import { Therapist } from '@fascia/server/modules/clinics/therapist.entity.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount } from '../support/factories.js';

/**
 * Property-based tests of every mutation's inputs: a valid input with any of its values (at any depth)
 * swapped for something hostile. Whatever arrives, the answer is a success or GraphQL errors that all
 * carry a code (never INTERNAL_SERVER_ERROR, never a 5xx), and an error leaves every table as it was.
 */

let db: TestDatabase;
let api: TestApi;
let admin: TestAccount;
let ids: {
  client: string;
  series: string;
  appointment: string;
  seriesToClose: string;
  apiToken: string;
  invite: string;
  throwaway: string;
  /** A visit with its values and questionnaire, for the corrections. */
  visit: { session: string; pain: string; rotation: string; response: string };
};
let tables: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  const therapist = await createClinicWithTherapist(db);
  // An admin who also treats may call every mutation of the clinic.
  const em = db.orm.em.fork();
  const treating = em.create(Therapist, { clinic: therapist.clinicId, givenName: 'Ada', familyName: 'Admin', registrationNumber: 'LMT-9' });
  await em.flush();
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId, therapistId: treating.id });
  api = await startApi(db, admin);
  const clinic = clinicApi(api);
  const client = await clinic.createClient();
  const series = await clinic.startSeries(client);
  const visit = await api.graphql(
    `mutation($input: RecordSessionInput!) { recordSession(input: $input) {
      id observations { id measureCode context } questionnaireResponses { id } } }`,
    { input: neckVisit(series, '2026-01-12T15:00:00Z', 5, 3) },
  );
  const recorded = visit.data?.recordSession;
  const preValue = (code: string) => recorded.observations.find((o: any) => o.measureCode === code && o.context === 'PRE_SESSION').id;
  const seriesToClose = await clinic.startSeries(client, { conditionCode: 'CHRONIC_LOW_BACK_PAIN' });
  const token = await api.graphql('mutation { createApiToken(name: "script") { apiToken { id } } }');
  const invite = await api.graphql('mutation($id: ID!) { inviteClient(clientId: $id, email: "portal@example.com") { token } }', {
    id: client,
  });
  const throwaway = therapist;
  const booked = await api.graphql('mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }', {
    input: { seriesId: series, date: daysAhead(20), time: '10:00' },
  });

  ids = {
    client,
    series,
    appointment: booked.data?.addAppointment.id,
    seriesToClose,
    apiToken: token.data?.createApiToken.apiToken.id,
    invite: invite.data?.inviteClient.token,
    throwaway: throwaway.accountId,
    visit: {
      session: recorded.id,
      pain: preValue('NPRS'),
      rotation: preValue('CERVICAL_ROTATION'),
      response: recorded.questionnaireResponses[0].id,
    },
  };
  const rows = await db.orm.em.fork().execute<{ tablename: string }[]>("select tablename from pg_tables where schemaname = 'public'");
  // Refusals are meant to leave a trace: the audit trail records them, the rate limit counts failed sign-ins.
  const tracesOfRefusals = ['audit_event', 'sign_in_attempt'];
  tables = rows.map((row) => row.tablename).filter((name) => !tracesOfRefusals.includes(name));
}, 60_000);
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

/** Row count of every table, in one statement. */
async function rowCounts(): Promise<Record<string, number>> {
  const columns = tables.map((table) => `(select count(*) from "${table}")::int as "${table}"`).join(', ');
  const [counts] = await db.orm.em.fork().execute<Record<string, number>[]>(`select ${columns}`);
  return counts ?? {};
}

/** Dates JavaScript can barely hold (±8.64e15 ms), that no calendar has, or that PostgreSQL cannot store. */
const oddDates = [
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '275760-09-13',
  '0000-01-01T00:00:00Z',
  '0001-01-01',
  '4714-11-24 BC',
  '9999-12-31T23:59:59.999Z',
  '1900-02-29',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '2026-01-05T25:00:00Z',
  '1970-01-01T00:00:00Z',
];

/** Whatever a hostile or broken client could put in place of one value. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  // Any code point, lone surrogate halves included.
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '   ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '🦴'.repeat(3000),
    'x'.repeat(60_000),
    'NaN',
    'Infinity',
    '-0',
    '1e308',
  ),
  fc.constantFrom(...oddDates),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.integer(),
  fc.constantFrom(
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    -(2 ** 53),
    1e308,
    -1e308,
    -0,
    5e-324,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
  ),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  // Left out of the JSON: a missing field.
  fc.constant(undefined),
  fc.constantFrom([], {}, [1, 2], { nested: 'object' }),
  fc.uuid(),
);

/** `value`, or a copy with any of its parts (itself included) replaced by something hostile. */
function spoiled(value: unknown): fc.Arbitrary<unknown> {
  let kept: fc.Arbitrary<unknown>;
  if (Array.isArray(value)) kept = fc.tuple(...value.map(spoiled));
  else if (value && typeof value === 'object') kept = spoiledFields(value as Record<string, unknown>);
  else kept = fc.constant(value);
  return fc.oneof({ arbitrary: kept, weight: 5 }, { arbitrary: hostile, weight: 1 });
}

function spoiledFields(fields: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, spoiled(value)])));
}

/**
 * JSON as a client could send it: JSON.stringify would turn NaN and ±Infinity into null and -0 into 0;
 * here ±Infinity goes out as 1e999 (which JSON parsers read as ±Infinity) and -0 as -0. NaN has no JSON form.
 */
function toJson(value: unknown): string {
  const raw = (number: number) => (Number.isNaN(number) ? 'null' : Object.is(number, -0) ? '-0' : number > 0 ? '1e999' : '-1e999');
  return JSON.stringify(value, (_key, v) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `\u0001${raw(v)}\u0001` : v,
  ).replace(/"\\u0001([^"\\]*)\\u0001"/g, '$1');
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(query: string, variables: Record<string, unknown>, token: string | null): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: toJson({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

/** The property: never a 5xx or a code-less or internal error, and an error writes nothing. */
async function answersCleanly(query: string, variables: Record<string, unknown>, token: string | null): Promise<void> {
  const before = await rowCounts();
  const { status, body } = await send(query, variables, token);
  const context = `${status} ${toJson(body).slice(0, 500)} for ${toJson(variables).slice(0, 500)}`;
  expect(status, context).toBeLessThan(500);
  if (!body.errors) {
    expect(status, context).toBe(200);
    expect(Object.values(body.data ?? {})[0], context).toBeTruthy();
    return;
  }
  for (const error of body.errors) {
    expect(error.extensions?.code, context).toEqual(expect.any(String));
    expect(error.extensions?.code, context).not.toBe('INTERNAL_SERVER_ERROR');
  }
  expect(await rowCounts(), context).toEqual(before);
}

let key = 0;
/** A fresh idempotency key per run, so a successful run never replays an earlier one. */
const nextKey = () => `property-${++key}`;
/** A calendar day `days` from today (appointments cannot be booked in the past). */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** Counts booking runs, so each valid booking asks for a free day. */
let booking = 0;

const ndiAnswers = [2, 1, 1, 2, 3, 1, 2, 1, 2, 1].map((value, i) => ({ itemCode: `NDI${i + 1}`, value }));
/** Counts runs of the amendments, so a valid run changes something (an amendment that changes nothing is refused). */
let amendment = 0;

/** Every mutation with a valid input, the caller, and how many runs (sign-ins and accepted invites hash a password: slow). */
const mutations: { name: string; query: string; variables: () => Record<string, unknown>; as?: 'anonymous'; runs?: number }[] = [
  {
    name: 'createClient',
    query: 'mutation($input: CreateClientInput!, $key: String) { createClient(input: $input, idempotencyKey: $key) { id } }',
    variables: () => ({
      input: {
        givenName: 'Alan',
        familyName: 'Turing',
        dateOfBirth: '1912-06-23',
        sex: 'MALE',
        email: 'alan@example.com',
        phone: '+44 20 7946 0000',
      },
      key: nextKey(),
    }),
  },
  {
    name: 'updateClient',
    query: 'mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id } }',
    variables: () => ({
      id: ids.client,
      input: { givenName: 'Ada', familyName: 'King', dateOfBirth: '1815-12-10', sex: 'FEMALE', email: 'ada@example.com' },
    }),
  },
  {
    name: 'recordIntake',
    query:
      'mutation($id: ID!, $input: RecordIntakeInput!, $key: String) { recordIntake(clientId: $id, input: $input, idempotencyKey: $key) { id } }',
    variables: () => ({
      id: ids.client,
      input: {
        takenAt: '2026-01-05T14:00:00Z',
        chiefComplaints: 'Neck pain',
        consentToTreatment: true,
        contraindications: ['anticoagulants'],
        painTolerance: 'MODERATE',
        pressurePreference: 'MEDIUM',
        researchConsent: false,
        pregnancy: { gestationWeeks: 30, obstetricClearance: true, clearedOn: '2026-01-02', clearedBy: 'Dr Roy, obstetrician' },
      },
      key: nextKey(),
    }),
  },
  {
    name: 'startSeries',
    query: 'mutation($input: StartSeriesInput!, $key: String) { startSeries(input: $input, idempotencyKey: $key) { id } }',
    variables: () => ({
      input: {
        clientId: ids.client,
        conditionCode: 'NECK_PAIN',
        plannedSessions: 8,
        plannedSessionsPerWeek: 1.5,
        plannedMinutesPerSession: 60,
        startDate: '2026-01-05',
        goals: 'Turn the head freely',
      },
      key: nextKey(),
    }),
  },
  {
    name: 'updateSeries',
    query: 'mutation($id: ID!, $input: UpdateSeriesInput!) { updateSeries(id: $id, input: $input) { id } }',
    variables: () => ({
      id: ids.series,
      input: { plannedSessions: 10, plannedSessionsPerWeek: 2, plannedMinutesPerSession: 45, goals: 'Sleep through the night' },
    }),
  },
  {
    name: 'closeSeries',
    query: 'mutation($id: ID!, $input: CloseSeriesInput!) { closeSeries(id: $id, input: $input) { id } }',
    variables: () => ({
      id: ids.seriesToClose,
      input: { status: 'COMPLETED', endDate: '2026-03-01', dischargeReason: 'GOALS_MET', dischargeNote: 'Goals met' },
    }),
  },
  {
    name: 'writeReportSummary',
    query: 'mutation($id: ID!, $input: ReportSummaryInput!) { writeReportSummary(seriesId: $id, input: $input) { id } }',
    variables: () => ({ id: ids.series, input: { assessment: 'Pain halved, sleeps through', plan: 'Two more visits, then home care' } }),
  },
  {
    name: 'recordSession',
    query: 'mutation($input: RecordSessionInput!, $key: String) { recordSession(input: $input, idempotencyKey: $key) { id } }',
    variables: () => ({ input: neckVisit(ids.series, '2026-01-19T15:00:00Z', 4, 3), key: nextKey() }),
  },
  {
    name: 'recordObservation',
    query: 'mutation($input: RecordObservationInput!, $key: String) { recordObservation(input: $input, idempotencyKey: $key) { id } }',
    variables: () => ({
      input: {
        clientId: ids.client,
        seriesId: ids.series,
        measureCode: 'NPRS',
        value: 4,
        regionCode: 'NECK',
        context: 'BETWEEN_SESSIONS',
        takenAt: '2026-01-14T20:00:00Z',
      },
      key: nextKey(),
    }),
  },
  {
    name: 'submitQuestionnaireResponse',
    query:
      'mutation($input: SubmitQuestionnaireInput!, $key: String) { submitQuestionnaireResponse(input: $input, idempotencyKey: $key) { id } }',
    variables: () => ({
      input: {
        clientId: ids.client,
        seriesId: ids.series,
        instrumentCode: 'NDI',
        completedAt: '2026-01-14T20:00:00Z',
        answers: ndiAnswers,
      },
      key: nextKey(),
    }),
  },
  // Appointments and reminders: the valid runs book, move and cancel one appointment of the series.
  {
    name: 'addAppointment',
    query: 'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
    variables: () => ({ input: { seriesId: ids.series, date: daysAhead(30 + ++booking), time: '09:00', minutes: 30 } }),
  },
  {
    name: 'bookPlan',
    query: 'mutation($input: BookPlanInput!) { bookPlan(input: $input) { id } }',
    variables: () => ({
      input: { seriesId: ids.series, firstDate: daysAhead(100 + 14 * ++booking), time: '17:30', weekdays: ['MONDAY', 'FRIDAY'], weeks: 1 },
    }),
  },
  {
    name: 'moveAppointment',
    query: 'mutation($id: ID!, $input: MoveAppointmentInput!) { moveAppointment(id: $id, input: $input) { id } }',
    variables: () => ({ id: ids.appointment, input: { date: daysAhead(21), time: `${10 + (++booking % 8)}:00`, minutes: 45 } }),
  },
  {
    name: 'requestAppointmentCancellation',
    query: 'mutation($id: ID!, $reason: String) { requestAppointmentCancellation(id: $id, reason: $reason) { id } }',
    variables: () => ({ id: ids.appointment, reason: 'Away that week' }),
  },
  {
    name: 'declineAppointmentCancellation',
    query: 'mutation($id: ID!) { declineAppointmentCancellation(id: $id) { id } }',
    variables: () => ({ id: ids.appointment }),
  },
  {
    name: 'markAppointment',
    query: 'mutation($id: ID!, $status: AppointmentStatus!) { markAppointment(id: $id, status: $status) { id } }',
    variables: () => ({ id: ids.appointment, status: 'NO_SHOW' }),
  },
  {
    name: 'cancelAppointment',
    query:
      'mutation($id: ID!, $byClient: Boolean!, $reason: String) { cancelAppointment(id: $id, byClient: $byClient, reason: $reason) { id } }',
    variables: () => ({ id: ids.appointment, byClient: false, reason: 'Therapist unwell' }),
  },
  {
    name: 'updateReminderSettings',
    query: 'mutation($input: ReminderSettingsInput!) { updateReminderSettings(input: $input) { appointmentLeadHours } }',
    variables: () => ({
      input: { appointmentReminders: true, appointmentLeadHours: 48, diaryPrompts: true, diaryPromptHour: 19, diaryPromptDays: [0, 2] },
    }),
  },
  {
    name: 'setMyReminderOptOut',
    query: 'mutation($optOut: Boolean!) { setMyReminderOptOut(optOut: $optOut) { optedOut } }',
    variables: () => ({ optOut: true }),
  },
  {
    name: 'acknowledgeReminderNotice',
    query: 'mutation($id: ID!) { acknowledgeReminderNotice(id: $id) { id } }',
    variables: () => ({ id: '00000000-0000-4000-8000-000000000001' }),
  },
  // The corrections: amendments first, then the voids (a voided record can no longer be amended), the visit last.
  {
    name: 'amendObservation',
    query: 'mutation($id: ID!, $input: AmendObservationInput!) { amendObservation(id: $id, input: $input) { id } }',
    variables: () => ({
      id: ids.visit.pain,
      input: { value: ++amendment % 11, regionCode: 'NECK', takenAt: '2026-01-12T15:00:00Z', reason: 'Misheard' },
    }),
  },
  {
    name: 'amendQuestionnaireResponse',
    query: 'mutation($id: ID!, $input: AmendQuestionnaireResponseInput!) { amendQuestionnaireResponse(id: $id, input: $input) { id } }',
    variables: () => ({
      id: ids.visit.response,
      input: { answers: ndiAnswers.map((a, i) => (i === 0 ? { ...a, value: ++amendment % 6 } : a)), reason: 'Mis-keyed' },
    }),
  },
  {
    name: 'amendSession',
    query: 'mutation($id: ID!, $input: AmendSessionInput!) { amendSession(id: $id, input: $input) { id } }',
    variables: () => ({
      id: ids.visit.session,
      input: {
        startedAt: '2026-01-12T15:00:00Z',
        durationMinutes: 60,
        modalities: ['SWEDISH'],
        regions: [{ regionCode: 'NECK', minutes: 20 }],
        pressure: (++amendment % 5) + 1,
        plan: 'Stretch daily',
        reason: 'Entered in a hurry',
      },
    }),
  },
  {
    name: 'markObservationEnteredInError',
    query: 'mutation($id: ID!, $reason: String!) { markObservationEnteredInError(id: $id, reason: $reason) { id } }',
    variables: () => ({ id: ids.visit.rotation, reason: 'Measured the wrong side' }),
  },
  {
    name: 'markQuestionnaireResponseEnteredInError',
    query: 'mutation($id: ID!, $reason: String!) { markQuestionnaireResponseEnteredInError(id: $id, reason: $reason) { id } }',
    variables: () => ({ id: ids.visit.response, reason: 'Wrong questionnaire' }),
  },
  {
    name: 'markSessionEnteredInError',
    query: 'mutation($id: ID!, $reason: String!) { markSessionEnteredInError(id: $id, reason: $reason) { id } }',
    variables: () => ({ id: ids.visit.session, reason: 'Another client' }),
  },
  {
    // The client has no red flags: a valid call is refused as no-red-flags, still a coded answer that writes nothing.
    name: 'resolveRedFlags',
    query: 'mutation($clientId: ID!, $note: String!) { resolveRedFlags(clientId: $clientId, note: $note) { id } }',
    variables: () => ({ clientId: ids.client, note: 'Cleared by the family physician' }),
  },
  {
    name: 'setResearchParticipation',
    query: 'mutation($optIn: Boolean!) { setResearchParticipation(optIn: $optIn) { id } }',
    variables: () => ({ optIn: true }),
  },
  {
    name: 'createApiToken',
    query: 'mutation($name: String!, $days: Int!) { createApiToken(name: $name, expiresInDays: $days) { token } }',
    variables: () => ({ name: 'nightly export', days: 30 }),
  },
  {
    name: 'revokeApiToken',
    query: 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
    variables: () => ({ id: ids.apiToken }),
  },
  {
    name: 'inviteTherapist',
    query:
      'mutation($email: String!, $given: String!, $family: String!, $reg: String) { inviteTherapist(email: $email, givenName: $given, familyName: $family, registrationNumber: $reg) { id } }',
    variables: () => ({ email: `new-${nextKey()}@example.com`, given: 'Rosa', family: 'Parks', reg: 'LMT-2' }),
  },
  {
    name: 'inviteClient',
    query: 'mutation($id: ID!, $email: String!) { inviteClient(clientId: $id, email: $email) { id } }',
    variables: () => ({ id: ids.client, email: `client-${nextKey()}@example.com` }),
  },
  {
    name: 'updateClinicSettings',
    query: 'mutation($input: ClinicSettingsInput!) { updateClinicSettings(input: $input) { id } }',
    variables: () => ({ input: { noChangeAfterSessions: 6, clientApiTokensAllowed: true } }),
  },
  {
    name: 'disableAccount',
    query: 'mutation($id: ID!) { disableAccount(accountId: $id) { id } }',
    variables: () => ({ id: ids.throwaway }),
  },
  {
    name: 'enableAccount',
    query: 'mutation($id: ID!) { enableAccount(accountId: $id) { id } }',
    variables: () => ({ id: ids.throwaway }),
  },
  {
    name: 'revokeAccountApiToken',
    query: 'mutation($id: ID!) { revokeAccountApiToken(id: $id) { id } }',
    variables: () => ({ id: ids.apiToken }),
  },
  {
    name: 'acceptInvite',
    query: 'mutation($token: String!, $password: String!) { acceptInvite(token: $token, password: $password) { token } }',
    variables: () => ({ token: ids.invite, password: 'a long portal passphrase 2026' }),
    as: 'anonymous',
    runs: 12,
  },
  {
    name: 'signIn',
    query: 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
    variables: () => ({ email: admin.email, password: admin.password }),
    as: 'anonymous',
    runs: 12,
  },
];

describe('text PostgreSQL cannot store faithfully is refused with its field, for every operation', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    [
      'a NUL in a name',
      'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
      { input: { givenName: 'a\u0000b', familyName: 'Turing', dateOfBirth: '1912-06-23', sex: 'MALE' } },
      'givenName',
    ],
    [
      'a NUL in an id (the refusal would be audited in jsonb)',
      'mutation($id: ID!) { updateSeries(id: $id, input: {}) { id } }',
      { id: 'a\u0000b' },
      'id',
    ],
    ['a lone surrogate in an id', 'mutation($id: ID!) { disableAccount(accountId: $id) { id } }', { id: '\uD800' }, 'accountId'],
    ['a lone surrogate in a search', 'query($s: String) { clients(search: $s) { totalCount } }', { s: 'x\uDC00' }, 'search'],
    [
      'a NUL deep in a visit',
      'mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }',
      {
        input: {
          seriesId: '00000000-0000-4000-8000-000000000000',
          startedAt: '2026-01-19T15:00:00Z',
          durationMinutes: 60,
          attendance: 'ATTENDED',
          observations: [{ measureCode: 'NPRS\u0000', value: 4, context: 'PRE_SESSION' }],
        },
      },
      'observations[0].measureCode',
    ],
    [
      'a NUL in the email of a sign-in (before any attempt is written)',
      'mutation { signIn(email: "a\\u0000@example.com", password: "whatever it is") { token } }',
      {},
      'email',
    ],
  ];

  test.each(cases)('%s', async (_name, query, variables, field) => {
    const before = await rowCounts();
    const attempts = await db.count('sign_in_attempt');
    const { status, body } = await send(query, variables, query.includes('signIn') ? null : admin.token);
    expect(status).toBe(200);
    expect(body.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field, rule: 'unicode' }]);
    expect(await rowCounts()).toEqual(before);
    expect(await db.count('sign_in_attempt')).toBe(attempts);
  });
});

describe('every mutation answers hostile input with a coded error or a success, never a 5xx, and an error writes nothing', () => {
  test.each(mutations)(
    '$name',
    async ({ query, variables, as, runs }) => {
      // Built per test: the valid values need the ids made in beforeAll.
      const arbitrary = fc.constant(null).chain(() => spoiledFields(variables()));
      const token = as === 'anonymous' ? null : admin.token;
      await fc.assert(
        fc.asyncProperty(arbitrary, (spoilt) => answersCleanly(query, spoilt, token)),
        { numRuns: runs ?? 40, endOnFailure: true },
      );
    },
    60_000,
  );

  test('the list above names every mutation of the schema but the five without input', async () => {
    const { buildFasciaSchema } = await import('@fascia/server/graphql/schema.js');
    const all = Object.keys((await buildFasciaSchema()).getMutationType()?.getFields() ?? {});
    // Without input, so nothing to spoil: sign-outs (tested below) and the calendar feed's address (appointments tests).
    // refitExpectedChange has no input: it refits from the stored outcomes (expected-change.test.ts).
    const withoutInput = ['signOut', 'signOutEverywhere', 'resetCalendarFeed', 'revokeCalendarFeed', 'refitExpectedChange'];
    expect([...mutations.map((m) => m.name), ...withoutInput].sort()).toEqual(all.sort());
  });

  test('signOut and signOutEverywhere take no input: with a session they succeed, without one they are UNAUTHENTICATED', async () => {
    for (const [query, answer] of [
      ['mutation { signOut }', { signOut: true }],
      ['mutation { signOutEverywhere }', { signOutEverywhere: 1 }],
    ] as const) {
      expect((await send(query, {}, null)).body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      const { token } = await createTestAccount(db, { role: 'RESEARCHER' });
      expect((await send(query, {}, token)).body).toEqual({ data: answer });
    }
  });
});

/** Codes of Fascia's own (docs/api.md#errors), what every refusal must carry. */
const fasciaCodes = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COSTLY',
  'PAYLOAD_TOO_LARGE',
  'COHORT_TOO_SMALL',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'UNSUPPORTED_MEDIA_TYPE',
]);

/** Every error a refusal: a code of Fascia's own, and the field wherever the input was bad. */
function expectCodedRefusals(errors: { extensions?: { code?: string; field?: string } }[] | undefined, context: string): void {
  for (const error of errors ?? []) {
    expect(fasciaCodes.has(String(error.extensions?.code)), context).toBe(true);
    if (error.extensions?.code === 'BAD_USER_INPUT') expect(error.extensions.field, context).toEqual(expect.any(String));
  }
}

/** JSON nested `depth` arrays deep, written by hand (JSON.stringify would recurse as deep). */
const nestedArrays = (depth: number, inner = '"00000000-0000-4000-8000-000000000000"') =>
  `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe('every other input surface answers a coded 4xx or a success, never a 5xx', () => {
  const jsonish = fc.oneof(hostile, fc.jsonValue({ maxDepth: 3 }), fc.array(hostile, { maxLength: 4 }));

  test('cursors: clients(after:) and caseload(after:) with keys of any shape', async () => {
    const cursor = fc.oneof(
      jsonish.map((key) => Buffer.from(toJson(key ?? null)).toString('base64url')),
      fc
        .array(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('-1', 'NaN', '1e9', '99999999999999999999', '0x10')),
          {
            maxLength: 4,
          },
        )
        .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(cursor, fc.constantFrom('clients', 'caseload'), async (after, list) => {
        const { status, body } = await send(`query($after: String) { ${list}(after: $after) { totalCount } }`, { after }, admin.token);
        const context = `${status} ${JSON.stringify(body).slice(0, 300)} for ${list}(after: ${JSON.stringify(after)})`;
        expect(status, context).toBe(200);
        expectCodedRefusals(body.errors, context);
        for (const error of body.errors ?? []) expect(error.extensions, context).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  test('variables the operation does not use, allowed and refused reads alike', async () => {
    const other = await createClinicWithTherapist(db, { clinicName: 'Elsewhere' });
    const extra = fc.dictionary(
      fc.oneof(fc.constantFrom('id', 'clientId', 'seriesIds', 'x'), fc.string({ maxLength: 8 })),
      fc.oneof(hostile, fc.constantFrom('\u0000', '\udfff', 'a\u0000b'), jsonish),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(extra, fc.boolean(), async (variables, refused) => {
        const { status, body } = await send(
          'query($id: ID!) { client(id: $id) { id } }',
          { ...variables, id: ids.client },
          refused ? other.token : admin.token,
        );
        const context = `${status} ${JSON.stringify(body).slice(0, 300)} for ${toJson(variables).slice(0, 300)}`;
        expect(status, context).toBeLessThan(500);
        expectCodedRefusals(body.errors, context);
      }),
      { numRuns: 60 },
    );
    // Deeply nested, as raw JSON (depth 10,000 and 100,000: under the 1 MB body limit).
    for (const depth of [10_000, 100_000]) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
        body: `{"query":"query($id: ID!) { client(id: $id) { id } }","variables":{"id":"${ids.client}","ids":${nestedArrays(depth)}}}`,
      });
      expect(response.status, `depth ${depth}`).toBeLessThan(500);
      expectCodedRefusals((await response.json()).errors, `depth ${depth}`);
    }
  }, 90_000);

  test('query strings: GET /fhir/export with any parameters', async () => {
    const value = fc.oneof(
      fc.uuid(),
      fc.constantFrom('%00', '%ED%A0%80', '%FF', '%', '%%', '..%2F..', '[]', 'a%00b', ids.client),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => Buffer.from(s, 'latin1').toString('hex').replace(/(..)/g, '%$1')),
    );
    const parameter = fc.tuple(
      fc.oneof(fc.constantFrom('client', 'series', 'client[]', 'series[x]', 'format'), fc.string({ maxLength: 6 }).map(encodeURIComponent)),
      value,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(parameter, { maxLength: 3 }), async (parameters) => {
        const query = parameters.map(([k, v]) => `${k}=${v}`).join('&');
        const response = await fetch(`${api.url}/fhir/export?${query}`, { headers: { authorization: `Bearer ${admin.token}` } });
        const context = `${response.status} for ?${query}`;
        expect(response.status, context).toBeLessThan(500);
        const body = await response.json();
        if (response.status !== 200) expect(body.resourceType, context).toBe('OperationOutcome');
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  test('REST bodies: POST /research/export.csv with any JSON', async () => {
    const { token } = await createTestAccount(db, { role: 'RESEARCHER' });
    const valid = {
      measureCode: 'NPRS',
      filter: {
        conditionCode: 'NECK_PAIN',
        sex: 'FEMALE',
        ageBands: ['AGE_40_49'],
        minAttendedSessions: 1,
        startFrom: '2025-01-01',
        startTo: '2026-01-31',
      },
    };
    const body = fc.oneof(
      spoiledFields(valid).map((value) => toJson(value)),
      jsonish.map((value) => toJson(value ?? null)),
      fc.constantFrom('{', '[]', 'null', '"x"', '{"filter":{"startFrom":"2026-02-30"}}', `{"filter":${nestedArrays(5_000, '{}')}}`),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await fetch(`${api.url}/research/export.csv`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: text,
        });
        const context = `${response.status} for ${text.slice(0, 300)}`;
        expect(response.status, context).toBeLessThan(500);
        if (response.status !== 200) expectCodedRefusals((await response.json()).errors, `${context}`);
        else await response.text();
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  test('REST bodies: POST /audit/export.csv with any JSON', async () => {
    const { token } = admin;
    const valid = { accountId: admin.accountId, operation: 'Query.client', refused: true, fromDate: '2026-01-01', toDate: '2026-12-31' };
    const body = fc.oneof(
      spoiledFields(valid).map((value) => toJson(value)),
      jsonish.map((value) => toJson(value ?? null)),
      fc.constantFrom(
        '{',
        '[]',
        'null',
        '{"fromDate":"0000-01-01"}',
        '{"toDate":"2026-02-30"}',
        `{"clientId":${nestedArrays(5_000, '{}')}}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await fetch(`${api.url}/audit/export.csv`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: text,
        });
        const context = `${response.status} for ${text.slice(0, 300)}`;
        expect(response.status, context).toBeLessThan(500);
        if (response.status !== 200) expectCodedRefusals((await response.json()).errors, `${context}`);
        else await response.text();
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  test('headers Fascia reads: authorization, cookie, content-type, accept, x-forwarded-for', async () => {
    // What an HTTP client can send in a header value: visible ASCII, spaces and tabs, and Latin-1 bytes.
    const headerValue = fc.oneof(
      fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        `Bearer ${'x'.repeat(5000)}`,
        'bearer a b',
        'Basic Zm9vOmJhcg==',
        'fascia_session=',
        'fascia_session=a; fascia_session=b',
        '1.2.3.4, 999.1.1.1',
        'unknown, ::1',
      ),
    );
    const headers = fc.record(
      {
        authorization: headerValue,
        cookie: headerValue,
        'content-type': fc.oneof(headerValue, fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain')),
        accept: fc.oneof(headerValue, fc.constantFrom('application/json', 'text/html', '*/*')),
        'x-forwarded-for': headerValue,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        headers,
        fc.constantFrom('/graphql', `/fhir/export?client=${ids.client}`, '/research/export-dictionary.csv'),
        async (sent, target) => {
          const isGraphql = target === '/graphql';
          const response = await fetch(`${api.url}${target}`, {
            method: isGraphql ? 'POST' : 'GET',
            headers: sent,
            ...(isGraphql ? { body: JSON.stringify({ query: '{ clients { totalCount } }' }) } : {}),
          });
          const context = `${response.status} for ${target} with ${JSON.stringify(sent)}`;
          expect(response.status, context).toBeLessThan(500);
          const text = await response.text();
          if (isGraphql && response.headers.get('content-type')?.includes('json')) expectCodedRefusals(JSON.parse(text).errors, context);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
