import { describe, expect, test } from 'vitest';
import { ageBandLabel, buildCohortFilter, type CohortDraft, emptyCohortDraft } from './cohort-filter';

const draft = (change: Partial<CohortDraft>): CohortDraft => ({ ...emptyCohortDraft, ...change });

describe('the cohort filter sent to the API', () => {
  test('an empty builder asks for every consenting client', () => {
    expect(buildCohortFilter(emptyCohortDraft)).toEqual({ filter: {} });
  });

  test('every filter filled in reaches the API with numbers as numbers', () => {
    expect(
      buildCohortFilter(
        draft({
          conditionCode: 'NECK_PAIN',
          sex: 'FEMALE',
          ageBands: ['AGE_30_39', 'AGE_90_PLUS'],
          modality: 'SWEDISH',
          modalityMatch: 'MAIN',
          minAttendedSessions: '4',
          maxAttendedSessions: ' 12 ',
          minPlannedSessionsPerWeek: '0.5',
          maxPlannedSessionsPerWeek: '3',
          clinicId: 'clinic-1',
          startMonthFrom: '2026-01',
          startMonthTo: '2026-06',
        }),
      ),
    ).toEqual({
      filter: {
        conditionCode: 'NECK_PAIN',
        sex: 'FEMALE',
        ageBands: ['AGE_30_39', 'AGE_90_PLUS'],
        modality: 'SWEDISH',
        modalityMatch: 'MAIN',
        minAttendedSessions: 4,
        maxAttendedSessions: 12,
        minPlannedSessionsPerWeek: 0.5,
        maxPlannedSessionsPerWeek: 3,
        clinicId: 'clinic-1',
        startMonthFrom: '2026-01',
        startMonthTo: '2026-06',
      },
    });
  });

  test('how a modality must match is sent only with a modality', () => {
    expect(buildCohortFilter(draft({ modalityMatch: 'MAIN' }))).toEqual({ filter: {} });
  });

  test.each([
    [{ minAttendedSessions: '2.5' }, 'cohort-min-attended', 'Attended visits must be a whole number from 0 to 1000.'],
    [{ maxAttendedSessions: '1001' }, 'cohort-max-attended', 'Attended visits must be a whole number from 0 to 1000.'],
    [{ minPlannedSessionsPerWeek: '-1' }, 'cohort-min-per-week', 'Planned visits per week must be a number from 0 to 14.'],
    [{ maxPlannedSessionsPerWeek: 'x' }, 'cohort-max-per-week', 'Planned visits per week must be a number from 0 to 14.'],
    [
      { minAttendedSessions: '8', maxAttendedSessions: '4' },
      'cohort-max-attended',
      'The most attended visits must not be below the fewest.',
    ],
    [
      { minPlannedSessionsPerWeek: '3', maxPlannedSessionsPerWeek: '1' },
      'cohort-max-per-week',
      'The most visits per week must not be below the fewest.',
    ],
    [{ startMonthFrom: '2026-05', startMonthTo: '2026-04' }, 'cohort-start-to', 'The last start month must not be before the first.'],
  ])('%j is refused at its input', (change, controlId, message) => {
    expect(buildCohortFilter(draft(change))).toEqual({ error: { controlId, message } });
  });

  test('age bands in words', () => {
    expect(ageBandLabel('AGE_0_9')).toBe('0-9');
    expect(ageBandLabel('AGE_40_49')).toBe('40-49');
    expect(ageBandLabel('AGE_90_PLUS')).toBe('90 and over');
  });
});
