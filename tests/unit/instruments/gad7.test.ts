import { gad7 } from '@fascia/server/modules/instruments/definitions/gad7.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('GAD-7 (Spitzer et al. 2006)', () => {
  test('the sum of the 7 items', () => {
    // 1+1+1+1+0+1+2 = 7 (mild: 5-9)
    expect(gad7.score(numbered('GAD', [1, 1, 1, 1, 0, 1, 2]))).toEqual({ score: 7, subscores: [], answeredItems: 7, missingItems: 0 });
  });

  test('at the moderate cut-point: 10', () => {
    // 2+2+2+1+1+1+1 = 10
    expect(gad7.score(numbered('GAD', [2, 2, 2, 1, 1, 1, 1])).score).toBe(10);
  });

  test('scale ends: 0 and 21', () => {
    expect(gad7.score(numbered('GAD', Array(7).fill(0))).score).toBe(0);
    expect(gad7.score(numbered('GAD', Array(7).fill(3))).score).toBe(21);
  });

  test('one item blank: not scored', () => {
    expectBadInput(
      () => gad7.score(numbered('GAD', [1, 1, 1, null, 0, 1, 2])),
      'answers',
      'too-many-missing',
      'GAD-7 needs all 7 items answered; 6 were answered',
    );
  });

  test('4 is above the 0-3 item range', () => {
    expectBadInput(() => gad7.score(numbered('GAD', [4, 1, 1, 1, 0, 1, 2])), 'answers[0].value', 'range', 'must be from 0 to 3; got 4');
  });
});
