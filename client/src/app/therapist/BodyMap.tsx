import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import type { Side } from '../../graphql/generated/graphql';
import { type Direction, figureViewBox, nextArea, type PlacedArea, placedAreas, type View } from './body-map-layout';

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

const sideWords: Record<Side, string> = { LEFT: 'Left', RIGHT: 'Right' };

/** "Neck", "Left shoulder". */
export function pickLabel(pick: RegionPick, name: string): string {
  return pick.side ? `${sideWords[pick.side]} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

const arrowKeys: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const viewTitles: Record<View, string> = { front: 'Front', back: 'Back' };
/** How long typed letters add up to one search ("le" then "f" = "lef"), as listboxes commonly do. */
const typeAheadMs = 700;

/**
 * The drawn outline of a body, the same for front and back: head, neck, trunk, arms and legs. The
 * person's right half is drawn once and mirrored.
 */
function BodyOutline() {
  const half = (
    <path d="M60 37 L44 38 Q34 39 30 44 L25 56 L22 74 L18 90 L14 112 L10 128 Q12 134 20 133 L28 130 L31 113 L35 92 L38 76 L40 64 L40 106 L38 122 L39 166 L41 180 L40 216 L37 230 Q38 235 48 234 L57 233 L57 216 L58 180 L59 166 L60 122 Z" />
  );
  return (
    <g className="body-outline">
      <ellipse cx="60" cy="16" rx="12" ry="14" />
      <rect x="53" y="27" width="14" height="13" rx="3" />
      {half}
      <g transform="translate(120 0) scale(-1 1)">{half}</g>
    </g>
  );
}

/**
 * The body map: ONE composite widget, a multi-select listbox (WAI-ARIA listbox pattern with
 * aria-activedescendant). It takes one Tab stop; the arrow keys move to the nearest area in that
 * direction (across both figures), Home and End to the first and last, typing a name's first
 * letters jumps to it, and Space or Enter chooses or un-chooses the area. The name of the area
 * under the pointer or the keyboard shows above the figures. Chosen areas are hatched and
 * outlined, not only coloured, and listed in words under the map by the form.
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
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const areas = useMemo(() => placedAreas(new Set(regions.map((r) => r.code))), [regions]);
  const [active, setActive] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const typed = useRef({ text: '', at: 0 });
  const current = active ?? areas[0]?.key ?? null;
  const optionId = (key: string) => `${id}-area-${key.replace('|', '-')}`;

  const nameOf = (key: string) => {
    const pick = parsePickKey(key);
    return pickLabel(pick, byCode.get(pick.code)?.name ?? pick.code);
  };
  const viewOf = (key: string) => areas.find((a) => a.key === key)?.view ?? 'front';
  const toggle = (key: string) => onToggle(parsePickKey(key));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!current) return;
    const direction = arrowKeys[event.key];
    let next: string | null = null;
    if (direction) next = nextArea(areas, current, direction);
    else if (event.key === 'Home') next = areas[0]?.key ?? null;
    else if (event.key === 'End') next = areas.at(-1)?.key ?? null;
    else if (event.key === 'Enter' || (event.key === ' ' && typed.current.text === '')) {
      event.preventDefault();
      toggle(current);
      return;
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: a space inside a name ("Left s…") belongs to the search, not to choosing.
      const now = event.timeStamp;
      const text = (now - typed.current.at > typeAheadMs ? '' : typed.current.text) + event.key.toLowerCase();
      typed.current = { text, at: now };
      next = areas.find((a) => nameOf(a.key).toLowerCase().startsWith(text))?.key ?? null;
      if (!next) return;
    }
    if (next === null) return;
    event.preventDefault();
    if (direction || event.key === 'Home' || event.key === 'End') typed.current = { text: '', at: 0 };
    setActive(next);
  }

  const shown = hovered ?? (focused ? current : null);
  const area = ({ key, box }: PlacedArea) => {
    const chosen = selected.has(key);
    const [x, y, width, height] = box;
    const classes = ['map-area', chosen ? 'map-area-on' : '', focused && key === current ? 'map-area-active' : ''];
    return (
      <rect
        key={key}
        id={optionId(key)}
        role="option"
        aria-selected={chosen}
        aria-label={`${nameOf(key)} (${viewTitles[viewOf(key)].toLowerCase()})`}
        data-region={key}
        className={classes.filter(Boolean).join(' ')}
        x={x}
        y={y}
        width={width}
        height={height}
        rx={3}
        // A style, not the fill attribute: the stylesheet's fill would win over an attribute.
        style={chosen ? { fill: `url(#${hatch})` } : undefined}
        onClick={() => {
          setActive(key);
          toggle(key);
        }}
        onPointerEnter={() => setHovered(key)}
        onPointerLeave={() => setHovered((h) => (h === key ? null : h))}
      />
    );
  };

  const figure = (view: View) => (
    // Only the options and their groups may sit in a listbox: the figure is layout, not a figure role.
    <figure className="body-figure" key={view} role="none">
      {/* biome-ignore lint/a11y/useSemanticElements: a group of the listbox's options, drawn. */}
      <svg
        role="group"
        aria-label={`${viewTitles[view]} of the body`}
        viewBox={`${figureViewBox.x} ${figureViewBox.y} ${figureViewBox.width} ${figureViewBox.height}`}
      >
        <BodyOutline />
        {areas.filter((a) => a.view === view).map(area)}
      </svg>
      <figcaption aria-hidden="true">
        {viewTitles[view]} ({view === 'front' ? 'their right on your left' : 'their right on your right'})
      </figcaption>
    </figure>
  );

  const drawn = new Set(areas.map((a) => parsePickKey(a.key).code));
  const others = regions.filter((r) => !drawn.has(r.code));
  return (
    <div className="body-map">
      <svg width="0" height="0" aria-hidden="true" focusable="false" className="defs">
        <defs>
          <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#cfe5f3" />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#005a8c" strokeWidth="2" />
          </pattern>
        </defs>
      </svg>
      <p className="map-name" aria-hidden="true">
        {shown ? `${nameOf(shown)} (${viewTitles[viewOf(shown)].toLowerCase()})${selected.has(shown) ? ': chosen' : ''}` : ' '}
      </p>
      <div
        role="listbox"
        tabIndex={0}
        aria-multiselectable="true"
        aria-label="Body map"
        aria-describedby={describedBy}
        aria-activedescendant={current ? optionId(current) : undefined}
        className={focused ? 'body-figures body-figures-focused' : 'body-figures'}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        {figure('front')}
        {figure('back')}
      </div>
      {others.length > 0 && (
        <div className="map-others">
          {others.flatMap((region) =>
            (region.lateral
              ? [
                  { code: region.code, side: 'RIGHT' as const },
                  { code: region.code, side: 'LEFT' as const },
                ]
              : [{ code: region.code, side: null }]
            ).map((pick) => (
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
