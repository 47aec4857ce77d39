import { rflacc } from '@fascia/server/modules/instruments/definitions/rflacc.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('r-FLACC (Malviya et al. 2006)', () => {
  test('the sum of face, legs, activity, cry and consolability', () => {
    // face 1, legs 2, activity 1, cry 0, consolability 1 = 5
    expect(rflacc.score(numbered('RFLACC', [1, 2, 1, 0, 1]))).toEqual({ score: 5, subscores: [], answeredItems: 5, missingItems: 0 });
  });

  test('a relaxed child scores 0; every category at its worst scores 10', () => {
    expect(rflacc.score(numbered('RFLACC', [0, 0, 0, 0, 0])).score).toBe(0);
    expect(rflacc.score(numbered('RFLACC', [2, 2, 2, 2, 2])).score).toBe(10);
  });

  test('a category not observed: not scored', () => {
    expectBadInput(
      () => rflacc.score(numbered('RFLACC', [1, 2, 1, null, 1])),
      'answers',
      'too-many-missing',
      'r-FLACC needs all 5 categories answered; 4 were answered',
    );
  });

  test('3 is above the 0-2 category range', () => {
    expectBadInput(() => rflacc.score(numbered('RFLACC', [3, 2, 1, 0, 1])), 'answers[0].value', 'range', 'must be from 0 to 2; got 3');
  });

  test('an unknown category is refused', () => {
    expectBadInput(
      () => rflacc.score([...numbered('RFLACC', [1, 2, 1, 0, 1]), { itemCode: 'RFLACC6', value: 1 }]),
      'answers[5].itemCode',
      'unknown-item',
    );
  });
});
