import { peg } from '@fascia/server/modules/instruments/definitions/peg.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('PEG (Krebs et al. 2009)', () => {
  test('the mean of pain, enjoyment and general activity', () => {
    // (7 + 6 + 8) / 3 = 7
    expect(peg.score(numbered('PEG', [7, 6, 8]))).toEqual({ score: 7, subscores: [], answeredItems: 3, missingItems: 0 });
  });

  test('a mean that is not whole keeps one decimal', () => {
    // (5 + 4 + 4) / 3 = 4.333... -> 4.3; (5 + 5 + 4) / 3 = 4.666... -> 4.7
    expect(peg.score(numbered('PEG', [5, 4, 4])).score).toBe(4.3);
    expect(peg.score(numbered('PEG', [5, 5, 4])).score).toBe(4.7);
  });

  test('scale ends: 0 and 10', () => {
    expect(peg.score(numbered('PEG', [0, 0, 0])).score).toBe(0);
    expect(peg.score(numbered('PEG', [10, 10, 10])).score).toBe(10);
  });

  test('one item blank: not scored', () => {
    expectBadInput(
      () => peg.score(numbered('PEG', [7, null, 8])),
      'answers',
      'too-many-missing',
      'PEG needs all 3 items answered; 2 were answered',
    );
  });

  test('the same item twice is refused', () => {
    expectBadInput(
      () =>
        peg.score([
          { itemCode: 'PEG1', value: 7 },
          { itemCode: 'PEG1', value: 6 },
          { itemCode: 'PEG3', value: 8 },
        ]),
      'answers[1].itemCode',
      'duplicate-item',
    );
  });
});
