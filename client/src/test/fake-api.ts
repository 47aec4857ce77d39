import type {
  CaseloadQuery,
  ClientListQuery,
  ClientListQueryVariables,
  ClientSeriesQuery,
  ExpectedChangeQuery,
  MyProgressQuery,
  MyRecordAccessQuery,
  ResearchCatalogsQuery,
  Role,
  SeriesPageQuery,
  SessionFormQuery,
  ViewerQuery,
} from '../graphql/generated/graphql';
import { nprs, prePost, weeklySessions } from './fixtures';
import { myDiaryEntries, visitHistory } from './visit-fixtures';

export interface RecordedRequest {
  operationName: string;
  variables: Record<string, unknown>;
}

type Answer = { data: unknown } | { errors: unknown[] };

/**
 * A stand-in for the Fascia server at `/graphql`: answers the page's operations
 * from a small clinic (25 clients, one of them with a two-region series) and
 * records what it was asked. `override` replaces the answer for one operation.
 */
export function createFakeApi(role: Role = 'THERAPIST') {
  const requests: RecordedRequest[] = [];
  const overrides = new Map<string, () => Answer>();
  const clients = Array.from({ length: 25 }, (_, i) => ({
    id: `c${i + 1}`,
    displayName: i === 0 ? 'Ada Lovelace' : `Client ${String(i + 1).padStart(2, '0')}`,
    dateOfBirth: '1980-12-10',
    series: i === 0 ? [{ id: 'series-1', status: 'ACTIVE' as const }] : [],
  }));
  const sessions = weeklySessions(3).map((s) => ({ ...s, attendance: 'ATTENDED' as const }));
  const bodyRegions = [
    { code: 'NECK', name: 'Neck' },
    { code: 'SHOULDER', name: 'Shoulder' },
  ];
  const at = (i: number) => sessions[i]?.startedAt ?? '';

  const viewer = (): ViewerQuery => ({
    viewer: {
      role,
      proxyRelation: null,
      therapist: role === 'THERAPIST' ? { id: 't1', givenName: 'Tess', familyName: 'Therapist' } : null,
      client: role === 'CLIENT' ? { id: 'c1', displayName: 'Ada Lovelace' } : null,
      clinic: role === 'RESEARCHER' ? null : { id: 'k1', name: 'Demo Clinic', timeZone: 'UTC', clientApiTokensAllowed: false },
    },
  });
  const clientList = (variables: Record<string, unknown>): ClientListQuery => {
    const { search, first, after } = variables as ClientListQueryVariables;
    const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = clients.filter((c) => words.every((w) => c.displayName.toLowerCase().includes(w)));
    const start = after ? matching.findIndex((c) => c.id === after) + 1 : 0;
    const page = matching.slice(start, start + first);
    return {
      clients: {
        totalCount: matching.length,
        pageInfo: { endCursor: page.at(-1)?.id ?? null, hasNextPage: start + first < matching.length },
        edges: page.map((node) => ({ cursor: node.id, node })),
      },
    };
  };
  const clientSeries = (variables: Record<string, unknown>): ClientSeriesQuery => {
    const client = clients.find((c) => c.id === variables.id);
    if (!client) throw new Error(`no client ${String(variables.id)}`);
    return {
      client: {
        id: client.id,
        displayName: client.displayName,
        dateOfBirth: client.dateOfBirth,
        sex: 'FEMALE',
        email: null,
        phone: null,
        preferredLanguage: null,
        referral: null,
        unresolvedRedFlags: [],
        contraindications: [],
        intake: null,
        series: client.series.map((s) => ({
          id: s.id,
          status: s.status,
          conditionCode: 'NECK_PAIN',
          startDate: '2026-03-01',
          endDate: null,
          plannedSessions: 6,
          condition: { name: 'Neck pain' },
          sessions,
        })),
      },
      conditions: [{ code: 'NECK_PAIN', name: 'Neck pain' }],
    };
  };
  const measures = [{ ...nprs, unit: '{score}', severityBands: [] }];
  const seriesPage = (): SeriesPageQuery => ({
    series: {
      id: 'series-1',
      status: 'ACTIVE',
      startDate: '2026-03-01',
      endDate: null,
      goals: null,
      plannedSessions: 6,
      plannedSessionsPerWeek: 1,
      dischargeReason: null,
      dischargeNote: null,
      headlineMeasure: null,
      client: { id: 'c1', displayName: 'Ada Lovelace', unresolvedRedFlags: [], contraindications: [] },
      condition: { name: 'Neck pain' },
      sessions,
      observations: [
        ...prePost('s1', at(0), 7, 5),
        ...prePost('s2', at(1), 6, 4),
        ...prePost('s3', at(2), 4, 3),
        ...prePost('s1', at(0), 5, 4, { regionCode: 'SHOULDER', side: 'LEFT' }),
        ...prePost('s3', at(2), 3, 2, { regionCode: 'SHOULDER', side: 'LEFT' }),
      ].map((o, i) => ({ ...o, id: `o${i}`, measureCode: 'NPRS' })),
      questionnaireResponses: [],
      progress: {
        attendance: { attended: 3, cancelled: 0, noShows: 0, expectedByNow: 3, plannedSessions: 6, plannedPerWeek: 1, weeksElapsed: 3 },
      },
    },
    measures,
    bodyRegions,
  });
  const caseload = (): CaseloadQuery => ({
    caseload: {
      totalCount: 1,
      pageInfo: { endCursor: 'x1', hasNextPage: false },
      edges: [
        {
          cursor: 'x1',
          node: {
            flags: ['WORSENING', 'MISSED_SESSIONS'],
            attendedSessions: 3,
            lastVisitAt: at(2),
            headlineMeasureCode: 'NPRS',
            headline: {
              regionCode: 'NECK',
              side: null,
              baseline: 4,
              latest: 7,
              change: 3,
              mcidReached: false,
            },
            // Pain went up 3 where clients like this typically drop by 1.5: 4.5 points worse than expected.
            expectedChange: { withheldReason: null, performance: 4.5 },
            series: {
              id: 'series-1',
              plannedSessions: 6,
              condition: { name: 'Neck pain' },
              client: { id: 'c1', displayName: 'Ada Lovelace' },
              nextAppointment: null,
              // Visit values 4, 6 (after only), 7; another region's values stay out of the headline.
              observations: [
                ...prePost('s1', at(0), 4, 3),
                ...prePost('s2', at(1), null, 6),
                ...prePost('s3', at(2), 7, 5),
                ...prePost('s3', at(2), 2, 1, { regionCode: 'SHOULDER', side: 'LEFT' }),
              ].map((o) => ({ ...o, measureCode: 'NPRS' })),
            },
          },
        },
      ],
    },
    measures,
    bodyRegions,
  });
  const myProgress = (): MyProgressQuery => ({
    viewer: {
      client: {
        id: 'c1',
        displayName: 'Ada Lovelace',
        series: [
          {
            id: 'series-1',
            status: 'ACTIVE',
            startDate: '2026-03-01',
            endDate: null,
            plannedSessions: 6,
            plannedSessionsPerWeek: 1,
            condition: { name: 'Neck pain' },
            sessions,
            progress: {
              measures: [{ measureCode: 'NPRS', regionCode: 'NECK', side: null, baseline: 7, latest: 4, change: -3, points: 3 }],
              diary: [],
              attendance: { attended: 3, plannedSessions: 6, plannedPerWeek: 1 },
            },
          },
        ],
      },
    },
    measures,
    bodyRegions: bodyRegions.map((r) => ({ ...r, lateral: r.code === 'SHOULDER' })),
  });
  const sessionForm = (): SessionFormQuery => ({
    series: {
      id: 'series-1',
      startDate: '2026-03-01',
      plannedMinutesPerSession: 60,
      client: { id: 'c1', displayName: 'Ada Lovelace', unresolvedRedFlags: [], contraindications: [] },
      condition: { name: 'Neck pain', suggestedMeasureCodes: ['NPRS'], suggestedInstrumentCodes: [] },
    },
    measures: [{ ...nprs, requiresRegion: true, requiresSide: false }],
    bodyRegions: bodyRegions.map((r) => ({ ...r, lateral: r.code === 'SHOULDER' })),
    instruments: [],
  });
  // Researchers: the cohort builder's catalogs (outcomes are overridden per test).
  const researchCatalogs = (): ResearchCatalogsQuery => ({
    measures: [nprs],
    conditions: [{ code: 'NECK_PAIN', name: 'Neck pain' }],
    researchClinics: [{ id: 'k1', name: 'Demo Clinic' }],
  });
  // Who has seen the client's record: their therapist, a refused probe from another clinic, and the client.
  const myRecordAccess = (): MyRecordAccessQuery => ({
    myRecordAccess: [
      {
        id: 'e3',
        at: '2026-03-10T15:00:00.000Z',
        role: 'CLIENT',
        operation: 'Query.viewer',
        outcome: 'ALLOWED',
        actorName: null,
        byViewer: true,
      },
      {
        id: 'e2',
        at: '2026-03-09T15:00:00.000Z',
        role: 'THERAPIST',
        operation: 'Query.client',
        outcome: 'NOT_FOUND',
        actorName: null,
        byViewer: false,
      },
      {
        id: 'e1',
        at: '2026-03-08T15:00:00.000Z',
        role: 'THERAPIST',
        operation: 'Mutation.recordSession',
        outcome: 'ALLOWED',
        actorName: 'Tess Therapist',
        byViewer: false,
      },
    ],
  });
  // The client's diary entries, dated relative to the moment they are asked for.
  const diaryEntries = () => myDiaryEntries(Date.now());
  // Appointments: none booked, unless a test overrides it.
  const seriesAppointments = (variables: Record<string, unknown>) => ({
    series: { id: variables.id, status: 'ACTIVE', startDate: '2026-01-05', plannedMinutesPerSession: 60, appointments: [] },
  });
  // Every reminder email delivered, unless a test overrides it.
  const reminderNotices = () => ({ reminderNotices: [] });
  const nextVisit = () => ({ viewer: { client: { id: 'c1', nextAppointment: null } } });
  // Clients like this one (NPRS 4 at visit 1) typically drop by 0.5 a visit, 8 in 10 within 1.5 of that.
  const expectedChange = (variables: Record<string, unknown>): ExpectedChangeQuery => ({
    series: {
      id: String(variables.seriesId),
      expectedChange: {
        measureCode: String(variables.measureCode),
        withheldReason: null,
        baseline: 4,
        baselineVisit: 1,
        points: [2, 3, 4].map((visit) => ({
          visit,
          change: -0.5 * (visit - 1),
          low: -0.5 * (visit - 1) - 1.5,
          high: -0.5 * (visit - 1) + 1.5,
        })),
        sentence:
          'Clients like this typically improve 1.5 points [0.0, 3.0] by visit 4 (8 in 10 within the bracket; improvement positive).',
        performance: 4,
        latestVisit: 3,
      },
    },
  });
  const answers: Record<string, (variables: Record<string, unknown>) => unknown> = {
    ExpectedChange: expectedChange,
    Viewer: viewer,
    ClientList: clientList,
    ClientSeries: clientSeries,
    SeriesPage: seriesPage,
    Caseload: caseload,
    MyProgress: myProgress,
    SessionForm: sessionForm,
    ResearchCatalogs: researchCatalogs,
    VisitHistory: visitHistory,
    MyDiaryEntries: diaryEntries,
    SeriesAppointments: seriesAppointments,
    NextVisit: nextVisit,
    MyRecordAccess: myRecordAccess,
    ReminderNotices: reminderNotices,
  };

  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
    const operationName = /(?:query|mutation) (\w+)/.exec(body.query)?.[1] ?? '';
    requests.push({ operationName, variables: body.variables });
    const override = overrides.get(operationName);
    const answer = override ? override() : { data: answers[operationName]?.(body.variables) };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };

  return {
    fetch,
    requests,
    /** Answer `operationName` with this until cleared. */
    override(operationName: string, answer: () => Answer) {
      overrides.set(operationName, answer);
    },
    clear(operationName: string) {
      overrides.delete(operationName);
    },
  };
}
