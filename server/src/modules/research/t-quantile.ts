/*
 * Quantiles of Student's t distribution, for any real degrees of freedom (Welch's df is not whole), without
 * a dependency. The distribution function is the regularized incomplete beta function (Abramowitz & Stegun,
 * Handbook of Mathematical Functions, 26.7.1 with 26.5.27); the quantile inverts it with Newton's method from
 * the Cornish-Fisher start of A&S 26.7.5 (Hill, Comm ACM 1970;13:617-619, algorithm 396, uses the same
 * expansion), kept inside a bracket so a poor start in the heavy tails of small df cannot diverge.
 * It replaces a 223-package dependency for this one function.
 */

/**
 * ln Γ(x) for x > 0: Stirling's series to the x⁻⁹ term (Abramowitz & Stegun 6.1.41) for x >= 10, where the
 * first term left out is below 2e-14; smaller x are first raised by the recurrence Γ(x + 1) = x Γ(x) (6.1.15).
 */
export function logGamma(x: number): number {
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift += Math.log(y);
    y += 1;
  }
  const inverse = 1 / y;
  const inverse2 = inverse * inverse;
  const series = inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 * (1 / 1680 - inverse2 / 1188))));
  return (y - 0.5) * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** The continued fraction of I_x(a, b) (A&S 26.5.8), evaluated by the modified Lentz method. */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    // Even step, then odd step of the fraction.
    let term = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    term = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return result;
}

/** The regularized incomplete beta function I_x(a, b), 0 <= x <= 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges quickly for x < (a + 1) / (a + b + 2); otherwise use I_x(a, b) = 1 - I_{1-x}(b, a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T <= t) for Student's t with `df` degrees of freedom (A&S 26.7.1). */
export function tDistribution(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The density of Student's t. */
function tDensity(t: number, df: number): number {
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** An approximate upper standard normal quantile, the start of the Cornish-Fisher expansion. */
function normalQuantileUpper(p: number): number {
  // A&S 26.2.23 (error < 4.5e-4), good enough as the start of the Cornish-Fisher expansion.
  const q = 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

/**
 * The `p` quantile of Student's t with `df` > 0 degrees of freedom, 0 < p < 1, to about 1e-12 relative.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  // Cornish-Fisher start (A&S 26.7.5).
  const z = normalQuantileUpper(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  let t = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
  // A bracket [low, high] around the root: the CDF rises with t.
  let low = 0;
  let high = Math.max(1, t);
  while (tDistribution(high, df) < p) high *= 2;
  if (!(t > low && t < high)) t = (low + high) / 2;
  for (let iteration = 0; iteration < 200; iteration++) {
    const error = tDistribution(t, df) - p;
    if (error > 0) high = t;
    else low = t;
    let next = t - error / tDensity(t, df);
    // Newton's step left the bracket: bisect instead.
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-13 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}
