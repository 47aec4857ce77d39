import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GraphQLResponse, startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

/**
 * Onboarding a client over the API: preferred language and referral, the intake's complaints, conditions and
 * consent to share, red flags (open, acknowledged at visits, resolved), the series' headline measure and
 * discharge reason, and the clinic's name, time zone and locale.
 */

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let admin: TestAccount;

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Onboarding', timeZone: 'UTC' });
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
  api = await startApi(db, { token: therapist.token });
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

function dataOf(response: GraphQLResponse): Record<string, any> {
  if (!response.data || response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** The first error's code, field and rule. */
function refusal(response: GraphQLResponse) {
  const extensions = response.errors?.[0]?.extensions;
  return { code: extensions?.code, field: extensions?.field, rule: extensions?.rule };
}

const clientFields = `id preferredLanguage referral { source clinicianName organisation contact reason referredOn }
  unresolvedRedFlags contraindications`;

const createClient = (input: Record<string, unknown>) =>
  api.graphql(`mutation($input: CreateClientInput!) { createClient(input: $input) { ${clientFields} } }`, {
    input: { givenName: 'Rita', familyName: 'Referred', dateOfBirth: '1979-05-04', sex: 'FEMALE', ...input },
  });

const recordIntake = (clientId: string, input: Record<string, unknown>) =>
  api.graphql(
    `mutation($id: ID!, $input: RecordIntakeInput!) { recordIntake(clientId: $id, input: $input) {
      id redFlags redFlagsResolvedAt redFlagsResolutionNote conditionCodes consentToShareWithReferrer consentToShareWithReferrerAt
      complaints { description onsetDate onset durationWeeks } } }`,
    { id: clientId, input: { takenAt: '2026-03-02T15:00:00Z', chiefComplaints: 'Neck pain', consentToTreatment: true, ...input } },
  );

const attendedVisit = (seriesId: string, startedAt: string, extra: Record<string, unknown> = {}) => ({
  seriesId,
  startedAt,
  durationMinutes: 45,
  attendance: 'ATTENDED',
  ...extra,
});

const recordSession = (input: Record<string, unknown>) =>
  api.graphql('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id startedAt redFlagsAcknowledged } }', { input });

describe('client: preferred language and referral', () => {
  test('a referral and a language are stored, canonical, and read back', async () => {
    const created = dataOf(
      await createClient({
        preferredLanguage: 'fr-ca',
        referral: {
          source: 'PHYSICIAN',
          clinicianName: ' Dr Amelia Roy ',
          organisation: 'Harbour Family Health',
          contact: '+1 416 555 0100',
          reason: 'Chronic neck pain',
          referredOn: '2026-02-20',
        },
      }),
    ).createClient;
    expect(created.preferredLanguage).toBe('fr-CA');
    expect(created.referral).toEqual({
      source: 'PHYSICIAN',
      clinicianName: 'Dr Amelia Roy',
      organisation: 'Harbour Family Health',
      contact: '+1 416 555 0100',
      reason: 'Chronic neck pain',
      referredOn: '2026-02-20',
    });
    expect(created.unresolvedRedFlags).toEqual([]);
    expect(created.contraindications).toEqual([]);

    const update = (input: Record<string, unknown>) =>
      api.graphql(`mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { ${clientFields} } }`, {
        id: created.id,
        input,
      });
    // Absent or null referral: unchanged.
    const unchanged = dataOf(await update({ phone: '555-0101', referral: null })).updateClient;
    expect(unchanged.referral).toEqual(created.referral);
    // A new referral replaces the whole current one.
    const self = dataOf(await update({ referral: { source: 'SELF', referredOn: '2026-02-25' }, preferredLanguage: '' })).updateClient;
    expect(self.referral).toEqual({
      source: 'SELF',
      clinicianName: null,
      organisation: null,
      contact: null,
      reason: null,
      referredOn: '2026-02-25',
    });
    expect(self.preferredLanguage).toBeNull();
  });

  test('a client without a referral reads null', async () => {
    expect(dataOf(await createClient({})).createClient.referral).toBeNull();
  });

  test.each([
    [{ preferredLanguage: 'english please' }, 'preferredLanguage', 'language-tag'],
    [{ referral: { source: 'PHYSIOTHERAPIST' } }, 'referral.clinicianName', 'required-unless-self'],
    [{ referral: { source: 'OTHER', clinicianName: '  ' } }, 'referral.clinicianName', 'required-unless-self'],
    [{ referral: { source: 'SELF', referredOn: '2999-01-01' } }, 'referral.referredOn', 'not-in-future'],
    [{ referral: { source: 'PHYSICIAN', clinicianName: 'x'.repeat(201) } }, 'referral.clinicianName', 'max-length'],
  ])('refuses %j (%s, %s) and writes nothing', async (input, field, rule) => {
    const before = await db.count('client');
    expect(refusal(await createClient(input))).toEqual({ code: 'BAD_USER_INPUT', field, rule });
    expect(await db.count('client')).toBe(before);
  });
});

describe('intake: complaints, conditions, consent to share', () => {
  test('complaints carry their onset and whole weeks to the interview; consent to share is time-stamped', async () => {
    const clientId = dataOf(await createClient({})).createClient.id;
    const before = Date.now();
    const intake = dataOf(
      await recordIntake(clientId, {
        complaints: [
          { description: 'Neck stiffness', onsetDate: '2026-01-05', onset: 'GRADUAL' },
          // 2026-02-23 to 2026-03-02 is exactly one week; the day before is six days: zero whole weeks.
          { description: 'Headache', onsetDate: '2026-02-23', onset: 'SUDDEN' },
          { description: 'Jaw clicking', onsetDate: '2026-02-24', onset: 'AFTER_INJURY' },
          { description: 'Tired', onset: 'UNKNOWN' },
        ],
        conditionCodes: ['NECK_PAIN', 'TENSION_TYPE_HEADACHE'],
        consentToShareWithReferrer: true,
      }),
    ).recordIntake;
    expect(intake.complaints).toEqual([
      { description: 'Neck stiffness', onsetDate: '2026-01-05', onset: 'GRADUAL', durationWeeks: 8 },
      { description: 'Headache', onsetDate: '2026-02-23', onset: 'SUDDEN', durationWeeks: 1 },
      { description: 'Jaw clicking', onsetDate: '2026-02-24', onset: 'AFTER_INJURY', durationWeeks: 0 },
      { description: 'Tired', onsetDate: null, onset: 'UNKNOWN', durationWeeks: null },
    ]);
    expect(intake.conditionCodes).toEqual(['NECK_PAIN', 'TENSION_TYPE_HEADACHE']);
    expect(intake.consentToShareWithReferrer).toBe(true);
    expect(new Date(intake.consentToShareWithReferrerAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const without = dataOf(await recordIntake(clientId, {})).recordIntake;
    expect(without).toMatchObject({
      complaints: [],
      conditionCodes: [],
      consentToShareWithReferrer: false,
      consentToShareWithReferrerAt: null,
    });
  });

  test('weeks are counted to the day of the interview in the clinic zone', async () => {
    const other = await createClinicWithTherapist(db, { clinicName: 'Toronto', timeZone: 'America/Toronto' });
    api.actAs({ token: other.token });
    try {
      const clientId = dataOf(await createClient({})).createClient.id;
      // 03:00 UTC on 9 March is still 8 March in Toronto: six days after the onset, not a week.
      const intake = dataOf(
        await recordIntake(clientId, {
          takenAt: '2026-03-09T03:00:00Z',
          complaints: [{ description: 'Low back pain', onsetDate: '2026-03-02' }],
        }),
      ).recordIntake;
      expect(intake.complaints[0].durationWeeks).toBe(0);
    } finally {
      api.actAs({ token: therapist.token });
    }
  });

  test.each([
    [{ conditionCodes: ['NECK_PAIN', 'NOT_A_CONDITION'] }, 'conditionCodes[1]', 'unknown-condition'],
    [{ conditionCodes: ['NECK_PAIN', 'NECK_PAIN'] }, 'conditionCodes', 'duplicate'],
    [{ complaints: [{ description: ' ' }] }, 'complaints[0].description', 'required'],
    [{ complaints: [{ description: 'Pain', onsetDate: '2026-03-05' }] }, 'complaints[0].onsetDate', 'after-intake'],
  ])('refuses %j (%s, %s) and writes nothing', async (input, field, rule) => {
    const clientId = dataOf(await createClient({})).createClient.id;
    const before = await db.count('intake');
    expect(refusal(await recordIntake(clientId, input))).toEqual({ code: 'BAD_USER_INPUT', field, rule });
    expect(await db.count('intake')).toBe(before);
  });
});

describe('red flags', () => {
  let clientId: string;
  let seriesId: string;

  beforeAll(async () => {
    clientId = dataOf(await createClient({})).createClient.id;
    dataOf(
      await recordIntake(clientId, {
        redFlags: ['Unexplained weight loss', 'Night pain'],
        contraindications: ['Anticoagulants: no deep work'],
      }),
    );
    seriesId = await clinicApi(api).startSeries(clientId, { startDate: '2026-03-02' });
  });

  const clientFlags = async () =>
    dataOf(await api.graphql('query($id: ID!) { client(id: $id) { unresolvedRedFlags contraindications } }', { id: clientId })).client;

  test('the client shows the open red flags and contraindications of the current intake', async () => {
    expect(await clientFlags()).toEqual({
      unresolvedRedFlags: ['Unexplained weight loss', 'Night pain'],
      contraindications: ['Anticoagulants: no deep work'],
    });
  });

  test('the client reads their own flags in the portal', async () => {
    const portal = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId });
    const response = await api.request(
      'query($id: ID!) { client(id: $id) { unresolvedRedFlags contraindications } }',
      { id: clientId },
      {
        as: { token: portal.token },
      },
    );
    expect(dataOf(response).client.unresolvedRedFlags).toEqual(['Unexplained weight loss', 'Night pain']);
  });

  test('an attended visit needs the acknowledgement, naming the flags; nothing is written without it', async () => {
    const sessions = await db.count('treatment_session');
    for (const acknowledgeRedFlags of [undefined, false]) {
      const response = await recordSession(attendedVisit(seriesId, '2026-03-03T10:00:00Z', { acknowledgeRedFlags }));
      expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'acknowledgeRedFlags', rule: 'red-flags-unacknowledged' });
      expect(response.errors?.[0]?.message).toContain('Unexplained weight loss; Night pain');
    }
    expect(await db.count('treatment_session')).toBe(sessions);
  });

  test('a visit that did not take place needs no acknowledgement and records none', async () => {
    const cancelled = dataOf(
      await recordSession({ seriesId, startedAt: '2026-03-03T09:00:00Z', durationMinutes: 0, attendance: 'CANCELLED' }),
    ).recordSession;
    expect(cancelled.redFlagsAcknowledged).toEqual([]);
  });

  test('an acknowledged visit keeps the flags it acknowledged', async () => {
    const session = dataOf(
      await recordSession(attendedVisit(seriesId, '2026-03-04T10:00:00Z', { acknowledgeRedFlags: true })),
    ).recordSession;
    expect(session.redFlagsAcknowledged).toEqual(['Unexplained weight loss', 'Night pain']);
    const read = dataOf(
      await api.graphql('query($id: ID!) { series(id: $id) { sessions { id redFlagsAcknowledged } } }', { id: seriesId }),
    );
    expect(read.series.sessions.find((s: any) => s.id === session.id).redFlagsAcknowledged).toEqual([
      'Unexplained weight loss',
      'Night pain',
    ]);
  });

  test('resolving the flags records how, once; later visits need no acknowledgement', async () => {
    const resolve = (note: string, id = clientId) =>
      api.graphql(
        'mutation($id: ID!, $note: String!) { resolveRedFlags(clientId: $id, note: $note) { redFlags redFlagsResolvedAt redFlagsResolutionNote } }',
        { id, note },
      );
    expect(refusal(await resolve('  '))).toEqual({ code: 'BAD_USER_INPUT', field: 'note', rule: 'required' });
    const audits = await db.count('audit_event');
    const resolved = dataOf(await resolve('Cleared by Dr Roy, 2026-03-05')).resolveRedFlags;
    expect(resolved.redFlags).toEqual(['Unexplained weight loss', 'Night pain']);
    expect(resolved.redFlagsResolutionNote).toBe('Cleared by Dr Roy, 2026-03-05');
    expect(resolved.redFlagsResolvedAt).not.toBeNull();
    const [audit] = await db.orm.em.fork().execute(`select operation, client_ids, outcome from audit_event order by at desc limit 1`);
    expect(audit).toMatchObject({ operation: 'Mutation.resolveRedFlags', client_ids: [clientId] });
    expect(await db.count('audit_event')).toBeGreaterThan(audits);

    expect(refusal(await resolve('again'))).toEqual({ code: 'BAD_USER_INPUT', field: 'clientId', rule: 'already-resolved' });
    expect((await clientFlags()).unresolvedRedFlags).toEqual([]);
    const later = dataOf(await recordSession(attendedVisit(seriesId, '2026-03-06T10:00:00Z'))).recordSession;
    expect(later.redFlagsAcknowledged).toEqual([]);

    const noFlags = dataOf(await createClient({})).createClient.id;
    expect(refusal(await resolve('nothing to clear', noFlags))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'clientId',
      rule: 'no-red-flags',
    });
    dataOf(await recordIntake(noFlags, {}));
    expect(refusal(await resolve('nothing to clear', noFlags))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'clientId',
      rule: 'no-red-flags',
    });
  });

  test('a new intake with new flags opens them again', async () => {
    dataOf(await recordIntake(clientId, { takenAt: '2026-03-07T09:00:00Z', redFlags: ['New numbness in both hands'] }));
    expect((await clientFlags()).unresolvedRedFlags).toEqual(['New numbness in both hands']);
    expect(refusal(await recordSession(attendedVisit(seriesId, '2026-03-07T10:00:00Z'))).rule).toBe('red-flags-unacknowledged');
  });
});

describe('series: headline measure and discharge reason', () => {
  test('a headline measure from the catalog is stored and resolved; an unknown one is refused', async () => {
    const clientId = dataOf(await createClient({})).createClient.id;
    const seriesId = await clinicApi(api).startSeries(clientId, { headlineMeasureCode: 'NPRS' });
    const read = async () =>
      dataOf(
        await api.graphql('query($id: ID!) { series(id: $id) { headlineMeasureCode headlineMeasure { code name } } }', { id: seriesId }),
      ).series;
    expect(await read()).toEqual({ headlineMeasureCode: 'NPRS', headlineMeasure: { code: 'NPRS', name: expect.any(String) } });

    const update = (input: Record<string, unknown>) =>
      api.graphql('mutation($id: ID!, $input: UpdateSeriesInput!) { updateSeries(id: $id, input: $input) { headlineMeasureCode } }', {
        id: seriesId,
        input,
      });
    expect(refusal(await update({ headlineMeasureCode: 'NOPE' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'headlineMeasureCode',
      rule: 'unknown-measure',
    });
    expect((await read()).headlineMeasureCode).toBe('NPRS');
    expect(dataOf(await update({ headlineMeasureCode: 'NDI' })).updateSeries.headlineMeasureCode).toBe('NDI');
    expect(dataOf(await update({ headlineMeasureCode: '' })).updateSeries.headlineMeasureCode).toBeNull();
    expect(await read()).toEqual({ headlineMeasureCode: null, headlineMeasure: null });

    const before = await db.count('treatment_series');
    const refused = await api.graphql('mutation($input: StartSeriesInput!) { startSeries(input: $input) { id } }', {
      input: {
        clientId,
        conditionCode: 'NECK_PAIN',
        plannedSessions: 6,
        plannedSessionsPerWeek: 1,
        plannedMinutesPerSession: 60,
        startDate: '2026-01-05',
        headlineMeasureCode: 'NOPE',
      },
    });
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'headlineMeasureCode', rule: 'unknown-measure' });
    expect(await db.count('treatment_series')).toBe(before);
  });

  test('closing a series records the discharge reason beside the closing summary', async () => {
    const clientId = dataOf(await createClient({})).createClient.id;
    const seriesId = await clinicApi(api).startSeries(clientId);
    const closed = dataOf(
      await api.graphql(
        'mutation($id: ID!) { closeSeries(id: $id, input: { status: DISCONTINUED, endDate: "2026-02-01", dischargeReason: REFERRED_ON, dischargeNote: "To physiotherapy." }) { status dischargeReason dischargeNote } }',
        { id: seriesId },
      ),
    ).closeSeries;
    expect(closed).toEqual({ status: 'DISCONTINUED', dischargeReason: 'REFERRED_ON', dischargeNote: 'To physiotherapy.' });
    const missing = await api.graphql(
      'mutation($id: ID!) { closeSeries(id: $id, input: { status: COMPLETED, endDate: "2026-02-01" }) { id } }',
      {
        id: await clinicApi(api).startSeries(clientId),
      },
    );
    expect(missing.errors?.[0]?.message).toMatch(/dischargeReason/);
  });
});

describe('clinic settings: name, time zone, locale', () => {
  const settings = (input: Record<string, unknown>) =>
    api.request(
      'mutation($input: ClinicSettingsInput!) { updateClinicSettings(input: $input) { name timeZone locale } }',
      { input },
      { as: { token: admin.token } },
    );

  test.each([
    [{ name: ' ' }, 'name', 'required'],
    [{ name: 'x'.repeat(201) }, 'name', 'max-length'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'time-zone'],
    [{ locale: 'not a locale' }, 'locale', 'language-tag'],
  ])('refuses %j (%s, %s)', async (input, field, rule) => {
    expect(refusal(await settings(input))).toEqual({ code: 'BAD_USER_INPUT', field, rule });
  });

  test('the time zone moves the days visits count on, never the stored instants', async () => {
    const clientId = dataOf(await createClient({})).createClient.id;
    const seriesId = await clinicApi(api).startSeries(clientId, { startDate: '2026-03-01' });
    // 03:30 UTC on 10 March: 10 March in UTC, still 9 March in Toronto (EDT, UTC-4).
    const session = dataOf(await recordSession(attendedVisit(seriesId, '2026-03-10T03:30:00Z'))).recordSession;
    const startedAt = async () =>
      dataOf(await api.graphql('query($id: ID!) { series(id: $id) { sessions { startedAt } } }', { id: seriesId })).series.sessions[0]
        .startedAt;
    const close = () =>
      api.graphql(
        'mutation($id: ID!) { closeSeries(id: $id, input: { status: COMPLETED, endDate: "2026-03-09", dischargeReason: GOALS_MET }) { endDate } }',
        {
          id: seriesId,
        },
      );

    // In UTC the visit was on 10 March, so the series cannot end on the 9th.
    expect(refusal(await close())).toEqual({ code: 'BAD_USER_INPUT', field: 'endDate', rule: 'before-last-session' });

    const changed = dataOf(await settings({ name: 'Harbour Clinic', timeZone: 'America/Toronto', locale: 'fr-ca' })).updateClinicSettings;
    expect(changed).toEqual({ name: 'Harbour Clinic', timeZone: 'America/Toronto', locale: 'fr-CA' });
    expect(await startedAt()).toBe(session.startedAt);
    expect(session.startedAt).toBe('2026-03-10T03:30:00.000Z');
    // In Toronto the same instant is on 9 March: the series may end that day.
    expect(dataOf(await close()).closeSeries.endDate).toBe('2026-03-09');
    expect(await startedAt()).toBe('2026-03-10T03:30:00.000Z');
    const [row] = await db.orm.em
      .fork()
      .execute(`select started_at = '2026-03-10T03:30:00Z'::timestamptz as unchanged from treatment_session where id = ?`, [session.id]);
    expect(row?.unchanged).toBe(true);
  });
});
