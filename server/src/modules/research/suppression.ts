/*
 * Small-cell suppression. A cell is a count of clients (a band, a histogram bin, a visit, one side
 * of a comparison, responders and non-responders). Primary suppression hides every cell of 1 to
 * k - 1 clients; an empty cell (0) discloses nobody and is shown. Cells that partition a total
 * (the bands of one kind, the bins of the histogram, responders and non-responders) form a group,
 * and complementary suppression then hides further cells, smallest first, until the hidden cells of
 * the group are at least two and together hold at least k clients: the total minus the shown cells
 * gives only their sum, which is then no count under k and no single cell's count. A group whose
 * total is under k is hidden whole. (The approach of e.g. the ONS "Disclosure control guidance for
 * tables produced from administrative sources", 2014: threshold rule plus secondary suppression.)
 */

/** Is a cell of `n` clients, on its own, too small to show? */
export function tooSmall(n: number, k: number): boolean {
  return n > 0 && n < k;
}

/** Which cells of a group (counts that add up to the group's total) to hide. */
export function suppressGroup(counts: readonly number[], k: number): boolean[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (tooSmall(total, k)) return counts.map(() => true);
  const hidden = counts.map((n) => tooSmall(n, k));
  const hiddenSum = () => counts.reduce((sum, n, i) => sum + (hidden[i] ? n : 0), 0);
  const hiddenCount = () => hidden.filter(Boolean).length;
  while (hiddenCount() > 0 && (hiddenCount() < 2 || hiddenSum() < k)) {
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
