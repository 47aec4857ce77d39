import { type KeyboardEvent, useId } from 'react';
import type { Side } from '../../graphql/generated/graphql';

/** A region of the body-region catalog, as the API lists it. */
export interface MapRegion {
  code: string;
  name: string;
  lateral: boolean;
}

/** A chosen area: a region code and, for a lateral region, the side. */
export interface RegionPick {
  code: string;
  side: Side | null;
}

export function pickKey(pick: RegionPick): string {
  return `${pick.code}|${pick.side ?? ''}`;
}

export function parsePickKey(key: string): RegionPick {
  const [code = '', side = ''] = key.split('|');
  return { code, side: side === 'LEFT' || side === 'RIGHT' ? side : null };
}

type Box = [x: number, y: number, width: number, height: number];

/**
 * Where each Michigan Body Map region is drawn, on a front and a back figure
 * 120 x 240 units. Front: the person faces us, so their right is on our left;
 * back: their right is on our right. Regions the API lists but this layout does
 * not know still appear, as buttons under the figures.
 */
const layout: Record<'front' | 'back', Record<string, Box | { LEFT: Box; RIGHT: Box }>> = {
  front: {
    FACE: [50, 6, 20, 20],
    JAW: { RIGHT: [48, 27, 11, 6], LEFT: [61, 27, 11, 6] },
    CHEST: { RIGHT: [40, 44, 19, 24], LEFT: [61, 44, 19, 24] },
    UPPER_ARM: { RIGHT: [26, 44, 12, 30], LEFT: [82, 44, 12, 30] },
    ELBOW: { RIGHT: [23, 76, 13, 10], LEFT: [84, 76, 13, 10] },
    LOWER_ARM: { RIGHT: [19, 88, 13, 26], LEFT: [88, 88, 13, 26] },
    WRIST_HAND: { RIGHT: [14, 116, 15, 18], LEFT: [91, 116, 15, 18] },
    ABDOMEN: [40, 70, 40, 24],
    PELVIS: [40, 96, 40, 16],
    GROIN: { RIGHT: [44, 114, 15, 10], LEFT: [61, 114, 15, 10] },
    UPPER_LEG: { RIGHT: [40, 126, 18, 40], LEFT: [62, 126, 18, 40] },
    KNEE: { RIGHT: [41, 168, 16, 12], LEFT: [63, 168, 16, 12] },
    LOWER_LEG: { RIGHT: [42, 182, 14, 34], LEFT: [64, 182, 14, 34] },
    ANKLE_FOOT: { RIGHT: [40, 218, 16, 16], LEFT: [64, 218, 16, 16] },
  },
  back: {
    HEAD: [50, 4, 20, 24],
    NECK: [53, 30, 14, 10],
    SHOULDER: { LEFT: [30, 42, 26, 12], RIGHT: [64, 42, 26, 12] },
    UPPER_BACK: [40, 56, 40, 30],
    LOWER_BACK: [40, 88, 40, 22],
    HIP: { LEFT: [33, 110, 13, 16], RIGHT: [74, 110, 13, 16] },
    BUTTOCK: { LEFT: [47, 112, 13, 22], RIGHT: [60, 112, 13, 22] },
  },
};

const sideWords: Record<Side, string> = { LEFT: 'Left', RIGHT: 'Right' };

/** "Neck", "Left shoulder". */
export function pickLabel(pick: RegionPick, name: string): string {
  return pick.side ? `${sideWords[pick.side]} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

function toggleOnKey(event: KeyboardEvent, toggle: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    toggle();
  }
}

/**
 * A clickable body map: every area (each side of a lateral region on its own)
 * is a focusable toggle button with its name, pressed when chosen. Tab moves
 * between areas, Enter or Space chooses. Chosen areas are hatched and outlined,
 * not only coloured, and listed in words under the map.
 */
export function BodyMap({
  regions,
  selected,
  onToggle,
  describedBy,
}: {
  regions: readonly MapRegion[];
  selected: ReadonlySet<string>;
  onToggle: (pick: RegionPick) => void;
  describedBy?: string;
}) {
  const id = useId();
  const hatch = `${id}-hatch`;
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const drawn = new Set([...Object.keys(layout.front), ...Object.keys(layout.back)]);
  const picksOf = (region: MapRegion): RegionPick[] =>
    region.lateral
      ? [
          { code: region.code, side: 'RIGHT' },
          { code: region.code, side: 'LEFT' },
        ]
      : [{ code: region.code, side: null }];

  const area = (pick: RegionPick, box: Box, name: string) => {
    const key = pickKey(pick);
    const pressed = selected.has(key);
    const [x, y, width, height] = box;
    return (
      // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role, name, state and keys are given here.
      <rect
        key={key}
        role="button"
        tabIndex={0}
        aria-pressed={pressed}
        aria-label={pickLabel(pick, name)}
        data-region={key}
        className={pressed ? 'map-area map-area-on' : 'map-area'}
        x={x}
        y={y}
        width={width}
        height={height}
        rx={3}
        // A style, not the fill attribute: the stylesheet's fill would win over an attribute.
        style={pressed ? { fill: `url(#${hatch})` } : undefined}
        onClick={() => onToggle(pick)}
        onKeyDown={(event) => toggleOnKey(event, () => onToggle(pick))}
      >
        <title>{pickLabel(pick, name)}</title>
      </rect>
    );
  };

  const figure = (view: 'front' | 'back', title: string) => (
    <figure className="body-figure">
      {/* biome-ignore lint/a11y/useSemanticElements: the group is the drawing; its areas are the buttons. */}
      <svg viewBox="0 0 120 240" role="group" aria-label={`${title} of the body`}>
        {Object.entries(layout[view]).flatMap(([code, place]) => {
          const region = byCode.get(code);
          if (!region) return [];
          if (Array.isArray(place)) return [area({ code, side: null }, place, region.name)];
          return (['RIGHT', 'LEFT'] as const).map((side) => area({ code, side }, place[side], region.name));
        })}
      </svg>
      <figcaption>
        {title} ({view === 'front' ? 'their right on your left' : 'their right on your right'})
      </figcaption>
    </figure>
  );

  const others = regions.filter((r) => !drawn.has(r.code));
  return (
    <div className="body-map" aria-describedby={describedBy}>
      <svg width="0" height="0" aria-hidden="true" focusable="false" className="defs">
        <defs>
          <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#cfe5f3" />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#005a8c" strokeWidth="2" />
          </pattern>
        </defs>
      </svg>
      <div className="body-figures">
        {figure('front', 'Front')}
        {figure('back', 'Back')}
      </div>
      {others.length > 0 && (
        <div className="map-others">
          {others.flatMap((region) =>
            picksOf(region).map((pick) => (
              <button key={pickKey(pick)} type="button" aria-pressed={selected.has(pickKey(pick))} onClick={() => onToggle(pick)}>
                {pickLabel(pick, region.name)}
              </button>
            )),
          )}
        </div>
      )}
    </div>
  );
}
