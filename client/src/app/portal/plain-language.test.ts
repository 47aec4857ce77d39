import { describe, expect, test } from 'vitest';
import {
  type AccessEvent,
  accessSentence,
  amountOf,
  directionWords,
  type PlainMeasure,
  plainName,
  progressSentence,
  scaleWords,
  valueWords,
  whatSentence,
  whoWords,
} from './plain-language';

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
      'Your neck pain is 3 points lower than at the start (on a 0 to 10 scale, lower is better), a change most people notice.',
    );
    // Exactly the MCID counts.
    expect(progressSentence(nprs, { change: -2, points: 2, where: 'lower back' })).toBe(
      'Your lower back pain is 2 points lower than at the start (on a 0 to 10 scale, lower is better), a change most people notice.',
    );
  });

  test('a change smaller than the MCID is called small, either way', () => {
    expect(progressSentence(nprs, { change: -1, points: 4, where: 'neck' })).toBe(
      'Your neck pain is 1 point lower than at the start (on a 0 to 10 scale, lower is better), a small change, less than most people notice.',
    );
    expect(progressSentence(nprs, { change: 1, points: 4, where: null })).toBe(
      'Your pain is 1 point higher than at the start (on a 0 to 10 scale, lower is better), a small change, less than most people notice.',
    );
  });

  test('the direction comes from the catalog: more rotation is better, more pain is not', () => {
    expect(progressSentence(rotation, { change: 12, points: 3, where: 'left side' })).toBe(
      'Your cervical rotation (left side) is 12° higher than at the start (higher is better), a change most people notice.',
    );
    expect(progressSentence(nprs, { change: 3, points: 3, where: 'neck' })).toBe(
      'Your neck pain is 3 points higher than at the start (on a 0 to 10 scale, lower is better), a change most people notice: talk to your therapist about it.',
    );
    expect(progressSentence(rotation, { change: -15, points: 3, where: null })).toMatch(
      /lower than at the start \(higher is better\), a change most people notice: talk/,
    );
  });

  test('no MCID, no change, one value, and a diary counted from its first entry', () => {
    expect(progressSentence({ ...odi, mcid: null }, { change: -4.44, points: 2, where: null })).toBe(
      'Your Oswestry Disability Index (ODI) score is 4.4 points lower than at the start (on a 0 to 100 scale, lower is better). There is no agreed size of change that most people notice for this measure.',
    );
    expect(progressSentence(nprs, { change: 0, points: 3, where: 'neck' })).toBe(
      'Your neck pain is the same as at the start (on a 0 to 10 scale, lower is better).',
    );
    expect(progressSentence(nprs, { change: 0, points: 1, where: 'neck' })).toBe(
      'Your neck pain has one measurement so far: the next one will show how it changes.',
    );
    expect(progressSentence(nprs, { change: -2, points: 6, where: 'neck', since: 'in your first diary entry' })).toBe(
      'Your neck pain is 2 points lower than in your first diary entry (on a 0 to 10 scale, lower is better), a change most people notice.',
    );
  });

  test("a proxy's portal speaks about the client by name, and sends the proxy to the therapist", () => {
    expect(progressSentence(nprs, { change: 3, points: 4, where: 'neck', about: 'Theo Lindqvist' })).toBe(
      "Theo Lindqvist's neck pain is 3 points higher than at the start (on a 0 to 10 scale, lower is better), a change most people notice: talk to the therapist about it.",
    );
    expect(progressSentence(odi, { change: -1, points: 1, where: null, about: 'Theo Lindqvist' })).toBe(
      "Theo Lindqvist's Oswestry Disability Index (ODI) score has one measurement so far: the next one will show how it changes.",
    );
  });
});

test('amounts: points for pain and scores, the unit otherwise', () => {
  expect(amountOf(1, nprs)).toBe('1 point');
  expect(amountOf(12.04, odi)).toBe('12 points');
  expect(amountOf(2.5, { ...rotation, unitLabel: 'kg', decimals: 1 })).toBe('2.5 kg');
});

describe('no acronym without its name', () => {
  // Every name in the server's measure catalog (measure-catalog.ts, instrument-score-measures.ts).
  const catalog = [
    'Oswestry Disability Index (ODI 2.1a)',
    'Neck Disability Index (NDI)',
    'QuickDASH',
    'Revised Fibromyalgia Impact Questionnaire (FIQR)',
    'Patient-Specific Functional Scale (PSFS)',
    'Pain intensity (NPRS 0-10)',
    'Pain intensity (VAS 0-100 mm)',
    'Cervical flexion (active ROM)',
    'Shoulder flexion (active ROM)',
    'Lumbar flexion (dual inclinometer)',
    'Hip flexion (passive ROM)',
    'Modified Schober test',
    'Grip strength',
  ];

  test.each(catalog)('%s', (name) => {
    const plain = plainName(name);
    // An acronym (two or more capitals in a row) appears only in brackets right after the words it stands for.
    for (const match of plain.matchAll(/\b[A-Z]{2,}[A-Za-z]*\b/g)) {
      const before = plain.slice(0, match.index);
      expect(before.endsWith('(') && /[a-z]\s*\($/.test(before), `${match[0]} in "${plain}"`).toBe(true);
    }
    expect(plain).not.toMatch(/\d-\d/);
  });

  test('the names read as words', () => {
    expect(plainName('Pain intensity (NPRS 0-10)')).toBe('Pain intensity (Numeric Pain Rating Scale, 0 to 10)');
    expect(plainName('Cervical flexion (active ROM)')).toBe('Cervical flexion (how far you can move it yourself)');
    expect(plainName('QuickDASH')).toBe('QuickDASH (Disabilities of the Arm, Shoulder and Hand, short version)');
  });
});

test('every value says its scale and which way is better', () => {
  expect(directionWords(nprs)).toBe('lower is better');
  expect(directionWords(rotation)).toBe('higher is better');
  expect(scaleWords(nprs)).toBe('on a 0 to 10 scale');
  expect(scaleWords(rotation)).toBeNull();
  expect(valueWords(4, nprs)).toBe('4 out of 10');
  expect(valueWords(28.04, odi)).toBe('28 out of 100');
  expect(valueWords(65, rotation)).toBe('65°');
});

describe('who has seen my record, in words', () => {
  const event = (over: Partial<AccessEvent>): AccessEvent => ({
    operation: 'Query.client',
    outcome: 'ALLOWED',
    role: 'THERAPIST',
    actorName: 'Tess Therapist',
    byViewer: false,
    ...over,
  });

  test('what was done, never the operation’s name', () => {
    expect(accessSentence(event({}))).toBe('Tess Therapist looked at your record.');
    expect(accessSentence(event({ operation: 'Mutation.recordSession' }))).toBe('Tess Therapist recorded a visit.');
    expect(accessSentence(event({ operation: 'Export.fhirBundle', byViewer: true, role: 'CLIENT', actorName: null }))).toBe(
      'You downloaded your record as a file.',
    );
    // An operation added later still reads as words.
    expect(whatSentence({ operation: 'Mutation.somethingNew', outcome: 'ALLOWED' })).toBe('changed your record');
    expect(whatSentence({ operation: 'Query.somethingNew', outcome: 'ALLOWED' })).toBe('looked at your record');
  });

  test('a refusal reads as an attempt', () => {
    expect(accessSentence(event({ outcome: 'NOT_FOUND', actorName: null }))).toBe(
      'A therapist of another clinic tried to look at your record and was refused.',
    );
    expect(whatSentence({ operation: 'Export.fhirBundle', outcome: 'DENIED' })).toBe(
      'tried to download your record as a file and was refused',
    );
  });

  test('nobody outside the clinic is named', () => {
    expect(whoWords(event({ role: 'CLIENT', actorName: null }))).toBe('Someone signed in as another client');
    expect(whoWords(event({ role: 'RESEARCHER', actorName: null }))).toBe('A researcher');
    expect(whoWords(event({ role: 'ANONYMOUS', actorName: null }))).toBe('Someone who was not signed in');
    expect(whoWords(event({ role: 'ADMIN', actorName: null }))).toBe('A clinic administrator');
  });
});
