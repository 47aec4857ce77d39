/**
 * Where each Michigan Body Map region sits on the drawn figures, and how the arrow keys move between
 * them. Pure data and functions, so the keyboard behaviour is tested without a browser.
 */

/** x, y, width, height in the figure's units (a figure is 104 x 240 units, from x = 8). */
export type Box = readonly [x: number, y: number, width: number, height: number];

export type View = 'front' | 'back';

/**
 * Front: the person faces us, so their right is on our left; back: their right is on our right.
 * Every box is at least 10 x 10 units: drawn at 2.6 px a unit or more (the figure is at least 270 px
 * wide), each target is at least 24 x 24 CSS px (WCAG 2.2, 2.5.8).
 */
export const bodyLayout: Record<View, Record<string, Box | { LEFT: Box; RIGHT: Box }>> = {
  front: {
    FACE: [49, 4, 22, 18],
    JAW: { RIGHT: [48, 23, 12, 10], LEFT: [60, 23, 12, 10] },
    CHEST: { RIGHT: [40, 40, 20, 24], LEFT: [60, 40, 20, 24] },
    UPPER_ARM: { RIGHT: [26, 40, 13, 30], LEFT: [81, 40, 13, 30] },
    ELBOW: { RIGHT: [22, 72, 14, 11], LEFT: [84, 72, 14, 11] },
    LOWER_ARM: { RIGHT: [18, 85, 14, 26], LEFT: [88, 85, 14, 26] },
    WRIST_HAND: { RIGHT: [12, 113, 17, 18], LEFT: [91, 113, 17, 18] },
    ABDOMEN: [40, 66, 40, 24],
    PELVIS: [40, 92, 40, 14],
    GROIN: { RIGHT: [44, 108, 16, 11], LEFT: [60, 108, 16, 11] },
    UPPER_LEG: { RIGHT: [40, 121, 19, 42], LEFT: [61, 121, 19, 42] },
    KNEE: { RIGHT: [41, 165, 17, 12], LEFT: [62, 165, 17, 12] },
    LOWER_LEG: { RIGHT: [42, 179, 15, 36], LEFT: [63, 179, 15, 36] },
    ANKLE_FOOT: { RIGHT: [38, 217, 19, 16], LEFT: [63, 217, 19, 16] },
  },
  back: {
    HEAD: [49, 4, 22, 24],
    NECK: [53, 29, 14, 10],
    SHOULDER: { LEFT: [28, 40, 28, 12], RIGHT: [64, 40, 28, 12] },
    UPPER_BACK: [40, 54, 40, 32],
    LOWER_BACK: [40, 88, 40, 19],
    HIP: { LEFT: [30, 108, 14, 16], RIGHT: [76, 108, 14, 16] },
    BUTTOCK: { LEFT: [46, 109, 14, 22], RIGHT: [60, 109, 14, 22] },
  },
};

/** The figures' view box: both figures use the same one. */
export const figureViewBox = { x: 8, y: 0, width: 104, height: 240 } as const;

/** A drawn area: its key (`CODE|SIDE`), its figure and its box. */
export interface PlacedArea {
  key: string;
  view: View;
  box: Box;
}

/** The areas drawn for the regions the catalog lists, front figure first, in reading order. */
export function placedAreas(codes: ReadonlySet<string>): PlacedArea[] {
  const areas: PlacedArea[] = [];
  for (const view of ['front', 'back'] as const) {
    for (const [code, place] of Object.entries(bodyLayout[view])) {
      if (!codes.has(code)) continue;
      if (isBox(place)) areas.push({ key: `${code}|`, view, box: place });
      else
        for (const side of view === 'front' ? (['RIGHT', 'LEFT'] as const) : (['LEFT', 'RIGHT'] as const)) {
          areas.push({ key: `${code}|${side}`, view, box: place[side] });
        }
    }
  }
  return areas;
}

function isBox(place: Box | { LEFT: Box; RIGHT: Box }): place is Box {
  return Array.isArray(place);
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The centre of an area with the back figure laid out to the right of the front one (as on a wide screen). */
function centre(area: PlacedArea): { x: number; y: number } {
  const [x, y, width, height] = area.box;
  return { x: x + width / 2 + (area.view === 'back' ? figureViewBox.width + 20 : 0), y: y + height / 2 };
}

/**
 * The area an arrow key moves to: the nearest area whose centre lies in that direction (within a
 * cone of about 63 degrees either side, distance weighted against drifting sideways), or the same area when
 * there is none (the edge of the map). Left from the back figure's left edge reaches the front figure.
 */
export function nextArea(areas: readonly PlacedArea[], fromKey: string, direction: Direction): string {
  const from = areas.find((a) => a.key === fromKey);
  if (!from) return areas[0]?.key ?? fromKey;
  const origin = centre(from);
  let best: { key: string; cost: number } | null = null;
  for (const area of areas) {
    if (area.key === fromKey) continue;
    const point = centre(area);
    const dx = point.x - origin.x;
    const dy = point.y - origin.y;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0 || across > 2 * along) continue;
    const cost = along + 2 * across;
    if (!best || cost < best.cost) best = { key: area.key, cost };
  }
  return best?.key ?? fromKey;
}
