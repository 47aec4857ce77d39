import { ndi } from '@fascia/server/modules/instruments/definitions/ndi.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('NDI (Vernon & Mior 1991)', () => {
  test('complete form: raw total out of 50, and x2 as percent', () => {
    // 2+1+2+2+3+2+2+2+2+2 = 20 points of 50 (moderate, 15-24); 20 x 2 = 40 %
    const result = ndi.score(numbered('NDI', [2, 1, 2, 2, 3, 2, 2, 2, 2, 2]));
    expect(result).toEqual({
      score: 20,
      subscores: [{ code: 'PERCENT', name: 'Percent of maximum (0-100)', score: 40 }],
      answeredItems: 10,
      missingItems: 0,
    });
  });

  test('one section left blank (driving): mean of the answered sections stands in', () => {
    // answered: 3+1+2+2+3+2+2+2+2 = 19 over 9 sections; 19 + 19/9 = 21.111... -> 21.1 points
    // (same as 19 / 45 x 50); percent 42.222... -> 42.2
    const result = ndi.score(numbered('NDI', [3, 1, 2, 2, 3, 2, 2, null, 2, 2]));
    expect(result).toMatchObject({
      score: 21.1,
      subscores: [{ code: 'PERCENT', score: 42.2 }],
      answeredItems: 9,
      missingItems: 1,
    });
  });

  test('scale ends: 0 and 50 points', () => {
    expect(ndi.score(numbered('NDI', Array(10).fill(0))).score).toBe(0);
    expect(ndi.score(numbered('NDI', Array(10).fill(5))).score).toBe(50);
  });

  test('two blank sections: not scored', () => {
    expectBadInput(
      () => ndi.score(numbered('NDI', [3, 1, 2, null, 3, 2, 2, null, 2, 2])),
      'answers',
      'too-many-missing',
      'NDI needs at least 9 of 10 sections answered; 8 were answered',
    );
  });

  test('a negative section score is out of range', () => {
    expectBadInput(
      () => ndi.score(numbered('NDI', [3, 1, 2, 2, -1, 2, 2, 2, 2, 2])),
      'answers[4].value',
      'range',
      '"Headaches" must be from 0 to 5; got -1',
    );
  });
});
