/*
 * Conditions a massage therapist commonly treats, each with its WHO ICD-10 (2019) code and the
 * measures and questionnaires worth recording for it.
 *
 * `icd10` is the WHO ICD-10 code. Where the US clinical modification (ICD-10-CM) differs, the
 * description says so, because US payers require the CM code.
 *
 * `headlineMeasureCode` is the measure a therapist looks at first on the client's chart. It is
 * the NPRS (pain) unless a condition-specific questionnaire is the recommended primary outcome
 * (ODI for low back pain, NDI for neck pain and whiplash, FIQR for fibromyalgia, QuickDASH for
 * upper-limb disorders) or the problem is mainly one of function. Questionnaire scores are
 * measures too: the code of an instrument's score measure equals the instrument code.
 */

export interface ConditionDefinition {
  /** Stable upper-snake code. */
  code: string;
  name: string;
  /** WHO ICD-10 code. */
  icd10: string;
  description: string;
  /** Code in the measure catalog shown first for this condition. */
  headlineMeasureCode: string;
  /** Codes in the measure catalog worth recording (the headline included). */
  suggestedMeasureCodes: string[];
  /** Instrument codes (ODI, NDI, QUICKDASH, FIQR, PSFS) worth administering. */
  suggestedInstrumentCodes: string[];
}

const CERVICAL_ROM = ['CERVICAL_FLEXION', 'CERVICAL_EXTENSION', 'CERVICAL_ROTATION', 'CERVICAL_LATERAL_FLEXION'];
const SHOULDER_ROM = ['SHOULDER_FLEXION', 'SHOULDER_ABDUCTION', 'SHOULDER_EXTERNAL_ROTATION'];

export const conditionCatalog: readonly ConditionDefinition[] = [
  {
    code: 'FIBROMYALGIA',
    name: 'Fibromyalgia',
    icd10: 'M79.7',
    description:
      'Chronic widespread pain with fatigue, unrefreshing sleep and cognitive symptoms. Headline: FIQR, ' +
      'because its total covers function, overall impact and symptoms, which matter as much as pain ' +
      'intensity here. Record pain per region so the Widespread Pain Index can be derived.',
    headlineMeasureCode: 'FIQR',
    suggestedMeasureCodes: ['FIQR', 'NPRS', 'PSFS'],
    suggestedInstrumentCodes: ['FIQR', 'PSFS'],
  },
  {
    code: 'CHRONIC_LOW_BACK_PAIN',
    name: 'Chronic low back pain',
    icd10: 'M54.5',
    description:
      'Non-specific low back pain lasting 12 weeks or more. WHO ICD-10 M54.5 Low back pain; in ' +
      'ICD-10-CM (since October 2021) use M54.50 Low back pain, unspecified (M54.51 vertebrogenic, ' +
      'M54.59 other). Headline: ODI, the disability measure recommended with pain intensity as a ' +
      'core outcome for low back pain.',
    headlineMeasureCode: 'ODI',
    suggestedMeasureCodes: ['ODI', 'NPRS', 'LUMBAR_FLEXION', 'MODIFIED_SCHOBER', 'SIT_AND_REACH', 'HIP_FLEXION', 'PSFS'],
    suggestedInstrumentCodes: ['ODI', 'PSFS'],
  },
  {
    code: 'NECK_PAIN',
    name: 'Neck pain',
    icd10: 'M54.2',
    description:
      'Non-specific neck pain (cervicalgia), often with reduced cervical range of motion. Headline: NDI, ' +
      'the most widely used neck-specific disability questionnaire.',
    headlineMeasureCode: 'NDI',
    suggestedMeasureCodes: ['NDI', 'NPRS', ...CERVICAL_ROM, 'PSFS'],
    suggestedInstrumentCodes: ['NDI', 'PSFS'],
  },
  {
    code: 'WHIPLASH',
    name: 'Whiplash-associated disorder',
    icd10: 'S13.4',
    description:
      'Neck pain and stiffness after an acceleration-deceleration injury, e.g. a rear-end collision. ' +
      'WHO ICD-10 S13.4 Sprain and strain of cervical spine (whiplash injury is an inclusion term); ' +
      'ICD-10-CM adds an encounter character (S13.4XXA initial, S13.4XXD subsequent). Headline: NDI, ' +
      'which was developed on and is standard for whiplash.',
    headlineMeasureCode: 'NDI',
    suggestedMeasureCodes: ['NDI', 'NPRS', ...CERVICAL_ROM, 'PSFS'],
    suggestedInstrumentCodes: ['NDI', 'PSFS'],
  },
  {
    code: 'CARPAL_TUNNEL',
    name: 'Carpal tunnel syndrome',
    icd10: 'G56.0',
    description:
      'Median nerve compression at the wrist: numbness, tingling and pain in the thumb, index and ' +
      'middle fingers. ICD-10-CM adds laterality (G56.00-G56.03). Headline: QuickDASH, because ' +
      'symptoms and hand function matter more than a single pain rating.',
    headlineMeasureCode: 'QUICKDASH',
    suggestedMeasureCodes: ['QUICKDASH', 'NPRS', 'GRIP_STRENGTH', 'PSFS'],
    suggestedInstrumentCodes: ['QUICKDASH', 'PSFS'],
  },
  {
    code: 'REPETITIVE_STRAIN',
    name: 'Repetitive strain injury (upper limb)',
    icd10: 'M70.9',
    description:
      'Work- or activity-related overuse pain of the forearm, wrist and hand without a more specific ' +
      'diagnosis. ICD-10 has no single RSI code; M70.9 (unspecified soft tissue disorder related to use, ' +
      'overuse and pressure) is the closest. Use a specific code where one applies, e.g. G56.0 carpal ' +
      'tunnel or M77.1 lateral epicondylitis. Headline: QuickDASH (upper-limb function).',
    headlineMeasureCode: 'QUICKDASH',
    suggestedMeasureCodes: ['QUICKDASH', 'NPRS', 'GRIP_STRENGTH', 'PSFS'],
    suggestedInstrumentCodes: ['QUICKDASH', 'PSFS'],
  },
  {
    code: 'OSTEOARTHRITIS',
    name: 'Osteoarthritis',
    icd10: 'M19.9',
    description:
      'Degenerative joint pain and stiffness. M19.9 (arthrosis, unspecified) is used because massage ' +
      'clients present with osteoarthritis of many joints (hands, hips, knees, spine); prefer the ' +
      'site-specific code when the joint is known, e.g. M16.9 hip or M17.9 knee (ICD-10-CM: M19.90). ' +
      'Headline: NPRS in the affected region, the core pain outcome across joints.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'HIP_FLEXION', 'GRIP_STRENGTH', 'PSFS'],
    suggestedInstrumentCodes: ['PSFS'],
  },
  {
    code: 'TMJ_DISORDER',
    name: 'Temporomandibular disorder',
    icd10: 'K07.6',
    description:
      'Jaw pain, clicking or restricted opening from the temporomandibular joint or the masticatory ' +
      'muscles. WHO ICD-10 K07.6 Temporomandibular joint disorders; ICD-10-CM codes these as M26.60-M26.69. ' +
      'Headline: NPRS in the jaw region, because pain is why clients seek care and opening is restricted ' +
      'only in a subset; track maximal mouth opening alongside.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'MOUTH_OPENING', 'PSFS'],
    suggestedInstrumentCodes: ['PSFS'],
  },
  {
    code: 'TENSION_TYPE_HEADACHE',
    name: 'Tension-type headache',
    icd10: 'G44.2',
    description:
      'Bilateral, pressing or tightening headache of mild to moderate intensity, often with ' +
      'pericranial muscle tenderness. Headline: NPRS in the head region; headache frequency (days ' +
      'per month) is the usual trial outcome and is not yet a catalog measure.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'CERVICAL_FLEXION', 'CERVICAL_EXTENSION', 'CERVICAL_ROTATION', 'PSFS'],
    suggestedInstrumentCodes: ['PSFS'],
  },
  {
    code: 'SPORTS_INJURY',
    name: 'Sports soft-tissue injury',
    icd10: 'T14.6',
    description:
      'Muscle or tendon strain from sport. T14.6 (injury of muscles and tendons of unspecified body ' +
      'region) is used because most sports injuries treated with massage are muscle-tendon strains; use ' +
      'T14.3 for a ligament sprain, and the site-specific S code whenever the site is known (ICD-10-CM ' +
      'has no T14.3/T14.6 and requires the S code). Headline: PSFS, because injuries differ in site and ' +
      "the goal is return to the client's own activities.",
    headlineMeasureCode: 'PSFS',
    suggestedMeasureCodes: ['PSFS', 'NPRS', 'SIT_AND_REACH'],
    suggestedInstrumentCodes: ['PSFS'],
  },
  {
    code: 'POSTURAL_PAIN',
    name: 'Postural pain (upper and mid back)',
    icd10: 'M54.6',
    description:
      'Upper and mid back pain linked to sustained postures such as desk work. ICD-10 has no code for ' +
      'postural pain; M54.6 (pain in thoracic spine) fits the usual thoracic presentation better than ' +
      'the vaguer M53.8 (other specified dorsopathies). Code neck-dominant cases as M54.2. Headline: NPRS.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'CERVICAL_FLEXION', 'CERVICAL_EXTENSION', 'SHOULDER_FLEXION', 'PSFS'],
    suggestedInstrumentCodes: ['NDI', 'PSFS'],
  },
  {
    code: 'CANCER_PALLIATIVE',
    name: 'Cancer / palliative care',
    icd10: 'Z51.5',
    description:
      'Comfort-focused massage for people living with cancer or a life-limiting illness. Z51.5 ' +
      '(palliative care) codes the reason for the encounter; record the cancer diagnosis (C code) ' +
      'separately. Headline: NPRS; keep the measurement burden light.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS'],
    suggestedInstrumentCodes: [],
  },
  {
    code: 'FROZEN_SHOULDER',
    name: 'Frozen shoulder (adhesive capsulitis)',
    icd10: 'M75.0',
    description:
      'Painful, progressive loss of active and passive shoulder motion, external rotation most of all. ' +
      'Headline: QuickDASH (upper-limb function); track external rotation alongside.',
    headlineMeasureCode: 'QUICKDASH',
    suggestedMeasureCodes: ['QUICKDASH', 'NPRS', ...SHOULDER_ROM, 'PSFS'],
    suggestedInstrumentCodes: ['QUICKDASH', 'PSFS'],
  },
];

const byCode = new Map(conditionCatalog.map((c) => [c.code, c]));

export function findCondition(code: string): ConditionDefinition | undefined {
  return byCode.get(code);
}
