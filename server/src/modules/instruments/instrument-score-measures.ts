import type { MeasureDefinition } from '../measures/measure-definition.js';

/*
 * The score observation each instrument yields, so analytics treat questionnaire scores like any measure.
 * Codes equal the instrument codes (see instrument-catalog.ts).
 *
 * - Scores are stored with one decimal: a prorated total (one section missing) or a mean is rarely whole.
 * - Severity bands are the authors' published bands, with each upper bound inclusive. Where a published
 *   band starts at the next whole number (ODI "21-40"), it starts here one decimal above the previous
 *   upper bound (20.1), so a score such as 20.4 (possible only with a missing section) still has a band.
 * - LOINC: only the ODI (97909-6) and the GAD-7 (70274-6) have a code confirmed (below). No total-score code
 *   could be confirmed for the others (an HL7 PACIO sample lists 82237-9 "Total score [NDI]"; confirm before using it),
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

/**
 * The summary score of the KOOS-12 or HOOS-12 (same structure and scoring, knee-hip-short-form.ts): 0-100, higher
 * is better, no MCID outside surgery. `pages`: those of Gandek et al.'s responsiveness paper for that joint.
 */
function shortFormSummary(code: string, shortName: string, joint: 'knee' | 'hip', pages: string): MeasureDefinition {
  return {
    code,
    name: `${shortName} summary (${joint} impact)`,
    description:
      `${joint[0]?.toUpperCase()}${joint.slice(1)} impact from the ${shortName}: mean of its pain, function and quality-of-life ` +
      'scales, 0 (extreme problems) to 100 (no problems).',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/100',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    mcid: null,
    thresholdKind: null,
    mcidCitation:
      `No MCID has been published for the ${shortName} summary in people treated without surgery; Gandek et al. ` +
      `(Osteoarthritis Cartilage 2019;27(5):${pages}) report responsiveness after ${joint} replacement only. ` +
      'No severity bands are published.',
    severityBands: [],
  };
}

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
  {
    code: 'JFLS8',
    name: 'Jaw Functional Limitation Scale (JFLS-8)',
    description: 'Jaw functional limitation: mean of 8 jaw activities, 0 (no limitation) to 10 (severe limitation).',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/10',
    min: 0,
    max: 10,
    direction: 'LOWER_IS_BETTER',
    mcid: null,
    thresholdKind: null,
    mcidCitation:
      'No MCID or MDC has been published for the JFLS-8; the authors report its reliability only (Ohrbach R, ' +
      'Larsson P, List T. J Orofac Pain 2008;22(3):219-230). No severity bands are published.',
    severityBands: [],
  },
  {
    code: 'BCTQ_SSS',
    name: 'Boston Carpal Tunnel Questionnaire: Symptom Severity Scale',
    description: 'Carpal tunnel symptom severity: mean of 11 items, 1 (no symptoms) to 5 (most severe).',
    ...questionnaireScore,
    decimals: 2,
    unit: '{score}',
    unitLabel: '/5',
    min: 1,
    max: 5,
    direction: 'LOWER_IS_BETTER',
    mcid: 1.14,
    thresholdKind: 'MCID',
    mcidCitation:
      'Ozyurekoglu T, McCabe SJ, Goldsmith LJ, LaJoie AS. The minimal clinically important difference of the ' +
      'Carpal Tunnel Syndrome Symptom Severity Scale. J Hand Surg Am 2006;31(5):733-738 (1.14 points, after ' +
      'carpal tunnel release). No severity bands are published.',
    severityBands: [],
  },
  {
    code: 'BCTQ_FSS',
    name: 'Boston Carpal Tunnel Questionnaire: Functional Status Scale',
    description: 'Hand function in carpal tunnel syndrome: mean of 8 activities, 1 (no difficulty) to 5 (cannot do).',
    ...questionnaireScore,
    decimals: 2,
    unit: '{score}',
    unitLabel: '/5',
    min: 1,
    max: 5,
    direction: 'LOWER_IS_BETTER',
    mcid: 0.74,
    thresholdKind: 'MCID',
    mcidCitation:
      'Ozyurekoglu T, McCabe SJ, Goldsmith LJ, LaJoie AS. J Hand Surg Am 2006;31(5):733-738 (0.74 points for the ' +
      'Functional Status Scale, after carpal tunnel release). No severity bands are published.',
    severityBands: [],
  },
  shortFormSummary('KOOS12', 'KOOS-12', 'knee', '762-770'),
  shortFormSummary('HOOS12', 'HOOS-12', 'hip', '754-761'),
  {
    code: 'ESAS_R',
    name: 'ESAS-r total symptom distress score',
    description: 'Sum of the 9 ESAS-r symptom ratings, 0 (no symptoms) to 90 (worst possible).',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/90',
    min: 0,
    max: 90,
    direction: 'LOWER_IS_BETTER',
    mcid: 3,
    thresholdKind: 'MCID',
    mcidCitation:
      'Hui D, Shamieh O, Paiva CE, et al. Minimal clinically important difference in the physical, emotional, ' +
      'and total symptom distress scores of the Edmonton Symptom Assessment System. J Pain Symptom Manage ' +
      '2016;51(2):262-269 (improvement of 3 or more of 90 points; deterioration of 4 or more). For a single ' +
      'symptom, 1 point (Hui D et al. Cancer 2015;121(17):3027-3035). No severity bands for the total.',
    severityBands: [],
  },
  {
    code: 'PEG',
    name: 'PEG (pain, enjoyment, general activity)',
    description: 'Mean of average pain and its interference with enjoyment of life and general activity, 0-10.',
    ...questionnaireScore,
    unit: '{score}',
    unitLabel: '/10',
    min: 0,
    max: 10,
    direction: 'LOWER_IS_BETTER',
    // The published responder threshold is relative (a 30% improvement from the client's own baseline), so no
    // fixed number of points stands for it: 2.1 points from a baseline of 7, 1.2 from 4.
    mcid: null,
    mcidPercentOfBaseline: 30,
    thresholdKind: 'MCID',
    mcidCitation:
      'Relative, not in points: a 30% improvement from baseline. Krebs EE, Lorenz KA, Bair MJ, et al. Development ' +
      'and initial validation of the PEG, a three-item scale assessing pain intensity and interference. J Gen ' +
      'Intern Med 2009;24(6):733-738 (responders: 30% improvement), the moderately important change in chronic ' +
      'pain trials (Dworkin RH, Turk DC, Wyrwich KW, et al. IMMPACT recommendations. J Pain 2008;9(2):105-121). ' +
      'No severity bands are published.',
    severityBands: [],
  },
  {
    code: 'GAD7',
    name: 'Generalized Anxiety Disorder scale (GAD-7)',
    description: 'Anxiety symptoms over the last 2 weeks: sum of 7 items, 0 (none) to 21 (severe).',
    ...questionnaireScore,
    // LOINC 70274-6 "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]": the sum Fascia
    // stores (as coded by e.g. the German Medical Informatics Initiative's PRO module).
    loinc: '70274-6',
    decimals: 0,
    unit: '{score}',
    unitLabel: '/21',
    min: 0,
    max: 21,
    direction: 'LOWER_IS_BETTER',
    mcid: 4,
    thresholdKind: 'MCID',
    mcidCitation:
      'Toussaint A, Hüsing P, Gumz A, et al. Sensitivity to change and minimal clinically important difference ' +
      'of the 7-item Generalized Anxiety Disorder Questionnaire (GAD-7). J Affect Disord 2020;265:395-401 ' +
      '(4 points). Bands: Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166(10):1092-1097 ' +
      '(5, 10, 15: mild, moderate, severe).',
    severityBands: [
      { min: 0, max: 4, label: 'Minimal anxiety' },
      { min: 5, max: 9, label: 'Mild anxiety' },
      { min: 10, max: 14, label: 'Moderate anxiety' },
      { min: 15, max: 21, label: 'Severe anxiety' },
    ],
  },
  {
    code: 'RFLACC',
    name: 'Revised FLACC (observed pain behaviour)',
    description: 'Pain behaviour observed by the therapist or a parent: sum of 5 categories, 0 (relaxed) to 10 (severe).',
    ...questionnaireScore,
    decimals: 0,
    unit: '{score}',
    unitLabel: '/10',
    min: 0,
    max: 10,
    direction: 'LOWER_IS_BETTER',
    mcid: null,
    thresholdKind: null,
    mcidCitation:
      'No MCID or MDC has been published for the r-FLACC (Malviya S et al. Paediatr Anaesth 2006;16(3):258-265 ' +
      'report reliability and validity only). No severity bands are published for the revised version.',
    severityBands: [],
  },
  {
    code: 'FPSR',
    name: 'Faces Pain Scale - Revised (FPS-R)',
    description: "A child's pain now, pointed out on six faces scored 0, 2, 4, 6, 8, 10.",
    ...questionnaireScore,
    decimals: 0,
    unit: '{score}',
    unitLabel: '/10',
    min: 0,
    max: 10,
    direction: 'LOWER_IS_BETTER',
    mcid: null,
    thresholdKind: null,
    mcidCitation:
      'No MCID has been established for the FPS-R in children receiving ongoing care; the scale is validated for ' +
      'intensity, not for change thresholds (Hicks CL et al. Pain 2001;93(2):173-183). No severity bands are published.',
    severityBands: [],
  },
];
