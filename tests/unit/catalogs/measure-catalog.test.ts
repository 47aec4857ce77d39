import { findMeasure, measureCatalog, physicalMeasures } from '@fascia/server/modules/measures/measure-catalog.js';
import { changeAgainstThreshold, type MeasureDefinition } from '@fascia/server/modules/measures/measure-definition.js';
import { describe, expect, test } from 'vitest';

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const UCUM_UNITS = ['{score}', 'mm', 'deg', 'cm', 'kg', '%', 'd', 'h'];

/** LOINC check digit (mod 10, as in the LOINC Users' Guide). */
function loincCheckDigit(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((ch, i) => {
    let d = Number(ch);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return (10 - (sum % 10)) % 10;
}

describe('measure catalog: every entry', () => {
  test('has a unique upper-snake code that fits the database column', () => {
    const codes = measureCatalog.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(UPPER_SNAKE);
      expect(code.length).toBeLessThanOrEqual(40);
    }
  });

  test.each(measureCatalog.map((m) => [m.code, m] as const))('%s is well formed', (_code, m) => {
    expect(m.name.trim().length).toBeGreaterThan(0);
    expect(m.name.length).toBeLessThanOrEqual(120);
    expect(m.description.trim().length).toBeGreaterThan(0);
    expect(m.min).toBeLessThan(m.max);
    expect(Number.isInteger(m.decimals)).toBe(true);
    expect(m.decimals).toBeGreaterThanOrEqual(0);
    expect(m.decimals).toBeLessThanOrEqual(3);
    expect(UCUM_UNITS).toContain(m.unit);
    expect(typeof m.unitLabel).toBe('string');
    expect(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']).toContain(m.direction);
    // A citation always, even when no MCID is published (it then says why).
    expect(m.mcidCitation.trim().length).toBeGreaterThan(20);
    expect(m.mcidCitation).toMatch(/(19|20)\d{2}/);
    if (m.mcid !== null) {
      expect(m.mcid).toBeGreaterThan(0);
      expect(m.mcid).toBeLessThan(m.max - m.min);
    }
    // A threshold has a kind, and the kind agrees with the citation: an MDC's says "MDC only".
    expect(m.thresholdKind === null).toBe(m.mcid === null && m.mcidPercentOfBaseline === undefined);
    if (m.thresholdKind !== null) expect(m.mcidCitation.startsWith('MDC only')).toBe(m.thresholdKind === 'MDC');
    if (m.mcidPercentOfBaseline !== undefined) {
      expect(m.mcid).toBeNull();
      expect(m.mcidPercentOfBaseline).toBeGreaterThan(0);
      expect(m.mcidPercentOfBaseline).toBeLessThan(100);
    }
    if (m.loinc !== null) {
      expect(m.loinc).toMatch(/^\d{1,7}-\d$/);
      const [body, check] = m.loinc.split('-') as [string, string];
      expect(loincCheckDigit(body)).toBe(Number(check));
    }
    let previousMax = -Infinity;
    for (const band of m.severityBands) {
      expect(band.min).toBeLessThanOrEqual(band.max);
      expect(band.min).toBeGreaterThanOrEqual(m.min);
      expect(band.max).toBeLessThanOrEqual(m.max);
      expect(band.min).toBeGreaterThan(previousMax);
      expect(band.label.trim().length).toBeGreaterThan(0);
      previousMax = band.max;
    }
  });
});

describe('physical measures', () => {
  test('are all in the full catalog, first', () => {
    expect(measureCatalog.slice(0, physicalMeasures.length)).toEqual(physicalMeasures);
  });

  test('pain is recorded per body region; other physical measures imply their region', () => {
    for (const m of physicalMeasures) {
      expect(m.requiresRegion).toBe(m.kind === 'PAIN');
    }
  });

  test('an MDC used in place of an MCID is labelled as such', () => {
    const mdcBased = physicalMeasures.filter((m) => m.mcid !== null && /\bMDC|detectable/i.test(m.mcidCitation));
    expect(mdcBased.length).toBeGreaterThan(0);
    for (const m of mdcBased) expect(m.mcidCitation).toMatch(/^MDC only/);
  });

  test('include the required set', () => {
    const required = [
      'NPRS',
      'VAS_PAIN',
      'CERVICAL_ROTATION',
      'CERVICAL_FLEXION',
      'CERVICAL_EXTENSION',
      'CERVICAL_LATERAL_FLEXION',
      'SHOULDER_FLEXION',
      'SHOULDER_ABDUCTION',
      'SHOULDER_EXTERNAL_ROTATION',
      'LUMBAR_FLEXION',
      'MODIFIED_SCHOBER',
      'HIP_FLEXION',
      'SIT_AND_REACH',
      'MOUTH_OPENING',
      'GRIP_STRENGTH',
    ];
    const codes = physicalMeasures.map((m) => m.code);
    for (const code of required) expect(codes).toContain(code);
  });
});

describe('spot checks of published values', () => {
  test('NPRS: LOINC 72514-3, 0-10 whole numbers, MCID 2, lower is better, per region', () => {
    const nprs = findMeasure('NPRS');
    expect(nprs).toMatchObject({
      loinc: '72514-3',
      unit: '{score}',
      min: 0,
      max: 10,
      decimals: 0,
      mcid: 2,
      direction: 'LOWER_IS_BETTER',
      requiresRegion: true,
      requiresSide: false,
      kind: 'PAIN',
    });
    expect(nprs?.mcidCitation).toMatch(/Farrar/);
    expect(nprs?.description).toMatch(/30%/);
  });

  test('VAS: 0-100 mm, MCID 15 mm', () => {
    expect(findMeasure('VAS_PAIN')).toMatchObject({
      unit: 'mm',
      min: 0,
      max: 100,
      mcid: 15,
      requiresRegion: true,
    });
  });

  test('cervical rotation and lateral flexion need a side, flexion and extension do not', () => {
    expect(findMeasure('CERVICAL_ROTATION')).toMatchObject({
      unit: 'deg',
      min: 0,
      max: 100,
      requiresSide: true,
      requiresRegion: false,
    });
    expect(findMeasure('CERVICAL_LATERAL_FLEXION')?.requiresSide).toBe(true);
    expect(findMeasure('CERVICAL_FLEXION')?.requiresSide).toBe(false);
    expect(findMeasure('CERVICAL_EXTENSION')?.requiresSide).toBe(false);
  });

  test('limb measures need a side', () => {
    for (const code of ['SHOULDER_FLEXION', 'SHOULDER_ABDUCTION', 'SHOULDER_EXTERNAL_ROTATION', 'HIP_FLEXION', 'GRIP_STRENGTH']) {
      expect(findMeasure(code)?.requiresSide).toBe(true);
    }
  });

  test('grip strength: kg, MCID 6.5 kg', () => {
    expect(findMeasure('GRIP_STRENGTH')).toMatchObject({
      unit: 'kg',
      mcid: 6.5,
      kind: 'STRENGTH',
      direction: 'HIGHER_IS_BETTER',
    });
  });

  test('sit-and-reach accepts reaches short of the toes (negative values)', () => {
    const sr = findMeasure('SIT_AND_REACH');
    expect(sr?.min).toBeLessThan(0);
    expect(sr?.max).toBeGreaterThan(0);
    expect(sr?.unit).toBe('cm');
  });

  test('mouth opening: mm, higher is better', () => {
    expect(findMeasure('MOUTH_OPENING')).toMatchObject({
      unit: 'mm',
      direction: 'HIGHER_IS_BETTER',
      mcid: 9,
    });
  });

  test('lumbar flexion has no MCID and says why', () => {
    const m = findMeasure('LUMBAR_FLEXION');
    expect(m?.mcid).toBeNull();
    expect(m?.mcidCitation).toMatch(/No MCID/);
  });
});

describe('findMeasure', () => {
  test('finds by exact code and returns undefined otherwise', () => {
    expect(findMeasure('NPRS')?.name).toMatch(/NPRS/);
    expect(findMeasure('nprs')).toBeUndefined();
    expect(findMeasure('NOPE')).toBeUndefined();
  });
});

describe('MCID and MDC', () => {
  test('range-of-motion and flexibility thresholds are MDCs; pain, grip and questionnaires have MCIDs; lumbar flexion none', () => {
    const kinds = Object.fromEntries(measureCatalog.map((m) => [m.code, m.thresholdKind]));
    for (const code of [
      'CERVICAL_FLEXION',
      'CERVICAL_EXTENSION',
      'CERVICAL_ROTATION',
      'CERVICAL_LATERAL_FLEXION',
      'SHOULDER_FLEXION',
      'SHOULDER_ABDUCTION',
      'SHOULDER_EXTERNAL_ROTATION',
      'MODIFIED_SCHOBER',
      'HIP_FLEXION',
      'SIT_AND_REACH',
      'MOUTH_OPENING',
    ]) {
      expect(kinds[code], code).toBe('MDC');
    }
    for (const code of ['NPRS', 'VAS_PAIN', 'GRIP_STRENGTH', 'ODI', 'NDI', 'QUICKDASH', 'FIQR', 'PSFS', 'PEG'])
      expect(kinds[code], code).toBe('MCID');
    expect(kinds.LUMBAR_FLEXION).toBeNull();
  });

  test('FIQR: the MCID is 14% of the baseline (Bennett 2009), not a number of points', () => {
    expect(findMeasure('FIQR')).toMatchObject({ mcid: null, mcidPercentOfBaseline: 14, thresholdKind: 'MCID' });
    expect(findMeasure('FIQR')?.mcidCitation).toMatch(/Bennett RM.*2009;36\(6\):1304-1311/);
  });

  test('PEG: the responder threshold is a 30% improvement from baseline (Krebs 2009), not a number of points', () => {
    expect(findMeasure('PEG')).toMatchObject({ mcid: null, mcidPercentOfBaseline: 30, thresholdKind: 'MCID' });
    expect(findMeasure('PEG')?.mcidCitation).toMatch(/Krebs EE.*J Gen Intern Med 2009;24\(6\):733-738/);
  });

  const measure = (code: string) => findMeasure(code) as MeasureDefinition;
  const words = (code: string, change: number, threshold: number | null, percentOfBaseline: number | null = null) =>
    changeAgainstThreshold(measure(code), { change, threshold, percentOfBaseline, kind: measure(code).thresholdKind }, String);

  test.each([
    ['NPRS', -2, 2, null, 'MCID 2 /10 reached: clinically important change, improved'],
    ['NPRS', -1, 2, null, 'MCID 2 /10 not reached'],
    ['NPRS', 3, 2, null, 'MCID 2 /10 reached: clinically important change, worse'],
    ['CERVICAL_ROTATION', 12, 10, null, 'MDC 10 ° reached: minimal detectable change, improved'],
    ['CERVICAL_ROTATION', -10, 10, null, 'MDC 10 ° reached: minimal detectable change, worse'],
    ['MOUTH_OPENING', 8, 9, null, 'MDC 9 mm not reached'],
    ['FIQR', -20, 7, 14, 'MCID 7 /100 (14% of baseline) reached: clinically important change, improved'],
    ['FIQR', -4, 4.2, 14, 'MCID 4.2 /100 (14% of baseline) not reached'],
    ['FIQR', 5, null, 14, 'MCID 14% of baseline, which cannot apply to a baseline of 0'],
    // PEG 7 -> 4.9: 30% of 7 is 2.1, reached exactly; 7 -> 5 is 2 points, short of it.
    ['PEG', -2.1, 2.1, 30, 'MCID 2.1 /10 (30% of baseline) reached: clinically important change, improved'],
    ['PEG', -2, 2.1, 30, 'MCID 2.1 /10 (30% of baseline) not reached'],
    ['LUMBAR_FLEXION', 20, null, null, 'none published for this measure'],
  ] as const)('%s change %d against %s: %s', (code, change, threshold, percent, expected) => {
    expect(words(code, change, threshold, percent)).toBe(expected);
  });
});
