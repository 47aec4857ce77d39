import type { MeasureDefinition } from '../measures/measure-definition.js';

/*
 * The score observation each instrument yields, so analytics treat questionnaire scores like any measure.
 * Codes equal the instrument codes (see instrument-catalog.ts).
 *
 * - Scores are stored with one decimal: a prorated total (one section missing) or a mean is rarely whole.
 * - Severity bands are the authors' published bands, with each upper bound inclusive. Where a published
 *   band starts at the next whole number (ODI "21-40"), it starts here one decimal above the previous
 *   upper bound (20.1), so a score such as 20.4 (possible only with a missing section) still has a band.
 * - LOINC: only the ODI has a code confirmed against loinc.org (97909-6, below). No total-score code could be
 *   confirmed for the others (an HL7 PACIO sample lists 82237-9 "Total score [NDI]"; confirm before using it),
 *   so the FHIR export codes them with Fascia's measure code system only.
 */
/** What every questionnaire score shares: one decimal, about the whole person (no region or side), no LOINC code unless confirmed. */
const questionnaireScore = {
  kind: 'QUESTIONNAIRE',
  loinc: null,
  decimals: 1,
  requiresRegion: false,
  requiresSide: false,
} satisfies Partial<MeasureDefinition>;

export const instrumentScoreMeasures: MeasureDefinition[] = [
  {
    code: 'ODI',
    name: 'Oswestry Disability Index (ODI 2.1a)',
    description:
      'Low back pain disability from the 10-section Oswestry questionnaire, as a percentage of the maximum ' +
      'score (0 = no disability, 100 = maximum). One section may be missing.',
    ...questionnaireScore,
    // LOINC 97909-6 "Oswestry disability index score ODI" (loinc.org/97909-6, first released in 2.70):
    // the ODI score reported as a percent of the maximum, which is what Fascia stores.
    loinc: '97909-6',
    unit: '%',
    unitLabel: '%',
    min: 0,
    max: 100,
    direction: 'LOWER_IS_BETTER',
    mcid: 10,
    thresholdKind: 'MCID',
    mcidCitation:
      'Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and functional status ' +
      'in low back pain: towards international consensus regarding minimal important change. ' +
      'Spine 2008;33(1):90-94 (10 points, or 30% improvement from baseline). Bands: Fairbank JCT, ' +
      'Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-2952.',
    severityBands: [
      { min: 0, max: 20, label: 'Minimal disability' },
      { min: 20.1, max: 40, label: 'Moderate disability' },
      { min: 40.1, max: 60, label: 'Severe disability' },
      { min: 60.1, max: 80, label: 'Crippled' },
      { min: 80.1, max: 100, label: 'Bed-bound' },
    ],
  },
  {
    code: 'NDI',
    name: 'Neck Disability Index (NDI)',
    description:
      'Neck pain disability from the 10-section Neck Disability Index, in points out of 50 ' +
      '(0 = no disability; x2 for a percentage). One section may be missing.',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/50',
    min: 0,
    max: 50,
    direction: 'LOWER_IS_BETTER',
    mcid: 7.5,
    thresholdKind: 'MCID',
    mcidCitation:
      'Young BA, Walker MJ, Strunce JB, Boyles RE, Whitman JM, Childs JD. Responsiveness of the Neck ' +
      'Disability Index in patients with mechanical neck disorders. Spine J 2009;9(10):802-808 ' +
      '(MCID 7.5 of 50 points; the authors note it lies within measurement error, MDC 10.2). Bands: ' +
      'Vernon H, Mior S. J Manipulative Physiol Ther 1991;14(7):409-415; Vernon H. J Manipulative ' +
      'Physiol Ther 2008;31(7):491-502.',
    severityBands: [
      { min: 0, max: 4, label: 'No disability' },
      { min: 4.1, max: 14, label: 'Mild disability' },
      { min: 14.1, max: 24, label: 'Moderate disability' },
      { min: 24.1, max: 34, label: 'Severe disability' },
      { min: 34.1, max: 50, label: 'Complete disability' },
    ],
  },
  {
    code: 'QUICKDASH',
    name: 'QuickDASH',
    description:
      'Upper-limb (arm, shoulder, hand) disability and symptoms from the 11-item QuickDASH, 0 (none) to ' +
      '100 (most severe). At least 10 items answered.',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/100',
    min: 0,
    max: 100,
    direction: 'LOWER_IS_BETTER',
    mcid: 15.91,
    thresholdKind: 'MCID',
    mcidCitation:
      'Franchignoni F, Vercelli S, Giordano A, Sartorio F, Bravini E, Ferriero G. Minimal clinically ' +
      'important difference of the disabilities of the arm, shoulder and hand outcome measure (DASH) and ' +
      'its shortened version (QuickDASH). J Orthop Sports Phys Ther 2014;44(1):30-39 (QuickDASH 15.91). ' +
      'The instrument authors publish no severity bands.',
    severityBands: [],
  },
  {
    code: 'FIQR',
    name: 'Revised Fibromyalgia Impact Questionnaire (FIQR)',
    description:
      'Impact of fibromyalgia over the past 7 days from the 21-item FIQR (function, overall impact, ' +
      'symptoms), 0 (none) to 100 (most severe).',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/100',
    min: 0,
    max: 100,
    direction: 'LOWER_IS_BETTER',
    // The published MCID is relative (a 14% reduction from the client's own baseline), so no fixed
    // number of points can stand for it: 8.4 points from a baseline of 60, 4.2 from 30.
    mcid: null,
    mcidPercentOfBaseline: 14,
    thresholdKind: 'MCID',
    mcidCitation:
      'Relative, not in points: a 14% reduction from baseline. Bennett RM, Bushmakin AG, Cappelleri JC, ' +
      'Zlateva G, Sadosky AB. Minimal clinically important difference in the fibromyalgia impact ' +
      'questionnaire. J Rheumatol 2009;36(6):1304-1311 (anchor-based on the Patient Global Impression of ' +
      'Change, pooled over three trials: 14.1% of the FIQ total; derived on the original FIQ, used for the FIQR). ' +
      'Bands: Salaffi F, Di Carlo M, Bazzichi L, et al. Definition of fibromyalgia severity: findings ' +
      'from a cross-sectional survey of 2339 Italian patients. Rheumatology (Oxford) 2021;60(2):728-736.',
    severityBands: [
      { min: 0, max: 23, label: 'Remission' },
      { min: 23.1, max: 40, label: 'Mild' },
      { min: 40.1, max: 63, label: 'Moderate' },
      { min: 63.1, max: 82, label: 'Severe' },
      { min: 82.1, max: 100, label: 'Very severe' },
    ],
  },
  {
    code: 'PSFS',
    name: 'Patient-Specific Functional Scale (PSFS)',
    description:
      'Mean ability, 0 (unable) to 10 (as before the problem), across 3 to 5 activities the client ' + 'named as important and difficult.',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/10',
    min: 0,
    max: 10,
    direction: 'HIGHER_IS_BETTER',
    mcid: 2,
    thresholdKind: 'MCID',
    mcidCitation:
      'Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual ' +
      'patients: a report of a patient specific measure. Physiother Can 1995;47(4):258-263 (2 points ' +
      'for the mean score, 3 for a single activity); consistent with Abbott JH, Schmitt JS. Minimum ' +
      'important differences for the patient-specific functional scale, 4 region-specific outcome ' +
      'measures, and the numeric pain rating scale. J Orthop Sports Phys Ther 2014;44(8):560-564 ' +
      '(1.3 small, 2.3 medium, 2.7 large change). No severity bands are published.',
    severityBands: [],
  },
];
