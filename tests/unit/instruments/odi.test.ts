import { odi } from '@fascia/server/modules/instruments/definitions/odi.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('ODI 2.1a (Fairbank & Pynsent 2000)', () => {
  test('complete form: total / 50 x 100', () => {
    // 2+1+3+2+2+1+2+0+3+1 = 17; 17 / (5 x 10) x 100 = 34 %
    const result = odi.score(numbered('ODI', [2, 1, 3, 2, 2, 1, 2, 0, 3, 1]));
    expect(result).toEqual({
      score: 34,
      subscores: [],
      answeredItems: 10,
      missingItems: 0,
    });
  });

  test('one section left blank (sex life): scored out of 45', () => {
    // 2+1+3+2+2+1+2+3+1 = 17; 17 / (5 x 9) x 100 = 37.777... -> 37.8 %
    const result = odi.score(numbered('ODI', [2, 1, 3, 2, 2, 1, 2, null, 3, 1]));
    expect(result).toMatchObject({
      score: 37.8,
      answeredItems: 9,
      missingItems: 1,
    });
  });

  test('an omitted section counts as blank, like a null answer', () => {
    const answers = numbered('ODI', [2, 1, 3, 2, 2, 1, 2, 0, 3, 1]).filter((a) => a.itemCode !== 'ODI8');
    expect(odi.score(answers)).toMatchObject({
      score: 37.8,
      answeredItems: 9,
      missingItems: 1,
    });
  });

  test('scale ends: all first statements = 0 %, all last statements = 100 %', () => {
    expect(odi.score(numbered('ODI', Array(10).fill(0))).score).toBe(0);
    expect(odi.score(numbered('ODI', Array(10).fill(5))).score).toBe(100);
  });

  test('two blank sections: not scored', () => {
    expectBadInput(
      () => odi.score(numbered('ODI', [2, 1, 3, 2, 2, 1, 2, null, null, 1])),
      'answers',
      'too-many-missing',
      'ODI needs at least 9 of 10 sections answered; 8 were answered',
    );
  });

  test('a section scored above 5 is out of range', () => {
    expectBadInput(
      () => odi.score(numbered('ODI', [2, 1, 6, 2, 2, 1, 2, 0, 3, 1])),
      'answers[2].value',
      'range',
      '"Lifting" must be from 0 to 5; got 6',
    );
  });

  test('free text on a section that takes none', () => {
    const answers = numbered('ODI', [2, 1, 3, 2, 2, 1, 2, 0, 3, 1]);
    answers[0] = { ...answers[0], itemCode: 'ODI1', label: 'bad day' };
    expectBadInput(() => odi.score(answers), 'answers[0].label', 'label-not-allowed', '"Pain intensity" takes no free text');
  });
});
