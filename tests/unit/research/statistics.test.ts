import { loadConfig } from '@fascia/server/config.js';
import { meanInterval, slopeInterval, t975, welchDifference, wilsonInterval } from '@fascia/server/modules/research/statistics.js';
import { suppressGroup, tooSmall } from '@fascia/server/modules/research/suppression.js';
import { describe, expect, test } from 'vitest';

describe('t quantiles', () => {
  // Two-sided 95% critical values as printed in statistical tables (e.g. Altman 1991, table B4; NIST/SEMATECH e-Handbook 1.3.6.7.2).
  test.each([
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [20, 2.086],
    [29, 2.045],
    [60, 2.0],
    [120, 1.98],
  ])('t(0.975, %i) = %f', (df, printed) => {
    expect(t975(df)).toBeCloseTo(printed, 3);
  });

  test('approaches z for large df', () => {
    expect(t975(1e7)).toBeCloseTo(1.96, 3);
  });
});

describe('intervals', () => {
  test('mean: 10 values of mean 5 and SD 2 give 5 ± 2.262 · 2 / √10', () => {
    const ci = meanInterval(5, 2, 10);
    expect(ci?.low).toBeCloseTo(5 - (2.262 * 2) / Math.sqrt(10), 3);
    expect(ci?.high).toBeCloseTo(5 + (2.262 * 2) / Math.sqrt(10), 3);
    expect(meanInterval(5, 0, 1)).toBeNull();
  });

  // Worked examples of Newcombe RG, Stat Med 1998;17:857-872, table I (method 3, Wilson score).
  test.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('Wilson %i/%i = [%f, %f]', (x, n, low, high) => {
    const ci = wilsonInterval(x, n);
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });

  test('Welch: difference of means with Satterthwaite degrees of freedom', () => {
    // a: n 10, mean 1, SD 2; b: n 20, mean 3, SD 1 -> se² = 0.4 + 0.05, df = 0.45² / (0.4²/9 + 0.05²/19)
    const result = welchDifference({ n: 10, mean: 1, sd: 2 }, { n: 20, mean: 3, sd: 1 });
    const df = 0.45 ** 2 / (0.4 ** 2 / 9 + 0.05 ** 2 / 19);
    expect(df).toBeCloseTo(11.307, 3);
    expect(result?.estimate).toBe(2);
    // t(0.975, 11.3) lies between the printed t(0.975, 11) = 2.201 and t(0.975, 12) = 2.179.
    const half = (result?.interval.high ?? 0) - 2;
    expect(half / Math.sqrt(0.45)).toBeGreaterThan(2.179);
    expect(half / Math.sqrt(0.45)).toBeLessThan(2.201);
  });

  test('slope: y = 2x + noise over 5 points', () => {
    // x 1..5, y 2.1, 3.9, 6.2, 7.8, 10.1: b = 19.9/10 = 1.99, Syy = 39.828, RSS = 39.828 - 1.99² · 10 = 0.227
    const ys = [2.1, 3.9, 6.2, 7.8, 10.1];
    const mean = ys.reduce((a, b) => a + b) / 5;
    const syy = ys.reduce((a, y) => a + (y - mean) ** 2, 0);
    const ci = slopeInterval({ n: 5, slope: 1.99, sxx: 10, syy });
    const half = 3.182 * Math.sqrt((syy - 1.99 ** 2 * 10) / 3 / 10);
    expect(ci?.low).toBeCloseTo(1.99 - half, 3);
    expect(ci?.high).toBeCloseTo(1.99 + half, 3);
    expect(slopeInterval({ n: 2, slope: 1, sxx: 1, syy: 1 })).toBeNull();
  });
});

describe('small-cell suppression (k = 11)', () => {
  const k = 11;
  test('cells of 0 to 10 are hidden alike (an empty cell answers as a small one); 11 and more are shown', () => {
    expect([0, 1, 10, 11].map((n) => tooSmall(n, k))).toEqual([true, true, true, false]);
  });

  test('one small cell drags the smallest other non-empty cell with it; empty cells stay hidden', () => {
    expect(suppressGroup([0, 30, 4, 12, 0], k)).toEqual([true, false, true, true, true]);
  });

  test('two small cells holding fewer than k together drag a third', () => {
    expect(suppressGroup([3, 4, 50, 20], k)).toEqual([true, true, false, true]);
  });

  test('two small cells holding k or more together are enough', () => {
    expect(suppressGroup([7, 8, 50], k)).toEqual([true, true, false]);
  });

  test('a group whose total is under k is hidden whole', () => {
    expect(suppressGroup([3, 0, 4], k)).toEqual([true, true, true]);
  });

  test('no hidden count can be derived from the total, whatever the cells', () => {
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let round = 0; round < 2000; round++) {
      const counts = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() ** 2 * 40));
      const hidden = suppressGroup(counts, k);
      const total = counts.reduce((a, b) => a + b, 0);
      const shownSum = counts.reduce((a, n, i) => a + (hidden[i] ? 0 : n), 0);
      const hiddenCount = hidden.filter(Boolean).length;
      for (const [i, n] of counts.entries()) if (!hidden[i]) expect(tooSmall(n, k)).toBe(false);
      if (tooSmall(total, k)) expect(hiddenCount).toBe(counts.length);
      else if (total - shownSum > 0) {
        // Hidden cells that hold anyone hold k or more together. Hidden cells that are all empty leave a
        // difference of 0 in these exact counts; published counts carry cell-key noise, so it is not 0 there.
        expect(hiddenCount).toBeGreaterThanOrEqual(2);
        expect(total - shownSum).toBeGreaterThanOrEqual(k);
      }
    }
  });
});

describe('configuration of the minimum cell size', () => {
  test('defaults to 11, accepts 5 and more, refuses less', () => {
    expect(loadConfig({}).researchMinCell).toBe(11);
    expect(loadConfig({ FASCIA_RESEARCH_MIN_CELL: '5' }).researchMinCell).toBe(5);
    expect(() => loadConfig({ FASCIA_RESEARCH_MIN_CELL: '4' })).toThrow(/FASCIA_RESEARCH_MIN_CELL must be a whole number from 5/);
    expect(() => loadConfig({ FASCIA_RESEARCH_MIN_CELL: 'eleven' })).toThrow(/FASCIA_RESEARCH_MIN_CELL/);
  });
});
