import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';

let db: TestDatabase;
let api: TestApi;
/** A therapist account in each of two clinics. */
let clinicA: TherapistAccount;
let clinicB: TherapistAccount;
let clientId: string;
let seriesId: string;

const clinicalTables = [
  'treatment_session',
  'treated_region',
  'observation',
  'questionnaire_response',
  'treatment_series',
  'client',
  'intake',
];

async function rowCounts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(clinicalTables.map(async (t) => [t, await db.count(t)] as const)));
}

beforeAll(async () => {
  db = await createTestDatabase();
  clinicA = await createClinicWithTherapist(db, {
    clinicName: 'A',
    timeZone: 'America/Toronto',
  });
  clinicB = await createClinicWithTherapist(db, { clinicName: 'B' });
  api = await startApi(db, clinicA);
  const clinic = clinicApi(api);
  clientId = await clinic.createClient();
  seriesId = await clinic.startSeries(clientId);
  // Recorded out of clinical order on purpose: the second visit is entered first.
  await clinic.recordSession(neckVisit(seriesId, '2026-01-12T15:00:00Z', 5, 3));
  await clinic.recordSession(neckVisit(seriesId, '2026-01-05T15:00:00Z', 7, 5));
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const seriesQuery = `query($id: ID!) {
  series(id: $id) {
    id status condition { code icd10 }
    client { displayName }
    sessions {
      startedAt attendance durationMinutes modalities pressure soap { subjective assessment }
      regions { regionCode side minutes }
      observations { measureCode value context regionCode side takenAt }
      questionnaireResponses { instrumentCode score answeredItems missingItems scoringVersion }
    }
    observations { measureCode value context takenAt questionnaireResponseId }
    questionnaireResponses { instrumentCode score completedAt }
  }
}`;

describe('recording a treatment series', () => {
  test('a series returns its sessions, observations and questionnaires in clinical-time order', async () => {
    const { data, errors } = await api.graphql(seriesQuery, { id: seriesId });
    expect(errors).toBeUndefined();
    const series = data?.series;
    expect(series.condition).toEqual({ code: 'NECK_PAIN', icd10: 'M54.2' });
    expect(series.client.displayName).toBe('Ada Lovelace');
    expect(series.sessions.map((s: any) => s.startedAt)).toEqual(['2026-01-05T15:00:00.000Z', '2026-01-12T15:00:00.000Z']);
    const [first] = series.sessions;
    expect(first.regions).toEqual([
      { regionCode: 'NECK', side: null, minutes: null },
      { regionCode: 'SHOULDER', side: 'LEFT', minutes: 15 },
    ]);
    expect(first.modalities).toEqual(['SWEDISH', 'TRIGGER_POINT']);
    // Pre values default to the session start, post values to its end (start + 60 min).
    const pain = first.observations.filter((o: any) => o.measureCode === 'NPRS');
    expect(pain).toEqual([
      {
        measureCode: 'NPRS',
        value: 7,
        context: 'PRE_SESSION',
        regionCode: 'NECK',
        side: null,
        takenAt: '2026-01-05T15:00:00.000Z',
      },
      {
        measureCode: 'NPRS',
        value: 5,
        context: 'POST_SESSION',
        regionCode: 'NECK',
        side: null,
        takenAt: '2026-01-05T16:00:00.000Z',
      },
    ]);
    expect(first.questionnaireResponses).toEqual([
      {
        instrumentCode: 'NDI',
        score: 16,
        answeredItems: 10,
        missingItems: 0,
        scoringVersion: 'NDI/vernon-mior-1991',
      },
    ]);
    const takenAt = series.observations.map((o: any) => o.takenAt);
    expect(takenAt).toEqual([...takenAt].sort());
    // 2 visits x (2 pain + 1 ROM + 1 NDI score observation)
    expect(series.observations).toHaveLength(8);
    const scores = series.observations.filter((o: any) => o.measureCode === 'NDI');
    expect(scores.map((o: any) => o.value)).toEqual([16, 16]);
    expect(scores.every((o: any) => o.questionnaireResponseId)).toBe(true);
    expect(series.questionnaireResponses.map((r: any) => r.completedAt)).toEqual(['2026-01-05T15:00:00.000Z', '2026-01-12T15:00:00.000Z']);
  });

  test('a between-session diary value and a questionnaire on their own', async () => {
    const diary = await api.graphql(
      `mutation($input: RecordObservationInput!) { recordObservation(input: $input) { value context seriesId sessionId recordedByRole } }`,
      {
        input: {
          clientId,
          seriesId,
          measureCode: 'NPRS',
          value: 4,
          regionCode: 'NECK',
          context: 'BETWEEN_SESSIONS',
          takenAt: '2026-01-08T20:00:00Z',
        },
      },
    );
    expect(diary.errors).toBeUndefined();
    expect(diary.data?.recordObservation).toEqual({
      value: 4,
      context: 'BETWEEN_SESSIONS',
      seriesId,
      sessionId: null,
      recordedByRole: 'THERAPIST',
    });
    const response = await api.graphql(
      `mutation($input: SubmitQuestionnaireInput!) { submitQuestionnaireResponse(input: $input) { score missingItems subscores { code score } } }`,
      {
        input: {
          clientId,
          seriesId,
          instrumentCode: 'QUICKDASH',
          completedAt: '2026-01-09T10:00:00Z',
          // 10 of 11 answered (allowed): sum 25, n 10 -> (25/10 - 1) x 25 = 37.5
          answers: [3, 3, 2, 2, 3, 3, 2, 3, 2, 2, null].map((value, i) => ({
            itemCode: `QD${i + 1}`,
            value,
          })),
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.submitQuestionnaireResponse).toEqual({
      score: 37.5,
      missingItems: 1,
      subscores: [],
    });
  });

  test('updating and closing a series', async () => {
    const clinic = clinicApi(api);
    const other = await clinic.startSeries(clientId, {
      conditionCode: 'TENSION_TYPE_HEADACHE',
    });
    const updated = await api.graphql(
      `mutation($id: ID!, $input: UpdateSeriesInput!) { updateSeries(id: $id, input: $input) { plannedSessions goals } }`,
      {
        id: other,
        input: { plannedSessions: 12, goals: 'Fewer headache days' },
      },
    );
    expect(updated.data?.updateSeries).toEqual({
      plannedSessions: 12,
      goals: 'Fewer headache days',
    });
    const closed = await api.graphql(
      `mutation($id: ID!, $input: CloseSeriesInput!) { closeSeries(id: $id, input: $input) { status endDate dischargeNote } }`,
      {
        id: other,
        input: {
          status: 'DISCONTINUED',
          endDate: '2026-02-01',
          dischargeReason: 'CLIENT_CHOICE',
          dischargeNote: 'Moved away',
        },
      },
    );
    expect(closed.data?.closeSeries).toEqual({
      status: 'DISCONTINUED',
      endDate: '2026-02-01',
      dischargeNote: 'Moved away',
    });
    const before = await rowCounts();
    const late = await api.graphql('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', {
      input: neckVisit(other, '2026-02-02T15:00:00Z', 5, 4),
    });
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'seriesId',
      rule: 'series-closed',
    });
    expect(await rowCounts()).toEqual(before);
  });

  test('a client with intake, series and search with cursor pages', async () => {
    const intake = await api.graphql(
      `mutation($id: ID!, $input: RecordIntakeInput!) { recordIntake(clientId: $id, input: $input) { chiefComplaints redFlags researchConsent researchConsentAt } }`,
      {
        id: clientId,
        input: {
          takenAt: '2026-01-05T14:30:00Z',
          chiefComplaints: 'Neck pain for 6 months',
          redFlags: [],
          contraindications: ['Recent whiplash: no high-velocity work'],
          consentToTreatment: true,
          researchConsent: true,
          pressurePreference: 'MODERATE',
        },
      },
    );
    expect(intake.data?.recordIntake).toEqual({
      chiefComplaints: 'Neck pain for 6 months',
      redFlags: [],
      researchConsent: true,
      researchConsentAt: '2026-01-05T14:30:00.000Z',
    });
    const clinic = clinicApi(api);
    for (const familyName of ['Babbage', 'Curie', 'Darwin', 'Euler']) await clinic.createClient({ givenName: 'Test', familyName });
    const page1 = await api.graphql(
      '{ clients(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { familyName } } } }',
    );
    expect(page1.data?.clients.totalCount).toBe(5);
    expect(page1.data?.clients.edges.map((e: any) => e.node.familyName)).toEqual(['Babbage', 'Curie']);
    const page2 = await api.graphql('query($after: String) { clients(first: 2, after: $after) { edges { node { familyName } } } }', {
      after: page1.data?.clients.pageInfo.endCursor,
    });
    expect(page2.data?.clients.edges.map((e: any) => e.node.familyName)).toEqual(['Darwin', 'Euler']);
    const search = await api.graphql(
      '{ clients(search: "ada love") { totalCount edges { node { displayName intake { chiefComplaints } series { conditionCode } } } } }',
    );
    expect(search.data?.clients.totalCount).toBe(1);
    const [edge] = search.data?.clients.edges ?? [];
    expect(edge.node.intake.chiefComplaints).toBe('Neck pain for 6 months');
    expect(edge.node.series.map((s: any) => s.conditionCode).sort()).toEqual(['NECK_PAIN', 'TENSION_TYPE_HEADACHE']);
  });
});

describe('bad input is refused with the field and the rule, and nothing is written', () => {
  const visit = () => neckVisit(seriesId, '2026-01-19T15:00:00Z', 4, 3);
  const cases: [string, (v: any) => void, string, string][] = [
    ['a value outside its measure range', (v) => (v.observations[0].value = 11), 'observations[0].value', 'range'],
    ['a fraction for a whole-number scale', (v) => (v.observations[0].value = 4.5), 'observations[0].value', 'precision'],
    [
      'a missing region where the measure needs one',
      (v) => delete v.observations[0].regionCode,
      'observations[0].regionCode',
      'required-by-measure',
    ],
    ['a missing side where the measure needs one', (v) => delete v.observations[2].side, 'observations[2].side', 'required-by-measure'],
    [
      'a missing side on a lateral region',
      (v) => (v.observations[0].regionCode = 'SHOULDER'),
      'observations[0].side',
      'required-for-lateral-region',
    ],
    ['an unknown measure', (v) => (v.observations[1].measureCode = 'PAIN_LEVEL'), 'observations[1].measureCode', 'unknown-measure'],
    ['an unknown region', (v) => (v.observations[0].regionCode = 'ELBOW_PIT'), 'observations[0].regionCode', 'unknown-region'],
    ['an unknown treated region', (v) => (v.regions[0].regionCode = 'TAIL'), 'regions[0].regionCode', 'unknown-region'],
    [
      'an unknown instrument',
      (v) => (v.questionnaireResponses[0].instrumentCode = 'SF36'),
      'questionnaireResponses[0].instrumentCode',
      'unknown-instrument',
    ],
    [
      'an answer outside its item range',
      (v) => (v.questionnaireResponses[0].answers[3].value = 6),
      'questionnaireResponses[0].answers[3].value',
      'range',
    ],
    [
      'too many unanswered items',
      (v) => (v.questionnaireResponses[0].answers[0].value = v.questionnaireResponses[0].answers[1].value = null),
      'questionnaireResponses[0].answers',
      'too-many-missing',
    ],
    ['a session before the series start', (v) => (v.startedAt = '2026-01-04T23:30:00Z'), 'startedAt', 'before-series-start'],
    ['a negative duration', (v) => (v.durationMinutes = -30), 'durationMinutes', 'non-negative'],
    ['pressure outside 1-5', (v) => (v.pressure = 6), 'pressure', 'range'],
    ['notes over their length limit', (v) => (v.subjective = 'x'.repeat(8001)), 'subjective', 'max-length'],
    [
      'measurements on a missed visit',
      (v) =>
        Object.assign(v, {
          attendance: 'NO_SHOW',
          durationMinutes: 0,
          modalities: [],
          regions: [],
          pressure: null,
        }),
      'observations',
      'not-attended',
    ],
  ];

  /** Sends `document`, expects one BAD_USER_INPUT naming `field` and `rule`, and no row written anywhere. */
  async function expectRefused(document: string, variables: Record<string, unknown>, field: string, rule: string) {
    const before = await rowCounts();
    const response = await api.graphql(document, variables);
    expect(response.status).toBe(200);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field,
      rule,
    });
    expect(response.errors?.[0]?.message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
    expect(await rowCounts()).toEqual(before);
  }

  test.each(cases)('%s', async (_name, spoil, field, rule) => {
    const input = visit();
    spoil(input);
    await expectRefused('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', { input }, field, rule);
  });

  const client = { givenName: 'Alan', familyName: 'Turing', dateOfBirth: '1912-06-23', sex: 'MALE' };
  const plan = {
    conditionCode: 'NECK_PAIN',
    plannedSessions: 8,
    plannedSessionsPerWeek: 1,
    plannedMinutesPerSession: 60,
    startDate: '2026-01-05',
  };
  const createClient = 'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }';
  const updateClient = 'mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id } }';
  const recordIntake = 'mutation($id: ID!, $input: RecordIntakeInput!) { recordIntake(clientId: $id, input: $input) { id } }';
  const startSeries = 'mutation($input: StartSeriesInput!) { startSeries(input: $input) { id } }';
  const updateSeries = 'mutation($id: ID!, $input: UpdateSeriesInput!) { updateSeries(id: $id, input: $input) { id } }';
  const closeSeries = 'mutation($id: ID!, $input: CloseSeriesInput!) { closeSeries(id: $id, input: $input) { id } }';
  const recordObservation = 'mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }';
  const intake = { takenAt: '2026-01-05T14:00:00Z', chiefComplaints: 'Neck pain', consentToTreatment: true };
  const otherMutations: [string, string, () => Record<string, unknown>, string, string][] = [
    [
      'a date of birth in the future',
      createClient,
      () => ({ input: { ...client, dateOfBirth: '2099-01-01' } }),
      'dateOfBirth',
      'not-in-future',
    ],
    ['an email that is not one', createClient, () => ({ input: { ...client, email: 'alan at bletchley' } }), 'email', 'email'],
    ['an empty name', createClient, () => ({ input: { ...client, givenName: '  ' } }), 'givenName', 'required'],
    ['a name changed to nothing', updateClient, () => ({ id: clientId, input: { familyName: '' } }), 'familyName', 'required'],
    [
      'complaints over their length limit',
      recordIntake,
      () => ({ id: clientId, input: { ...intake, chiefComplaints: 'x'.repeat(4001) } }),
      'chiefComplaints',
      'max-length',
    ],
    [
      'too many contraindications',
      recordIntake,
      () => ({ id: clientId, input: { ...intake, contraindications: Array.from({ length: 51 }, (_, i) => `c${i}`) } }),
      'contraindications.length',
      'range',
    ],
    [
      'an unknown condition',
      startSeries,
      () => ({ input: { ...plan, clientId, conditionCode: 'HICCUPS' } }),
      'conditionCode',
      'unknown-condition',
    ],
    [
      'eight sessions a week',
      startSeries,
      () => ({ input: { ...plan, clientId, plannedSessionsPerWeek: 8 } }),
      'plannedSessionsPerWeek',
      'range',
    ],
    [
      'a start moved after the first visit',
      updateSeries,
      () => ({ id: seriesId, input: { startDate: '2026-01-10' } }),
      'startDate',
      'after-first-session',
    ],
    [
      'closing before the start',
      closeSeries,
      () => ({ id: seriesId, input: { status: 'COMPLETED', endDate: '2026-01-01', dischargeReason: 'GOALS_MET' } }),
      'endDate',
      'before-start',
    ],
    [
      'closing as still active',
      closeSeries,
      () => ({ id: seriesId, input: { status: 'ACTIVE', endDate: '2026-02-01', dischargeReason: 'GOALS_MET' } }),
      'status',
      'closing-status',
    ],
    [
      'an in-session value without its session',
      recordObservation,
      () => ({
        input: { clientId, measureCode: 'NPRS', value: 4, regionCode: 'NECK', context: 'PRE_SESSION', takenAt: '2026-01-08T20:00:00Z' },
      }),
      'sessionId',
      'required-for-context',
    ],
  ];

  test.each(otherMutations)('%s', async (_name, document, variables, field, rule) => {
    await expectRefused(document, variables(), field, rule);
  });

  test('a session just after midnight in the clinic time zone counts on that day', async () => {
    // 2026-01-05 00:30 in Toronto is 05:30Z: the series start day itself, so it is accepted.
    const response = await api.graphql('mutation($input: RecordSessionInput!) { recordSession(input: $input) { startedAt } }', {
      input: {
        seriesId,
        startedAt: '2026-01-05T05:30:00Z',
        durationMinutes: 0,
        attendance: 'CANCELLED',
      },
    });
    expect(response.errors).toBeUndefined();
  });

  test('a value at a visit that did not take place is refused, as recordSession refuses one', async () => {
    const missed = await api.graphql<{ recordSession: { id: string } }>(
      'mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }',
      { input: { seriesId, startedAt: '2026-01-06T15:00:00Z', durationMinutes: 0, attendance: 'NO_SHOW' } },
    );
    const sessionId = missed.data?.recordSession.id;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const value = {
      clientId,
      sessionId,
      measureCode: 'NPRS',
      value: 4,
      regionCode: 'NECK',
      context: 'PRE_SESSION',
      takenAt: '2026-01-06T15:00:00Z',
    };
    await expectRefused(recordObservation, { input: value }, 'sessionId', 'not-attended');
  });

  test('a malformed id or a wrongly typed variable is a clear request error', async () => {
    const bad = await api.graphql('query($id: ID!) { series(id: $id) { id } }', { id: 'not-a-uuid' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const typed = await api.graphql('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', {
      input: { ...visit(), durationMinutes: 'sixty' },
    });
    expect(typed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('another clinic sees nothing', () => {
  test('reads and writes on another clinic’s records answer NOT_FOUND and write nothing', async () => {
    api.actAs(clinicB);
    try {
      const before = await rowCounts();
      const client = await api.graphql('query($id: ID!) { client(id: $id) { id } }', { id: clientId });
      expect(client.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const series = await api.graphql('query($id: ID!) { series(id: $id) { id } }', { id: seriesId });
      expect(series.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const write = await api.graphql('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', {
        input: neckVisit(seriesId, '2026-01-19T15:00:00Z', 4, 3),
      });
      expect(write.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const list = await api.graphql('{ clients { totalCount } }');
      expect(list.data?.clients.totalCount).toBe(0);
      expect(await rowCounts()).toEqual(before);
    } finally {
      api.actAs(clinicA);
    }
  });
});
