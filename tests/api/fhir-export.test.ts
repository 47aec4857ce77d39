import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, statementsDuring, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TherapistAccount } from '../support/factories.js';
import { fhirR4Errors } from '../support/fhir-validator.js';

/*
 * The FHIR R4 export over real HTTP: one client of a Toronto clinic with a neck-pain series (two visits,
 * one cancelled, one missed; pre/post pain on the neck and on the left shoulder, cervical rotation to the
 * left, an NDI) and a low-back series with an ODI; a diary pain value; and another client of the same
 * clinic whose data must never appear. Every bundle is checked by two FHIR R4 validators from npm.
 */

interface Entry {
  fullUrl: string;
  /** The export's JSON as a receiver reads it. */
  resource: any;
}
interface Bundle {
  resourceType: string;
  type: string;
  entry: Entry[];
}

let db: TestDatabase;
let api: TestApi;
let therapistA: TherapistAccount;
const ids = {} as { client: string; other: string; otherSeries: string; neck: string; back: string; visit: string; cancelled: string };
const accounts = {} as Record<'adminA' | 'adminB' | 'therapistB' | 'clientA1' | 'clientA2' | 'researcher', { token: string }>;

/** Whether fetch failed because the server closed a kept-alive connection just as it was reused (no answer came). */
function connectionReset(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return error instanceof TypeError && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET');
}

async function download(query: string, as: { token: string } | null, headers: Record<string, string> = {}) {
  const get = () =>
    fetch(`${api.url}/fhir/export?${query}`, {
      headers: { ...(as ? { authorization: `Bearer ${as.token}` } : {}), ...headers },
    });
  // The validator blocks this process's event loop for seconds, so the server (in the same process) may close an
  // idle kept-alive connection at the moment fetch reuses it: a GET is sent again, as browsers do.
  const response = await get().catch((error: unknown) => {
    if (connectionReset(error)) return get();
    throw error;
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: (await response.json()) as any,
  };
}

async function exportOf(query: string): Promise<Bundle> {
  const response = await download(query, therapistA);
  expect(response.status).toBe(200);
  return response.body as Bundle;
}

const ofType = (bundle: Bundle, type: string): Entry['resource'][] =>
  bundle.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource);
const countByType = (bundle: Bundle) =>
  bundle.entry.reduce<Record<string, number>>((counts, e) => {
    counts[e.resource.resourceType] = (counts[e.resource.resourceType] ?? 0) + 1;
    return counts;
  }, {});
const codesOf = (concept: any) => (concept?.coding ?? []).map((c: any) => `${c.system}|${c.code}`);
/** Every `reference` anywhere in a resource. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => (key === 'reference' && typeof v === 'string' ? [v] : referencesIn(v)));
  }
  return [];
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapistA = await createClinicWithTherapist(db, { clinicName: 'Harbour A', timeZone: 'America/Toronto' });
  const therapistB = await createClinicWithTherapist(db, { clinicName: 'B' });
  api = await startApi(db, therapistA);
  const clinic = clinicApi(api);
  ids.client = await clinic.createClient({ email: 'ada@example.com' });
  ids.other = await clinic.createClient({ givenName: 'Other', familyName: 'Person' });
  ids.neck = await clinic.startSeries(ids.client, { goals: 'Turn the head without pain' });
  ids.back = await clinic.startSeries(ids.client, {
    conditionCode: 'CHRONIC_LOW_BACK_PAIN',
    plannedSessionsPerWeek: 1.5,
    startDate: '2026-01-06',
  });
  ids.otherSeries = await clinic.startSeries(ids.other);

  const visit = neckVisit(ids.neck, '2026-01-05T15:00:00Z', 7, 4);
  (visit.observations as object[]).push(
    { measureCode: 'NPRS', value: 6, regionCode: 'SHOULDER', side: 'LEFT', context: 'PRE_SESSION' },
    { measureCode: 'NPRS', value: 3, regionCode: 'SHOULDER', side: 'LEFT', context: 'POST_SESSION' },
  );
  ids.visit = await clinic.recordSession(visit);
  ids.cancelled = await clinic.recordSession({
    seriesId: ids.neck,
    startedAt: '2026-01-12T15:00:00Z',
    durationMinutes: 0,
    attendance: 'CANCELLED',
  });
  await clinic.recordSession({ seriesId: ids.neck, startedAt: '2026-01-19T15:00:00Z', durationMinutes: 0, attendance: 'NO_SHOW' });
  await clinic.recordSession({
    seriesId: ids.back,
    startedAt: '2026-01-06T14:00:00Z',
    durationMinutes: 45,
    attendance: 'ATTENDED',
    modalities: ['DEEP_TISSUE'],
    regions: [
      { regionCode: 'LOWER_BACK', minutes: 30 },
      { regionCode: 'HIP', side: 'BOTH', minutes: 15 },
    ],
    pressure: 4,
    observations: [{ measureCode: 'NPRS', value: 5, regionCode: 'LOWER_BACK', context: 'PRE_SESSION' }],
    questionnaireResponses: [
      // ODI sections 1-10 answered 2 each = 20 of 50 = 40%.
      { instrumentCode: 'ODI', answers: Array.from({ length: 10 }, (_, i) => ({ itemCode: `ODI${i + 1}`, value: 2 })) },
    ],
  });
  const diary = await api.graphql('mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }', {
    input: {
      clientId: ids.client,
      seriesId: ids.neck,
      measureCode: 'NPRS',
      value: 5,
      regionCode: 'NECK',
      context: 'BETWEEN_SESSIONS',
      takenAt: '2026-01-08T01:30:00Z',
    },
  });
  expect(diary.errors).toBeUndefined();
  await clinic.recordSession(neckVisit(ids.otherSeries, '2026-01-07T15:00:00Z', 9, 8));
  const clientA1 = await createTestAccount(db, { role: 'CLIENT', clinicId: therapistA.clinicId, clientId: ids.client });
  // The client's own PSFS from the portal, in no series; the fourth slot left empty.
  const psfs = await api.request(
    'mutation($input: SubmitQuestionnaireInput!) { submitQuestionnaireResponse(input: $input) { id } }',
    {
      input: {
        clientId: ids.client,
        instrumentCode: 'PSFS',
        completedAt: '2026-01-10T17:00:00Z',
        answers: [
          { itemCode: 'PSFS1', value: 3, label: 'Lifting groceries' },
          { itemCode: 'PSFS2', value: 5, label: 'Driving' },
          { itemCode: 'PSFS3', value: 4, label: 'Sleeping' },
          { itemCode: 'PSFS4', value: null },
        ],
      },
    },
    { as: clientA1 },
  );
  expect(psfs.errors).toBeUndefined();

  Object.assign(accounts, {
    adminA: await createTestAccount(db, { role: 'ADMIN', clinicId: therapistA.clinicId }),
    adminB: await createTestAccount(db, { role: 'ADMIN', clinicId: therapistB.clinicId }),
    therapistB,
    clientA1,
    clientA2: await createTestAccount(db, { role: 'CLIENT', clinicId: therapistA.clinicId, clientId: ids.other }),
    researcher: await createTestAccount(db, { role: 'RESEARCHER' }),
  });
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('FHIR export of a client', () => {
  let bundle: Bundle;
  beforeAll(async () => {
    bundle = await exportOf(`client=${ids.client}`);
  });

  test('is a valid FHIR R4 collection bundle, served as FHIR JSON for download', async () => {
    expect(fhirR4Errors(bundle)).toEqual([]);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    const response = await download(`client=${ids.client}`, therapistA);
    expect(response.type).toBe('application/fhir+json; fhirVersion=4.0');
    expect(response.disposition).toBe(`attachment; filename="fascia-client-${ids.client}.fhir.json"`);
  });

  test('holds every record of the client, one resource per row', () => {
    expect(countByType(bundle)).toEqual({
      Organization: 1,
      Patient: 1,
      Practitioner: 1,
      Condition: 2,
      EpisodeOfCare: 2,
      CarePlan: 2,
      // neck: attended, cancelled, missed; back: attended
      Encounter: 4,
      Procedure: 2,
      // neck visit: 2 neck pain + 2 shoulder pain + 1 rotation + NDI score; diary: 1; back visit: 1 pain + ODI score; PSFS score
      Observation: 10,
      QuestionnaireResponse: 3,
      // The progress report of each series.
      Composition: 2,
    });
    for (const entry of bundle.entry)
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(bundle.entry.map((e) => e.fullUrl)).size).toBe(bundle.entry.length);
  });

  test('every reference resolves inside the bundle, and no other client is in it', () => {
    const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
    const references = referencesIn(bundle);
    expect(references.length).toBeGreaterThan(40);
    expect(references.filter((r) => !fullUrls.has(r))).toEqual([]);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain(ids.other);
    expect(text).not.toContain(ids.otherSeries);
    expect(text).not.toContain('Other');
    const patient = `urn:uuid:${ids.client}`;
    for (const resource of bundle.entry.map((e) => e.resource)) {
      const subject = resource.subject ?? resource.patient;
      if (subject) expect(subject.reference).toBe(patient);
    }
  });

  test('Patient: name, birth date, gender, Fascia identifier, contact', () => {
    const [patient] = ofType(bundle, 'Patient');
    expect(patient).toMatchObject({
      identifier: [{ system: 'https://fascia.example.org/fhir/sid/client', value: ids.client }],
      name: [{ family: 'Lovelace', given: ['Ada'] }],
      gender: 'female',
      birthDate: '1980-12-10',
      telecom: [{ system: 'email', value: 'ada@example.com' }],
    });
  });

  test('Condition with the ICD-10 code, EpisodeOfCare and CarePlan per series', () => {
    const conditions = ofType(bundle, 'Condition')
      .map((c) => codesOf(c.code)[0])
      .sort();
    expect(conditions).toEqual(['http://hl7.org/fhir/sid/icd-10|M54.2', 'http://hl7.org/fhir/sid/icd-10|M54.5']);
    const episodes = ofType(bundle, 'EpisodeOfCare');
    expect(episodes.map((e) => e.identifier[0].value).sort()).toEqual([ids.neck, ids.back].sort());
    expect(episodes.every((e) => e.status === 'active')).toBe(true);
    const plans = ofType(bundle, 'CarePlan');
    const back = plans.find((p) => p.period.start === '2026-01-06');
    expect(back?.activity[0].detail.scheduledTiming.repeat).toEqual({
      count: 8,
      duration: 60,
      durationUnit: 'min',
      frequency: 1,
      period: 0.67,
      periodUnit: 'wk',
    });
    const neck = plans.find((p) => p.period.start === '2026-01-05');
    expect(neck?.description).toBe('Turn the head without pain');
    expect(neck?.activity[0].detail.scheduledTiming.repeat).toMatchObject({ frequency: 1, period: 1 });
  });

  test('an Encounter per session (finished, or cancelled with the attendance saying why), a Procedure per visit held', () => {
    const encounters = ofType(bundle, 'Encounter');
    const attendance = (e: any) => e.extension[0].valueCoding.code;
    expect(encounters.map((e) => `${e.status}/${attendance(e)}`).sort()).toEqual([
      'cancelled/cancelled',
      'cancelled/no-show',
      'finished/attended',
      'finished/attended',
    ]);
    const visit = bundle.entry.find((e) => e.fullUrl === `urn:uuid:${ids.visit}`)?.resource;
    expect(visit).toMatchObject({
      class: { code: 'AMB' },
      // 15:00 UTC is 10:00 in Toronto in January (EST, UTC-5); 60 minutes.
      period: { start: '2026-01-05T10:00:00-05:00', end: '2026-01-05T11:00:00-05:00' },
      length: { value: 60, system: 'http://unitsofmeasure.org', code: 'min' },
      episodeOfCare: [{ reference: `urn:uuid:${ids.neck}` }],
    });
    const [neckMassage] = ofType(bundle, 'Procedure').filter((p) => p.encounter.reference === `urn:uuid:${ids.visit}`);
    expect(neckMassage).toMatchObject({
      status: 'completed',
      code: { text: 'Therapeutic massage: Swedish, trigger point' },
      performedPeriod: { start: '2026-01-05T10:00:00-05:00', end: '2026-01-05T11:00:00-05:00' },
      note: [{ text: 'Pressure 3 of 5 (1 very light, 5 very deep)' }],
    });
    expect(neckMassage.bodySite.map((site: any) => site.text)).toEqual(['Neck', 'Shoulder, left side']);
    const [backMassage] = ofType(bundle, 'Procedure').filter((p) => p.encounter.reference !== `urn:uuid:${ids.visit}`);
    // A region treated on both sides: SNOMED CT 51440002 Bilateral.
    expect(backMassage.bodySite[1]).toEqual({
      extension: [
        {
          url: 'https://fascia.example.org/fhir/StructureDefinition/laterality',
          valueCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '51440002', display: 'Bilateral' }],
            text: 'both sides',
          },
        },
      ],
      coding: [{ system: 'https://fascia.example.org/fhir/CodeSystem/body-region', code: 'HIP', display: 'Hip' }],
      text: 'Hip, both sides',
    });
    const cancelled = bundle.entry.find((e) => e.fullUrl === `urn:uuid:${ids.cancelled}`)?.resource;
    expect(cancelled?.period).toEqual({ start: '2026-01-12T10:00:00-05:00' });
    expect(cancelled?.length).toBeUndefined();
  });

  test('Observations: LOINC where one exists, UCUM units, body site with laterality, pre/post marked', () => {
    const observations = ofType(bundle, 'Observation');
    const timing = (o: any) => o.category[1].coding[0].code;
    const shoulder = observations.filter((o) => o.bodySite?.coding?.[0]?.code === 'SHOULDER');
    expect(shoulder.map((o) => `${timing(o)}=${o.valueQuantity.value}`).sort()).toEqual(['post-session=3', 'pre-session=6']);
    for (const o of shoulder) {
      expect(codesOf(o.code)).toEqual(['http://loinc.org|72514-3', 'https://fascia.example.org/fhir/CodeSystem/measure|NPRS']);
      expect(o.valueQuantity).toEqual({ value: o.valueQuantity.value, unit: '/10', system: 'http://unitsofmeasure.org', code: '{score}' });
      expect(o.category[0].coding[0].code).toBe('survey');
      expect(o.bodySite.extension).toEqual([
        {
          url: 'https://fascia.example.org/fhir/StructureDefinition/laterality',
          valueCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '7771000', display: 'Left (qualifier value)' }],
            text: 'left',
          },
        },
      ]);
      expect(o.bodySite.text).toBe('Shoulder, left side');
      expect(o.encounter.reference).toBe(`urn:uuid:${ids.visit}`);
      // A pre value is taken when the visit starts, a post value when it ends (60 minutes later).
      expect(o.effectiveDateTime).toBe(timing(o) === 'pre-session' ? '2026-01-05T10:00:00-05:00' : '2026-01-05T11:00:00-05:00');
      // Pain is self-report even when the therapist types it in: the Patient reported it.
      expect(o.performer).toEqual([{ reference: `urn:uuid:${ids.client}`, display: 'Ada Lovelace' }]);
    }
    const neckPain = observations.filter((o) => o.bodySite?.coding?.[0]?.code === 'NECK');
    expect(neckPain.map((o) => `${timing(o)}=${o.valueQuantity.value}`).sort()).toEqual([
      'between-sessions=5',
      'post-session=4',
      'pre-session=7',
    ]);
    expect(neckPain.every((o) => o.bodySite.extension === undefined)).toBe(true);
    // The diary value: no visit, and in the clinic's local time (01:30 UTC is 20:30 the evening before).
    const diary = neckPain.find((o) => timing(o) === 'between-sessions');
    expect(diary.encounter).toBeUndefined();
    expect(diary.effectiveDateTime).toBe('2026-01-07T20:30:00-05:00');

    const rotation = observations.find((o) => o.code.coding[0].code === 'CERVICAL_ROTATION');
    expect(codesOf(rotation.code)).toEqual(['https://fascia.example.org/fhir/CodeSystem/measure|CERVICAL_ROTATION']);
    expect(rotation.valueQuantity).toMatchObject({ value: 62, system: 'http://unitsofmeasure.org', code: 'deg' });
    expect(rotation.category.map((c: any) => c.coding[0].code)).toEqual(['exam', 'pre-session']);
    expect(rotation.bodySite.extension[0].valueCodeableConcept.coding[0].code).toBe('7771000');
    // A range of motion is the therapist's own measurement: the Practitioner reported it.
    expect(rotation.performer).toEqual([{ reference: `urn:uuid:${therapistA.therapistId}`, display: 'Tess Therapist' }]);
  });

  test('QuestionnaireResponses with their answers, and score Observations derived from them', () => {
    const responses = ofType(bundle, 'QuestionnaireResponse');
    const ndi = responses.find((r) => r.questionnaire.includes('/Questionnaire/ndi'));
    expect(ndi.questionnaire).toBe('https://fascia.example.org/fhir/Questionnaire/ndi|NDI/vernon-mior-1991');
    expect(ndi.item.map((i: any) => i.linkId)).toEqual(Array.from({ length: 10 }, (_, i) => `NDI${i + 1}`));
    expect(ndi.item.map((i: any) => i.answer[0].valueInteger)).toEqual([2, 1, 1, 2, 3, 1, 2, 1, 2, 1]);
    expect(ndi.encounter.reference).toBe(`urn:uuid:${ids.visit}`);
    const ndiUrl = bundle.entry.find((e) => e.resource === ndi)?.fullUrl;
    const ndiScore = ofType(bundle, 'Observation').find((o) => o.derivedFrom?.[0]?.reference === ndiUrl);
    // 16 of 50 points; no LOINC code confirmed for the NDI score: Fascia's code only.
    expect(codesOf(ndiScore.code)).toEqual(['https://fascia.example.org/fhir/CodeSystem/measure|NDI']);
    expect(ndiScore.valueQuantity).toEqual({ value: 16, unit: '/50', system: 'http://unitsofmeasure.org', code: '{score}' });

    const odi = responses.find((r) => r.questionnaire.includes('/Questionnaire/odi'));
    const odiUrl = bundle.entry.find((e) => e.resource === odi)?.fullUrl;
    const odiScore = ofType(bundle, 'Observation').find((o) => o.derivedFrom?.[0]?.reference === odiUrl);
    expect(codesOf(odiScore.code)[0]).toBe('http://loinc.org|97909-6');
    expect(odiScore.valueQuantity).toMatchObject({ value: 40, system: 'http://unitsofmeasure.org', code: '%' });
    expect(odiScore.category[0].coding[0].code).toBe('survey');

    // Entered by the client in the portal: the client is author and performer; unanswered slots are left out.
    const psfs = responses.find((r) => r.questionnaire.includes('/Questionnaire/psfs'));
    expect(psfs.author.reference).toBe(`urn:uuid:${ids.client}`);
    expect(psfs.source.reference).toBe(`urn:uuid:${ids.client}`);
    // The NDI was typed in by the therapist (author) and answered by the client (source).
    expect([ndi.author.reference, ndi.source.reference]).toEqual([`urn:uuid:${therapistA.therapistId}`, `urn:uuid:${ids.client}`]);
    expect(psfs.encounter).toBeUndefined();
    expect(psfs.authored).toBe('2026-01-10T12:00:00-05:00');
    expect(psfs.item).toEqual([
      { linkId: 'PSFS1', text: 'Activity 1: Lifting groceries', answer: [{ valueInteger: 3 }] },
      { linkId: 'PSFS2', text: 'Activity 2: Driving', answer: [{ valueInteger: 5 }] },
      { linkId: 'PSFS3', text: 'Activity 3: Sleeping', answer: [{ valueInteger: 4 }] },
    ]);
    const psfsUrl = bundle.entry.find((e) => e.resource === psfs)?.fullUrl;
    const psfsScore = ofType(bundle, 'Observation').find((o) => o.derivedFrom?.[0]?.reference === psfsUrl);
    expect(psfsScore.performer).toEqual([{ reference: `urn:uuid:${ids.client}`, display: 'Ada Lovelace' }]);
    expect(psfsScore.valueQuantity.value).toBe(4);
    expect(psfsScore.category.map((c: any) => c.coding[0].code)).toEqual(['survey', 'between-sessions']);
  });
});

describe('FHIR export of a series', () => {
  test('holds that series only, and is valid', async () => {
    const bundle = await exportOf(`series=${ids.back}`);
    expect(fhirR4Errors(bundle)).toEqual([]);
    expect(countByType(bundle)).toEqual({
      Organization: 1,
      Patient: 1,
      Practitioner: 1,
      Condition: 1,
      EpisodeOfCare: 1,
      CarePlan: 1,
      Encounter: 1,
      Procedure: 1,
      Observation: 2,
      QuestionnaireResponse: 1,
      Composition: 1,
    });
    expect(JSON.stringify(bundle)).not.toContain(ids.neck);
    // The progress report: the progress API's numbers, in a narrative, with the series' values as entries.
    const [report] = ofType(bundle, 'Composition');
    expect(report.type.coding[0]).toMatchObject({ system: 'http://loinc.org', code: '11506-3' });
    const progress = await api.graphql(
      'query($id: ID!) { series(id: $id) { progress { attendance { attended plannedSessions } measures { measureCode baseline latest change } } } }',
      {
        id: ids.back,
      },
    );
    expect(progress.errors).toBeUndefined();
    const { attendance, measures } = progress.data?.series.progress ?? {};
    const [outcomes] = report.section.filter((s: any) => s.title === 'Outcomes');
    for (const m of measures) expect(outcomes.text.div).toContain(`baseline ${m.baseline}, latest ${m.latest}, change ${m.change}`);
    expect(outcomes.entry).toHaveLength(2);
    expect(report.section[0].text.div).toContain(`Attended ${attendance.attended} of ${attendance.plannedSessions} planned sessions`);
    const [episode] = ofType(bundle, 'EpisodeOfCare');
    expect(episode.identifier[0].value).toBe(ids.back);
  });

  test('of a closed series: a finished episode and a completed plan with an end', async () => {
    const closed = await clinicApi(api).startSeries(ids.client, { startDate: '2025-10-01' });
    const closing = await api.graphql(
      'mutation($id: ID!) { closeSeries(id: $id, input: { status: COMPLETED, endDate: "2025-11-30", dischargeReason: GOALS_MET }) { id } }',
      { id: closed },
    );
    expect(closing.errors).toBeUndefined();
    const bundle = await exportOf(`series=${closed}`);
    expect(fhirR4Errors(bundle)).toEqual([]);
    expect(ofType(bundle, 'EpisodeOfCare')[0]).toMatchObject({ status: 'finished', period: { start: '2025-10-01', end: '2025-11-30' } });
    expect(ofType(bundle, 'CarePlan')[0]).toMatchObject({ status: 'completed', activity: [{ detail: { status: 'completed' } }] });
  });
});

describe('FHIR export of corrected records', () => {
  test('voided records are exported entered-in-error, amended ones amended (the encounter stays finished), and the bundle is valid', async () => {
    const clinic = clinicApi(api);
    const clientId = await clinic.createClient({ givenName: 'Corrected' });
    const seriesId = await clinic.startSeries(clientId);
    const record = async (startedAt: string) => {
      const response = await api.graphql(
        `mutation($input: RecordSessionInput!) { recordSession(input: $input) {
          id observations { id measureCode context } questionnaireResponses { id } } }`,
        { input: neckVisit(seriesId, startedAt, 6, 4) },
      );
      return response.data?.recordSession;
    };
    const wrong = await record('2026-01-05T15:00:00Z');
    const kept = await record('2026-01-12T15:00:00Z');
    const nprs = kept.observations.find((o: any) => o.measureCode === 'NPRS' && o.context === 'PRE_SESSION').id;
    const ndiScore = kept.observations.find((o: any) => o.measureCode === 'NDI').id;
    const corrections = await Promise.all([
      api.graphql('mutation($id: ID!) { markSessionEnteredInError(id: $id, reason: "Another client") { id } }', { id: wrong.id }),
      api.graphql('mutation($id: ID!) { amendObservation(id: $id, input: { value: 5, reason: "Misheard" }) { id } }', { id: nprs }),
      api.graphql(
        'mutation($id: ID!, $answers: [AnswerInput!]!) { amendQuestionnaireResponse(id: $id, input: { answers: $answers, reason: "Mis-keyed" }) { id } }',
        { id: kept.questionnaireResponses[0].id, answers: Array.from({ length: 10 }, (_, i) => ({ itemCode: `NDI${i + 1}`, value: 1 })) },
      ),
    ]);
    expect(corrections.flatMap((c) => c.errors ?? [])).toEqual([]);

    const bundle = await exportOf(`series=${seriesId}`);
    expect(fhirR4Errors(bundle)).toEqual([]);
    const byId = (id: string) => bundle.entry.find((e) => e.fullUrl === `urn:uuid:${id}`)?.resource;
    const statuses = (ids: string[]) => ids.map((id) => byId(id)?.status);
    expect(byId(wrong.id)).toMatchObject({ resourceType: 'Encounter', status: 'entered-in-error' });
    expect(ofType(bundle, 'Procedure').map((p) => [p.encounter.reference, p.status])).toEqual(
      expect.arrayContaining([
        [`urn:uuid:${wrong.id}`, 'entered-in-error'],
        [`urn:uuid:${kept.id}`, 'completed'],
      ]),
    );
    expect(statuses(wrong.observations.map((o: any) => o.id))).toEqual([
      'entered-in-error',
      'entered-in-error',
      'entered-in-error',
      'entered-in-error',
    ]);
    expect(byId(wrong.questionnaireResponses[0].id)).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'entered-in-error' });
    expect(byId(kept.id)).toMatchObject({ resourceType: 'Encounter', status: 'finished' });
    expect(byId(nprs)).toMatchObject({ status: 'amended', valueQuantity: { value: 5 } });
    expect(byId(ndiScore)).toMatchObject({ status: 'amended', valueQuantity: { value: 10 } });
    expect(byId(kept.questionnaireResponses[0].id)).toMatchObject({ status: 'amended' });
    const untouched = kept.observations.filter((o: any) => o.id !== nprs && o.id !== ndiScore).map((o: any) => o.id);
    expect(statuses(untouched)).toEqual(['final', 'final']);
  });
});

describe('cost', () => {
  test('the same few SQL statements whatever the size of the record', async () => {
    const small = await statementsDuring(db, () => exportOf(`client=${ids.other}`));
    const large = await statementsDuring(db, () => exportOf(`client=${ids.client}`));
    expect(large.result.entry.length).toBeGreaterThan(2 * small.result.entry.length);
    // client, series, observations, responses, sessions, treated regions, clinic, therapists, and progress's
    // three (measures, attendance, dose) for the progress reports
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(11);
  });
});

describe('the validators', () => {
  test('catch an invalid resource, so a passing check means something', async () => {
    const bundle = await exportOf(`series=${ids.back}`);
    const observation = bundle.entry.find((e) => e.resource.resourceType === 'Observation')?.resource as Record<string, any>;
    observation.status = 'done';
    expect(fhirR4Errors(bundle).join('\n')).toMatch(/Observation\.status: Code "done" not found/);
    observation.status = 'final';
    delete observation.code;
    expect(fhirR4Errors(bundle).join('\n')).toMatch(/Observation\.code: Missing property/);
    observation.code = { text: 'x' };
    // A dateTime with a time must carry its offset: only the HL7 JSON schema sees this one.
    observation.effectiveDateTime = '2026-01-06T09:00:00';
    expect(fhirR4Errors(bundle).length).toBeGreaterThan(0);
    observation.effectiveDateTime = '2026-01-06T09:00:00-05:00';
    observation.valueQuanttiy = observation.valueQuantity;
    expect(fhirR4Errors(bundle).join('\n')).toMatch(/valueQuanttiy: Unexpected property/);
    delete observation.valueQuanttiy;
    expect(fhirR4Errors(bundle)).toEqual([]);
  });
});

describe('who may export', () => {
  const missing = '00000000-0000-4000-8000-000000000000';

  test.each([
    ['therapist of the clinic', 'therapistA', 200],
    ['admin of the clinic', 'adminA', 200],
    ['the client themself', 'clientA1', 200],
    ['another client of the clinic', 'clientA2', 404],
    ['therapist of another clinic', 'therapistB', 404],
    ['admin of another clinic', 'adminB', 404],
    ['a researcher', 'researcher', 403],
    ['nobody signed in', 'anonymous', 401],
  ] as const)('%s: %s', async (_who, persona, status) => {
    const as = persona === 'therapistA' ? therapistA : persona === 'anonymous' ? null : accounts[persona];
    for (const query of [`client=${ids.client}`, `series=${ids.neck}`]) {
      const response = await download(query, as);
      expect(response.status).toBe(status);
      if (status === 200) {
        expect(response.body.entry.find((e: Entry) => e.resource.resourceType === 'Patient').resource.identifier[0].value).toBe(ids.client);
      } else {
        expect(response.body.resourceType).toBe('OperationOutcome');
        expect(response.body.issue[0].code).toBe({ 401: 'login', 403: 'forbidden', 404: 'not-found' }[status]);
      }
    }
  });

  test('another clinic’s client answers exactly like one that does not exist', async () => {
    const [other, none] = await Promise.all([
      download(`client=${ids.client}`, accounts.therapistB),
      download(`client=${missing}`, accounts.therapistB),
    ]);
    expect(other.status).toBe(none.status);
    expect(JSON.stringify(other.body).replace(ids.client, 'ID')).toBe(JSON.stringify(none.body).replace(missing, 'ID'));
  });

  test('the session cookie works as well as a Bearer token', async () => {
    const response = await download(`series=${ids.neck}`, null, { cookie: `fascia_session=${therapistA.token}` });
    expect(response.status).toBe(200);
  });

  test.each([
    ['', 'client', 'required'],
    ['client=', 'client', 'required'],
    ['client=$client&series=$neck', 'series', 'exclusive'],
    ['series=$neck&series=$back', 'series', 'single'],
  ])('bad input "%s" names the parameter %s and the rule %s, in a valid OperationOutcome', async (query, field, rule) => {
    const response = await download(query.replace('$client', ids.client).replace('$neck', ids.neck).replace('$back', ids.back), therapistA);
    expect(response.status).toBe(400);
    expect(response.body.issue).toEqual([
      {
        severity: 'error',
        code: 'invalid',
        details: { coding: [{ system: 'https://fascia.example.org/fhir/CodeSystem/input-rule', code: rule }] },
        diagnostics: expect.stringMatching(new RegExp(`^${field}: `)),
        expression: [field],
      },
    ]);
    expect(fhirR4Errors(response.body)).toEqual([]);
  });

  test('every export and every refusal is in the audit trail', async () => {
    const before = new Date();
    await download(`series=${ids.neck}`, accounts.clientA1);
    await download(`client=${ids.client}`, accounts.therapistB);
    await download(`client=${ids.client}`, accounts.researcher);
    const rows = await db.orm.em
      .fork()
      .execute<{ role: string; outcome: string; client_ids: string[]; detail: any }[]>(
        `select role, outcome, client_ids, detail from audit_event where operation = 'Export.fhirBundle' and at >= ? order by at`,
        [before],
      );
    expect(rows.map((r) => [r.role, r.outcome, r.client_ids])).toEqual([
      ['CLIENT', 'ALLOWED', [ids.client]],
      ['THERAPIST', 'NOT_FOUND', []],
      ['RESEARCHER', 'DENIED', []],
    ]);
    expect(rows[0]?.detail).toMatchObject({ scope: 'series' });
    expect(rows[1]?.detail).toEqual({ requestedIds: [ids.client] });
  });
});

describe('who reported each value: Observation.performer and QuestionnaireResponse.source', () => {
  /** A child whose pain a parent and a caregiver report and the therapist observes; the parent also answers a PEG in the portal. */
  const child = {} as { id: string; series: string };
  let bundle: Bundle;
  beforeAll(async () => {
    const clinic = clinicApi(api);
    child.id = await clinic.createClient({ givenName: 'Sam', familyName: 'Child', dateOfBirth: '2018-03-02', sex: 'MALE' });
    child.series = await clinic.startSeries(child.id);
    const pain = (value: number, takenAt: string, reporter: Record<string, string>) =>
      api.graphql('mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }', {
        input: {
          clientId: child.id,
          seriesId: child.series,
          measureCode: 'NPRS',
          value,
          regionCode: 'NECK',
          context: 'BETWEEN_SESSIONS',
          takenAt,
          ...reporter,
        },
      });
    for (const recorded of [
      await pain(6, '2026-01-06T15:00:00Z', { reporter: 'PROXY', proxyRelation: 'PARENT' }),
      await pain(4, '2026-01-07T15:00:00Z', { reporter: 'PROXY', proxyRelation: 'CAREGIVER' }),
      await pain(5, '2026-01-06T16:00:00Z', { reporter: 'THERAPIST' }),
    ])
      expect(recorded.errors).toBeUndefined();
    const parent = await createTestAccount(db, {
      role: 'CLIENT',
      clinicId: therapistA.clinicId,
      clientId: child.id,
      proxyRelation: 'PARENT',
    });
    const peg = await api.request(
      'mutation($input: SubmitQuestionnaireInput!) { submitQuestionnaireResponse(input: $input) { id } }',
      {
        input: {
          clientId: child.id,
          instrumentCode: 'PEG',
          completedAt: '2026-01-08T17:00:00Z',
          answers: [1, 2, 3].map((i) => ({ itemCode: `PEG${i}`, value: 5 })),
        },
      },
      { as: parent },
    );
    expect(peg.errors).toBeUndefined();
    bundle = await exportOf(`client=${child.id}`);
  });

  const urlOf = (resource: object) => bundle.entry.find((e) => e.resource === resource)?.fullUrl;
  const painBy = (value: number) =>
    ofType(bundle, 'Observation').find((o) => o.valueQuantity.value === value && o.code.coding.some((c: any) => c.code === 'NPRS'));

  test('a RelatedPerson per relation, coded from HL7 v3 RoleCode where one fits, and the bundle is valid', () => {
    expect(fhirR4Errors(bundle)).toEqual([]);
    const related = ofType(bundle, 'RelatedPerson');
    expect(related.map((r) => r.relationship[0])).toEqual([
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PRN', display: 'parent' }], text: 'Parent' },
      // A caregiver has no RoleCode: text only.
      { text: 'Caregiver' },
    ]);
    for (const r of related) expect(r).toMatchObject({ active: true, patient: { reference: `urn:uuid:${child.id}` } });
  });

  test('each reporter kind: the proxy’s RelatedPerson, the therapist’s Practitioner, the Patient', () => {
    const [parent, caregiver] = ofType(bundle, 'RelatedPerson').map(urlOf);
    expect(painBy(6).performer).toEqual([{ reference: parent, display: 'Parent of Sam Child (proxy)' }]);
    expect(painBy(4).performer).toEqual([{ reference: caregiver, display: 'Caregiver of Sam Child (proxy)' }]);
    expect(painBy(5).performer).toEqual([{ reference: `urn:uuid:${therapistA.therapistId}`, display: 'Tess Therapist' }]);
    // The parent answered the PEG in the child's portal: they are its source and its author, and its score's performer.
    const [peg] = ofType(bundle, 'QuestionnaireResponse');
    expect(peg.source).toEqual({ reference: parent, display: 'Parent of Sam Child (proxy)' });
    expect(peg.author).toEqual(peg.source);
    const score = ofType(bundle, 'Observation').find((o) => o.derivedFrom?.[0]?.reference === urlOf(peg));
    expect(score.performer).toEqual([peg.source]);
    expect(score.valueQuantity.value).toBe(5);
  });

  test('the progress report keeps each reporter’s values on a line of its own, saying whose they are', () => {
    const [report] = ofType(bundle, 'Composition');
    const outcomes = report.section.find((s: any) => s.title === 'Outcomes').text.div;
    // Parent 6 and caregiver 4: proxies are one reporter kind in progress; the therapist's 5 stays apart.
    expect(outcomes).toContain('Pain intensity (NPRS 0-10), neck, reported by a proxy: baseline 6, latest 4, change -2 /10');
    expect(outcomes).toContain('Pain intensity (NPRS 0-10), neck, observed by the therapist: baseline 5, latest 5, change 0 /10');
  });
});
