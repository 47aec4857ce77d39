import { describe, expect, test } from 'vitest';
import { bodyLayout, type Direction, nextArea, placedAreas } from './body-map-layout';

const everyRegion = new Set([...Object.keys(bodyLayout.front), ...Object.keys(bodyLayout.back)]);
const areas = placedAreas(everyRegion);

/** The fewest arrow-key presses from one area to another (breadth-first over the four arrows). */
function pressesBetween(from: string, to: string): number {
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    const presses = seen.get(key) as number;
    if (key === to) return presses;
    for (const direction of ['up', 'down', 'left', 'right'] as Direction[]) {
      const next = nextArea(areas, key, direction);
      if (!seen.has(next)) {
        seen.set(next, presses + 1);
        queue.push(next);
      }
    }
  }
  return Number.POSITIVE_INFINITY;
}

describe('body map layout (defect 8)', () => {
  test('every area is at least 10 x 10 units: 26 CSS px or more at the 270 px the figure is drawn', () => {
    for (const { key, box } of areas) {
      expect(Math.min(box[2], box[3]), key).toBeGreaterThanOrEqual(10);
      expect((Math.min(box[2], box[3]) * 270) / 104, key).toBeGreaterThanOrEqual(24);
    }
  });

  test('areas of one figure do not overlap', () => {
    for (const a of areas) {
      for (const b of areas) {
        if (a === b || a.view !== b.view) continue;
        const [ax, ay, aw, ah] = a.box;
        const [bx, by, bw, bh] = b.box;
        const overlap = ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
        expect(overlap, `${a.key} and ${b.key}`).toBe(false);
      }
    }
  });

  test('arrows move to the neighbour in that direction, across figures, and stop at the edge', () => {
    expect(nextArea(areas, 'FACE|', 'down')).toMatch(/^JAW\|/);
    expect(nextArea(areas, 'UPPER_BACK|', 'down')).toBe('LOWER_BACK|');
    expect(nextArea(areas, 'LOWER_BACK|', 'up')).toBe('UPPER_BACK|');
    // The front's right edge (the person's left hand) leads to the back figure.
    expect(areas.find((a) => a.key === nextArea(areas, 'WRIST_HAND|LEFT', 'right'))?.view).toBe('back');
    expect(nextArea(areas, 'HEAD|', 'up')).toBe('HEAD|');
  });

  test('every area can be reached with the arrows; the neck takes a few presses, not 52 Tabs', () => {
    const first = areas[0]?.key ?? '';
    for (const { key } of areas) expect(pressesBetween(first, key), key).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(pressesBetween(first, 'NECK|')).toBeLessThanOrEqual(8);
  });
});
