/*
 * Interval estimates for research outputs. PostgreSQL computes the sums (n, means, standard
 * deviations, regression sums); these turn them into 95% intervals.
 */
import { tQuantile } from './t-quantile.js';

/**
 * The two-sided 95% critical value of Student's t with `df` degrees of freedom, i.e. the 0.975
 * quantile, from t-quantile.ts (the inverse of the regularized incomplete beta function); tests check it
 * against printed tables (e.g. t(0.975, 10) = 2.228).
 */
export function t975(df: number): number {
  return tQuantile(0.975, df);
}

/**
 * z for a two-sided 95% interval: the 0.975 quantile of the standard normal distribution,
 * 1.959963984540054 (Abramowitz & Stegun, Handbook of Mathematical Functions, table 26.5, to 15 digits).
 */
export const z975 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** 95% interval of a mean: mean ± t(0.975, n - 1) · sd / √n. Null with fewer than 2 values. */
export function meanInterval(mean: number, sd: number, n: number): Interval | null {
  if (n < 2) return null;
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { low: mean - half, high: mean + half };
}

/**
 * Wilson score 95% interval of a proportion of `successes` in `n` (Wilson EB, J Am Stat Assoc
 * 1927;22:209-212; recommended over the Wald interval by Brown, Cai & DasGupta, Stat Sci
 * 2001;16:101-133): (p + z²/2n ± z·√(p(1-p)/n + z²/4n²)) / (1 + z²/n).
 */
export function wilsonInterval(successes: number, n: number): Interval | null {
  if (n < 1) return null;
  const p = successes / n;
  const z2 = z975 * z975;
  const centre = p + z2 / (2 * n);
  const half = z975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const scale = 1 + z2 / n;
  return { low: Math.max(0, (centre - half) / scale), high: Math.min(1, (centre + half) / scale) };
}

export interface GroupSummary {
  n: number;
  mean: number;
  sd: number;
}

/**
 * Difference of two means (b - a) with Welch's 95% interval: standard error √(sa²/na + sb²/nb),
 * degrees of freedom by the Welch-Satterthwaite equation (Welch BL, Biometrika 1947;34:28-35).
 * Null when either group has fewer than 2 values or both have no spread.
 */
export function welchDifference(a: GroupSummary, b: GroupSummary): { estimate: number; interval: Interval } | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  const estimate = b.mean - a.mean;
  if (se === 0) return null;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = t975(df) * se;
  return { estimate, interval: { low: estimate - half, high: estimate + half } };
}

/** PostgreSQL's `regr_*` sums of y on x over n pairs. */
export interface RegressionSums {
  n: number;
  slope: number;
  /** regr_sxx: Σ(x - x̄)². */
  sxx: number;
  /** regr_syy: Σ(y - ȳ)². */
  syy: number;
}

/**
 * Least-squares slope with its 95% interval: residual sum of squares Syy - b²·Sxx, standard error
 * √(RSS / (n - 2) / Sxx), t with n - 2 degrees of freedom (any regression text, e.g. Altman,
 * Practical Statistics for Medical Research, 1991, section 11.6). Null with fewer than 3 pairs or no spread in x.
 */
export function slopeInterval({ n, slope, sxx, syy }: RegressionSums): Interval | null {
  if (n < 3 || !(sxx > 0)) return null;
  const rss = Math.max(0, syy - slope * slope * sxx);
  const half = t975(n - 2) * Math.sqrt(rss / (n - 2) / sxx);
  return { low: slope - half, high: slope + half };
}
