import { koos12 } from '@fascia/server/modules/instruments/definitions/koos12.js';
import type { InstrumentAnswer } from '@fascia/server/modules/instruments/instrument-definition.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

/** KOOS-12 answers by scale, in item order; null leaves an item blank. */
function koos(pain: (number | null)[], fn: (number | null)[], qol: (number | null)[]): InstrumentAnswer[] {
  return [...numbered('KOOS12_P', pain), ...numbered('KOOS12_F', fn), ...numbered('KOOS12_Q', qol)];
}

describe('KOOS-12 (Gandek et al. 2019)', () => {
  test('complete form: each scale 100 - mean x 25, summary = mean of the three', () => {
    // pain 2,1,3,1: mean 1.75 -> 100 - 43.75 = 56.25; function 1,2,2,3: mean 2 -> 50;
    // QOL 3,3,2,2: mean 2.5 -> 37.5; summary (56.25 + 50 + 37.5) / 3 = 47.916... -> 47.9
    expect(koos12.score(koos([2, 1, 3, 1], [1, 2, 2, 3], [3, 3, 2, 2]))).toEqual({
      score: 47.9,
      subscores: [
        { code: 'PAIN', name: 'Pain (0-100)', score: 56.3 },
        { code: 'FUNCTION', name: 'Function (0-100)', score: 50 },
        { code: 'QOL', name: 'Quality of life (0-100)', score: 37.5 },
      ],
      answeredItems: 12,
      missingItems: 0,
    });
  });

  test('a blank item takes the mean of the other answers in its scale', () => {
    // pain 2,-,3,1: mean 2 -> 50; summary (50 + 50 + 37.5) / 3 = 45.833... -> 45.8
    expect(koos12.score(koos([2, null, 3, 1], [1, 2, 2, 3], [3, 3, 2, 2]))).toMatchObject({
      score: 45.8,
      subscores: [{ code: 'PAIN', score: 50 }, { code: 'FUNCTION' }, { code: 'QOL' }],
      answeredItems: 11,
      missingItems: 1,
    });
  });

  test('two blanks in one scale (half of it) are still scored', () => {
    // function -,2,-,3: mean 2.5 -> 37.5
    expect(koos12.score(koos([2, 1, 3, 1], [null, 2, null, 3], [3, 3, 2, 2])).subscores[1]).toEqual({
      code: 'FUNCTION',
      name: 'Function (0-100)',
      score: 37.5,
    });
  });

  test('three blanks in one scale: not scored', () => {
    expectBadInput(
      () => koos12.score(koos([2, 1, 3, 1], [1, 2, 2, 3], [null, null, null, 2])),
      'answers',
      'too-many-missing',
      'KOOS-12 needs at least 2 of 4 quality-of-life items answered; 1 was answered',
    );
  });

  test('scale ends: no problems = 100, extreme problems = 0 (higher is better)', () => {
    expect(koos12.score(koos([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0])).score).toBe(100);
    expect(koos12.score(koos([4, 4, 4, 4], [4, 4, 4, 4], [4, 4, 4, 4])).score).toBe(0);
  });

  test('5 is above the 0-4 item range', () => {
    expectBadInput(() => koos12.score(koos([5, 1, 3, 1], [1, 2, 2, 3], [3, 3, 2, 2])), 'answers[0].value', 'range');
  });
});
