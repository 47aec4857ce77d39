import { esasR } from '@fascia/server/modules/instruments/definitions/esas-r.js';
import { describe, expect, test } from 'vitest';
import { expectBadInput, numbered } from './answers.js';

describe('ESAS-r (Watanabe et al. 2011; subscores per Hui et al. 2016)', () => {
  test('total symptom distress score = sum of the 9, with each symptom and the physical/emotional sums', () => {
    // pain 6, tiredness 7, drowsiness 3, nausea 1, appetite 5, breath 2, depression 4, anxiety 5, wellbeing 6
    // total 39; physical 6+7+3+1+5+2 = 24; emotional 4+5 = 9
    const result = esasR.score(numbered('ESAS', [6, 7, 3, 1, 5, 2, 4, 5, 6]));
    expect(result.score).toBe(39);
    expect(result.subscores).toEqual([
      { code: 'PAIN', name: 'Pain (0-10)', score: 6 },
      { code: 'TIREDNESS', name: 'Tiredness (0-10)', score: 7 },
      { code: 'DROWSINESS', name: 'Drowsiness (0-10)', score: 3 },
      { code: 'NAUSEA', name: 'Nausea (0-10)', score: 1 },
      { code: 'APPETITE', name: 'Lack of appetite (0-10)', score: 5 },
      { code: 'SHORTNESS_OF_BREATH', name: 'Shortness of breath (0-10)', score: 2 },
      { code: 'DEPRESSION', name: 'Depression (0-10)', score: 4 },
      { code: 'ANXIETY', name: 'Anxiety (0-10)', score: 5 },
      { code: 'WELLBEING', name: 'Wellbeing (0-10)', score: 6 },
      { code: 'PHYSICAL', name: 'Physical symptom score (0-60)', score: 24 },
      { code: 'EMOTIONAL', name: 'Emotional symptom score (0-20)', score: 9 },
    ]);
    expect(result).toMatchObject({ answeredItems: 9, missingItems: 0 });
  });

  test('answers in any order score the same', () => {
    const answers = numbered('ESAS', [6, 7, 3, 1, 5, 2, 4, 5, 6]).reverse();
    expect(esasR.score(answers).score).toBe(39);
  });

  test('no symptoms: 0; every symptom at its worst: 90', () => {
    expect(esasR.score(numbered('ESAS', Array(9).fill(0))).score).toBe(0);
    expect(esasR.score(numbered('ESAS', Array(9).fill(10))).score).toBe(90);
  });

  test('one symptom blank: the total is not computed', () => {
    expectBadInput(
      () => esasR.score(numbered('ESAS', [6, 7, 3, null, 5, 2, 4, 5, 6])),
      'answers',
      'too-many-missing',
      'ESAS-r needs all 9 symptoms answered; 8 were answered',
    );
  });

  test('a symptom left out of the list is blank too', () => {
    expectBadInput(() => esasR.score(numbered('ESAS', [6, 7, 3, 1, 5, 2, 4, 5])), 'answers', 'too-many-missing');
  });

  test('a decimal rating is refused', () => {
    expectBadInput(() => esasR.score(numbered('ESAS', [6.5, 7, 3, 1, 5, 2, 4, 5, 6])), 'answers[0].value', 'integer');
  });
});
