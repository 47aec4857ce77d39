/*
 * Pain-location regions, following the Michigan Body Map (MBM):
 *   Brummett CM, Bakshi RR, Goesling J, et al. Preliminary validation of the Michigan Body Map.
 *   Pain 2016;157(6):1205-1212. doi:10.1097/j.pain.0000000000000506
 *   (electronic form: Hassett AL et al. 2020, Reg Anesth Pain Med 45(2):145)
 *
 * The revised MBM has 35 checkbox areas on a front and a back figure: 7 midline areas and
 * 14 paired areas (left and right). Here each paired area is ONE region with `lateral: true`;
 * the side travels separately (see `Side`), as in HL7 FHIR / openEHR, so 21 region codes
 * cover the 35 MBM areas. `view` is the MBM figure that carries the area's checkbox.
 *
 * `wpiArea` maps each region to the Widespread Pain Index area of the 2016 fibromyalgia
 * criteria (Wolfe F et al. 2016, Semin Arthritis Rheum 46(3):319-329), or null where the WPI
 * has no such area (head, face, elbow, wrist/hand, pelvis, groin, knee, ankle/foot). The WPI
 * has 19 areas: 7 paired (jaw, shoulder girdle, upper arm, lower arm, hip, upper leg, lower leg)
 * and 5 axial (neck, upper back, lower back, chest, abdomen). The MBM's separate left/right
 * chest areas both map to the single axial WPI chest area; MBM hip and buttock both map to
 * the WPI "hip (buttock, trochanter)" area.
 *
 * SNOMED CT body-structure codes are deliberately not included yet: add them only once each
 * has been checked against the SNOMED CT browser.
 */

/**
 * Side of a lateral region on an observation. A finding on both sides is recorded as two
 * observations, one per side, so each side keeps its own trend line.
 */
export const SIDES = ['LEFT', 'RIGHT'] as const;
export type Side = (typeof SIDES)[number];

export type BodyView = 'FRONT' | 'BACK';

/** Widespread Pain Index areas (Wolfe 2016). Paired areas take a side. */
export type WpiArea =
  | 'JAW'
  | 'SHOULDER_GIRDLE'
  | 'UPPER_ARM'
  | 'LOWER_ARM'
  | 'HIP'
  | 'UPPER_LEG'
  | 'LOWER_LEG'
  | 'NECK'
  | 'UPPER_BACK'
  | 'LOWER_BACK'
  | 'CHEST'
  | 'ABDOMEN';

/** WPI areas that exist on both sides (the other five are axial). */
export const LATERAL_WPI_AREAS: readonly WpiArea[] = ['JAW', 'SHOULDER_GIRDLE', 'UPPER_ARM', 'LOWER_ARM', 'HIP', 'UPPER_LEG', 'LOWER_LEG'];

/**
 * The five body regions of the 2016 criteria, used for "generalized pain" (pain in at least
 * 4 of 5 regions). Wolfe 2016 lists the jaw under the upper regions and the chest and abdomen
 * under the axial region, but excludes jaw, chest and abdomen when counting generalized pain.
 */
export type Wpi2016Region = 'LEFT_UPPER' | 'RIGHT_UPPER' | 'LEFT_LOWER' | 'RIGHT_LOWER' | 'AXIAL';

export function wpi2016Region(area: WpiArea, side: Side | null): Wpi2016Region {
  switch (area) {
    case 'JAW':
    case 'SHOULDER_GIRDLE':
    case 'UPPER_ARM':
    case 'LOWER_ARM':
      if (side === null) throw new Error(`WPI area ${area} needs a side`);
      return side === 'LEFT' ? 'LEFT_UPPER' : 'RIGHT_UPPER';
    case 'HIP':
    case 'UPPER_LEG':
    case 'LOWER_LEG':
      if (side === null) throw new Error(`WPI area ${area} needs a side`);
      return side === 'LEFT' ? 'LEFT_LOWER' : 'RIGHT_LOWER';
    case 'NECK':
    case 'UPPER_BACK':
    case 'LOWER_BACK':
    case 'CHEST':
    case 'ABDOMEN':
      return 'AXIAL';
  }
}

export interface BodyRegionDefinition {
  /** Stable upper-snake code, e.g. `LOWER_BACK`. */
  code: string;
  name: string;
  /** True when the region exists on the left and the right, so an observation needs a side. */
  lateral: boolean;
  /** The Michigan Body Map figure that carries this area. */
  view: BodyView;
  /** Widespread Pain Index area (Wolfe 2016), or null when the WPI does not count this region. */
  wpiArea: WpiArea | null;
}

export const bodyRegionCatalog: readonly BodyRegionDefinition[] = [
  // Front figure of the MBM
  { code: 'FACE', name: 'Face', lateral: false, view: 'FRONT', wpiArea: null },
  { code: 'JAW', name: 'Jaw', lateral: true, view: 'FRONT', wpiArea: 'JAW' },
  {
    code: 'CHEST',
    name: 'Chest / breast',
    lateral: true,
    view: 'FRONT',
    wpiArea: 'CHEST',
  },
  {
    code: 'UPPER_ARM',
    name: 'Upper arm',
    lateral: true,
    view: 'FRONT',
    wpiArea: 'UPPER_ARM',
  },
  { code: 'ELBOW', name: 'Elbow', lateral: true, view: 'FRONT', wpiArea: null },
  {
    code: 'LOWER_ARM',
    name: 'Lower arm (forearm)',
    lateral: true,
    view: 'FRONT',
    wpiArea: 'LOWER_ARM',
  },
  {
    code: 'WRIST_HAND',
    name: 'Wrist / hand',
    lateral: true,
    view: 'FRONT',
    wpiArea: null,
  },
  {
    code: 'ABDOMEN',
    name: 'Abdomen',
    lateral: false,
    view: 'FRONT',
    wpiArea: 'ABDOMEN',
  },
  {
    code: 'PELVIS',
    name: 'Pelvis',
    lateral: false,
    view: 'FRONT',
    wpiArea: null,
  },
  { code: 'GROIN', name: 'Groin', lateral: true, view: 'FRONT', wpiArea: null },
  {
    code: 'UPPER_LEG',
    name: 'Upper leg (thigh)',
    lateral: true,
    view: 'FRONT',
    wpiArea: 'UPPER_LEG',
  },
  { code: 'KNEE', name: 'Knee', lateral: true, view: 'FRONT', wpiArea: null },
  {
    code: 'LOWER_LEG',
    name: 'Lower leg',
    lateral: true,
    view: 'FRONT',
    wpiArea: 'LOWER_LEG',
  },
  {
    code: 'ANKLE_FOOT',
    name: 'Ankle / foot',
    lateral: true,
    view: 'FRONT',
    wpiArea: null,
  },
  // Back figure of the MBM
  { code: 'HEAD', name: 'Head', lateral: false, view: 'BACK', wpiArea: null },
  { code: 'NECK', name: 'Neck', lateral: false, view: 'BACK', wpiArea: 'NECK' },
  {
    code: 'SHOULDER',
    name: 'Shoulder',
    lateral: true,
    view: 'BACK',
    wpiArea: 'SHOULDER_GIRDLE',
  },
  {
    code: 'UPPER_BACK',
    name: 'Upper back',
    lateral: false,
    view: 'BACK',
    wpiArea: 'UPPER_BACK',
  },
  {
    code: 'LOWER_BACK',
    name: 'Lower back',
    lateral: false,
    view: 'BACK',
    wpiArea: 'LOWER_BACK',
  },
  { code: 'HIP', name: 'Hip', lateral: true, view: 'BACK', wpiArea: 'HIP' },
  {
    code: 'BUTTOCK',
    name: 'Buttock',
    lateral: true,
    view: 'BACK',
    wpiArea: 'HIP',
  },
];

const byCode = new Map(bodyRegionCatalog.map((r) => [r.code, r]));

export function findBodyRegion(code: string): BodyRegionDefinition | undefined {
  return byCode.get(code);
}
