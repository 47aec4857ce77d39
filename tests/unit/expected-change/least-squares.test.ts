import { fitLeastSquares, invert, leverage } from '@fascia/server/modules/expected-change/least-squares.js';
import { describe, expect, test } from 'vitest';

/** A reproducible noise in [-1, 1) (a linear congruential generator), so that a failure can be replayed. */
function noiseSource(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 2_147_483_648) * 2 - 1;
  };
}

/** The sums of cross products of (1, b, v) and y that the database adds up, here added up in JavaScript. */
function crossProducts(points: { b: number; v: number; y: number }[]) {
  const xtx = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const xty = [0, 0, 0];
  let yty = 0;
  let sumY = 0;
  for (const { b, v, y } of points) {
    const x = [1, b, v];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) (xtx[i] as number[])[j] = ((xtx[i] as number[])[j] as number) + (x[i] as number) * (x[j] as number);
      xty[i] = (xty[i] as number) + (x[i] as number) * y;
    }
    yty += y * y;
    sumY += y;
  }
  return { xtx, xty, yty, sumY, n: points.length };
}

/**
 * Two-predictor regression the textbook way, written apart from the code under test: centred sums of squares,
 * slopes by Cramer's rule on the 2 x 2 system, intercept from the means.
 */
function centredFit(points: { b: number; v: number; y: number }[]) {
  const n = points.length;
  const mean = (f: (p: (typeof points)[number]) => number) => points.reduce((s, p) => s + f(p), 0) / n;
  const [mb, mv, my] = [mean((p) => p.b), mean((p) => p.v), mean((p) => p.y)];
  const s = (f: (p: (typeof points)[number]) => number) => points.reduce((acc, p) => acc + f(p), 0);
  const sbb = s((p) => (p.b - mb) ** 2);
  const svv = s((p) => (p.v - mv) ** 2);
  const sbv = s((p) => (p.b - mb) * (p.v - mv));
  const sby = s((p) => (p.b - mb) * (p.y - my));
  const svy = s((p) => (p.v - mv) * (p.y - my));
  const det = sbb * svv - sbv * sbv;
  const b1 = (svv * sby - sbv * svy) / det;
  const b2 = (sbb * svy - sbv * sby) / det;
  const b0 = my - b1 * mb - b2 * mv;
  const residuals = points.map((p) => p.y - (b0 + b1 * p.b + b2 * p.v));
  const sse = residuals.reduce((acc, r) => acc + r * r, 0);
  const sst = s((p) => (p.y - my) ** 2);
  const residualSd = Math.sqrt(sse / (n - 3));
  /** Var(prediction error) / s^2 at (b, v): 1 + 1/n + d' S^-1 d with d the distance from the means. */
  const spread = (b: number, v: number) => {
    const [db, dv] = [b - mb, v - mv];
    return 1 + 1 / n + (svv * db * db - 2 * sbv * db * dv + sbb * dv * dv) / det;
  };
  return { coefficients: [b0, b1, b2], rSquared: 1 - sse / sst, residualSd, spread };
}

describe('least squares from sums of cross products', () => {
  test('noise-free data give back the coefficients they were made with', () => {
    const points = [];
    for (let b = 2; b <= 8; b++) for (let v = 2; v <= 9; v++) points.push({ b, v, y: 1.5 - 0.6 * b - 0.25 * v });
    const fit = fitLeastSquares(crossProducts(points));
    expect(fit?.coefficients[0]).toBeCloseTo(1.5, 9);
    expect(fit?.coefficients[1]).toBeCloseTo(-0.6, 9);
    expect(fit?.coefficients[2]).toBeCloseTo(-0.25, 9);
    expect(fit?.rSquared).toBeCloseTo(1, 9);
    expect(fit?.residualSd).toBeLessThan(1e-6);
  });

  test('with noise: equal to the centred two-predictor computation, and the known coefficients within tolerance', () => {
    const noise = noiseSource(20);
    const points = [];
    for (let client = 0; client < 400; client++) {
      const b = 1 + (client % 9) + noise() * 0.4;
      for (let v = 2; v <= 10; v++) points.push({ b, v, y: 0.8 - 0.5 * b - 0.3 * v + noise() });
    }
    const fit = fitLeastSquares(crossProducts(points));
    const reference = centredFit(points);
    if (!fit) throw new Error('no fit');
    for (const [i, c] of fit.coefficients.entries()) expect(c).toBeCloseTo(reference.coefficients[i] as number, 9);
    expect(fit.rSquared).toBeCloseTo(reference.rSquared, 9);
    expect(fit.residualSd).toBeCloseTo(reference.residualSd, 9);
    // Uniform noise on [-1, 1): SD 1/sqrt(3); 3,600 points recover the coefficients within a few hundredths.
    expect(fit.coefficients[1]).toBeCloseTo(-0.5, 1);
    expect(fit.coefficients[2]).toBeCloseTo(-0.3, 1);
    expect(fit.residualSd).toBeCloseTo(1 / Math.sqrt(3), 1);
    // The prediction's spread through (X'X)^-1 equals the centred form's.
    expect(1 + leverage(fit.xtxInverse, [1, 7.5, 6])).toBeCloseTo(reference.spread(7.5, 6), 9);
  });

  test('a predictor that never varies, or too few points, cannot be fitted', () => {
    const sameBaseline = [2, 3, 4, 5].map((v) => ({ b: 6, v, y: -v }));
    expect(fitLeastSquares(crossProducts(sameBaseline))).toBeNull();
    const three = [
      { b: 1, v: 2, y: 0 },
      { b: 2, v: 3, y: 1 },
      { b: 4, v: 2, y: 3 },
    ];
    expect(fitLeastSquares(crossProducts(three))).toBeNull();
  });

  test('invert gives the inverse (A A^-1 = I)', () => {
    const a = [
      [4, 2, 1],
      [2, 5, 3],
      [1, 3, 6],
    ];
    const inverse = invert(a);
    if (!inverse) throw new Error('singular');
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        expect(a[i]?.reduce((s, v, m) => s + v * ((inverse[m] as number[])[j] as number), 0)).toBeCloseTo(i === j ? 1 : 0, 12);
  });
});
