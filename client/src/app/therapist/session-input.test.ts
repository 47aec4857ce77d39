import { expect, test } from 'vitest';
import { emptyDraft } from './SessionFormPage';
import { answersInput, buildSessionInput, type SessionDraft } from './session-input';

const items = [
  { code: 'q1', requiresLabel: false, optionalModule: null },
  { code: 'q2', requiresLabel: false, optionalModule: null },
  { code: 'w1', requiresLabel: false, optionalModule: 'WORK' },
];
const catalogs = { painMeasureCode: 'NPRS', instrumentItems: () => items };

function draft(change: Partial<SessionDraft>): SessionDraft {
  return { ...emptyDraft(45), startedAt: '2026-03-02T09:30', ...change };
}

test('regions: both sides of a region are one treated region on BOTH; pain is kept per side', () => {
  const { input, controls } = buildSessionInput(
    draft({
      regions: ['SHOULDER|LEFT', 'NECK|', 'SHOULDER|RIGHT'],
      pain: { 'SHOULDER|LEFT': { pre: '6', post: '' }, 'NECK|': { pre: '5', post: '3' }, 'SHOULDER|RIGHT': { pre: '', post: ' ' } },
    }),
    'series-1',
    catalogs,
  );
  expect(input.regions).toEqual([{ regionCode: 'SHOULDER', side: 'BOTH' }, { regionCode: 'NECK' }]);
  expect(input.observations).toEqual([
    { measureCode: 'NPRS', context: 'PRE_SESSION', regionCode: 'SHOULDER', side: 'LEFT', value: 6 },
    { measureCode: 'NPRS', context: 'PRE_SESSION', regionCode: 'NECK', value: 5 },
    { measureCode: 'NPRS', context: 'POST_SESSION', regionCode: 'NECK', value: 3 },
  ]);
  // Each value's path in the input points back at the input it was typed in.
  expect(controls.get('observations[0].value')).toBe('pain-SHOULDER-LEFT-pre');
  expect(controls.get('observations[2].value')).toBe('pain-NECK--post');
  expect(controls.get('regions[0]')).toBe('session-regions');
});

test('empty fields are left out, not sent as zero; the rest is typed as the API wants it', () => {
  const { input } = buildSessionInput(
    draft({
      durationMinutes: '50',
      modalities: ['SWEDISH'],
      pressure: '',
      measurements: [{ id: 'm1', measureCode: 'CERVICAL_ROTATION', side: 'LEFT', pre: '60', post: '' }],
      soap: { subjective: 'Stiff', objective: ' ', assessment: '', plan: '' },
    }),
    'series-1',
    catalogs,
  );
  expect(input).toEqual({
    seriesId: 'series-1',
    startedAt: new Date('2026-03-02T09:30').toISOString(),
    durationMinutes: 50,
    attendance: 'ATTENDED',
    modalities: ['SWEDISH'],
    regions: [],
    observations: [{ measureCode: 'CERVICAL_ROTATION', context: 'PRE_SESSION', side: 'LEFT', value: 60 }],
    subjective: 'Stiff',
  });
});

test('a questionnaire sends every item (unanswered as null) but leaves out an optional module nobody answered', () => {
  expect(answersInput({ instrumentCode: 'X', answers: { q1: { value: '2', label: '' } } }, items).answers).toEqual([
    { itemCode: 'q1', value: 2 },
    { itemCode: 'q2', value: null },
  ]);
  const { input, controls } = buildSessionInput(
    draft({ questionnaire: { instrumentCode: 'X', answers: { q2: { value: '1', label: '' }, w1: { value: '0', label: '' } } } }),
    'series-1',
    catalogs,
  );
  expect(input.questionnaireResponses).toEqual([
    {
      instrumentCode: 'X',
      answers: [
        { itemCode: 'q1', value: null },
        { itemCode: 'q2', value: 1 },
        { itemCode: 'w1', value: 0 },
      ],
    },
  ]);
  expect(controls.get('questionnaireResponses[0].answers[2]')).toBe('answer-w1');
});
