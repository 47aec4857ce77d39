import { bctqFunction, bctqSymptoms } from '@fascia/server/modules/instruments/definitions/bctq.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('BCTQ Symptom Severity Scale (Levine et al. 1993)', () => {
  test('complete form: the mean of the 11 items, two decimals', () => {
    // 3+2+3+3+2+4+2+4+3+2+3 = 31; 31 / 11 = 2.8181... -> 2.82
    expect(bctqSymptoms.score(numbered('BCTQ_S', [3, 2, 3, 3, 2, 4, 2, 4, 3, 2, 3]))).toEqual({
      score: 2.82,
      subscores: [],
      answeredItems: 11,
      missingItems: 0,
    });
  });

  test('one item blank: the mean of the 10 answered', () => {
    // without item 6: 27 / 10 = 2.7
    expect(bctqSymptoms.score(numbered('BCTQ_S', [3, 2, 3, 3, 2, null, 2, 4, 3, 2, 3]))).toMatchObject({
      score: 2.7,
      answeredItems: 10,
      missingItems: 1,
    });
  });

  test('two items blank: not scored', () => {
    expectBadInput(
      () => bctqSymptoms.score(numbered('BCTQ_S', [3, null, 3, 3, 2, null, 2, 4, 3, 2, 3])),
      'answers',
      'too-many-missing',
      'needs at least 10 of 11 items answered; 9 were answered',
    );
  });

  test('scale ends: 1 (no symptoms) and 5 (most severe)', () => {
    expect(bctqSymptoms.score(numbered('BCTQ_S', Array(11).fill(1))).score).toBe(1);
    expect(bctqSymptoms.score(numbered('BCTQ_S', Array(11).fill(5))).score).toBe(5);
  });

  test('0 is below the 1-5 item range', () => {
    expectBadInput(() => bctqSymptoms.score(numbered('BCTQ_S', [0, 2, 3, 3, 2, 4, 2, 4, 3, 2, 3])), 'answers[0].value', 'range');
  });
});

describe('BCTQ Functional Status Scale (Levine et al. 1993)', () => {
  test('complete form: the mean of the 8 activities', () => {
    // 2+3+1+1+4+3+3+2 = 19; 19 / 8 = 2.375 -> 2.38 (half away from zero)
    expect(bctqFunction.score(numbered('BCTQ_F', [2, 3, 1, 1, 4, 3, 3, 2]))).toEqual({
      score: 2.38,
      subscores: [],
      answeredItems: 8,
      missingItems: 0,
    });
  });

  test('one activity blank: the mean of the 7 answered', () => {
    // without opening jars: 15 / 7 = 2.1428... -> 2.14
    expect(bctqFunction.score(numbered('BCTQ_F', [2, 3, 1, 1, null, 3, 3, 2]))).toMatchObject({ score: 2.14, missingItems: 1 });
  });

  test('two activities blank: not scored', () => {
    expectBadInput(
      () => bctqFunction.score(numbered('BCTQ_F', [2, 3, null, 1, null, 3, 3, 2])),
      'answers',
      'too-many-missing',
      'needs at least 7 of 8 items answered; 6 were answered',
    );
  });

  test('the two scales are separate instruments: a symptom item is unknown to the function scale', () => {
    expectBadInput(() => bctqFunction.score([{ itemCode: 'BCTQ_S1', value: 3 }]), 'answers[0].itemCode', 'unknown-item');
  });
});
