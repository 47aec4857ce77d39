import { instrumentScoreMeasures } from '../instruments/instrument-score-measures.js';
import type { MeasureDefinition } from './measure-definition.js';

/*
 * Physical (therapist-measured or single-item self-report) measures.
 *
 * Conventions
 * - `mcid` is the change threshold a therapist should treat as real. When the literature
 *   publishes only a minimal detectable change (MDC / smallest detectable change), that
 *   MDC is used, `thresholdKind` is 'MDC' and the citation starts with "MDC only". An MDC
 *   is a floor (change beyond measurement error), not proof that the client noticed it,
 *   so progress, the report and research word it as "detectable", never "clinically important".
 * - `min`/`max` are validation limits: physiologically plausible extremes with
 *   headroom above normative means, not normal values.
 * - LOINC is set only where the code denotes exactly this measurement; otherwise null.
 * - For measures with `requiresSide`, the side is the limb measured (shoulder, hip,
 *   hand) or, for cervical rotation and lateral flexion, the direction of movement
 *   (LEFT rotation = turning the head to the left).
 */
/** What every joint angle shares: whole degrees from 0, more is better, no region (the joint is the measure). */
const jointAngleInDegrees = {
  kind: 'RANGE_OF_MOTION',
  loinc: null,
  unit: 'deg',
  unitLabel: '°',
  min: 0,
  decimals: 0,
  direction: 'HIGHER_IS_BETTER',
  requiresRegion: false,
  severityBands: [],
} satisfies Partial<MeasureDefinition>;

/** The source of the MDC used for all four cervical movements, and of their ranges. */
const cervicalRomCitation =
  'MDC only (no MCID published): Fletcher JP & Bandy WD 2008, J Orthop Sports Phys Ther 38(10):640-645, ' +
  'CROM MDC 5.4-9.6 degrees across movements; upper bound rounded up to 10. ' +
  'Range: Youdas JW et al. 1992, Phys Ther 72(11):770-780.';

export const physicalMeasures: MeasureDefinition[] = [
  // ---------------------------------------------------------------- pain
  {
    code: 'NPRS',
    name: 'Pain intensity (NPRS 0-10)',
    description:
      'Numeric Pain Rating Scale: the client rates current pain in one body region from 0 (no pain) ' +
      'to 10 (worst pain imaginable), whole numbers. Recorded per region. A drop of 2 points, or of ' +
      'about 30% from baseline, is the accepted threshold for a clinically important improvement.',
    kind: 'PAIN',
    loinc: '72514-3', // Pain severity - 0-10 verbal numeric rating [Score] - Reported
    unit: '{score}',
    unitLabel: '/10',
    min: 0,
    max: 10,
    decimals: 0,
    direction: 'LOWER_IS_BETTER',
    requiresRegion: true,
    requiresSide: false,
    mcid: 2,
    thresholdKind: 'MCID',
    mcidCitation:
      'Farrar JT et al. 2001, Pain 94(2):149-158 (about 2 points or 30% reduction = "much improved"); ' +
      'Salaffi F et al. 2004, Eur J Pain 8(4):283-291 (chronic musculoskeletal pain); ' +
      'Childs JD et al. 2005, Spine 30(11):1331-1334 (low back pain, MCID 2 points).',
    severityBands: [],
  },
  {
    code: 'VAS_PAIN',
    name: 'Pain intensity (VAS 0-100 mm)',
    description:
      'Visual Analogue Scale: the client marks current pain in one body region on a 100 mm line ' +
      '(0 mm = no pain, 100 mm = worst pain imaginable); the distance from the left end is recorded ' +
      'in whole millimetres. Recorded per region.',
    kind: 'PAIN',
    loinc: null, // no LOINC code confirmed for exactly this 100 mm VAS; left null on purpose
    unit: 'mm',
    unitLabel: 'mm',
    min: 0,
    max: 100,
    decimals: 0,
    direction: 'LOWER_IS_BETTER',
    requiresRegion: true,
    requiresSide: false,
    mcid: 15,
    thresholdKind: 'MCID',
    mcidCitation:
      'Ostelo RW et al. 2008, Spine 33(1):90-94 (consensus minimal important change 15 mm, or 30%, in ' +
      'low back pain); Kelly AM 2001, Emerg Med J 18(3):205-207 (12 mm in acute pain); ' +
      'scale properties reviewed in Hawker GA et al. 2011, Arthritis Care Res 63(S11):S240-S252.',
    severityBands: [],
  },

  // ---------------------------------------------------------------- cervical spine (CROM device or inclinometer)
  {
    code: 'CERVICAL_FLEXION',
    name: 'Cervical flexion (active ROM)',
    description:
      'Active cervical flexion, seated, measured with a CROM device or inclinometer, in degrees. ' +
      'Young adults average roughly 60-65 degrees, declining with age (Youdas 1992).',
    ...jointAngleInDegrees,
    max: 100,
    requiresSide: false,
    mcid: 10,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Fletcher JP & Bandy WD 2008, J Orthop Sports Phys Ther 38(10):640-645, ' +
      'CROM MDC 5.4-9.6 degrees, largest (9.6) for flexion in people with neck pain; rounded up to 10. ' +
      'See also Audette I et al. 2010, J Orthop Sports Phys Ther 40(5):318-323. ' +
      'Range: Youdas JW et al. 1992, Phys Ther 72(11):770-780.',
  },
  {
    code: 'CERVICAL_EXTENSION',
    name: 'Cervical extension (active ROM)',
    description:
      'Active cervical extension, seated, measured with a CROM device or inclinometer, in degrees. ' +
      'Young adults average roughly 80-85 degrees, declining with age (Youdas 1992).',
    ...jointAngleInDegrees,
    max: 120,
    requiresSide: false,
    mcid: 10,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Fletcher JP & Bandy WD 2008, J Orthop Sports Phys Ther 38(10):640-645, ' +
      'CROM MDC 5.4-9.6 degrees across movements; the upper bound, rounded up to 10, is used for every ' +
      'cervical movement. Range: Youdas JW et al. 1992, Phys Ther 72(11):770-780.',
  },
  {
    code: 'CERVICAL_ROTATION',
    name: 'Cervical rotation (active ROM)',
    description:
      'Active cervical rotation to one side, seated, measured with a CROM device or inclinometer, in ' +
      'degrees. Side = direction of turning. Young adults average roughly 70-80 degrees per side ' +
      '(Youdas 1992).',
    ...jointAngleInDegrees,
    max: 100,
    requiresSide: true,
    mcid: 10,
    thresholdKind: 'MDC',
    mcidCitation: cervicalRomCitation,
  },
  {
    code: 'CERVICAL_LATERAL_FLEXION',
    name: 'Cervical lateral flexion (active ROM)',
    description:
      'Active cervical side-bending to one side, seated, measured with a CROM device or inclinometer, ' +
      'in degrees. Side = direction of bending. Young adults average roughly 45 degrees per side ' +
      '(Youdas 1992).',
    ...jointAngleInDegrees,
    max: 80,
    requiresSide: true,
    mcid: 10,
    thresholdKind: 'MDC',
    mcidCitation: cervicalRomCitation,
  },

  // ---------------------------------------------------------------- shoulder (goniometer or digital inclinometer)
  {
    code: 'SHOULDER_FLEXION',
    name: 'Shoulder flexion (active ROM)',
    description:
      'Active shoulder flexion (forward elevation), in degrees. Reference full range 180 degrees ' +
      '(AAOS); the limit of 200 leaves room for hypermobile clients.',
    ...jointAngleInDegrees,
    max: 200,
    requiresSide: true,
    mcid: 8,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Kolber MJ et al. 2011, Physiother Theory Pract 27(2):176-184, ' +
      'digital inclinometer, inter-rater MDC90 8 degrees (asymptomatic adults).',
  },
  {
    code: 'SHOULDER_ABDUCTION',
    name: 'Shoulder abduction (active ROM)',
    description:
      'Active shoulder abduction (elevation in the frontal plane), in degrees. Reference full range ' +
      '180 degrees (AAOS); the limit of 200 leaves room for hypermobile clients.',
    ...jointAngleInDegrees,
    max: 200,
    requiresSide: true,
    mcid: 4,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Kolber MJ et al. 2011, Physiother Theory Pract 27(2):176-184, ' +
      'digital inclinometer, inter-rater MDC90 4 degrees (asymptomatic adults; expect larger error in ' +
      'painful shoulders).',
  },
  {
    code: 'SHOULDER_EXTERNAL_ROTATION',
    name: 'Shoulder external rotation (active ROM)',
    description:
      'Active glenohumeral external rotation, supine with the shoulder abducted to 90 degrees and the ' +
      'elbow flexed to 90 degrees, in degrees. Reference about 90 degrees (AAOS); overhead athletes ' +
      'often exceed 120, hence the limit of 150.',
    ...jointAngleInDegrees,
    max: 150,
    requiresSide: true,
    mcid: 9,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Kolber MJ et al. 2011, Physiother Theory Pract 27(2):176-184, ' +
      'digital inclinometer, inter-rater MDC90 9 degrees (asymptomatic adults).',
  },

  // ---------------------------------------------------------------- lumbar spine
  {
    code: 'LUMBAR_FLEXION',
    name: 'Lumbar flexion (dual inclinometer)',
    description:
      'Active lumbar flexion in standing, dual-inclinometer method (upper inclinometer over T12/L1, ' +
      'lower over the sacrum; lumbar angle = upper minus lower reading), in degrees. About 60 degrees ' +
      'is usually taken as normal.',
    ...jointAngleInDegrees,
    max: 90,
    requiresSide: false,
    mcid: null,
    thresholdKind: null,
    mcidCitation:
      'No MCID and no dependable MDC published: when the inclinometers are repositioned, reliability ' +
      'is poor to moderate (ICC 0.16-0.59; MacDermid JC et al. 2014, Open Orthop J 8:355-360), so ' +
      'single-session changes should be read with caution; average repeated trials.',
  },
  {
    code: 'MODIFIED_SCHOBER',
    name: 'Modified Schober test',
    description:
      'Lumbar flexion excursion: marks at the lumbosacral junction (dimples of Venus), 10 cm above and ' +
      '5 cm below it; the value recorded is the increase in cm of the 15 cm span at full forward ' +
      'bending (Macrae & Wright 1969). An increase under about 5 cm is often read as reduced mobility.',
    kind: 'RANGE_OF_MOTION',
    loinc: null,
    unit: 'cm',
    unitLabel: 'cm',
    min: 0,
    max: 12,
    decimals: 1,
    direction: 'HIGHER_IS_BETTER',
    requiresRegion: false,
    requiresSide: false,
    mcid: 1.8,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Robinson HS & Mengshoel AM 2014, Spine 39(4):E270-E275, ' +
      'inter-tester smallest detectable change 1.8 cm. Method: Macrae IF & Wright V 1969, ' +
      'Ann Rheum Dis 28(6):584-589.',
    severityBands: [],
  },

  // ---------------------------------------------------------------- hip
  {
    code: 'HIP_FLEXION',
    name: 'Hip flexion (passive ROM)',
    description:
      'Hip flexion, supine with the knee flexed, goniometer, in degrees. Adults average about ' + '120 degrees (Roach & Miles 1991).',
    ...jointAngleInDegrees,
    max: 150,
    requiresSide: true,
    mcid: 10,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): from Pua YH et al. 2008, Arch Phys Med Rehabil 89(6):1146-1154, ' +
      'hip osteoarthritis, SEM 3.5 degrees; MDC95 = 1.96 x sqrt(2) x 3.5 = 9.7, rounded to 10. ' +
      'Range: Roach KE & Miles TP 1991, Phys Ther 71(9):656-665.',
  },

  // ---------------------------------------------------------------- flexibility
  {
    code: 'SIT_AND_REACH',
    name: 'Sit-and-reach',
    description:
      'Classic sit-and-reach, legs straight, feet flat against the box. Recorded relative to the soles: ' +
      '0 cm = fingertips level with the soles, negative = short of them, positive = beyond them. ' +
      'On a box whose scale puts the soles at a non-zero mark (e.g. 26 cm on the Canadian box), ' +
      'subtract that offset before recording, so values from different boxes stay comparable.',
    kind: 'FLEXIBILITY',
    loinc: null,
    unit: 'cm',
    unitLabel: 'cm',
    min: -40,
    max: 40,
    decimals: 1,
    direction: 'HIGHER_IS_BETTER',
    requiresRegion: false,
    requiresSide: false,
    mcid: 4,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Lopez-Minarro PA et al. 2009, J Sports Sci Med 8(1):116-122, ' +
      'forward reach score MDC 4 cm (young adults).',
    severityBands: [],
  },

  // ---------------------------------------------------------------- jaw
  {
    code: 'MOUTH_OPENING',
    name: 'Maximal mouth opening',
    description:
      'Maximal unassisted mouth opening, measured with a ruler between the incisal edges of the upper ' +
      'and lower central incisors, in mm. Under 40 mm is the DC/TMD threshold for limited opening ' +
      '(Schiffman 2014).',
    kind: 'RANGE_OF_MOTION',
    loinc: null,
    unit: 'mm',
    unitLabel: 'mm',
    min: 0,
    max: 80,
    decimals: 0,
    direction: 'HIGHER_IS_BETTER',
    requiresRegion: false,
    requiresSide: false,
    mcid: 9,
    thresholdKind: 'MDC',
    mcidCitation:
      'MDC only (no MCID published): Kropmans TJ et al. 2000, Eur J Oral Sci 108(1):9-13, painfully ' +
      'restricted TMJ, smallest detectable difference 9 mm for a single measurement (6 mm with ' +
      'repeated measurements). Threshold: Schiffman E et al. 2014, J Oral Facial Pain Headache 28(1):6-27.',
    severityBands: [],
  },

  // ---------------------------------------------------------------- strength
  {
    code: 'GRIP_STRENGTH',
    name: 'Grip strength',
    description:
      'Maximal isometric grip force with a hand dynamometer (e.g. Jamar, handle position 2, seated, ' +
      'elbow at 90 degrees), in kg; record the best or mean of three trials consistently.',
    kind: 'STRENGTH',
    loinc: null, // LOINC grip codes exist but none confirmed for exactly this protocol; left null
    unit: 'kg',
    unitLabel: 'kg',
    min: 0,
    max: 100,
    decimals: 1,
    direction: 'HIGHER_IS_BETTER',
    requiresRegion: false,
    requiresSide: true,
    mcid: 6.5,
    thresholdKind: 'MCID',
    mcidCitation:
      'Kim JK et al. 2014, Clin Orthop Relat Res 472(8):2536-2541 (MCID 6.5 kg after distal radius ' +
      'fracture); Bohannon RW 2019, J Phys Ther Sci 31(1):75-78 (systematic review: 5.0-6.5 kg).',
    severityBands: [],
  },
];

/*
 * Headache diary summaries, the outcomes of the International Headache Society's trial guidelines for
 * tension-type headache: Bendtsen L, Bigal ME, Cerbo R, et al. Guidelines for controlled trials of drugs in
 * tension-type headache: second edition. Cephalalgia 2010;30(1):1-16. The client keeps a daily diary; the
 * therapist (or the client, in the portal) records its 4-week summary: headache days (the primary outcome),
 * mean intensity on headache days and hours of headache.
 * A responder there is a relative change (50% fewer headache days), so no point MCID is set.
 */
/** What the three diary summaries share: about the client's head as a whole, over 4 weeks, no LOINC code. */
const headacheDiary = {
  kind: 'DIARY',
  loinc: null,
  direction: 'LOWER_IS_BETTER',
  requiresRegion: false,
  requiresSide: false,
  severityBands: [],
} satisfies Partial<MeasureDefinition>;

const bendtsen2010 =
  'Bendtsen L, Bigal ME, Cerbo R, et al. Guidelines for controlled trials of drugs in tension-type headache: ' +
  'second edition. Cephalalgia 2010;30(1):1-16';

export const diaryMeasures: MeasureDefinition[] = [
  {
    code: 'HEADACHE_DAYS',
    name: 'Headache days per 4 weeks',
    description:
      'Days with headache in the last 4 weeks (28 days), from the client’s headache diary: the primary outcome ' +
      'of tension-type headache trials. Any headache on a day makes it a headache day.',
    ...headacheDiary,
    unit: 'd',
    unitLabel: 'days/4 wk',
    min: 0,
    max: 28,
    decimals: 0,
    mcid: null,
    thresholdKind: null,
    mcidCitation:
      `Relative, not in days: a 50% reduction in headache days from baseline defines a responder (${bendtsen2010}). ` +
      'No point MCID is published.',
  },
  {
    code: 'HEADACHE_INTENSITY',
    name: 'Mean headache intensity (0-10)',
    description:
      'Mean pain intensity on the headache days of the last 4 weeks, each day rated 0 (no pain) to 10 (worst ' +
      'pain imaginable) in the diary; one decimal.',
    ...headacheDiary,
    unit: '{score}',
    unitLabel: '/10',
    min: 0,
    max: 10,
    decimals: 1,
    mcid: null,
    thresholdKind: null,
    mcidCitation: `A secondary outcome in ${bendtsen2010}; no MCID is published for a diary mean of headache intensity.`,
  },
  {
    code: 'HEADACHE_HOURS',
    name: 'Headache hours per 4 weeks',
    description: 'Total hours with headache in the last 4 weeks (at most 672), summed from the diary; one decimal.',
    ...headacheDiary,
    unit: 'h',
    unitLabel: 'h/4 wk',
    min: 0,
    max: 672,
    decimals: 1,
    mcid: null,
    thresholdKind: null,
    mcidCitation: `A secondary outcome (headache duration) in ${bendtsen2010}; no MCID is published.`,
  },
];

/** Every measure the app knows: physical measures first, then diary summaries, then questionnaire scores. */
export const measureCatalog: readonly MeasureDefinition[] = [...physicalMeasures, ...diaryMeasures, ...instrumentScoreMeasures];

const byCode = new Map(measureCatalog.map((m) => [m.code, m]));

export function findMeasure(code: string): MeasureDefinition | undefined {
  return byCode.get(code);
}
