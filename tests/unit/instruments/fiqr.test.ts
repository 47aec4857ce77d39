import { fiqr } from '@fascia/server/modules/instruments/definitions/fiqr.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

const FUNCTION = [3, 5, 4, 6, 5, 4, 6, 3, 4];
const OVERALL = [6, 5];
const SYMPTOMS = [7, 6, 5, 6, 4, 3, 4, 6, 3, 5];

function form(fn: (number | null)[], overall: (number | null)[], symptoms: (number | null)[]) {
  return [...numbered('FIQR_F', fn), ...numbered('FIQR_O', overall), ...numbered('FIQR_S', symptoms)];
}

describe('FIQR (Bennett et al. 2009)', () => {
  test('complete form: function / 3 + overall + symptoms / 2', () => {
    // function 3+5+4+6+5+4+6+3+4 = 40; 40 / 3 = 13.333...
    // overall 6+5 = 11
    // symptoms 7+6+5+6+4+3+4+6+3+5 = 49; 49 / 2 = 24.5
    // total 13.333 + 11 + 24.5 = 48.833... -> 48.8
    const result = fiqr.score(form(FUNCTION, OVERALL, SYMPTOMS));
    expect(result).toEqual({
      score: 48.8,
      subscores: [
        { code: 'FUNCTION', name: 'Function (0-30)', score: 13.3 },
        { code: 'OVERALL_IMPACT', name: 'Overall impact (0-20)', score: 11 },
        { code: 'SYMPTOMS', name: 'Symptoms (0-50)', score: 24.5 },
      ],
      answeredItems: 21,
      missingItems: 0,
    });
  });

  test('one function item left blank: the function sum is weighted by 9/8', () => {
    // function without item 4 (6): 34 over 8 items; 34 x 9/8 = 38.25; / 3 = 12.75 -> 12.8
    // total 12.75 + 11 + 24.5 = 48.25 -> 48.3
    const result = fiqr.score(form([3, 5, 4, null, 5, 4, 6, 3, 4], OVERALL, SYMPTOMS));
    expect(result).toMatchObject({
      score: 48.3,
      subscores: [{ code: 'FUNCTION', score: 12.8 }, { score: 11 }, { score: 24.5 }],
      answeredItems: 20,
      missingItems: 1,
    });
  });

  test('scale ends: all 0 = 0, all 10 = 100', () => {
    expect(fiqr.score(form(Array(9).fill(0), [0, 0], Array(10).fill(0))).score).toBe(0);
    expect(fiqr.score(form(Array(9).fill(10), [10, 10], Array(10).fill(10))).score).toBe(100);
  });

  test('two function items left blank: invalid', () => {
    expectBadInput(
      () => fiqr.score(form([3, 5, null, null, 5, 4, 6, 3, 4], OVERALL, SYMPTOMS)),
      'answers',
      'too-many-missing',
      'FIQR needs at least 8 of 9 function items answered; 7 were answered',
    );
  });

  test('an overall-impact item left blank: invalid', () => {
    expectBadInput(
      () => fiqr.score(form(FUNCTION, [6, null], SYMPTOMS)),
      'answers',
      'too-many-missing',
      'FIQR needs all 2 overall-impact items answered; 1 was answered',
    );
  });

  test('a symptom item left blank: invalid', () => {
    expectBadInput(
      () => fiqr.score(form(FUNCTION, OVERALL, [7, 6, 5, 6, 4, 3, 4, 6, 3, null])),
      'answers',
      'too-many-missing',
      'FIQR needs all 10 symptom items answered; 9 were answered',
    );
  });

  test('11 is above the 0-10 item range', () => {
    expectBadInput(
      () => fiqr.score(form(FUNCTION, [11, 5], SYMPTOMS)),
      'answers[9].value',
      'range',
      '"Goals for the week" must be from 0 to 10; got 11',
    );
  });
});
