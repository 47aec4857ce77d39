import type { MyDiaryEntriesQuery, VisitHistoryQuery } from '../graphql/generated/graphql';
import { nprs } from './fixtures';

type Series = VisitHistoryQuery['series'];
type Session = Series['sessions'][number];
type Value = Series['observations'][number];

const current = { status: 'FINAL' as const, enteredInError: null, revisions: [] };

function value(
  sessionId: string | null,
  id: string,
  measureCode: string,
  context: Value['context'],
  v: number,
  takenAt: string,
  place: Partial<Value> = {},
): Value {
  const base = { id, sessionId, measureCode, context, value: v, takenAt, regionCode: 'NECK', side: null, questionnaireResponseId: null };
  return { ...base, ...current, ...place };
}

/** A note of several paragraphs: the history must show all of it, line breaks kept. */
export const longPlan =
  'Continue weekly for three more visits.\nHome: chin tucks 3 x 10 daily, heat before stretching.\nReassess NDI at visit 6; refer to GP if night pain returns.';

/**
 * A series of three visits: two on 2 March 2026 (09:30 and 16:00 UTC, the second after a flare-up),
 * one a week later with a cervical rotation measured, and a pain value voided with its reason.
 */
export function visitHistory(): VisitHistoryQuery {
  const visit = (id: string, startedAt: string, rest: Partial<Session> = {}): Session => ({
    id,
    startedAt,
    durationMinutes: 45,
    attendance: 'ATTENDED',
    modalities: ['SWEDISH'],
    pressure: 3,
    regions: [{ regionCode: 'NECK', side: null, minutes: 30 }],
    soap: { subjective: null, objective: null, assessment: null, plan: null },
    ...current,
    ...rest,
  });
  return {
    series: {
      id: 'series-1',
      status: 'ACTIVE',
      startDate: '2026-03-01',
      endDate: null,
      client: { id: 'c1', displayName: 'Ada Lovelace' },
      condition: { name: 'Neck pain' },
      sessions: [
        visit('s1', '2026-03-02T09:30:00.000Z', {
          modalities: ['SWEDISH', 'TRIGGER_POINT'],
          regions: [
            { regionCode: 'NECK', side: null, minutes: 20 },
            { regionCode: 'SHOULDER', side: 'LEFT', minutes: 15 },
          ],
          soap: {
            subjective: 'Stiff neck after a long drive.',
            objective: 'Rotation limited to the left.',
            assessment: 'Mechanical neck pain.',
            plan: longPlan,
          },
        }),
        visit('s2', '2026-03-02T16:00:00.000Z', {
          soap: { subjective: 'Flare-up after lunch.', objective: null, assessment: null, plan: 'Ice tonight.' },
        }),
        visit('s3', '2026-03-09T09:30:00.000Z'),
      ],
      observations: [
        value('s1', 'o1', 'NPRS', 'PRE_SESSION', 7, '2026-03-02T09:30:00.000Z'),
        value('s1', 'o2', 'NPRS', 'POST_SESSION', 5, '2026-03-02T10:20:00.000Z', {
          status: 'ENTERED_IN_ERROR',
          enteredInError: {
            at: '2026-03-03T08:00:00.000Z',
            byName: 'Tess Therapist',
            byRole: 'THERAPIST',
            reason: 'Typed for the wrong client',
          },
        }),
        value('s2', 'o3', 'NPRS', 'PRE_SESSION', 8, '2026-03-02T16:00:00.000Z', {
          status: 'AMENDED',
          revisions: [
            {
              kind: 'AMENDED',
              at: '2026-03-02T18:00:00.000Z',
              byName: 'Tess Therapist',
              byRole: 'THERAPIST',
              reason: 'Misheard the client',
              changes: [
                { field: 'value', before: '3', after: '8' },
                { field: 'status', before: 'FINAL', after: 'AMENDED' },
              ],
            },
          ],
        }),
        value('s3', 'o4', 'NPRS', 'PRE_SESSION', 4, '2026-03-09T09:30:00.000Z'),
        value('s3', 'o5', 'CERVICAL_ROTATION', 'PRE_SESSION', 55, '2026-03-09T09:35:00.000Z', { side: 'LEFT' }),
        value('s3', 'o6', 'CERVICAL_ROTATION', 'POST_SESSION', 65, '2026-03-09T10:20:00.000Z', { side: 'LEFT' }),
        // A diary entry of the series: no visit's value, so not in the history.
        value(null, 'd1', 'NPRS', 'BETWEEN_SESSIONS', 2, '2026-03-05T20:00:00.000Z'),
      ],
      questionnaireResponses: [
        {
          id: 'q1',
          sessionId: 's3',
          instrumentCode: 'NDI',
          completedAt: '2026-03-09T09:40:00.000Z',
          score: 24,
          answeredItems: 10,
          missingItems: 0,
          subscores: [],
          ...current,
        },
      ],
    },
    measures: [
      { code: nprs.code, name: nprs.name, kind: nprs.kind, unitLabel: nprs.unitLabel, min: 0, max: 10, decimals: 0 },
      { code: 'CERVICAL_ROTATION', name: 'Cervical rotation', kind: 'RANGE_OF_MOTION', unitLabel: '°', min: 0, max: 90, decimals: 0 },
      { code: 'NDI_SCORE', name: 'Neck Disability Index score', kind: 'QUESTIONNAIRE', unitLabel: '/50', min: 0, max: 50, decimals: 0 },
    ],
    bodyRegions: [
      { code: 'NECK', name: 'Neck' },
      { code: 'SHOULDER', name: 'Shoulder' },
    ],
    instruments: [{ code: 'NDI', name: 'Neck Disability Index', scoreMeasureCode: 'NDI_SCORE' }],
  };
}

/**
 * Two diary entries of the signed-in client (one saved an hour before `now` with a note, one two days
 * before), and a value measured at a visit three days before.
 */
export function myDiaryEntries(now: number): MyDiaryEntriesQuery {
  const ago = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
  const entry = (id: string, hours: number, v: number, note: string | null = null) => ({
    id,
    context: 'BETWEEN_SESSIONS' as const,
    recordedByRole: 'CLIENT' as const,
    recordedAt: ago(hours),
    takenAt: ago(hours),
    value: v,
    regionCode: 'NECK',
    side: null,
    note,
    sessionId: null,
  });
  const atVisit = {
    ...entry('v1', 72, 7),
    context: 'PRE_SESSION' as const,
    recordedByRole: 'THERAPIST' as const,
    sessionId: 's1',
  };
  return {
    viewer: {
      client: { id: 'c1', series: [{ id: 'series-1', observations: [atVisit, entry('d2', 48, 3), entry('d1', 1, 6, 'after gardening')] }] },
    },
    measures: [nprs],
    bodyRegions: [{ code: 'NECK', name: 'Neck' }],
  };
}
