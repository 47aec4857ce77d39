import { fpsr } from '@fascia/server/modules/instruments/definitions/fpsr.js';
import { InstrumentItemNode } from '@fascia/server/modules/instruments/instrument.type.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput } from './answers.js';

const face = (value: number | null) => [{ itemCode: 'FPSR1', value }];

describe('FPS-R (Hicks et al. 2001)', () => {
  test('each of the six faces scores 0, 2, 4, 6, 8 or 10', () => {
    expect([0, 2, 4, 6, 8, 10].map((value) => fpsr.score(face(value)).score)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(fpsr.score(face(6))).toEqual({ score: 6, subscores: [], answeredItems: 1, missingItems: 0 });
  });

  test('an odd number is no face and is refused', () => {
    expectBadInput(() => fpsr.score(face(5)), 'answers[0].value', 'step', 'goes from 0 in steps of 2; got 5');
  });

  test('above the rightmost face is refused', () => {
    expectBadInput(() => fpsr.score(face(12)), 'answers[0].value', 'range');
  });

  test('no face pointed to: not scored', () => {
    expectBadInput(() => fpsr.score(face(null)), 'answers', 'too-many-missing', 'FPS-R needs all 1 rating answered; 0 were answered');
    expectBadInput(() => fpsr.score([]), 'answers', 'too-many-missing');
  });

  test('the form offers the six faces only', () => {
    const item = fpsr.items[0];
    if (!item) throw new Error('FPS-R has no item');
    expect(InstrumentItemNode.from(item, undefined).answerOptions.map((option) => option.value)).toEqual([0, 2, 4, 6, 8, 10]);
  });
});
