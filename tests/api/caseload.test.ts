import { Therapist } from '@fascia/server/modules/clinics/therapist.entity.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi } from '../support/clinic-api.js';
import { createTestDatabase, statementsDuring, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';

/*
 * Flags are judged against today, so the series are placed relative to now (UTC clinic).
 * Osteoarthritis: headline NPRS (MCID 2, lower is better); plans are weekly, 10 sessions.
 */
let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
let colleague: TestAccount;
let admin: TestAccount;

const day = 24 * 3600 * 1000;
const at = (daysAgo: number) => new Date(Math.floor(Date.now() / day) * day - daysAgo * day + 12 * 3600 * 1000).toISOString();
const dateOf = (daysAgo: number) => at(daysAgo).slice(0, 10);

interface Plan {
  name: string;
  start: number;
  /** [days ago, NPRS pre value] per attended visit. */
  visits: [number, number][];
  noShows?: number[];
  /** Days ago of a questionnaire, if any. */
  questionnaire?: number;
}

async function addSeries(api: TestApi, plan: Plan): Promise<string> {
  const clinic = clinicApi(api);
  const clientId = await clinic.createClient({ familyName: plan.name });
  const seriesId = await clinic.startSeries(clientId, {
    conditionCode: 'OSTEOARTHRITIS',
    plannedSessions: 10,
    startDate: dateOf(plan.start),
  });
  for (const [daysAgo, pain] of plan.visits) {
    await clinic.recordSession({
      seriesId,
      startedAt: at(daysAgo),
      durationMinutes: 60,
      attendance: 'ATTENDED',
      observations: [{ measureCode: 'NPRS', value: pain, regionCode: 'KNEE', side: 'LEFT', context: 'PRE_SESSION' }],
    });
  }
  for (const daysAgo of plan.noShows ?? []) {
    await clinic.recordSession({ seriesId, startedAt: at(daysAgo), durationMinutes: 0, attendance: 'NO_SHOW' });
  }
  if (plan.questionnaire !== undefined) {
    const response = await api.graphql(
      'mutation($input: SubmitQuestionnaireInput!) { submitQuestionnaireResponse(input: $input) { id } }',
      {
        input: {
          clientId,
          instrumentCode: 'NDI',
          completedAt: at(plan.questionnaire),
          answers: Array.from({ length: 10 }, (_, i) => ({ itemCode: `NDI${i + 1}`, value: 1 })),
        },
      },
    );
    expect(response.errors).toBeUndefined();
  }
  return seriesId;
}

const plans: Plan[] = [
  // 4 visits, 7 -> 4: improved by 3 >= 2. 23 days / 7 = 3.3 weeks: 3 expected, 4 attended. Started 22 days ago: no reassessment due yet.
  {
    name: 'Adams',
    start: 22,
    visits: [
      [22, 7],
      [15, 6],
      [8, 5],
      [1, 4],
    ],
  },
  // 4 -> 7: worse by 3 >= MCID 2.
  {
    name: 'Baker',
    start: 14,
    visits: [
      [14, 4],
      [7, 7],
    ],
  },
  // 6 visits, 5 -> 4: change 1 < 2 after 6 attended. 50 days = 7.1 weeks: 7 expected, 6 attended (tolerance 1). NDI 10 days ago.
  {
    name: 'Clark',
    start: 49,
    visits: [
      [49, 5],
      [42, 5],
      [35, 5],
      [28, 5],
      [21, 5],
      [14, 4],
    ],
    questionnaire: 10,
  },
  // 36 days = 5.1 weeks: 5 expected, 1 attended (< 5 - 1). NDI 5 days ago.
  { name: 'Davis', start: 35, visits: [[35, 6]], questionnaire: 5 },
  // 1 expected, 1 attended, but a no-show 2 days ago.
  { name: 'Evans', start: 6, visits: [[6, 5]], noShows: [2] },
  // 5 visits 8 -> 4 (improved); 31 days = 4.4 weeks: 4 expected; the last questionnaire was 29 days ago (> 28).
  {
    name: 'Fox',
    start: 30,
    visits: [
      [30, 8],
      [23, 7],
      [16, 6],
      [9, 5],
      [2, 4],
    ],
    questionnaire: 29,
  },
];
const expectedFlags: Record<string, string[]> = {
  Adams: [],
  Baker: ['WORSENING'],
  Clark: ['NO_MEANINGFUL_CHANGE'],
  Davis: ['MISSED_SESSIONS'],
  Evans: ['MISSED_SESSIONS'],
  Fox: ['REASSESSMENT_OVERDUE'],
};

const caseloadQuery = `query($flag: CaseloadFlag, $sort: CaseloadSort, $first: Int, $after: String) {
  caseload(flag: $flag, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { flags attendedSessions lastVisitAt headlineMeasureCode headline { baseline latest change mcidReached }
      series { id client { familyName } } } } } }`;

async function caseload(variables: Record<string, unknown> = {}, as: { token: string } = therapist) {
  const response = await api.request(caseloadQuery, variables, { as });
  expect(response.errors).toBeUndefined();
  const page = response.data?.caseload;
  return { ...page, names: page.edges.map((e: any) => e.node.series.client.familyName) as string[] };
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db);
  api = await startApi(db, therapist);
  for (const plan of plans) await addSeries(api, plan);
  // A closed series is not in the caseload.
  const closed = await addSeries(api, { name: 'Closed', start: 20, visits: [[20, 5]] });
  await api.graphql(
    `mutation($id: ID!) { closeSeries(id: $id, input: { status: DISCONTINUED, endDate: "${dateOf(10)}", dischargeReason: LOST_TO_FOLLOW_UP }) { id } }`,
    {
      id: closed,
    },
  );
  // A colleague's client: in the admin's caseload, not the therapist's.
  const em = db.orm.em.fork();
  const other = em.create(Therapist, { clinic: therapist.clinicId, givenName: 'Cole', familyName: 'League' });
  await em.flush();
  colleague = await createTestAccount(db, { role: 'THERAPIST', clinicId: therapist.clinicId, therapistId: other.id });
  api.actAs(colleague);
  await addSeries(api, { name: 'Green', start: 10, visits: [[10, 5]] });
  api.actAs(therapist);
  admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('caseload', () => {
  test('each flag is raised where it applies and nowhere else', async () => {
    const page = await caseload({ sort: 'CLIENT_NAME' });
    expect(page.totalCount).toBe(6);
    expect(Object.fromEntries(page.edges.map((e: any) => [e.node.series.client.familyName, e.node.flags]))).toEqual(expectedFlags);
    const adams = page.edges[0].node;
    expect(adams).toMatchObject({ attendedSessions: 4, headlineMeasureCode: 'NPRS', lastVisitAt: at(1) });
    expect(adams.headline).toEqual({ baseline: 7, latest: 4, change: -3, mcidReached: true });
  });

  test('reading the caseload is audited: one row listing the clients of the page', async () => {
    const before = await db.count('audit_event');
    const page = await caseload({ sort: 'CLIENT_NAME' });
    expect((await db.count('audit_event')) - before).toBe(1);
    const [row] = await db.orm.em
      .fork()
      .execute<{ operation: string; client_ids: string[] }[]>('select operation, client_ids from audit_event order by at desc limit 1');
    const listed = await db.orm.em
      .fork()
      .execute<{ client_id: string }[]>('select distinct client_id from treatment_series where id in (?)', [
        page.edges.map((e: any) => e.node.series.id),
      ]);
    expect(row?.operation).toBe('Query.caseload');
    expect(listed).toHaveLength(6);
    expect([...(row?.client_ids ?? [])].sort()).toEqual(listed.map((c) => c.client_id).sort());
  });

  test('a therapist sees the series they treat; an admin the whole clinic', async () => {
    expect((await caseload({ sort: 'CLIENT_NAME' }, colleague)).names).toEqual(['Green']);
    expect((await caseload({ sort: 'CLIENT_NAME' }, admin)).names).toEqual(['Adams', 'Baker', 'Clark', 'Davis', 'Evans', 'Fox', 'Green']);
  });

  test('sorted by last visit (longest ago first), by change (worst first), by start date', async () => {
    expect((await caseload({ sort: 'LAST_VISIT' })).names).toEqual(['Davis', 'Clark', 'Baker', 'Evans', 'Fox', 'Adams']);
    // change x direction: Baker -3, Davis 0, Evans 0, Clark 1, Adams 3, Fox 4.
    const byChange = (await caseload({ sort: 'CHANGE' })).names;
    expect([byChange[0], ...byChange.slice(3)]).toEqual(['Baker', 'Clark', 'Adams', 'Fox']);
    expect((await caseload({ sort: 'START_DATE' })).names).toEqual(['Evans', 'Baker', 'Adams', 'Fox', 'Davis', 'Clark']);
  });

  test('filtered by flag, and paged', async () => {
    const missed = await caseload({ flag: 'MISSED_SESSIONS', sort: 'CLIENT_NAME' });
    expect([missed.names, missed.totalCount]).toEqual([['Davis', 'Evans'], 2]);
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const page = await caseload({ sort: 'CLIENT_NAME', first: 2, after });
      names.push(...page.names);
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(['Adams', 'Baker', 'Clark', 'Davis', 'Evans', 'Fox']);
  });

  test('"no meaningful change" waits for the clinic’s number of sessions, which its admin sets', async () => {
    const settings = 'mutation($n: Int) { updateClinicSettings(input: { noChangeAfterSessions: $n }) { noChangeAfterSessions } }';
    const setTo = (n: unknown, as: { token: string } = admin) => api.request(settings, { n }, { as });
    expect((await setTo(7)).data?.updateClinicSettings).toEqual({ noChangeAfterSessions: 7 });
    try {
      // Clark has 6 attended sessions: not yet.
      expect((await caseload({ flag: 'NO_MEANINGFUL_CHANGE' })).names).toEqual([]);
      for (const [n, rule] of [
        [1, 'range'],
        [53, 'range'],
      ] as const) {
        const refused = await setTo(n);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'noChangeAfterSessions', rule });
      }
      expect((await setTo(3, therapist)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const [stored] = await db.orm.em
        .fork()
        .execute('select no_change_after_sessions as n from clinic where id = ?', [therapist.clinicId]);
      expect(stored?.n).toBe(7);
    } finally {
      expect((await setTo(6)).data?.updateClinicSettings).toEqual({ noChangeAfterSessions: 6 });
    }
    expect((await caseload({ flag: 'NO_MEANINGFUL_CHANGE' })).names).toEqual(['Clark']);
  });

  test("a headline's visit-by-visit changes, when asked for (a fragment too), are those of the series' progress", async () => {
    const seriesId = await clinicApi(api).startSeries(await clinicApi(api).createClient({ familyName: 'Paired' }), {
      conditionCode: 'OSTEOARTHRITIS',
      plannedSessions: 10,
      startDate: dateOf(15),
    });
    for (const [daysAgo, pre, post] of [
      [15, 7, 5],
      [8, 6, 3],
    ]) {
      await clinicApi(api).recordSession({
        seriesId,
        startedAt: at(daysAgo as number),
        durationMinutes: 60,
        attendance: 'ATTENDED',
        observations: [
          { measureCode: 'NPRS', value: pre, regionCode: 'KNEE', side: 'LEFT', context: 'PRE_SESSION' },
          { measureCode: 'NPRS', value: post, regionCode: 'KNEE', side: 'LEFT', context: 'POST_SESSION' },
        ],
      });
    }
    const changes = 'sessionChanges { visitNumber pre post change }';
    const asked = await api.request(
      `query { caseload(first: 100) { edges { node { series { id } headline { ...Changes } } } } }
       fragment Changes on MeasureProgressNode { meanSessionChange ${changes} }`,
      {},
      { as: therapist },
    );
    expect(asked.errors).toBeUndefined();
    const item = asked.data?.caseload.edges.find((e: any) => e.node.series.id === seriesId)?.node;
    expect(item.headline.sessionChanges).toEqual([
      { visitNumber: 1, pre: 7, post: 5, change: -2 },
      { visitNumber: 2, pre: 6, post: 3, change: -3 },
    ]);
    expect(item.headline.meanSessionChange).toBe(-2.5);
    const progress = await api.request(
      `query($id: ID!) { series(id: $id) { progress { measures { measureCode ${changes} } } } }`,
      { id: seriesId },
      { as: therapist },
    );
    const nprs = progress.data?.series.progress.measures.find((m: any) => m.measureCode === 'NPRS');
    expect(nprs.sessionChanges).toEqual(item.headline.sessionChanges);
  });

  test('the caseload of 2 or 20 clients costs the same number of statements', async () => {
    const owner = await createClinicWithTherapist(db, { clinicName: 'Counting' });
    api.actAs(owner);
    try {
      const count = async () => {
        const { result, statements } = await statementsDuring(db, () => caseload({ first: 100 }, owner));
        return { statements, items: result.edges.length };
      };
      for (let i = 0; i < 2; i++)
        await addSeries(api, {
          name: `S${i}`,
          start: 20,
          visits: [
            [20, 6],
            [13, 5],
          ],
        });
      const small = await count();
      for (let i = 2; i < 20; i++)
        await addSeries(api, {
          name: `S${i}`,
          start: 20,
          visits: [
            [20, 6],
            [13, 5],
          ],
        });
      const large = await count();
      expect([small.items, large.items]).toEqual([2, 20]);
      // The caseload statement, the page's series, their clients.
      expect(large.statements).toBe(small.statements);
      expect(large.statements).toBeLessThanOrEqual(3);
    } finally {
      api.actAs(therapist);
    }
  }, 120_000);
});
