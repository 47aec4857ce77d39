/*
 * Ordinary least squares from sums of cross products (the normal equations X'X b = X'y), for a model
 * small enough to solve by hand: the database adds up the sums, this file solves them. Gauss-Jordan
 * elimination with partial pivoting gives the coefficients and (X'X)^-1 together.
 */

/** Sums over the points of the cross products of the predictors (with a leading 1) and the outcome. */
export interface CrossProducts {
  /** X'X, p x p, row by row. */
  xtx: number[][];
  /** X'y, length p. */
  xty: number[];
  /** y'y. */
  yty: number;
  /** Sum of y (for the total sum of squares about the mean). */
  sumY: number;
  n: number;
}

export interface LeastSquaresFit {
  coefficients: number[];
  /** (X'X)^-1, p x p. */
  xtxInverse: number[][];
  rSquared: number;
  /** sqrt(SSE / (n - p)). */
  residualSd: number;
  /** Residual degrees of freedom, n - p. */
  df: number;
}

/** (X'X)^-1 by Gauss-Jordan, or null when X'X is singular (a predictor that never varies, too few points). */
export function invert(matrix: readonly (readonly number[])[]): number[][] | null {
  const size = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: size }, (_, j) => (i === j ? 1 : 0))]);
  // Relative to the largest entry: sums of squares of visit numbers and scores differ by orders of magnitude.
  const scale = Math.max(...matrix.flat().map(Math.abs));
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(a[row]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = row;
    const pivotRow = a[pivot] as number[];
    if (!(Math.abs(pivotRow[col] as number) > scale * 1e-12)) return null;
    [a[col], a[pivot]] = [pivotRow, a[col] as number[]];
    const lead = pivotRow[col] as number;
    for (let j = 0; j < 2 * size; j++) pivotRow[j] = (pivotRow[j] as number) / lead;
    for (let row = 0; row < size; row++) {
      const target = a[row] as number[];
      if (row === col) continue;
      const factor = target[col] as number;
      for (let j = 0; j < 2 * size; j++) target[j] = (target[j] as number) - factor * (pivotRow[j] as number);
    }
  }
  return a.map((row) => row.slice(size));
}

/** The least-squares fit, or null when it cannot be estimated (singular X'X, no residual degree of freedom). */
export function fitLeastSquares(sums: CrossProducts): LeastSquaresFit | null {
  const p = sums.xty.length;
  const df = sums.n - p;
  if (df < 1) return null;
  const xtxInverse = invert(sums.xtx);
  if (!xtxInverse) return null;
  const coefficients = xtxInverse.map((row) => row.reduce((sum, v, j) => sum + v * (sums.xty[j] as number), 0));
  // SSE = y'y - b'X'y (the normal equations make the cross term vanish).
  const sse = Math.max(0, sums.yty - coefficients.reduce((sum, b, j) => sum + b * (sums.xty[j] as number), 0));
  const sst = sums.yty - (sums.sumY * sums.sumY) / sums.n;
  return {
    coefficients,
    xtxInverse,
    rSquared: sst > 0 ? Math.max(0, 1 - sse / sst) : 0,
    residualSd: Math.sqrt(sse / df),
    df,
  };
}

/** x0'(X'X)^-1 x0: how far a new point's predictors lie from the data's centre, in the fit's metric. */
export function leverage(xtxInverse: readonly (readonly number[])[], x0: readonly number[]): number {
  return x0.reduce((sum, xi, i) => sum + xi * x0.reduce((inner, xj, j) => inner + (xtxInverse[i]?.[j] as number) * xj, 0), 0);
}
