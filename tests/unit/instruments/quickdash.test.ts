import { quickdash } from '@fascia/server/modules/instruments/definitions/quickdash.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

const CORE = [2, 3, 2, 2, 1, 3, 2, 3, 3, 2, 2];

describe('QuickDASH (Beaton et al. 2005; IWH manual)', () => {
  test('complete form: (mean - 1) x 25', () => {
    // sum 2+3+2+2+1+3+2+3+3+2+2 = 25; 25 / 11 = 2.2727...; (2.2727 - 1) x 25 = 31.818... -> 31.8
    const result = quickdash.score(numbered('QD', CORE));
    expect(result).toEqual({
      score: 31.8,
      subscores: [],
      answeredItems: 11,
      missingItems: 0,
    });
  });

  test('one item left blank: mean of the 10 answered', () => {
    // without item 6: sum 22 over 10 items; 22 / 10 = 2.2; (2.2 - 1) x 25 = 30
    const answers = numbered('QD', [2, 3, 2, 2, 1, null, 2, 3, 3, 2, 2]);
    expect(quickdash.score(answers)).toMatchObject({
      score: 30,
      answeredItems: 10,
      missingItems: 1,
    });
  });

  test('scale ends: all 1 = 0, all 5 = 100', () => {
    expect(quickdash.score(numbered('QD', Array(11).fill(1))).score).toBe(0);
    expect(quickdash.score(numbered('QD', Array(11).fill(5))).score).toBe(100);
  });

  test('two items left blank: not scored', () => {
    expectBadInput(
      () => quickdash.score(numbered('QD', [2, 3, null, 2, 1, null, 2, 3, 3, 2, 2])),
      'answers',
      'too-many-missing',
      'QuickDASH needs at least 10 of 11 items answered; 9 were answered',
    );
  });

  test('optional modules are scored separately, the same way', () => {
    // work: 1+2+2+3 = 8; 8 / 4 = 2; (2 - 1) x 25 = 25
    // sports/performing arts: 5+5+4+4 = 18; 18 / 4 = 4.5; (4.5 - 1) x 25 = 87.5
    const answers = [...numbered('QD', CORE), ...numbered('QDW', [1, 2, 2, 3]), ...numbered('QDS', [5, 5, 4, 4])];
    expect(quickdash.score(answers)).toEqual({
      score: 31.8,
      subscores: [
        { code: 'WORK', name: 'Work module (0-100)', score: 25 },
        {
          code: 'SPORTS_MUSIC',
          name: 'Sports/performing arts module (0-100)',
          score: 87.5,
        },
      ],
      answeredItems: 19,
      missingItems: 0,
    });
  });

  test('an unanswered optional module is not missing', () => {
    const answers = [...numbered('QD', CORE), ...numbered('QDW', [null, null, null, null])];
    expect(quickdash.score(answers)).toMatchObject({
      subscores: [],
      answeredItems: 11,
      missingItems: 0,
    });
  });

  test('a partly answered module is refused: all 4 of its items are needed', () => {
    expectBadInput(
      () => quickdash.score([...numbered('QD', CORE), ...numbered('QDW', [1, 2, null, 3])]),
      'answers',
      'too-many-missing',
      'The QuickDASH work module needs all 4 items answered; 3 were answered',
    );
  });

  test('0 is below the 1-5 item range', () => {
    expectBadInput(
      () => quickdash.score(numbered('QD', [0, 3, 2, 2, 1, 3, 2, 3, 3, 2, 2])),
      'answers[0].value',
      'range',
      'must be from 1 to 5; got 0',
    );
  });
});
