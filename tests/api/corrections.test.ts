import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

let db: TestDatabase;
let api: TestApi;
let clinicA: TherapistAccount;
let clinicB: TherapistAccount;
let admin: TestAccount;

beforeAll(async () => {
  db = await createTestDatabase();
  clinicA = await createClinicWithTherapist(db, { clinicName: 'A' });
  clinicB = await createClinicWithTherapist(db, { clinicName: 'B' });
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: clinicA.clinicId });
  api = await startApi(db, clinicA);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

interface Visit {
  sessionId: string;
  /** The NPRS (neck) value taken before the visit. */
  preId: string;
  postId: string;
  responseId: string;
  ndiScoreId: string;
}

/** A client with a neck-pain series and one visit a week from 5 January, pre pain as given (post = pre - 2). */
async function seriesWithVisits(
  pres: number[],
  conditionCode = 'NECK_PAIN',
): Promise<{ clientId: string; seriesId: string; visits: Visit[] }> {
  api.actAs(clinicA);
  const clinic = clinicApi(api);
  const clientId = await clinic.createClient();
  const seriesId = await clinic.startSeries(clientId, { conditionCode });
  const visits: Visit[] = [];
  for (const [i, pre] of pres.entries()) {
    const startedAt = new Date(Date.parse('2026-01-05T15:00:00Z') + i * 7 * 86_400_000).toISOString();
    const response = await api.graphql(
      `mutation($input: RecordSessionInput!) { recordSession(input: $input) {
        id observations { id measureCode context questionnaireResponseId } questionnaireResponses { id } } }`,
      { input: neckVisit(seriesId, startedAt, pre, Math.max(pre - 2, 0)) },
    );
    const session = response.data?.recordSession;
    const find = (measureCode: string, context: string) =>
      session.observations.find((o: any) => o.measureCode === measureCode && o.context === context).id as string;
    visits.push({
      sessionId: session.id,
      preId: find('NPRS', 'PRE_SESSION'),
      postId: find('NPRS', 'POST_SESSION'),
      responseId: session.questionnaireResponses[0].id,
      ndiScoreId: find('NDI', 'PRE_SESSION'),
    });
  }
  return { clientId, seriesId, visits };
}

const progressQuery = `query($id: ID!) { series(id: $id) {
  progress { measures { measureCode regionCode baseline latest change points } attendance { attended } }
  sessions { id status }
} }`;

async function neckPain(seriesId: string) {
  const response = await api.graphql(progressQuery, { id: seriesId });
  expect(response.errors).toBeUndefined();
  const progress = response.data?.series.progress;
  return {
    nprs: progress.measures.find((m: any) => m.measureCode === 'NPRS'),
    ndi: progress.measures.find((m: any) => m.measureCode === 'NDI'),
    attended: progress.attendance.attended as number,
    sessions: response.data?.series.sessions as { id: string; status: string }[],
  };
}

const voidSession = (id: string, reason = 'Recorded for the wrong client') =>
  api.graphql('mutation($id: ID!, $r: String!) { markSessionEnteredInError(id: $id, reason: $r) { id status } }', { id, r: reason });
const voidObservation = (id: string, reason = 'Typed the wrong number') =>
  api.graphql('mutation($id: ID!, $r: String!) { markObservationEnteredInError(id: $id, reason: $r) { id status value } }', {
    id,
    r: reason,
  });
const amendObservation = (id: string, input: Record<string, unknown>) =>
  api.graphql(
    `mutation($id: ID!, $input: AmendObservationInput!) { amendObservation(id: $id, input: $input) {
      id status value revisions { kind byName byRole reason changes { field before after } } } }`,
    { id, input },
  );

async function revisionCount(): Promise<number> {
  return db.count('record_revision');
}

describe('marking a visit entered in error', () => {
  test('voids the visit with its values and questionnaires; progress, attendance and the lists leave them out', async () => {
    const { seriesId, visits } = await seriesWithVisits([7, 5, 4]);
    expect((await neckPain(seriesId)).nprs).toMatchObject({ baseline: 7, latest: 4, change: -3, points: 3 });

    const voided = await voidSession(visits[0]?.sessionId as string);
    expect(voided.errors).toBeUndefined();
    expect(voided.data?.markSessionEnteredInError).toEqual({ id: visits[0]?.sessionId, status: 'ENTERED_IN_ERROR' });

    const after = await neckPain(seriesId);
    // Without the first visit: baseline 5 (the second visit), latest 4, two visits attended.
    expect(after.nprs).toMatchObject({ baseline: 5, latest: 4, change: -1, points: 2 });
    expect(after.attended).toBe(2);
    expect(after.sessions.map((s) => s.id)).toEqual([visits[1]?.sessionId, visits[2]?.sessionId]);

    const all = await api.graphql(
      `query($id: ID!) { series(id: $id) {
        sessions(includeEnteredInError: true) { id status
          enteredInError { byName byRole reason }
          revisions { kind byName changes { field before after } }
          observations(includeEnteredInError: true) { status enteredInError { reason } }
          questionnaireResponses(includeEnteredInError: true) { status enteredInError { reason } }
          validObservations: observations { id }
        }
        observations(includeEnteredInError: true) { id status }
        questionnaireResponses(includeEnteredInError: true) { id status }
        validValues: observations { id }
      } }`,
      { id: seriesId },
    );
    expect(all.errors).toBeUndefined();
    const [first, second] = all.data?.series.sessions ?? [];
    expect(first.status).toBe('ENTERED_IN_ERROR');
    expect(first.enteredInError).toEqual({ byName: 'Tess Therapist', byRole: 'THERAPIST', reason: 'Recorded for the wrong client' });
    expect(first.revisions).toEqual([
      { kind: 'ENTERED_IN_ERROR', byName: 'Tess Therapist', changes: [{ field: 'status', before: 'FINAL', after: 'ENTERED_IN_ERROR' }] },
    ]);
    // Its 4 values (NPRS pre and post, rotation, the NDI score) and its NDI: all voided with the same reason.
    expect(first.observations).toHaveLength(4);
    expect(
      first.observations.every((o: any) => o.status === 'ENTERED_IN_ERROR' && o.enteredInError.reason === 'Recorded for the wrong client'),
    ).toBe(true);
    expect(first.questionnaireResponses).toEqual([
      { status: 'ENTERED_IN_ERROR', enteredInError: { reason: 'Recorded for the wrong client' } },
    ]);
    expect(first.validObservations).toEqual([]);
    expect(second.status).toBe('FINAL');
    expect(second.enteredInError).toBeNull();
    expect(all.data?.series.observations).toHaveLength(12);
    expect(all.data?.series.validValues).toHaveLength(8);
    expect(all.data?.series.questionnaireResponses.map((r: any) => r.status)).toEqual(['ENTERED_IN_ERROR', 'FINAL', 'FINAL']);
  });

  test('refusals: blank reason, unknown id, another clinic, twice; nothing written', async () => {
    const { visits } = await seriesWithVisits([6]);
    const id = visits[0]?.sessionId as string;
    const before = await revisionCount();
    const blank = await voidSession(id, '   ');
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', rule: 'required' });
    expect((await voidSession('00000000-0000-4000-8000-000000000000')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    api.actAs(clinicB);
    expect((await voidSession(id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    api.actAs(clinicA);
    expect(await revisionCount()).toBe(before);
    expect((await voidSession(id)).errors).toBeUndefined();
    const again = await voidSession(id);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'already-entered-in-error' });
    // The visit's own revision and its 4 values' and 1 questionnaire's: 6 rows, once.
    expect(await revisionCount()).toBe(before + 6);
  });

  test('an amended visit cannot be amended once voided, and a voided one neither', async () => {
    const { visits } = await seriesWithVisits([6]);
    const id = visits[0]?.sessionId as string;
    await voidSession(id);
    const amend = await api.graphql('mutation($id: ID!) { amendSession(id: $id, input: { pressure: 2, reason: "x" }) { id } }', { id });
    expect(amend.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'already-entered-in-error' });
    const value = await amendObservation(visits[0]?.preId as string, { value: 1, reason: 'x' });
    expect(value.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'already-entered-in-error' });
  });
});

describe('amending a value', () => {
  test('keeps the earlier version as a revision; progress reads the current one', async () => {
    const { seriesId, visits } = await seriesWithVisits([7, 6]);
    const amended = await amendObservation(visits[1]?.preId as string, { value: 3, reason: 'Client said 3, not 6' });
    expect(amended.errors).toBeUndefined();
    expect(amended.data?.amendObservation).toMatchObject({
      status: 'AMENDED',
      value: 3,
      revisions: [
        {
          kind: 'AMENDED',
          byName: 'Tess Therapist',
          byRole: 'THERAPIST',
          reason: 'Client said 3, not 6',
          changes: [{ field: 'value', before: '6', after: '3' }],
        },
      ],
    });
    expect((await neckPain(seriesId)).nprs).toMatchObject({ baseline: 7, latest: 3, change: -4 });

    // An admin (no therapist record) corrects too, under the account's name; revisions stay in order.
    api.actAs(admin);
    const again = await amendObservation(visits[1]?.preId as string, { value: 4, takenAt: '2026-01-12T14:55:00Z', reason: 'Second look' });
    api.actAs(clinicA);
    expect(again.errors).toBeUndefined();
    const revisions = again.data?.amendObservation.revisions;
    expect(revisions.map((r: any) => [r.byRole, r.byName, r.changes.map((c: any) => c.field)])).toEqual([
      ['THERAPIST', 'Tess Therapist', ['value']],
      ['ADMIN', admin.email, ['value', 'takenAt']],
    ]);
    expect(revisions[1].changes[1]).toEqual({ field: 'takenAt', before: '2026-01-12T15:00:00.000Z', after: '2026-01-12T14:55:00.000Z' });
  });

  test('checked by the catalog rules like a new value; the reason is required; nothing written on refusal', async () => {
    const { visits } = await seriesWithVisits([7]);
    const id = visits[0]?.preId as string;
    const before = await revisionCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ value: 11, reason: 'x' }, 'value', 'range'],
      [{ value: 2.5, reason: 'x' }, 'value', 'precision'],
      [{ regionCode: 'NOWHERE', reason: 'x' }, 'regionCode', 'unknown-region'],
      [{ value: 3, reason: '' }, 'reason', 'required'],
      [{ value: 7, reason: 'no change' }, 'input', 'no-change'],
    ];
    for (const [input, field, rule] of cases) {
      const response = await amendObservation(id, input);
      expect(response.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    }
    expect(await revisionCount()).toBe(before);
    const [row] = await db.orm.em
      .fork()
      .execute<{ value: number; status: string }[]>('select value, status from observation where id = ?', [id]);
    expect(row).toEqual({ value: 7, status: 'FINAL' });
  });

  test('a questionnaire score is corrected through its questionnaire, not on its own', async () => {
    const { visits } = await seriesWithVisits([7]);
    const response = await amendObservation(visits[0]?.ndiScoreId as string, { value: 20, reason: 'x' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'questionnaire-score' });
    const voided = await voidObservation(visits[0]?.ndiScoreId as string);
    expect(voided.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'questionnaire-score' });
  });
});

describe('questionnaires', () => {
  const ndi = (values: number[]) => values.map((value, i) => ({ itemCode: `NDI${i + 1}`, value }));

  test('amending the answers scores them again and amends the score observation', async () => {
    const { seriesId, visits } = await seriesWithVisits([7, 6]);
    expect((await neckPain(seriesId)).ndi).toMatchObject({ baseline: 16, latest: 16 });
    // The second visit's NDI: section 1 answered 0, not 2, and section 5 answered 1, not 3: 12 of 50.
    const amended = await api.graphql(
      `mutation($id: ID!, $answers: [AnswerInput!]!) { amendQuestionnaireResponse(id: $id, input: { answers: $answers, reason: "Mis-keyed" }) {
        id status score revisions { kind changes { field before after } } } }`,
      { id: visits[1]?.responseId, answers: ndi([0, 1, 1, 2, 1, 1, 2, 1, 2, 1]) },
    );
    expect(amended.errors).toBeUndefined();
    expect(amended.data?.amendQuestionnaireResponse).toEqual({
      id: visits[1]?.responseId,
      status: 'AMENDED',
      score: 12,
      revisions: [
        {
          kind: 'AMENDED',
          changes: [
            { field: 'answers.NDI1', before: '2', after: '0' },
            { field: 'answers.NDI5', before: '3', after: '1' },
            { field: 'score', before: '16', after: '12' },
          ],
        },
      ],
    });
    const score = await api.graphql(
      'query($id: ID!) { series(id: $id) { observations(measureCode: "NDI") { id value status revisions { changes { field before after } } } } }',
      { id: seriesId },
    );
    expect(score.data?.series.observations[1]).toEqual({
      id: visits[1]?.ndiScoreId,
      value: 12,
      status: 'AMENDED',
      revisions: [{ changes: [{ field: 'value', before: '16', after: '12' }] }],
    });
    expect((await neckPain(seriesId)).ndi).toMatchObject({ baseline: 16, latest: 12, change: -4 });

    const wrong = await api.graphql(
      'mutation($id: ID!, $answers: [AnswerInput!]!) { amendQuestionnaireResponse(id: $id, input: { answers: $answers, reason: "x" }) { id } }',
      { id: visits[1]?.responseId, answers: ndi([9, 1, 1, 2, 1, 1, 2, 1, 2, 1]) },
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(wrong.errors?.[0]?.extensions?.field).toMatch(/^answers/);
  });

  test('voiding a response voids its score; progress leaves both out', async () => {
    const { seriesId, visits } = await seriesWithVisits([7, 6]);
    const voided = await api.graphql(
      'mutation($id: ID!) { markQuestionnaireResponseEnteredInError(id: $id, reason: "Answered for another region") { id status } }',
      { id: visits[0]?.responseId },
    );
    expect(voided.data?.markQuestionnaireResponseEnteredInError.status).toBe('ENTERED_IN_ERROR');
    const [score] = await db.orm.em
      .fork()
      .execute<{ status: string }[]>('select status from observation where id = ?', [visits[0]?.ndiScoreId]);
    expect(score?.status).toBe('ENTERED_IN_ERROR');
    expect((await neckPain(seriesId)).ndi).toMatchObject({ baseline: 16, points: 1 });
  });
});

describe('amending a visit', () => {
  test('same checks as recording; a new start reorders the visits; SOAP changes stay with staff', async () => {
    const { clientId, seriesId, visits } = await seriesWithVisits([7, 5]);
    const amend = (input: Record<string, unknown>) =>
      api.graphql(
        `mutation($id: ID!, $input: AmendSessionInput!) { amendSession(id: $id, input: $input) {
          id status startedAt pressure soap { assessment } regions { regionCode side minutes } revisions { changes { field before after } } } }`,
        { id: visits[0]?.sessionId, input },
      );
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ durationMinutes: 0, reason: 'x' }, 'durationMinutes', 'range'],
      [{ pressure: 6, reason: 'x' }, 'pressure', 'range'],
      [{ regions: [{ regionCode: 'SHOULDER' }], reason: 'x' }, 'regions[0].side', 'required-for-lateral-region'],
      [{ startedAt: '2025-12-01T10:00:00Z', reason: 'x' }, 'startedAt', 'before-series-start'],
      [{ pressure: 4, reason: ' ' }, 'reason', 'required'],
    ];
    for (const [input, field, rule] of refusals) {
      const response = await amend(input);
      expect(response.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    }
    // The first visit was really on 14 January, after the second: it becomes visit 2, so the baseline is 5.
    const moved = await amend({
      startedAt: '2026-01-14T15:00:00Z',
      pressure: 4,
      assessment: 'Levator scapulae, not upper trapezius.',
      regions: [{ regionCode: 'NECK', minutes: 30 }],
      reason: 'Entered on the wrong day',
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.amendSession).toMatchObject({
      status: 'AMENDED',
      startedAt: '2026-01-14T15:00:00.000Z',
      pressure: 4,
      soap: { assessment: 'Levator scapulae, not upper trapezius.' },
      regions: [{ regionCode: 'NECK', side: null, minutes: 30 }],
    });
    expect(moved.data?.amendSession.revisions[0].changes.map((c: any) => c.field)).toEqual([
      'startedAt',
      'regions',
      'pressure',
      'assessment',
    ]);
    expect((await neckPain(seriesId)).nprs).toMatchObject({ baseline: 5, latest: 7 });

    // The client sees the revision, without the therapist's notes.
    const account = await createTestAccount(db, { role: 'CLIENT', clinicId: clinicA.clinicId, clientId });
    const seen = await api.request(
      'query($id: ID!) { series(id: $id) { sessions { id revisions { byName changes { field } } } } }',
      { id: seriesId },
      { as: account },
    );
    expect(seen.errors).toBeUndefined();
    const revision = seen.data?.series.sessions.find((s: any) => s.id === visits[0]?.sessionId).revisions[0];
    expect(revision.changes.map((c: any) => c.field)).toEqual(['startedAt', 'regions', 'pressure']);
  });
});

describe('the caseload', () => {
  const flagsOf = async (seriesId: string) => {
    const response = await api.graphql('{ caseload(first: 100) { edges { node { series { id } flags headline { latest } } } } }');
    expect(response.errors).toBeUndefined();
    return response.data?.caseload.edges.find((e: any) => e.node.series.id === seriesId)?.node;
  };

  test('a mistyped value that made a series look worse stops flagging it once voided or amended', async () => {
    // Jaw pain's headline is NPRS: 4, 5, then 9 typed for 3, worse by 5 points (the MCID is 2).
    const { seriesId, visits } = await seriesWithVisits([4, 5, 9], 'TMJ_DISORDER');
    expect(await flagsOf(seriesId)).toMatchObject({ flags: expect.arrayContaining(['WORSENING']), headline: { latest: 9 } });
    await amendObservation(visits[2]?.preId as string, { value: 3, reason: 'Typed 9 for 3' });
    const amended = await flagsOf(seriesId);
    expect(amended.flags).not.toContain('WORSENING');
    expect(amended.headline.latest).toBe(3);

    const other = await seriesWithVisits([4, 9], 'TMJ_DISORDER');
    expect((await flagsOf(other.seriesId)).flags).toContain('WORSENING');
    await voidObservation(other.visits[1]?.preId as string);
    await voidObservation(other.visits[1]?.postId as string);
    const voided = await flagsOf(other.seriesId);
    expect(voided.flags).not.toContain('WORSENING');
    expect(voided.headline.latest).toBe(4);
  });
});

describe("clients' diary entries", () => {
  async function diaryOf() {
    const { clientId, seriesId, visits } = await seriesWithVisits([6]);
    const account = await createTestAccount(db, { role: 'CLIENT', clinicId: clinicA.clinicId, clientId });
    const record = async () => {
      const response = await api.request(
        `mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }`,
        {
          input: {
            clientId,
            seriesId,
            measureCode: 'NPRS',
            value: 8,
            regionCode: 'NECK',
            context: 'BETWEEN_SESSIONS',
            takenAt: new Date().toISOString(),
          },
        },
        { as: account },
      );
      return response.data?.recordObservation.id as string;
    };
    return { account, seriesId, visits, record };
  }

  test('a client voids their own entry within 24 hours; not after, not a therapist value, not another client’s', async () => {
    const { account, seriesId, visits, record } = await diaryOf();
    const asClient = (id: string) =>
      api.request(
        'mutation($id: ID!) { markObservationEnteredInError(id: $id, reason: "Wrong day") { id status } }',
        { id },
        { as: account },
      );

    const fresh = await record();
    const ok = await asClient(fresh);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.markObservationEnteredInError.status).toBe('ENTERED_IN_ERROR');

    const old = await record();
    await db.orm.em.fork().execute(`update observation set created_at = now() - interval '25 hours' where id = ?`, [old]);
    const late = await asClient(old);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', rule: 'void-window' });

    expect((await asClient(visits[0]?.preId as string)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await diaryOf();
    expect((await asClient(await stranger.record())).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Staff may void it after the window.
    expect((await voidObservation(old)).errors).toBeUndefined();

    // A client asking for voided records gets the valid ones: never an error, never a voided row.
    const list = await api.request(
      `query($id: ID!) { series(id: $id) { observations(includeEnteredInError: true, measureCode: "NPRS") { id status }
        sessions(includeEnteredInError: true) { id } } }`,
      { id: seriesId },
      { as: account },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.series.observations.every((o: any) => o.status !== 'ENTERED_IN_ERROR')).toBe(true);
    expect(list.data?.series.observations.map((o: any) => o.id)).not.toContain(fresh);
    const staff = await api.graphql(
      'query($id: ID!) { series(id: $id) { observations(includeEnteredInError: true, measureCode: "NPRS") { id status } } }',
      { id: seriesId },
    );
    expect(staff.data?.series.observations.map((o: any) => o.id)).toEqual(expect.arrayContaining([fresh, old]));
  });

  test('the latest values leave voided ones out', async () => {
    const { account, seriesId, record } = await diaryOf();
    const entry = await record();
    const latest = async () => {
      const response = await api.graphql('query($id: ID!) { series(id: $id) { client { latestObservations { id measureCode value } } } }', {
        id: seriesId,
      });
      return response.data?.series.client.latestObservations.filter((o: any) => o.measureCode === 'NPRS');
    };
    expect((await latest()).map((o: any) => o.id)).toContain(entry);
    await api.request(
      'mutation($id: ID!) { markObservationEnteredInError(id: $id, reason: "Wrong") { id } }',
      { id: entry },
      { as: account },
    );
    expect((await latest()).map((o: any) => o.id)).not.toContain(entry);
    expect((await latest()).length).toBeGreaterThan(0);
  });
});

describe('the audit trail', () => {
  test('each correction is audited as a change of the client, in its transaction', async () => {
    const { clientId, visits } = await seriesWithVisits([6]);
    await amendObservation(visits[0]?.preId as string, { value: 5, reason: 'x' });
    await voidSession(visits[0]?.sessionId as string);
    const rows = await db.orm.em
      .fork()
      .execute<{ operation: string; outcome: string; client_ids: string[] }[]>(
        `select operation, outcome, client_ids from audit_event where client_ids @> array[?::uuid] and operation in ('Mutation.amendObservation', 'Mutation.markSessionEnteredInError') order by at`,
        [clientId],
      );
    expect(rows).toEqual([
      { operation: 'Mutation.amendObservation', outcome: 'ALLOWED', client_ids: [clientId] },
      { operation: 'Mutation.markSessionEnteredInError', outcome: 'ALLOWED', client_ids: [clientId] },
    ]);
  });

  test('revisions are append-only', async () => {
    const { visits } = await seriesWithVisits([6]);
    await amendObservation(visits[0]?.preId as string, { value: 5, reason: 'x' });
    await expect(db.orm.em.fork().execute(`update record_revision set reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(db.orm.em.fork().execute('delete from record_revision')).rejects.toThrow(/append-only/);
  });
});
