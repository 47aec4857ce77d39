import { conditionCatalog, findCondition } from '@fascia/server/modules/conditions/condition-catalog.js';
import { instruments } from '@fascia/server/modules/instruments/instrument-catalog.js';
import { findMeasure } from '@fascia/server/modules/measures/measure-catalog.js';
import { describe, expect, test } from 'vitest';

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
/** WHO ICD-10: chapter letter, two digits, optional dot and one or two digits. */
const ICD10 = /^[A-Z]\d{2}(\.\d{1,2})?$/;
const INSTRUMENT_CODES: readonly string[] = instruments.map((instrument) => instrument.code);

describe('condition catalog: every entry', () => {
  test('has a unique upper-snake code', () => {
    const codes = conditionCatalog.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(UPPER_SNAKE);
      expect(code.length).toBeLessThanOrEqual(40);
    }
  });

  test.each(conditionCatalog.map((c) => [c.code, c] as const))('%s is well formed and consistent', (_code, c) => {
    expect(c.name.trim().length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(120);
    expect(c.description.trim().length).toBeGreaterThan(0);
    expect(c.icd10).toMatch(ICD10);

    expect(findMeasure(c.headlineMeasureCode)).toBeDefined();
    expect(c.suggestedMeasureCodes).toContain(c.headlineMeasureCode);
    expect(new Set(c.suggestedMeasureCodes).size).toBe(c.suggestedMeasureCodes.length);
    for (const code of c.suggestedMeasureCodes) expect(findMeasure(code), code).toBeDefined();

    expect(new Set(c.suggestedInstrumentCodes).size).toBe(c.suggestedInstrumentCodes.length);
    for (const code of c.suggestedInstrumentCodes) expect(INSTRUMENT_CODES).toContain(code);
    // A suggested questionnaire score can only be recorded if the questionnaire is suggested too.
    for (const code of c.suggestedMeasureCodes.filter((m) => INSTRUMENT_CODES.includes(m))) {
      expect(c.suggestedInstrumentCodes).toContain(code);
    }
  });
});

describe('spot checks', () => {
  test.each([
    ['FIBROMYALGIA', 'M79.7', 'FIQR'],
    ['CHRONIC_LOW_BACK_PAIN', 'M54.5', 'ODI'],
    ['NECK_PAIN', 'M54.2', 'NDI'],
    ['WHIPLASH', 'S13.4', 'NDI'],
    ['CARPAL_TUNNEL', 'G56.0', 'QUICKDASH'],
    ['REPETITIVE_STRAIN', 'M70.9', 'QUICKDASH'],
    ['OSTEOARTHRITIS', 'M19.9', 'NPRS'],
    ['TMJ_DISORDER', 'K07.6', 'NPRS'],
    ['TENSION_TYPE_HEADACHE', 'G44.2', 'NPRS'],
    ['SPORTS_INJURY', 'T14.6', 'PSFS'],
    ['POSTURAL_PAIN', 'M54.6', 'NPRS'],
    ['CANCER_PALLIATIVE', 'Z51.5', 'NPRS'],
    ['FROZEN_SHOULDER', 'M75.0', 'QUICKDASH'],
    ['KNEE_OSTEOARTHRITIS', 'M17.9', 'KOOS12'],
    ['HIP_OSTEOARTHRITIS', 'M16.9', 'NPRS'],
    ['PREGNANCY_PELVIC_PAIN', 'O26.8', 'NPRS'],
    ['STRESS_ANXIETY', 'F41.1', 'GAD7'],
    ['AUTISM_SPECTRUM', 'F84.0', 'RFLACC'],
    ['DOWN_SYNDROME', 'Q90.9', 'RFLACC'],
  ])('%s is %s with headline %s', (code, icd10, headline) => {
    expect(findCondition(code)).toMatchObject({
      icd10,
      headlineMeasureCode: headline,
    });
  });

  test('the ICD-10-CM variants are named where they differ', () => {
    expect(findCondition('CHRONIC_LOW_BACK_PAIN')?.description).toMatch(/M54\.50/);
    expect(findCondition('TMJ_DISORDER')?.description).toMatch(/M26\.6/);
    expect(findCondition('PREGNANCY_PELVIC_PAIN')?.description).toMatch(/O26\.89/);
  });

  test('every code is WHO ICD-10, not ICD-10-CM: at most one digit after the dot', () => {
    // ICD-10-CM subdivides further (O26.89-, M54.50); the catalog keeps to the WHO edition throughout.
    for (const condition of conditionCatalog) expect(condition.icd10, condition.code).toMatch(/^[A-Z]\d{2}(\.\d)?$/);
  });

  test('the conditions issue 20 names are there once each, with the new instruments suggested', () => {
    const byIcd = new Map(conditionCatalog.map((c) => [c.icd10, c.code]));
    for (const icd of ['F84.0', 'Q90.9', 'O26.8', 'F41.1', 'Z51.5', 'G44.2', 'K07.6', 'G56.0', 'M17.9', 'M16.9']) {
      expect(byIcd.get(icd), icd).toBeDefined();
    }
    expect(new Set(conditionCatalog.map((c) => c.icd10)).size).toBe(conditionCatalog.length);
    expect(findCondition('TMJ_DISORDER')?.suggestedInstrumentCodes).toContain('JFLS8');
    expect(findCondition('CARPAL_TUNNEL')?.suggestedInstrumentCodes).toEqual(expect.arrayContaining(['BCTQ_SSS', 'BCTQ_FSS']));
    expect(findCondition('CANCER_PALLIATIVE')?.suggestedInstrumentCodes).toContain('ESAS_R');
    expect(findCondition('TENSION_TYPE_HEADACHE')?.suggestedMeasureCodes).toContain('HEADACHE_DAYS');
  });

  test('findCondition returns undefined for an unknown code', () => {
    expect(findCondition('UNKNOWN')).toBeUndefined();
  });
});
