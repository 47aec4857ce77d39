import { describe, expect, test } from 'vitest';
import { headlineText, headlineValues } from './CaseloadPage';

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

describe('the headline reads a change in the bad direction as a worsening', () => {
  const catalogs = {
    measures: [
      { code: 'ODI', name: 'ODI', unitLabel: '%', min: 0, max: 100, decimals: 1, direction: 'LOWER_IS_BETTER' },
      { code: 'SHOULDER_FLEXION', name: 'Shoulder flexion', unitLabel: '°', min: 0, max: 180, decimals: 0, direction: 'HIGHER_IS_BETTER' },
    ],
    bodyRegions: [],
  } as unknown as Parameters<typeof headlineText>[1];
  const item = (code: string, baseline: number, latest: number, mcidReached: boolean | null, flags: string[] = []) =>
    ({
      headlineMeasureCode: code,
      flags,
      headline: { regionCode: null, side: null, baseline, latest, change: latest - baseline, mcidReached },
    }) as unknown as Parameters<typeof headlineText>[0];

  test('a worsening below the MCID is a worsening, not "not an improvement yet"', () => {
    const text = headlineText(item('ODI', 28, 32, false), catalogs);
    expect(text).toBe('ODI: 28.0 → 32.0 (+4.0), a worsening, not clinically important (less than the MCID)');
    expect(text).not.toMatch(/improvement/);
  });

  test('a clinically important worsening reads so, whichever way higher is better', () => {
    expect(headlineText(item('ODI', 28, 40, false, ['WORSENING']), catalogs)).toMatch(/, a clinically important worsening$/);
    expect(headlineText(item('SHOULDER_FLEXION', 120, 90, false, ['WORSENING']), catalogs)).toMatch(/, a clinically important worsening$/);
    expect(headlineText(item('SHOULDER_FLEXION', 120, 115, false), catalogs)).toMatch(/, a worsening, not clinically important/);
  });

  test('a change in the good direction below the MCID, and no change at all', () => {
    expect(headlineText(item('ODI', 28, 26, false), catalogs)).toMatch(/, not a clinically important improvement yet$/);
    expect(headlineText(item('ODI', 28, 28, false), catalogs)).toMatch(/, no change$/);
    expect(headlineText(item('ODI', 28, 14, true), catalogs)).toMatch(/, a clinically important improvement$/);
  });
});
