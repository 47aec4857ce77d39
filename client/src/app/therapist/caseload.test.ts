import { expect, test } from 'vitest';
import { headlineValues } from './CaseloadPage';

const value = (
  sessionId: string | null,
  context: 'PRE_SESSION' | 'POST_SESSION' | 'BETWEEN_SESSIONS',
  v: number,
  measureCode = 'NPRS',
) => ({
  sessionId,
  measureCode,
  context,
  regionCode: 'NECK',
  side: null,
  value: v,
});

test('a visit counts once: its value before treatment, even when listed after the one after', () => {
  const item = { headlineMeasureCode: 'NPRS', headline: { regionCode: 'NECK', side: null } } as Parameters<typeof headlineValues>[1];
  expect(
    headlineValues(
      [
        value('s1', 'POST_SESSION', 3),
        value('s1', 'PRE_SESSION', 6),
        value('s2', 'POST_SESSION', 4),
        value(null, 'BETWEEN_SESSIONS', 9),
        value('s3', 'PRE_SESSION', 5, 'VAS_PAIN'),
      ],
      item,
    ),
  ).toEqual([6, 4]);
});

test('questionnaire scores: those at visits count, those between visits do not (the server counts them as diary)', () => {
  const item = { headlineMeasureCode: 'ODI', headline: { regionCode: null, side: null } } as Parameters<typeof headlineValues>[1];
  const score = (sessionId: string | null, v: number) => ({
    ...value(sessionId, sessionId ? 'PRE_SESSION' : 'BETWEEN_SESSIONS', v, 'ODI'),
    regionCode: null,
  });
  expect(headlineValues([score('s1', 40), score(null, 36), score('s4', 32)], item)).toEqual([40, 32]);
});
