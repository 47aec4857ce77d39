/*
 * Small-cell suppression, together with cell-key perturbation (perturbation.ts). A cell is a count of
 * clients (a band, a histogram bin, a visit, one side of a comparison, responders and non-responders).
 * Primary suppression hides every cell of fewer than k clients, 0 included, so that "nobody" and "a
 * few" answer alike (no presence oracle). Cells that partition a total (the bands of one kind, the bins
 * of the histogram, responders and non-responders) form a group, and when a hidden cell holds 1 to
 * k - 1 clients complementary suppression hides further cells, smallest first, until the hidden cells
 * of the group are at least two and together hold at least k clients: the total minus the shown cells
 * then gives no count under k and no single cell's count (and the shown counts are perturbed besides).
 * A group whose total is under k is hidden whole. (The approach of e.g. the ONS "Disclosure control
 * guidance for tables produced from administrative sources", 2014: threshold rule plus secondary suppression.)
 */

/** Is a cell of `n` clients, on its own, too small to show? 0 is too small too: it answers like 1..k-1. */
export function tooSmall(n: number, k: number): boolean {
  return n < k;
}

/** Which cells of a group (counts that add up to the group's total) to hide. */
export function suppressGroup(counts: readonly number[], k: number): boolean[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (tooSmall(total, k)) return counts.map(() => true);
  const hidden = counts.map((n) => tooSmall(n, k));
  const hiddenSum = () => counts.reduce((sum, n, i) => sum + (hidden[i] ? n : 0), 0);
  const hiddenCount = () => hidden.filter(Boolean).length;
  // Hidden empty cells alone disclose nobody; hidden cells holding clients must together hold k.
  while (hiddenSum() > 0 && (hiddenCount() < 2 || hiddenSum() < k)) {
    // The smallest shown non-empty cell; hiding an empty one would add nothing to the hidden sum.
    let next = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (next < 0 || n < (counts[next] as number))) next = i;
    });
    if (next < 0) break;
    hidden[next] = true;
  }
  return hidden;
}
