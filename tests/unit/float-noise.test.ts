import { withoutFloatNoise } from '@fascia/server/common/float-noise.js';
import { describe, expect, test } from 'vitest';

describe('withoutFloatNoise: arithmetic results without the binary rounding of their last digits', () => {
  test('differences and sums of recorded decimals come back as the decimal they are', () => {
    expect(withoutFloatNoise(36.4 - 38.6)).toBe(-2.2);
    expect(withoutFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(withoutFloatNoise(48.3 - 44.2)).toBe(4.1);
  });

  test('real digits are kept to 12 significant ones, whatever the magnitude', () => {
    expect(withoutFloatNoise(-0.4231815708325777)).toBe(-0.423181570833);
    expect(withoutFloatNoise(-37.637362637362635)).toBe(-37.6373626374);
    expect(withoutFloatNoise(0.000123456789012345)).toBe(0.000123456789012);
    expect(withoutFloatNoise(-3)).toBe(-3);
  });

  test('null, and values that are not finite, pass unchanged', () => {
    expect(withoutFloatNoise(null)).toBeNull();
    expect(withoutFloatNoise(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(withoutFloatNoise(Number.NaN)).toBeNaN();
  });
});
