import { jfls8 } from '@fascia/server/modules/instruments/definitions/jfls8.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('JFLS-8 (Ohrbach et al. 2008; DC/TMD scoring manual)', () => {
  test('complete form: the mean of the 8 items', () => {
    // 6+7+1+3+2+5+2+1 = 27; 27 / 8 = 3.375 -> 3.4
    expect(jfls8.score(numbered('JFLS', [6, 7, 1, 3, 2, 5, 2, 1]))).toEqual({
      score: 3.4,
      subscores: [],
      answeredItems: 8,
      missingItems: 0,
    });
  });

  test('one item blank: the mean of the 7 answered', () => {
    // without chewing chicken: 6+1+3+2+5+2+1 = 20; 20 / 7 = 2.857... -> 2.9
    expect(jfls8.score(numbered('JFLS', [6, null, 1, 3, 2, 5, 2, 1]))).toMatchObject({ score: 2.9, answeredItems: 7, missingItems: 1 });
  });

  test('two items blank: still scored, on 6 items', () => {
    // 6+1+3+2+2+1 = 15; 15 / 6 = 2.5
    expect(jfls8.score(numbered('JFLS', [6, null, 1, 3, 2, null, 2, 1]))).toMatchObject({ score: 2.5, missingItems: 2 });
  });

  test('three items blank: not scored', () => {
    expectBadInput(
      () => jfls8.score(numbered('JFLS', [6, null, null, 3, 2, null, 2, 1])),
      'answers',
      'too-many-missing',
      'JFLS-8 needs at least 6 of 8 items answered; 5 were answered',
    );
  });

  test('scale ends: no limitation 0, severe limitation 10', () => {
    expect(jfls8.score(numbered('JFLS', Array(8).fill(0))).score).toBe(0);
    expect(jfls8.score(numbered('JFLS', Array(8).fill(10))).score).toBe(10);
  });

  test('11 is above the 0-10 range', () => {
    expectBadInput(
      () => jfls8.score(numbered('JFLS', [11, 7, 1, 3, 2, 5, 2, 1])),
      'answers[0].value',
      'range',
      'must be from 0 to 10; got 11',
    );
  });
});
