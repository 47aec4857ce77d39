import { hoos12 } from '@fascia/server/modules/instruments/definitions/hoos12.js';
import type { InstrumentAnswer } from '@fascia/server/modules/instruments/instrument-definition.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

/** HOOS-12 answers by scale, in item order; null leaves an item blank. */
function hoos(pain: (number | null)[], fn: (number | null)[], qol: (number | null)[]): InstrumentAnswer[] {
  return [...numbered('HOOS12_P', pain), ...numbered('HOOS12_F', fn), ...numbered('HOOS12_Q', qol)];
}

describe('HOOS-12 (Gandek et al. 2019): each scale 100 - mean x 25, summary = mean of the three', () => {
  test('complete form', () => {
    // pain 3,2,2,1: mean 2 -> 50; function 1,1,2,0: mean 1 -> 75; QOL 4,3,3,2: mean 3 -> 25; summary 150 / 3 = 50
    expect(hoos12.score(hoos([3, 2, 2, 1], [1, 1, 2, 0], [4, 3, 3, 2]))).toEqual({
      score: 50,
      subscores: [
        { code: 'PAIN', name: 'Pain (0-100)', score: 50 },
        { code: 'FUNCTION', name: 'Function (0-100)', score: 75 },
        { code: 'QOL', name: 'Quality of life (0-100)', score: 25 },
      ],
      answeredItems: 12,
      missingItems: 0,
    });
  });

  test('one blank pain item takes the mean of the other pain answers', () => {
    // pain 3,-,3,1: mean 7/3 -> 100 - 58.33 = 41.67 -> 41.7; summary (41.67 + 75 + 25) / 3 = 47.22 -> 47.2
    expect(hoos12.score(hoos([3, null, 3, 1], [1, 1, 2, 0], [4, 3, 3, 2]))).toMatchObject({
      score: 47.2,
      subscores: [{ code: 'PAIN', score: 41.7 }, { score: 75 }, { score: 25 }],
      answeredItems: 11,
      missingItems: 1,
    });
  });

  test('two blanks in quality of life (half the scale) are still scored', () => {
    // QOL -,3,-,2: mean 2.5 -> 37.5; summary (50 + 75 + 37.5) / 3 = 54.17 -> 54.2
    expect(hoos12.score(hoos([3, 2, 2, 1], [1, 1, 2, 0], [null, 3, null, 2]))).toMatchObject({
      score: 54.2,
      subscores: [{ score: 50 }, { score: 75 }, { code: 'QOL', score: 37.5 }],
      answeredItems: 10,
      missingItems: 2,
    });
  });

  test('half of every scale blank: six answers still give a summary', () => {
    // pain 4,-,-,4 -> 0; function -,0,0,- -> 100; QOL 2,-,2,- -> 50; summary 150 / 3 = 50
    expect(hoos12.score(hoos([4, null, null, 4], [null, 0, 0, null], [2, null, 2, null]))).toEqual({
      score: 50,
      subscores: [
        { code: 'PAIN', name: 'Pain (0-100)', score: 0 },
        { code: 'FUNCTION', name: 'Function (0-100)', score: 100 },
        { code: 'QOL', name: 'Quality of life (0-100)', score: 50 },
      ],
      answeredItems: 6,
      missingItems: 6,
    });
  });

  test('three blanks in function: not scored', () => {
    expectBadInput(
      () => hoos12.score(hoos([3, 2, 2, 1], [null, null, 2, null], [4, 3, 3, 2])),
      'answers',
      'too-many-missing',
      'HOOS-12 needs at least 2 of 4 function items answered; 1 was answered',
    );
  });

  test('scale ends: no problems = 100, extreme problems = 0 (higher is better)', () => {
    expect(hoos12.score(hoos([0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0])).score).toBe(100);
    expect(hoos12.score(hoos([4, 4, 4, 4], [4, 4, 4, 4], [4, 4, 4, 4])).score).toBe(0);
  });

  test('refuses a value above 4 and a knee (KOOS-12) item', () => {
    expectBadInput(() => hoos12.score(hoos([3, 2, 2, 1], [1, 5, 2, 0], [4, 3, 3, 2])), 'answers[5].value', 'range');
    expectBadInput(() => hoos12.score([{ itemCode: 'KOOS12_P1', value: 1 }]), 'answers[0].itemCode', 'unknown-item');
  });
});
