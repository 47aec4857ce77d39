import {
  bodyRegionCatalog,
  findBodyRegion,
  LATERAL_WPI_AREAS,
  SIDES,
  type Side,
  wpi2016Region,
} from '@fascia/server/modules/body-regions/body-region-catalog.js';
import { describe, expect, expectTypeOf, test } from 'vitest';

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

describe('body region catalog', () => {
  test('codes are unique, upper snake and fit the database column', () => {
    const codes = bodyRegionCatalog.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(UPPER_SNAKE);
      expect(code.length).toBeLessThanOrEqual(40);
    }
  });

  test('names are filled in and never carry a side (the side is a separate field)', () => {
    for (const r of bodyRegionCatalog) {
      expect(r.name.trim().length).toBeGreaterThan(0);
      expect(r.name.length).toBeLessThanOrEqual(120);
      expect(r.name).not.toMatch(/\b(left|right|lt|rt)\b/i);
    }
  });

  test('covers the 35 areas of the Michigan Body Map: 7 midline + 14 paired', () => {
    const lateral = bodyRegionCatalog.filter((r) => r.lateral);
    const midline = bodyRegionCatalog.filter((r) => !r.lateral);
    expect(midline).toHaveLength(7);
    expect(lateral).toHaveLength(14);
    expect(midline.length + 2 * lateral.length).toBe(35);
  });

  test('maps onto exactly the 19 Widespread Pain Index areas', () => {
    const wpiKeys = new Set<string>();
    for (const r of bodyRegionCatalog) {
      if (r.wpiArea === null) continue;
      if (LATERAL_WPI_AREAS.includes(r.wpiArea)) {
        // A paired WPI area can only come from a paired region.
        expect(r.lateral, r.code).toBe(true);
        for (const side of SIDES) wpiKeys.add(`${r.wpiArea}:${side}`);
      } else {
        wpiKeys.add(r.wpiArea);
      }
    }
    expect(wpiKeys.size).toBe(19);
  });

  test('2016 WPI regions', () => {
    expect(wpi2016Region('JAW', 'LEFT')).toBe('LEFT_UPPER');
    expect(wpi2016Region('LOWER_ARM', 'RIGHT')).toBe('RIGHT_UPPER');
    expect(wpi2016Region('HIP', 'RIGHT')).toBe('RIGHT_LOWER');
    expect(wpi2016Region('LOWER_LEG', 'LEFT')).toBe('LEFT_LOWER');
    expect(wpi2016Region('CHEST', 'LEFT')).toBe('AXIAL');
    expect(wpi2016Region('NECK', null)).toBe('AXIAL');
    expect(() => wpi2016Region('SHOULDER_GIRDLE', null)).toThrow(/needs a side/);
  });

  test('sides are LEFT and RIGHT only; both sides are two observations', () => {
    expect(SIDES).toEqual(['LEFT', 'RIGHT']);
    expectTypeOf<Side>().toEqualTypeOf<'LEFT' | 'RIGHT'>();
  });

  test('spot checks and lookup', () => {
    expect(findBodyRegion('LOWER_BACK')).toMatchObject({
      lateral: false,
      view: 'BACK',
      wpiArea: 'LOWER_BACK',
    });
    expect(findBodyRegion('NECK')).toMatchObject({
      lateral: false,
      wpiArea: 'NECK',
    });
    expect(findBodyRegion('SHOULDER')).toMatchObject({
      lateral: true,
      wpiArea: 'SHOULDER_GIRDLE',
    });
    expect(findBodyRegion('JAW')).toMatchObject({
      lateral: true,
      wpiArea: 'JAW',
    });
    expect(findBodyRegion('KNEE')).toMatchObject({
      lateral: true,
      wpiArea: null,
    });
    expect(findBodyRegion('BUTTOCK')?.wpiArea).toBe('HIP');
    expect(findBodyRegion('lower_back')).toBeUndefined();
  });
});
