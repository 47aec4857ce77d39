import { findMeasure, measureCatalog, physicalMeasures } from '@fascia/server/modules/measures/measure-catalog.js';
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
