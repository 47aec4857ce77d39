import { describe, expect, test } from 'vitest';
import { amountOf, type PlainMeasure, progressSentence } from './plain-language';

// Catalog-shaped fixtures; the app reads direction and MCID from the API's measure catalog.
const nprs: PlainMeasure = {
  name: 'Pain intensity (NPRS 0-10)',
  kind: 'PAIN',
  unitLabel: '/10',
  decimals: 0,
  direction: 'LOWER_IS_BETTER',
  mcid: 2,
  min: 0,
  max: 10,
};
const rotation: PlainMeasure = {
  name: 'Cervical rotation',
  kind: 'RANGE_OF_MOTION',
  unitLabel: '°',
  decimals: 0,
  direction: 'HIGHER_IS_BETTER',
  mcid: 10,
  min: 0,
  max: 100,
};
const odi: PlainMeasure = {
  name: 'Oswestry Disability Index (ODI 2.1a)',
  kind: 'QUESTIONNAIRE',
  unitLabel: '%',
  decimals: 1,
  direction: 'LOWER_IS_BETTER',
  mcid: 10,
  min: 0,
  max: 100,
};

describe('progressSentence', () => {
  test('a drop in pain of at least the MCID is a change most people notice', () => {
    expect(progressSentence(nprs, { change: -3, points: 5, where: 'neck' })).toBe(
      'Your neck pain is 3 points lower than at the start, a change most people notice.',
    );
    // Exactly the MCID counts.
    expect(progressSentence(nprs, { change: -2, points: 2, where: 'lower back' })).toBe(
      'Your lower back pain is 2 points lower than at the start, a change most people notice.',
    );
  });

  test('a change smaller than the MCID is called small, either way', () => {
    expect(progressSentence(nprs, { change: -1, points: 4, where: 'neck' })).toBe(
      'Your neck pain is 1 point lower than at the start, a small change, less than most people notice.',
    );
    expect(progressSentence(nprs, { change: 1, points: 4, where: null })).toBe(
      'Your pain is 1 point higher than at the start, a small change, less than most people notice.',
    );
  });

  test('the direction comes from the catalog: more rotation is better, more pain is not', () => {
    expect(progressSentence(rotation, { change: 12, points: 3, where: 'left side' })).toBe(
      'Your cervical rotation (left side) is 12° higher than at the start, a change most people notice.',
    );
    expect(progressSentence(nprs, { change: 3, points: 3, where: 'neck' })).toBe(
      'Your neck pain is 3 points higher than at the start, a change most people notice: talk to your therapist about it.',
    );
    expect(progressSentence(rotation, { change: -15, points: 3, where: null })).toMatch(
      /lower than at the start, a change most people notice: talk/,
    );
  });

  test('no MCID, no change, one value, and a diary counted from its first entry', () => {
    expect(progressSentence({ ...odi, mcid: null }, { change: -4.44, points: 2, where: null })).toBe(
      'Your Oswestry Disability Index (ODI 2.1a) score is 4.4 points lower than at the start. There is no agreed size of change that most people notice for this measure.',
    );
    expect(progressSentence(nprs, { change: 0, points: 3, where: 'neck' })).toBe('Your neck pain is the same as at the start.');
    expect(progressSentence(nprs, { change: 0, points: 1, where: 'neck' })).toBe(
      'Your neck pain has one measurement so far: the next one will show how it changes.',
    );
    expect(progressSentence(nprs, { change: -2, points: 6, where: 'neck', since: 'in your first diary entry' })).toBe(
      'Your neck pain is 2 points lower than in your first diary entry, a change most people notice.',
    );
  });
});

test('amounts: points for pain and scores, the unit otherwise', () => {
  expect(amountOf(1, nprs)).toBe('1 point');
  expect(amountOf(12.04, odi)).toBe('12 points');
  expect(amountOf(2.5, { ...rotation, unitLabel: 'kg', decimals: 1 })).toBe('2.5 kg');
});
