/*
 * Conditions a massage therapist commonly treats, each with its WHO ICD-10 (2019) code and the
 * measures and questionnaires worth recording for it.
 *
 * `icd10` is the WHO ICD-10 (2019 edition) code, for every entry; never an ICD-10-CM code. Where the
 * US clinical modification (ICD-10-CM) differs, the description says so, because US payers require
 * the CM code.
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
  /** Instrument codes of the instrument catalog worth administering. */
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
      'symptoms and hand function matter more than a single pain rating; the Boston Carpal Tunnel ' +
      'Questionnaire (symptom severity and functional status) is the condition-specific alternative.',
    headlineMeasureCode: 'QUICKDASH',
    suggestedMeasureCodes: ['QUICKDASH', 'BCTQ_SSS', 'BCTQ_FSS', 'NPRS', 'GRIP_STRENGTH', 'PSFS'],
    suggestedInstrumentCodes: ['QUICKDASH', 'BCTQ_SSS', 'BCTQ_FSS', 'PSFS'],
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
      'only in a subset; track maximal mouth opening and jaw function (JFLS-8) alongside.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'MOUTH_OPENING', 'JFLS8', 'PSFS'],
    suggestedInstrumentCodes: ['JFLS8', 'PSFS'],
  },
  {
    code: 'TENSION_TYPE_HEADACHE',
    name: 'Tension-type headache',
    icd10: 'G44.2',
    description:
      'Bilateral, pressing or tightening headache of mild to moderate intensity, often with ' +
      'pericranial muscle tenderness. Headline: NPRS in the head region at visits; the headache diary ' +
      '(headache days per 4 weeks, the primary outcome of tension-type headache trials, with mean ' +
      'intensity and hours) shows what happens between visits.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: [
      'NPRS',
      'HEADACHE_DAYS',
      'HEADACHE_INTENSITY',
      'HEADACHE_HOURS',
      'CERVICAL_FLEXION',
      'CERVICAL_EXTENSION',
      'CERVICAL_ROTATION',
      'PSFS',
    ],
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
      'separately. Headline: NPRS; keep the measurement burden light. The ESAS-r covers the other ' +
      'symptoms of advanced cancer (tiredness, nausea, breathlessness, anxiety, wellbeing) in one page.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'ESAS_R'],
    suggestedInstrumentCodes: ['ESAS_R'],
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
  {
    code: 'KNEE_OSTEOARTHRITIS',
    name: 'Knee osteoarthritis',
    icd10: 'M17.9',
    description:
      'Osteoarthritis of the knee: pain on weight bearing, stiffness after rest, reduced walking and stair ' +
      'climbing. WHO ICD-10 M17.9 Gonarthrosis, unspecified; ICD-10-CM M17.9 (with laterality M17.10-M17.12 ' +
      'for primary osteoarthritis). Headline: KOOS-12 summary, a knee-specific measure of pain, function and ' +
      'quality of life; use OSTEOARTHRITIS (M19.9) when several joints are treated.',
    headlineMeasureCode: 'KOOS12',
    suggestedMeasureCodes: ['KOOS12', 'NPRS', 'PSFS'],
    suggestedInstrumentCodes: ['KOOS12', 'PSFS'],
  },
  {
    code: 'HIP_OSTEOARTHRITIS',
    name: 'Hip osteoarthritis',
    icd10: 'M16.9',
    description:
      'Osteoarthritis of the hip: groin or lateral hip pain, stiffness, pain on walking and putting on ' +
      'shoes and socks. WHO ICD-10 M16.9 Coxarthrosis, unspecified; ICD-10-CM M16.9 (with laterality ' +
      'M16.10-M16.12 for primary osteoarthritis). Headline: NPRS in the hip; the HOOS-12 for pain, function ' +
      'and quality of life, and hip flexion alongside.',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'HOOS12', 'HIP_FLEXION', 'PSFS'],
    suggestedInstrumentCodes: ['HOOS12', 'PSFS'],
  },
  {
    code: 'PREGNANCY_PELVIC_PAIN',
    name: 'Pregnancy-related low back and pelvic girdle pain',
    icd10: 'O26.8',
    description:
      'Low back or pelvic girdle pain (sacroiliac, symphysis) arising in pregnancy, usually from the second ' +
      'trimester. WHO ICD-10 has no code of its own for it: O26.8 Other specified pregnancy-related ' +
      'conditions; ICD-10-CM codes it O26.89- with the trimester (O26.891-O26.893), plus M54.5- for the ' +
      'back pain. Record the weeks of gestation and the obstetric clearance at intake. Headline: NPRS; the ' +
      'ODI is the disability measure (the Pelvic Girdle Questionnaire is not in the catalog: its licence for ' +
      'software use could not be confirmed).',
    headlineMeasureCode: 'NPRS',
    suggestedMeasureCodes: ['NPRS', 'ODI', 'PSFS'],
    suggestedInstrumentCodes: ['ODI', 'PSFS'],
  },
  {
    code: 'STRESS_ANXIETY',
    name: 'Anxiety and stress',
    icd10: 'F41.1',
    description:
      'Persistent worry, tension and stress-related muscle tension, often with poor sleep. WHO ICD-10 F41.1 ' +
      'Generalized anxiety disorder (same in ICD-10-CM) when a clinician has diagnosed it; stress without ' +
      'that diagnosis is better coded F43.2 (adjustment disorders) or Z73.3 (stress, not elsewhere ' +
      'classified), as the referring clinician states. Headline: GAD-7, the anxiety severity scale.',
    headlineMeasureCode: 'GAD7',
    suggestedMeasureCodes: ['GAD7', 'NPRS', 'PEG'],
    suggestedInstrumentCodes: ['GAD7', 'PEG'],
  },
  {
    code: 'AUTISM_SPECTRUM',
    name: 'Autism spectrum (child)',
    icd10: 'F84.0',
    description:
      'Autistic children, seen for relaxation, sensory regulation and musculoskeletal discomfort; many cannot ' +
      'rate their own pain. WHO ICD-10 F84.0 Childhood autism (ICD-10-CM F84.0 Autistic disorder). Headline: ' +
      'r-FLACC, observed pain behaviour scored by the therapist or reported by a parent (validated in children ' +
      'aged 4-19 with cognitive impairment); children of about 4-12 who can point use the Faces Pain Scale - ' +
      'Revised. Observed and parent-reported values are charted apart from self-report.',
    headlineMeasureCode: 'RFLACC',
    suggestedMeasureCodes: ['RFLACC', 'FPSR'],
    suggestedInstrumentCodes: ['RFLACC', 'FPSR'],
  },
  {
    code: 'DOWN_SYNDROME',
    name: 'Down syndrome (child)',
    icd10: 'Q90.9',
    description:
      'Children with Down syndrome, seen for low muscle tone, joint discomfort and relaxation. WHO ICD-10 ' +
      'Q90.9 Down syndrome, unspecified (same in ICD-10-CM). Headline: r-FLACC (observed by the therapist ' +
      'or reported by a parent), because self-report is often not possible; the Faces Pain Scale - Revised ' +
      'for children of about 4-12 who can point.',
    headlineMeasureCode: 'RFLACC',
    suggestedMeasureCodes: ['RFLACC', 'FPSR'],
    suggestedInstrumentCodes: ['RFLACC', 'FPSR'],
  },
];

const byCode = new Map(conditionCatalog.map((c) => [c.code, c]));

export function findCondition(code: string): ConditionDefinition | undefined {
  return byCode.get(code);
}
