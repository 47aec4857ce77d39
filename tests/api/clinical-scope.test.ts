import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GraphQLResponse, startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, type TherapistAccount } from '../support/factories.js';

/**
 * Issue 20, instruments and measures: the catalog serves the new questionnaires (with their licences), the
 * headache diary measures, the new conditions and the pregnancy cautions; a visit records and scores the new
 * questionnaires; the intake stores pregnancy (weeks of gestation, obstetric clearance) and validates it.
 */

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Clinical scope', timeZone: 'UTC' });
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

function refusal(response: GraphQLResponse) {
  const extensions = response.errors?.[0]?.extensions;
  return { code: extensions?.code, field: extensions?.field, rule: extensions?.rule };
}

describe('catalog', () => {
  test('serves each new instrument with its citation, missing-item rule, licence and score measure', async () => {
    const data = dataOf(
      await api.graphql(`{
        instruments { code citation missingItemRule licence wording scoreMeasureCode items { code min max answerOptions { value } } }
        measures { code kind loinc min max direction mcid mcidCitation }
      }`),
    );
    const byCode = new Map<string, any>(data.instruments.map((i: any) => [i.code, i]));
    const measures = new Map<string, any>(data.measures.map((m: any) => [m.code, m]));
    const expected = {
      JFLS8: ['Ohrbach', 0, 10, 'LOWER_IS_BETTER', null],
      BCTQ_SSS: ['Levine', 1, 5, 'LOWER_IS_BETTER', 1.14],
      BCTQ_FSS: ['Levine', 1, 5, 'LOWER_IS_BETTER', 0.74],
      KOOS12: ['Gandek', 0, 100, 'HIGHER_IS_BETTER', null],
      HOOS12: ['Gandek', 0, 100, 'HIGHER_IS_BETTER', null],
      ESAS_R: ['Watanabe', 0, 90, 'LOWER_IS_BETTER', 3],
      PEG: ['Krebs', 0, 10, 'LOWER_IS_BETTER', null],
      GAD7: ['Spitzer', 0, 21, 'LOWER_IS_BETTER', 4],
      RFLACC: ['Malviya', 0, 10, 'LOWER_IS_BETTER', null],
      FPSR: ['Hicks', 0, 10, 'LOWER_IS_BETTER', null],
    } as const;
    for (const [code, [author, min, max, direction, mcid]] of Object.entries(expected)) {
      const instrument = byCode.get(code);
      expect(instrument?.citation, code).toContain(author);
      expect(instrument?.missingItemRule.length, code).toBeGreaterThan(20);
      expect(instrument?.licence.length, code).toBeGreaterThan(40);
      expect(measures.get(instrument?.scoreMeasureCode), code).toMatchObject({ kind: 'QUESTIONNAIRE', min, max, direction, mcid });
    }
    expect(byCode.get('GAD7')).toMatchObject({ wording: 'PUBLISHED', licence: expect.stringMatching(/no permission is required/) });
    expect(byCode.get('FPSR').licence).toMatch(/IASP/);
    expect(byCode.get('FPSR').items[0].answerOptions.map((o: any) => o.value)).toEqual([0, 2, 4, 6, 8, 10]);
    // LOINC only where confirmed: the GAD-7 total, not the others.
    expect(measures.get('GAD7').loinc).toBe('70274-6');
    expect(['JFLS8', 'BCTQ_SSS', 'KOOS12', 'HOOS12', 'ESAS_R', 'PEG', 'RFLACC', 'FPSR'].map((c) => measures.get(c).loinc)).toEqual(
      Array(8).fill(null),
    );
    expect(['HEADACHE_DAYS', 'HEADACHE_INTENSITY', 'HEADACHE_HOURS'].map((c) => [measures.get(c).kind, measures.get(c).max])).toEqual([
      ['DIARY', 28],
      ['DIARY', 10],
      ['DIARY', 672],
    ]);
  });

  test('serves the pregnancy red flags and contraindications', async () => {
    const { pregnancyCautions } = dataOf(await api.graphql('{ pregnancyCautions { code kind text } }'));
    const kinds = Object.fromEntries(pregnancyCautions.map((c: any) => [c.code, c.kind]));
    expect(kinds).toMatchObject({
      PREECLAMPSIA_SIGNS: 'RED_FLAG',
      PRETERM_LABOUR_SIGNS: 'RED_FLAG',
      PLACENTA_PREVIA: 'CONTRAINDICATION',
      DVT_RISK: 'CONTRAINDICATION',
      HIGH_RISK_WITHOUT_CLEARANCE: 'CONTRAINDICATION',
    });
    for (const caution of pregnancyCautions) expect(caution.text.length).toBeLessThanOrEqual(200);
  });
});

describe('recording the new questionnaires and diary measures', () => {
  test('a visit scores ESAS-r, GAD-7 and FPS-R on the server and stores a headache-days value', async () => {
    const clinic = clinicApi(api);
    const clientId = await clinic.createClient();
    const seriesId = await clinic.startSeries(clientId, { conditionCode: 'CANCER_PALLIATIVE' });
    await clinic.recordSession({
      seriesId,
      startedAt: '2026-01-12T15:00:00Z',
      durationMinutes: 45,
      attendance: 'ATTENDED',
      observations: [{ measureCode: 'HEADACHE_DAYS', value: 9, context: 'PRE_SESSION' }],
      questionnaireResponses: [
        { instrumentCode: 'ESAS_R', answers: [6, 7, 3, 1, 5, 2, 4, 5, 6].map((value, i) => ({ itemCode: `ESAS${i + 1}`, value })) },
        { instrumentCode: 'GAD7', answers: [1, 1, 1, 1, 0, 1, 2].map((value, i) => ({ itemCode: `GAD${i + 1}`, value })) },
        { instrumentCode: 'FPSR', answers: [{ itemCode: 'FPSR1', value: 4 }] },
      ],
    });
    const { series } = dataOf(
      await api.graphql(
        `query($id: ID!) { series(id: $id) {
          questionnaireResponses { instrumentCode score subscores { code score } }
          observations { measureCode value } } }`,
        { id: seriesId },
      ),
    );
    const scores = Object.fromEntries(series.questionnaireResponses.map((r: any) => [r.instrumentCode, r.score]));
    expect(scores).toEqual({ ESAS_R: 39, GAD7: 7, FPSR: 4 });
    const esas = series.questionnaireResponses.find((r: any) => r.instrumentCode === 'ESAS_R');
    expect(esas.subscores.find((s: any) => s.code === 'PHYSICAL').score).toBe(24);
    const observed = series.observations.map((o: any) => [o.measureCode, o.value]).sort();
    expect(observed).toEqual([
      ['ESAS_R', 39],
      ['FPSR', 4],
      ['GAD7', 7],
      ['HEADACHE_DAYS', 9],
    ]);
  });

  test('an odd FPS-R value is refused with its field and rule, and nothing is written', async () => {
    const clinic = clinicApi(api);
    const seriesId = await clinic.startSeries(await clinic.createClient());
    const before = await db.count('treatment_session');
    const response = await api.graphql('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', {
      input: {
        seriesId,
        startedAt: '2026-01-12T15:00:00Z',
        durationMinutes: 30,
        attendance: 'ATTENDED',
        questionnaireResponses: [{ instrumentCode: 'FPSR', answers: [{ itemCode: 'FPSR1', value: 5 }] }],
      },
    });
    expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'step' });
    expect(refusal(response).field).toMatch(/answers\[0\]\.value$/);
    expect(await db.count('treatment_session')).toBe(before);
  });
});

describe('intake: pregnancy', () => {
  const recordIntake = (clientId: string, pregnancy: Record<string, unknown> | null) =>
    api.graphql(
      `mutation($id: ID!, $input: RecordIntakeInput!) { recordIntake(clientId: $id, input: $input) {
        id pregnancy { gestationWeeks obstetricClearance clearedOn clearedBy } } }`,
      {
        id: clientId,
        input: { takenAt: '2026-03-02T15:00:00Z', chiefComplaints: 'Pelvic girdle pain', consentToTreatment: true, pregnancy },
      },
    );

  test('weeks of gestation and clearance are stored and read back; no pregnancy reads as null', async () => {
    const clientId = await clinicApi(api).createClient();
    const cleared = dataOf(
      await recordIntake(clientId, {
        gestationWeeks: 31,
        obstetricClearance: true,
        clearedOn: '2026-02-26',
        clearedBy: ' Dr Roy, obstetrician ',
      }),
    ).recordIntake;
    expect(cleared.pregnancy).toEqual({
      gestationWeeks: 31,
      obstetricClearance: true,
      clearedOn: '2026-02-26',
      clearedBy: 'Dr Roy, obstetrician',
    });

    const { client } = dataOf(
      await api.graphql('query($id: ID!) { client(id: $id) { intake { pregnancy { gestationWeeks } } } }', { id: clientId }),
    );
    expect(client.intake.pregnancy.gestationWeeks).toBe(31);

    const notCleared = dataOf(await recordIntake(clientId, { gestationWeeks: 12, obstetricClearance: false })).recordIntake;
    expect(notCleared.pregnancy).toEqual({ gestationWeeks: 12, obstetricClearance: false, clearedOn: null, clearedBy: null });
    expect(dataOf(await recordIntake(clientId, null)).recordIntake.pregnancy).toBeNull();
  });

  test.each([
    [{ gestationWeeks: 0, obstetricClearance: false }, 'pregnancy.gestationWeeks', 'range'],
    [{ gestationWeeks: 43, obstetricClearance: false }, 'pregnancy.gestationWeeks', 'range'],
    [{ gestationWeeks: 30, obstetricClearance: true, clearedBy: 'Dr Roy' }, 'pregnancy.clearedOn', 'required'],
    [{ gestationWeeks: 30, obstetricClearance: true, clearedOn: '2026-02-26' }, 'pregnancy.clearedBy', 'required'],
    [{ gestationWeeks: 30, obstetricClearance: true, clearedOn: '2026-03-05', clearedBy: 'Dr Roy' }, 'pregnancy.clearedOn', 'after-intake'],
    [{ gestationWeeks: 30, obstetricClearance: false, clearedOn: '2026-02-26' }, 'pregnancy.clearedOn', 'without-clearance'],
    [
      { gestationWeeks: 30, obstetricClearance: true, clearedOn: '2026-02-26', clearedBy: 'x'.repeat(201) },
      'pregnancy.clearedBy',
      'max-length',
    ],
  ])('refuses %j (%s, %s) and writes nothing', async (pregnancy, field, rule) => {
    const clientId = await clinicApi(api).createClient();
    const before = await db.count('intake');
    expect(refusal(await recordIntake(clientId, pregnancy))).toEqual({ code: 'BAD_USER_INPUT', field, rule });
    expect(await db.count('intake')).toBe(before);
  });
});
