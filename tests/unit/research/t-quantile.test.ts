import { logGamma, tDistribution, tQuantile } from '@fascia/server/modules/research/t-quantile.js';
import { describe, expect, test } from 'vitest';

/** Agreement to `digits` significant digits. */
function expectSignificant(actual: number, expected: number, digits = 6): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(0.5 * 10 ** (1 - digits));
}

describe('Student t quantiles', () => {
  // Printed tables (e.g. Abramowitz & Stegun table 26.10; Fisher & Yates), to the digits tabulated there and
  // beyond: 12.7062, 4.30265, 3.18245, 2.57058, 2.22814, 2.04227, 1.98397.
  test.each([
    [0.975, 1, 12.7062047361747],
    [0.975, 2, 4.30265272974946],
    [0.975, 3, 3.18244630528371],
    [0.975, 5, 2.57058183563631],
    [0.975, 10, 2.22813885198627],
    [0.975, 30, 2.04227245630124],
    [0.975, 100, 1.98397151852355],
    [0.975, 1000, 1.96233908082641],
    [0.995, 4, 4.60409487134999],
    [0.95, 20, 1.72471824292079],
    [0.999, 3, 10.2145318524074],
  ])('t(%s, %s) = %s', (p, df, expected) => {
    expectSignificant(tQuantile(p, df), expected);
  });

  test('closed forms: df = 1 is the Cauchy quantile, df = 2 has t = (2p - 1) / √(2p(1 - p))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.999]) {
      expectSignificant(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 10);
      expectSignificant(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 10);
    }
  });

  test('real (Welch) degrees of freedom: inverse of the distribution function, between the whole-number neighbours', () => {
    for (const df of [1.2, 2.5, 7.3, 41.7]) {
      const t = tQuantile(0.975, df);
      expect(Math.abs(tDistribution(t, df) - 0.975)).toBeLessThan(1e-12);
      expect(t).toBeLessThan(tQuantile(0.975, Math.floor(df)));
      expect(t).toBeGreaterThan(tQuantile(0.975, Math.ceil(df)));
    }
    // Values of the Boost-based implementation this replaces, for the same df.
    expectSignificant(tQuantile(0.975, 2.5), 3.574654842003682);
    expectSignificant(tQuantile(0.975, 41.7), 2.018511922996425);
  });

  test('symmetry, the median, and what is not a probability', () => {
    expect(tQuantile(0.025, 10)).toBeCloseTo(-tQuantile(0.975, 10), 12);
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(1, 3)).toBeNaN();
    expect(tQuantile(0.5, 0)).toBeNaN();
  });

  test('ln Γ at known points: Γ(1/2) = √π, Γ(5) = 24', () => {
    expectSignificant(logGamma(0.5), 0.5 * Math.log(Math.PI), 12);
    expectSignificant(logGamma(5), Math.log(24), 12);
  });
});
