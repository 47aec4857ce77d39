import type { TestApi } from './api.js';

/**
 * Test helpers that speak the therapist's language: each sends the real
 * GraphQL mutation and returns the created id, failing loudly on errors.
 */
export function clinicApi(api: TestApi) {
  async function must<T>(query: string, variables: Record<string, unknown>, pick: (data: any) => T): Promise<T> {
    const response = await api.graphql(query, variables);
    if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return pick(response.data);
  }
  return {
    createClient: (input: Record<string, unknown> = {}) =>
      must(
        'mutation($input: CreateClientInput!) { createClient(input: $input) { id } }',
        {
          input: {
            givenName: 'Ada',
            familyName: 'Lovelace',
            dateOfBirth: '1980-12-10',
            sex: 'FEMALE',
            ...input,
          },
        },
        (d) => d.createClient.id as string,
      ),
    startSeries: (clientId: string, input: Record<string, unknown> = {}) =>
      must(
        'mutation($input: StartSeriesInput!) { startSeries(input: $input) { id } }',
        {
          input: {
            clientId,
            conditionCode: 'NECK_PAIN',
            plannedSessions: 8,
            plannedSessionsPerWeek: 1,
            plannedMinutesPerSession: 60,
            startDate: '2026-01-05',
            ...input,
          },
        },
        (d) => d.startSeries.id as string,
      ),
    recordSession: (input: Record<string, unknown>) =>
      must('mutation($input: RecordSessionInput!) { recordSession(input: $input) { id } }', { input }, (d) => d.recordSession.id as string),
  };
}

/** A complete, valid visit: pre/post neck pain, cervical rotation, and an NDI. */
export function neckVisit(seriesId: string, startedAt: string, pre: number, post: number): Record<string, unknown> {
  return {
    seriesId,
    startedAt,
    durationMinutes: 60,
    attendance: 'ATTENDED',
    modalities: ['SWEDISH', 'TRIGGER_POINT'],
    regions: [{ regionCode: 'NECK' }, { regionCode: 'SHOULDER', side: 'LEFT', minutes: 15 }],
    pressure: 3,
    subjective: 'Neck stiff after desk work.',
    assessment: 'Upper trapezius trigger points, improving.',
    observations: [
      {
        measureCode: 'NPRS',
        value: pre,
        regionCode: 'NECK',
        context: 'PRE_SESSION',
      },
      {
        measureCode: 'NPRS',
        value: post,
        regionCode: 'NECK',
        context: 'POST_SESSION',
      },
      {
        measureCode: 'CERVICAL_ROTATION',
        value: 62,
        side: 'LEFT',
        context: 'PRE_SESSION',
      },
    ],
    questionnaireResponses: [
      // NDI sections 1-10 answered 2,1,1,2,3,1,2,1,2,1 = 16 of 50.
      {
        instrumentCode: 'NDI',
        answers: [2, 1, 1, 2, 3, 1, 2, 1, 2, 1].map((value, i) => ({
          itemCode: `NDI${i + 1}`,
          value,
        })),
      },
    ],
  };
}
