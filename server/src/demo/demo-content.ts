import type { Reporter } from '../common/reporter.js';
import type { Modality } from '../modules/care/treatment-session.entity.js';
import type { Sex } from '../modules/clients/client.entity.js';
import type { PainTolerance, PressurePreference } from '../modules/clients/intake.entity.js';
import type { InstrumentCode } from '../modules/instruments/instrument-definition.js';

/*
 * The words and numbers of the demo data set: clinics, people and, per condition of the
 * condition catalog, where it hurts, what is measured and how it is treated. All names,
 * numbers and addresses are invented; phone numbers come from the ranges reserved for
 * fiction (NANP 555-01xx, Ofcom 020 7946 0xxx) and emails use example.com.
 */

export interface ClinicContent {
  name: string;
  timeZone: string;
  /** Opening hours in minutes after local midnight, by weekday (0 = Sunday); absent = closed. */
  hours: Partial<Record<number, [number, number]>>;
  therapists: {
    givenName: string;
    familyName: string;
    registrationNumber: string;
    email: string;
  }[];
  phone: (n: number) => string;
  names: { female: string[]; male: string[]; family: string[] };
  emailDomain: string;
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

export const clinicContents: readonly ClinicContent[] = [
  {
    name: 'Harbourfront Therapeutic Massage',
    timeZone: 'America/Toronto',
    hours: {
      1: [h(9), h(20)],
      2: [h(9), h(20)],
      3: [h(9), h(20)],
      4: [h(9), h(20)],
      5: [h(9), h(18)],
      6: [h(10), h(15)],
    },
    therapists: [
      {
        givenName: 'Maya',
        familyName: 'Chen',
        registrationNumber: 'CMTO-U4827',
        email: 'maya.chen@harbourfront.example.com',
      },
      {
        givenName: 'Daniel',
        familyName: 'Okafor',
        registrationNumber: 'CMTO-U6152',
        email: 'daniel.okafor@harbourfront.example.com',
      },
    ],
    phone: (n) => `416-555-01${String(n % 100).padStart(2, '0')}`,
    names: {
      female:
        'Olivia Sophie Amelia Priya Mei Fatima Chloe Hannah Isabelle Aaliyah Grace Nadia Leah Emily Jasmine Rosa Ayesha Claire Hiroko Marie-Ève'.split(
          ' ',
        ),
      male: 'Liam Noah Ethan Arjun Wei Mohammed Lucas Owen Gabriel Jamal Mateo Daniel Ravi Kevin Samuel Étienne Tariq Connor André Hamza'.split(
        ' ',
      ),
      family:
        "Tremblay Gagnon Roy Wong Singh Patel MacDonald Campbell Nguyen Li Kim Brown Martin Ali Fernandes Kowalski Ahmed Bouchard O'Neill Sousa Haddad Okonkwo Thompson Leblanc Rossi".split(
          ' ',
        ),
    },
    emailDomain: 'example.com',
  },
  {
    name: 'Clerkenwell Clinical Massage',
    timeZone: 'Europe/London',
    hours: {
      1: [h(8), h(19)],
      2: [h(8), h(19)],
      3: [h(8), h(19)],
      4: [h(8), h(19)],
      5: [h(8), h(17)],
      6: [h(9), h(14)],
    },
    therapists: [
      {
        givenName: 'Priya',
        familyName: 'Shah',
        registrationNumber: 'CNHC-0129473',
        email: 'priya.shah@clerkenwell.example.com',
      },
      {
        givenName: 'Tom',
        familyName: 'Whitfield',
        registrationNumber: 'CNHC-0131806',
        email: 'tom.whitfield@clerkenwell.example.com',
      },
    ],
    phone: (n) => `020 7946 0${String(n % 1000).padStart(3, '0')}`,
    names: {
      female:
        'Isla Ava Freya Poppy Zara Aisha Harriet Imogen Niamh Chidinma Eleanor Ruby Sana Lucy Beatrice Keeley Maryam Georgia Alice Siobhan'.split(
          ' ',
        ),
      male: 'Oliver George Harry Jack Alfie Arthur Kwame Rhys Callum Rohan Yusuf Tobias Hugo Finlay Dev Aaron Ibrahim Joseph Reuben Theo'.split(
        ' ',
      ),
      family:
        "Smith Jones Taylor Williams Davies Evans Hughes Khan Begum Okoye Murphy O'Brien Walsh Clarke Hall Wright Green Mensah Kaur Lewis Harrison Bennett Fraser Nowak Adeyemi".split(
          ' ',
        ),
    },
    emailDomain: 'example.com',
  },
];

/** Where a region's side comes from: the affected side of the series, the other one, both (treatment only), or none (midline). */
export type SideRule = 'AFFECTED' | 'OTHER' | 'BOTH' | null;

export interface RegionUse {
  code: string;
  side: SideRule;
}

/** A range-of-motion, flexibility or strength measure tracked for a condition. */
export interface MeasureUse {
  measure: string;
  /** Measured on the affected side only, on both sides (LEFT and RIGHT), or with no side. */
  sides: 'AFFECTED' | 'BOTH' | 'NONE';
  /** Starting value on the affected (or only) side. */
  baseline: [number, number];
  /** Starting value on the other side, when both are measured. */
  otherBaseline?: [number, number];
  /** Change in the value per point of pain relief (negative pain change -> value rises). */
  perPainPoint: number;
  /** A normal value the trend does not go beyond. */
  ceiling: number;
  /** Random wobble from visit to visit (+/-). */
  noise: number;
  /** Immediate gain after a session; null = measured before the session only. */
  postGain: [number, number] | null;
  /** Multiplies the baseline for men (grip strength). */
  maleFactor?: number;
}

export interface ConditionVariant {
  /** First pain region is always recorded; the second with `secondRegionChance`. */
  painRegions: [RegionUse, ...RegionUse[]];
  secondRegionChance: number;
  extraTreated: RegionUse[];
  measures: MeasureUse[];
  complaints: string[];
  psfsActivities: string[];
  findings: string[];
}

export interface ConditionProfile {
  code: string;
  variants: ConditionVariant[];
  modalities: Modality[];
  age: [number, number];
  femaleShare: number;
  pressure: [PressurePreference, number][];
  tolerance: [PainTolerance, number][];
  perWeek: [number, number][];
  minutes: [number, number][];
  /** Starting pain (NPRS) in the main region. */
  pain: [number, number];
  /** The condition's own questionnaire, besides PSFS. */
  instrument: Exclude<InstrumentCode, 'PSFS'> | null;
  /** Starting questionnaire severity, 0 (none) to 1 (worst). */
  severity: [number, number];
  /** Chance the client also fills in the PSFS (1 when it is the condition's only questionnaire, 0 for none). */
  psfsChance: number;
  /** Who answers the condition's questionnaire when not the client: a parent (proxy) or the therapist observing. */
  instrumentReporter?: Reporter;
  /**
   * Children who cannot rate pain 0-10: no NPRS at visits; instead the condition's questionnaire (r-FLACC) and the
   * Faces Pain Scale - Revised, which the child points at, at every visit.
   */
  childPain?: boolean;
  /** Relative weights of IMPROVING / PLATEAU / WORSENING when the quota leaves a choice. */
  currentConditions: string[];
  medications: string[];
  goals: string[];
  plans: string[];
}

const neckFindings = [
  'Hypertonic upper trapezius and levator scapulae, {side} > other side; trigger points in suboccipitals.',
  'Tender points along the cervical paraspinals; guarding on rotation toward the {sideLower}.',
  'Forward head posture; taut bands in upper trapezius and scalenes.',
];

const commonPast = [
  'Appendectomy (2009).',
  'Fractured left wrist as a teenager, fully healed.',
  'Mild asthma, well controlled.',
  'Seasonal allergies.',
  'Knee arthroscopy (2016).',
  'Childbirth x2 (vaginal).',
  'Hypertension, on medication.',
  'No significant history.',
];

export const conditionProfiles: readonly ConditionProfile[] = [
  {
    code: 'FIBROMYALGIA',
    variants: [
      {
        painRegions: [
          { code: 'UPPER_BACK', side: null },
          { code: 'SHOULDER', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.8,
        extraTreated: [
          { code: 'NECK', side: null },
          { code: 'LOWER_BACK', side: null },
          { code: 'HIP', side: 'BOTH' },
        ],
        measures: [],
        complaints: [
          'Widespread aching for several years, worst across the shoulders and upper back; poor sleep and fatigue.',
          'Diffuse pain and stiffness, flares with stress and cold weather; wakes unrefreshed.',
        ],
        psfsActivities: [
          'Carrying laundry upstairs',
          'Working a full day at the office',
          'Walking the dog for 30 minutes',
          'Playing with my grandchildren',
        ],
        findings: [
          'Generalised tenderness to light palpation; tissue guarding across upper back and shoulders.',
          'Allodynia over the upper trapezius; tolerated slow gliding strokes well.',
        ],
      },
      {
        painRegions: [
          { code: 'LOWER_BACK', side: null },
          { code: 'HIP', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.7,
        extraTreated: [
          { code: 'UPPER_BACK', side: null },
          { code: 'UPPER_LEG', side: 'BOTH' },
          { code: 'NECK', side: null },
        ],
        measures: [],
        complaints: ['Fibromyalgia diagnosed 5 years ago; constant aching in low back and hips, fatigue, brain fog.'],
        psfsActivities: ['Standing to cook dinner', 'Grocery shopping', 'Gardening for 20 minutes', 'Sitting through a film'],
        findings: ['Widespread tender points in gluteals and lumbar paraspinals; responds best to light, slow work.'],
      },
    ],
    modalities: ['SWEDISH', 'MYOFASCIAL_RELEASE', 'LYMPHATIC_DRAINAGE', 'REFLEXOLOGY'],
    age: [28, 66],
    femaleShare: 0.85,
    pressure: [
      ['LIGHT', 5],
      ['MODERATE', 3],
    ],
    tolerance: [
      ['LOW', 5],
      ['MODERATE', 3],
    ],
    perWeek: [
      [1, 7],
      [2, 3],
    ],
    minutes: [
      [45, 3],
      [60, 5],
      [90, 2],
    ],
    pain: [6, 8],
    instrument: 'FIQR',
    severity: [0.48, 0.72],
    psfsChance: 0.4,
    currentConditions: [
      'Fibromyalgia (rheumatologist-diagnosed), irritable bowel syndrome.',
      'Fibromyalgia; chronic insomnia.',
      'Fibromyalgia; depression, managed with GP.',
    ],
    medications: ['Duloxetine 60 mg daily.', 'Pregabalin 75 mg twice daily.', 'Amitriptyline 10 mg at night; paracetamol as needed.'],
    goals: [
      'Sleep through the night more often.',
      'Fewer bad days; get back to swimming twice a week.',
      'Manage flares without taking time off work.',
    ],
    plans: [
      'Continue light Swedish work; gentle stretching and pacing diary at home.',
      'Keep pressure light; warm bath before bed; review sleep diary next visit.',
    ],
  },
  {
    code: 'CHRONIC_LOW_BACK_PAIN',
    variants: [
      {
        painRegions: [
          { code: 'LOWER_BACK', side: null },
          { code: 'BUTTOCK', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.6,
        extraTreated: [
          { code: 'HIP', side: 'AFFECTED' },
          { code: 'UPPER_LEG', side: 'BOTH' },
        ],
        measures: [
          {
            measure: 'LUMBAR_FLEXION',
            sides: 'NONE',
            baseline: [32, 45],
            perPainPoint: 4,
            ceiling: 62,
            noise: 2,
            postGain: [0, 5],
          },
        ],
        complaints: [
          'Low back pain for over a year, worse after sitting; stiffness in the morning.',
          'Recurring low back pain since a lifting strain; aching into the {sideLower} buttock.',
        ],
        psfsActivities: ['Sitting through a one-hour meeting', 'Lifting my toddler', 'Gardening for 30 minutes', 'Putting on socks'],
        findings: [
          'Hypertonic lumbar erectors and quadratus lumborum, {side} > other side; gluteus medius trigger points.',
          'Guarded lumbar flexion; tender over {sideLower} QL and piriformis.',
        ],
      },
      {
        painRegions: [
          { code: 'LOWER_BACK', side: null },
          { code: 'UPPER_LEG', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'BUTTOCK', side: 'BOTH' },
          { code: 'HIP', side: 'AFFECTED' },
        ],
        measures: [
          {
            measure: 'SIT_AND_REACH',
            sides: 'NONE',
            baseline: [-16, -6],
            perPainPoint: 1.8,
            ceiling: 4,
            noise: 1,
            postGain: [0, 2],
          },
        ],
        complaints: ['Chronic low back pain with tight hamstrings; desk job, pain builds through the day.'],
        psfsActivities: ['Driving for an hour', 'Vacuuming the house', 'Running 5 km', 'Bending to load the dishwasher'],
        findings: ['Short hamstrings bilaterally; lumbar paraspinals taut; tender {sideLower} SI region.'],
      },
      {
        painRegions: [{ code: 'LOWER_BACK', side: null }],
        secondRegionChance: 0,
        extraTreated: [
          { code: 'BUTTOCK', side: 'BOTH' },
          { code: 'UPPER_BACK', side: null },
        ],
        measures: [
          {
            measure: 'MODIFIED_SCHOBER',
            sides: 'NONE',
            baseline: [3.2, 4.2],
            perPainPoint: 0.25,
            ceiling: 5.8,
            noise: 0.2,
            postGain: [0, 0.3],
          },
        ],
        complaints: ['Stiff, aching low back for two years; worse standing for long periods.'],
        psfsActivities: ['Standing at a concert', 'Carrying groceries from the car', 'Getting out of bed in the morning'],
        findings: ['Reduced lumbar segmental mobility; dense fascia over the thoracolumbar junction.'],
      },
    ],
    modalities: ['DEEP_TISSUE', 'MYOFASCIAL_RELEASE', 'TRIGGER_POINT', 'SWEDISH'],
    age: [24, 72],
    femaleShare: 0.5,
    pressure: [
      ['MODERATE', 3],
      ['FIRM', 4],
      ['DEEP', 2],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['HIGH', 3],
      ['LOW', 1],
    ],
    perWeek: [
      [1, 5],
      [2, 4],
    ],
    minutes: [
      [45, 2],
      [60, 6],
      [90, 2],
    ],
    pain: [5, 8],
    instrument: 'ODI',
    severity: [0.24, 0.46],
    psfsChance: 0.5,
    currentConditions: [
      'Chronic non-specific low back pain (GP-diagnosed).',
      'Low back pain; MRI 2025: mild L4-L5 disc bulge, no nerve involvement.',
    ],
    medications: ['Ibuprofen 400 mg as needed.', 'Naproxen 250 mg as needed.', 'None.', 'Cyclobenzaprine 5 mg at night during flares.'],
    goals: ['Sit through a workday without pain above 3/10.', 'Return to golf this season.', 'Lift the kids without fear of a flare.'],
    plans: [
      'Continue; home: cat-camel and hip-flexor stretch daily, walk 20 minutes.',
      'Next visit focus on QL and gluteals; heat after long drives.',
      'Continue plan; add bird-dog 3 x 10 at home.',
    ],
  },
  {
    code: 'NECK_PAIN',
    variants: [
      {
        painRegions: [
          { code: 'NECK', side: null },
          { code: 'SHOULDER', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.65,
        extraTreated: [
          { code: 'UPPER_BACK', side: null },
          { code: 'HEAD', side: null },
        ],
        measures: [
          {
            measure: 'CERVICAL_ROTATION',
            sides: 'BOTH',
            baseline: [45, 58],
            otherBaseline: [60, 70],
            perPainPoint: 4,
            ceiling: 80,
            noise: 2,
            postGain: [0, 6],
          },
        ],
        complaints: [
          'Neck pain and stiffness for 4 months, worse after long days at the computer.',
          'Aching neck radiating to the {sideLower} shoulder blade; hard to check the blind spot when driving.',
        ],
        psfsActivities: [
          'Turning my head to reverse the car',
          'Working at the computer for two hours',
          'Sleeping through the night',
          'Reading in bed',
        ],
        findings: neckFindings,
      },
    ],
    modalities: ['TRIGGER_POINT', 'MYOFASCIAL_RELEASE', 'SWEDISH', 'DEEP_TISSUE'],
    age: [22, 70],
    femaleShare: 0.6,
    pressure: [
      ['MODERATE', 4],
      ['FIRM', 3],
      ['LIGHT', 1],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['LOW', 2],
      ['HIGH', 2],
    ],
    perWeek: [
      [1, 6],
      [2, 3],
    ],
    minutes: [
      [30, 1],
      [45, 3],
      [60, 5],
    ],
    pain: [5, 7],
    instrument: 'NDI',
    severity: [0.26, 0.42],
    psfsChance: 0.4,
    currentConditions: ['Mechanical neck pain; no neurological signs (GP).', 'Neck pain; occasional tension headaches.'],
    medications: ['Ibuprofen as needed.', 'None.', 'Paracetamol 1 g as needed.'],
    goals: ['Work a full day at the desk without neck pain.', 'Turn the head freely when driving.', 'Stop waking with a stiff neck.'],
    plans: [
      'Continue; chin tucks 3 x 10 and doorway pec stretch daily; monitor desk set-up.',
      'Next visit: suboccipitals and scalenes; micro-breaks every 45 minutes.',
    ],
  },
  {
    code: 'WHIPLASH',
    variants: [
      {
        painRegions: [
          { code: 'NECK', side: null },
          { code: 'UPPER_BACK', side: null },
        ],
        secondRegionChance: 0.6,
        extraTreated: [
          { code: 'SHOULDER', side: 'BOTH' },
          { code: 'HEAD', side: null },
        ],
        measures: [
          {
            measure: 'CERVICAL_ROTATION',
            sides: 'BOTH',
            baseline: [38, 52],
            otherBaseline: [50, 62],
            perPainPoint: 5,
            ceiling: 78,
            noise: 2,
            postGain: [0, 5],
          },
        ],
        complaints: [
          'Neck pain and stiffness since a rear-end collision {weeks} weeks ago; headaches in the afternoon.',
          'Whiplash from a car accident; neck stiff, pain between the shoulder blades.',
        ],
        psfsActivities: [
          'Driving on the highway',
          'Looking over my shoulder when cycling',
          'Lifting a full kettle',
          'Working a full shift',
        ],
        findings: [
          'Protective guarding of cervical paraspinals; SCM and scalenes tender bilaterally.',
          'Reduced cervical rotation, {sideLower} more limited; hypertonic rhomboids.',
        ],
      },
    ],
    modalities: ['SWEDISH', 'MYOFASCIAL_RELEASE', 'TRIGGER_POINT', 'LYMPHATIC_DRAINAGE'],
    age: [20, 65],
    femaleShare: 0.55,
    pressure: [
      ['LIGHT', 3],
      ['MODERATE', 4],
    ],
    tolerance: [
      ['LOW', 3],
      ['MODERATE', 4],
    ],
    perWeek: [
      [1, 3],
      [2, 5],
    ],
    minutes: [
      [45, 4],
      [60, 4],
    ],
    pain: [6, 8],
    instrument: 'NDI',
    severity: [0.34, 0.56],
    psfsChance: 0.5,
    currentConditions: ['Whiplash-associated disorder grade II (physician-assessed); imaging normal.'],
    medications: ['Naproxen 500 mg twice daily for two weeks.', 'Paracetamol as needed.', 'Cyclobenzaprine 10 mg at night.'],
    goals: ['Drive without neck pain.', 'Return to full duties at work.', 'Get rid of the afternoon headaches.'],
    plans: [
      'Continue gentle work; active range-of-motion exercises 3 x daily; stay active.',
      'Progress pressure as tolerated; add scapular setting exercises.',
    ],
  },
  {
    code: 'CARPAL_TUNNEL',
    variants: [
      {
        painRegions: [
          { code: 'WRIST_HAND', side: 'AFFECTED' },
          { code: 'LOWER_ARM', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.6,
        extraTreated: [
          { code: 'UPPER_ARM', side: 'AFFECTED' },
          { code: 'NECK', side: null },
          { code: 'CHEST', side: 'AFFECTED' },
        ],
        measures: [
          {
            measure: 'GRIP_STRENGTH',
            sides: 'AFFECTED',
            baseline: [14, 21],
            perPainPoint: 1.4,
            ceiling: 30,
            noise: 0.8,
            postGain: null,
            maleFactor: 1.55,
          },
        ],
        complaints: [
          'Numbness and tingling in the {sideLower} thumb and first two fingers, worse at night.',
          'Carpal tunnel symptoms in the {sideLower} hand for 6 months; drops things; wakes with pins and needles.',
        ],
        psfsActivities: ['Opening jars', 'Typing for an hour', 'Holding a book to read', 'Buttoning a shirt'],
        findings: [
          'Tight {sideLower} forearm flexors and pronator teres; Tinel sign positive at the wrist.',
          'Thenar muscles tender; flexor retinaculum restricted on the {sideLower}.',
        ],
      },
    ],
    modalities: ['MYOFASCIAL_RELEASE', 'TRIGGER_POINT', 'SWEDISH'],
    age: [28, 68],
    femaleShare: 0.7,
    pressure: [
      ['MODERATE', 5],
      ['FIRM', 2],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['HIGH', 2],
    ],
    perWeek: [
      [1, 5],
      [2, 4],
    ],
    minutes: [
      [30, 3],
      [45, 5],
      [60, 2],
    ],
    pain: [4, 7],
    instrument: 'QUICKDASH',
    severity: [0.32, 0.52],
    psfsChance: 0.4,
    currentConditions: ['Carpal tunnel syndrome, mild to moderate on nerve conduction study.', 'Carpal tunnel syndrome; hypothyroidism.'],
    medications: ['Night splint; ibuprofen as needed.', 'Levothyroxine 75 mcg daily.', 'None.'],
    goals: ['Sleep without waking from tingling.', 'Type through a workday without numbness.', 'Avoid surgery if possible.'],
    plans: [
      'Continue; nerve gliding and wrist flexor stretches at home; night splint.',
      'Review keyboard set-up; continue weekly forearm work.',
    ],
  },
  {
    code: 'REPETITIVE_STRAIN',
    variants: [
      {
        painRegions: [
          { code: 'LOWER_ARM', side: 'AFFECTED' },
          { code: 'ELBOW', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.6,
        extraTreated: [
          { code: 'WRIST_HAND', side: 'AFFECTED' },
          { code: 'UPPER_ARM', side: 'AFFECTED' },
          { code: 'SHOULDER', side: 'AFFECTED' },
        ],
        measures: [
          {
            measure: 'GRIP_STRENGTH',
            sides: 'AFFECTED',
            baseline: [17, 25],
            perPainPoint: 1.6,
            ceiling: 34,
            noise: 0.8,
            postGain: null,
            maleFactor: 1.5,
          },
        ],
        complaints: [
          'Aching {sideLower} forearm from mouse and keyboard work; pain builds through the week.',
          'Forearm and elbow pain on the {sideLower} from repetitive work on the assembly line.',
        ],
        psfsActivities: ['Using the mouse for an hour', 'Carrying a shopping bag', 'Playing guitar', 'Lifting a frying pan'],
        findings: [
          'Hypertonic {sideLower} wrist extensors with trigger points in extensor carpi radialis brevis.',
          'Tender common extensor origin; taut bands in the {sideLower} forearm flexors and extensors.',
        ],
      },
    ],
    modalities: ['TRIGGER_POINT', 'DEEP_TISSUE', 'MYOFASCIAL_RELEASE', 'SPORTS'],
    age: [22, 60],
    femaleShare: 0.5,
    pressure: [
      ['MODERATE', 3],
      ['FIRM', 4],
    ],
    tolerance: [
      ['MODERATE', 4],
      ['HIGH', 3],
    ],
    perWeek: [
      [1, 5],
      [2, 4],
    ],
    minutes: [
      [30, 3],
      [45, 5],
      [60, 2],
    ],
    pain: [4, 7],
    instrument: 'QUICKDASH',
    severity: [0.26, 0.46],
    psfsChance: 0.5,
    currentConditions: ['Work-related upper limb disorder (occupational health referral).', 'Overuse forearm pain; no other conditions.'],
    medications: ['Topical diclofenac gel as needed.', 'None.', 'Ibuprofen as needed.'],
    goals: ['Work a full week without forearm pain.', 'Get back to climbing.', 'Play guitar for 30 minutes pain-free.'],
    plans: [
      'Continue; eccentric wrist extensor exercise daily; micro-breaks every 30 minutes.',
      'Next visit: extensors and upper arm; ergonomic review at work.',
    ],
  },
  {
    code: 'OSTEOARTHRITIS',
    variants: [
      {
        painRegions: [
          { code: 'HIP', side: 'AFFECTED' },
          { code: 'BUTTOCK', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'UPPER_LEG', side: 'AFFECTED' },
          { code: 'LOWER_BACK', side: null },
        ],
        measures: [
          {
            measure: 'HIP_FLEXION',
            sides: 'AFFECTED',
            baseline: [78, 96],
            perPainPoint: 4,
            ceiling: 115,
            noise: 3,
            postGain: [0, 5],
          },
        ],
        complaints: ['Hip osteoarthritis on the {sideLower}; stiff getting up, aching groin and buttock after walking.'],
        psfsActivities: ['Putting on shoes and socks', 'Walking to the shops', 'Getting in and out of the car', 'Climbing stairs'],
        findings: ['Tight {sideLower} hip flexors and adductors; gluteals hypertonic; end-range hip flexion painful.'],
      },
      {
        painRegions: [
          { code: 'KNEE', side: 'AFFECTED' },
          { code: 'UPPER_LEG', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'LOWER_LEG', side: 'AFFECTED' },
          { code: 'HIP', side: 'AFFECTED' },
        ],
        measures: [],
        complaints: ['Knee osteoarthritis, {sideLower} worse than the other; swelling after long walks.'],
        psfsActivities: ['Going down stairs', 'Kneeling in the garden', 'Walking 2 km', 'Getting up from a low chair'],
        findings: ['Quadriceps and ITB taut on the {sideLower}; mild effusion, no heat.'],
      },
      {
        painRegions: [{ code: 'WRIST_HAND', side: 'AFFECTED' }],
        secondRegionChance: 0,
        extraTreated: [
          { code: 'LOWER_ARM', side: 'AFFECTED' },
          { code: 'WRIST_HAND', side: 'OTHER' },
        ],
        measures: [
          {
            measure: 'GRIP_STRENGTH',
            sides: 'AFFECTED',
            baseline: [10, 17],
            perPainPoint: 1,
            ceiling: 24,
            noise: 0.7,
            postGain: null,
            maleFactor: 1.5,
          },
        ],
        complaints: ['Hand osteoarthritis: stiff, painful finger joints, worst on the {sideLower}, in the morning.'],
        psfsActivities: ['Opening jars', 'Knitting for half an hour', 'Writing a card', 'Peeling vegetables'],
        findings: ['Bony enlargement at the DIP joints; thenar muscles tight; warm-up improves mobility.'],
      },
    ],
    modalities: ['SWEDISH', 'MYOFASCIAL_RELEASE', 'OTHER'],
    age: [55, 85],
    femaleShare: 0.6,
    pressure: [
      ['LIGHT', 2],
      ['MODERATE', 5],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['LOW', 2],
    ],
    perWeek: [[1, 1]],
    minutes: [
      [30, 2],
      [45, 4],
      [60, 3],
    ],
    pain: [4, 7],
    instrument: null,
    severity: [0.35, 0.55],
    psfsChance: 1,
    currentConditions: ['Osteoarthritis (X-ray confirmed); hypertension.', 'Osteoarthritis; type 2 diabetes, diet-controlled.'],
    medications: [
      'Paracetamol 1 g up to three times daily.',
      'Amlodipine 5 mg daily; paracetamol as needed.',
      'Glucosamine; topical NSAID gel.',
    ],
    goals: ['Walk to the shops and back without stopping.', 'Keep gardening this summer.', 'Less stiffness in the mornings.'],
    plans: [
      'Continue; gentle range-of-motion exercises daily, warm shower first.',
      'Continue monthly-style maintenance plan; keep active.',
    ],
  },
  {
    code: 'TMJ_DISORDER',
    variants: [
      {
        painRegions: [
          { code: 'JAW', side: 'AFFECTED' },
          { code: 'FACE', side: null },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'NECK', side: null },
          { code: 'HEAD', side: null },
          { code: 'JAW', side: 'OTHER' },
        ],
        measures: [
          {
            measure: 'MOUTH_OPENING',
            sides: 'NONE',
            baseline: [27, 37],
            perPainPoint: 3,
            ceiling: 50,
            noise: 1,
            postGain: [0, 4],
          },
        ],
        complaints: [
          'Jaw pain and clicking on the {sideLower}, worse after chewing; clenches at night (dentist fitted a splint).',
          'Pain in the {sideLower} jaw joint and temple, limited opening in the mornings.',
        ],
        psfsActivities: ['Eating an apple', 'Talking on the phone for 30 minutes', 'Yawning without pain'],
        findings: [
          'Hypertonic {sideLower} masseter and temporalis; deviation to the {sideLower} on opening.',
          'Trigger points in masseter and medial pterygoid (intraoral, with consent).',
        ],
      },
    ],
    modalities: ['TRIGGER_POINT', 'MYOFASCIAL_RELEASE', 'SWEDISH'],
    age: [20, 55],
    femaleShare: 0.75,
    pressure: [
      ['LIGHT', 2],
      ['MODERATE', 5],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['LOW', 2],
    ],
    perWeek: [
      [1, 6],
      [2, 3],
    ],
    minutes: [
      [30, 4],
      [45, 4],
      [60, 1],
    ],
    pain: [4, 7],
    instrument: null,
    severity: [0.4, 0.6],
    psfsChance: 1,
    currentConditions: ['Temporomandibular disorder (dentist-diagnosed, myofascial type); night splint.', 'TMD with bruxism.'],
    medications: ['None.', 'Ibuprofen as needed.', 'Sertraline 50 mg daily.'],
    goals: ['Eat without jaw pain.', 'Stop the morning jaw ache.', 'Open wide enough for dental work without pain.'],
    plans: [
      'Continue; jaw relaxation (tongue up, teeth apart) through the day; soft diet during flares.',
      'Self-massage of masseter twice daily; continue splint.',
    ],
  },
  {
    code: 'TENSION_TYPE_HEADACHE',
    variants: [
      {
        painRegions: [
          { code: 'HEAD', side: null },
          { code: 'NECK', side: null },
        ],
        secondRegionChance: 0.7,
        extraTreated: [
          { code: 'SHOULDER', side: 'BOTH' },
          { code: 'FACE', side: null },
          { code: 'UPPER_BACK', side: null },
        ],
        measures: [
          {
            measure: 'CERVICAL_EXTENSION',
            sides: 'NONE',
            baseline: [42, 55],
            perPainPoint: 3,
            ceiling: 70,
            noise: 2,
            postGain: [0, 5],
          },
        ],
        complaints: [
          'Band-like headaches 3-4 days a week, building through the workday.',
          'Pressing headaches across the forehead and back of the head, with tight neck and shoulders.',
        ],
        psfsActivities: ['Working at the screen all afternoon', 'Reading for an hour', 'Concentrating in meetings'],
        findings: [
          'Suboccipitals and upper trapezius hypertonic; temporalis tender bilaterally.',
          'Pericranial tenderness; forward head posture.',
        ],
      },
    ],
    modalities: ['TRIGGER_POINT', 'SWEDISH', 'SHIATSU', 'MYOFASCIAL_RELEASE'],
    age: [20, 60],
    femaleShare: 0.65,
    pressure: [
      ['MODERATE', 5],
      ['FIRM', 2],
      ['LIGHT', 1],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['LOW', 1],
      ['HIGH', 2],
    ],
    perWeek: [
      [1, 6],
      [2, 2],
    ],
    minutes: [
      [30, 2],
      [45, 4],
      [60, 4],
    ],
    pain: [4, 7],
    instrument: null,
    severity: [0.4, 0.6],
    psfsChance: 1,
    currentConditions: ['Frequent episodic tension-type headache (GP); migraine excluded.', 'Tension-type headache; anxiety.'],
    medications: ['Ibuprofen 400 mg on headache days.', 'Paracetamol as needed (fewer than 10 days a month).', 'None.'],
    goals: [
      'Fewer than one headache a week.',
      'Get through the afternoon without painkillers.',
      'Less neck tension at the end of the day.',
    ],
    plans: [
      'Continue; headache diary; screen breaks and hydration.',
      'Next visit: suboccipital release and temporalis; stretch upper trapezius at home.',
    ],
  },
  {
    code: 'SPORTS_INJURY',
    variants: [
      {
        painRegions: [
          { code: 'UPPER_LEG', side: 'AFFECTED' },
          { code: 'BUTTOCK', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.4,
        extraTreated: [
          { code: 'LOWER_LEG', side: 'AFFECTED' },
          { code: 'LOWER_BACK', side: null },
        ],
        measures: [
          {
            measure: 'SIT_AND_REACH',
            sides: 'NONE',
            baseline: [-12, -2],
            perPainPoint: 2,
            ceiling: 10,
            noise: 1,
            postGain: [0, 2.5],
          },
        ],
        complaints: [
          'Grade I hamstring strain on the {sideLower}, sprinting at football {weeks} weeks ago.',
          'Pulled the {sideLower} hamstring at the track; tight and sore when running.',
        ],
        psfsActivities: ['Running 5 km', 'Sprinting in a match', 'Bending to tie shoelaces', 'Cycling to work'],
        findings: [
          'Palpable tender band in {sideLower} biceps femoris mid-belly; no bruising.',
          'Hamstrings guarded on the {sideLower}; straight-leg raise limited by tightness.',
        ],
      },
      {
        painRegions: [
          { code: 'LOWER_LEG', side: 'AFFECTED' },
          { code: 'ANKLE_FOOT', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.4,
        extraTreated: [
          { code: 'UPPER_LEG', side: 'AFFECTED' },
          { code: 'LOWER_LEG', side: 'OTHER' },
        ],
        measures: [],
        complaints: [
          'Calf strain on the {sideLower} from a trail race; pain pushing off.',
          'Tight, sore {sideLower} calf since increasing running mileage.',
        ],
        psfsActivities: ['Running uphill', 'Jumping in netball', 'Walking down stairs', 'Standing on tiptoe'],
        findings: [
          'Trigger points in {sideLower} medial gastrocnemius; soleus taut.',
          'Tender {sideLower} calf musculotendinous junction; mild swelling resolving.',
        ],
      },
    ],
    modalities: ['SPORTS', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE'],
    age: [18, 45],
    femaleShare: 0.45,
    pressure: [
      ['FIRM', 4],
      ['DEEP', 3],
      ['MODERATE', 2],
    ],
    tolerance: [
      ['HIGH', 5],
      ['MODERATE', 3],
    ],
    perWeek: [
      [1, 2],
      [2, 5],
      [3, 3],
    ],
    minutes: [
      [30, 2],
      [45, 4],
      [60, 4],
    ],
    pain: [4, 7],
    instrument: null,
    severity: [0.45, 0.7],
    psfsChance: 1,
    currentConditions: ['Acute muscle strain; otherwise fit and well.', 'Muscle strain; sports physician review, no tear on ultrasound.'],
    medications: ['None.', 'Ibuprofen for the first few days only.'],
    goals: ['Back to full training in six weeks.', 'Run the half-marathon in spring.', 'Play the rest of the season.'],
    plans: [
      'Continue; graded return to running; eccentric strengthening daily.',
      'Progress to sport-specific drills if pain stays under 3/10.',
    ],
  },
  {
    code: 'POSTURAL_PAIN',
    variants: [
      {
        painRegions: [
          { code: 'UPPER_BACK', side: null },
          { code: 'NECK', side: null },
        ],
        secondRegionChance: 0.6,
        extraTreated: [
          { code: 'SHOULDER', side: 'BOTH' },
          { code: 'CHEST', side: 'BOTH' },
        ],
        measures: [
          {
            measure: 'SHOULDER_FLEXION',
            sides: 'BOTH',
            baseline: [145, 160],
            otherBaseline: [155, 168],
            perPainPoint: 4,
            ceiling: 178,
            noise: 3,
            postGain: [0, 6],
          },
        ],
        complaints: [
          'Burning ache between the shoulder blades after long hours at a laptop.',
          'Upper back and neck pain from desk work; rounded shoulders, worse by Friday.',
        ],
        psfsActivities: ['Working at the laptop for three hours', 'Carrying my backpack', 'Sitting through a long drive'],
        findings: [
          'Rounded shoulders; pectoralis minor short; rhomboids and mid trapezius taut and tender.',
          'Increased thoracic kyphosis; trigger points in {sideLower} rhomboid and levator scapulae.',
        ],
      },
    ],
    modalities: ['SWEDISH', 'DEEP_TISSUE', 'MYOFASCIAL_RELEASE', 'TRIGGER_POINT'],
    age: [20, 55],
    femaleShare: 0.55,
    pressure: [
      ['MODERATE', 4],
      ['FIRM', 4],
      ['DEEP', 1],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['HIGH', 3],
    ],
    perWeek: [
      [1, 7],
      [2, 2],
    ],
    minutes: [
      [45, 4],
      [60, 5],
      [90, 1],
    ],
    pain: [4, 7],
    instrument: 'NDI',
    severity: [0.18, 0.34],
    psfsChance: 0.4,
    currentConditions: ['No other conditions.', 'Postural upper back pain; mild scoliosis noted in childhood.'],
    medications: ['None.', 'Ibuprofen occasionally.'],
    goals: ['Get through the workweek without upper back pain.', 'Better posture at the desk.', 'Sleep on the back comfortably.'],
    plans: [
      'Continue; pec doorway stretch and rows with a band at home; laptop stand.',
      'Next visit: pecs and rhomboids; workstation check.',
    ],
  },
  {
    code: 'CANCER_PALLIATIVE',
    variants: [
      {
        painRegions: [
          { code: 'LOWER_BACK', side: null },
          { code: 'ANKLE_FOOT', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'ANKLE_FOOT', side: 'BOTH' },
          { code: 'UPPER_BACK', side: null },
          { code: 'HEAD', side: null },
        ],
        measures: [],
        complaints: [
          'Living with metastatic breast cancer; aching back and neuropathic discomfort in the feet after chemotherapy.',
          'Prostate cancer under palliative care; low back ache, anxiety, poor sleep.',
        ],
        psfsActivities: [],
        findings: ['Fatigued; skin intact; positioned side-lying with pillows.', 'Mild oedema in both ankles; gentle strokes only.'],
      },
      {
        painRegions: [
          { code: 'UPPER_BACK', side: null },
          { code: 'NECK', side: null },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'HEAD', side: null },
          { code: 'UPPER_ARM', side: 'BOTH' },
          { code: 'ANKLE_FOOT', side: 'BOTH' },
        ],
        measures: [],
        complaints: ['Lung cancer, palliative; tension across the upper back and shoulders, breathlessness when anxious.'],
        psfsActivities: [],
        findings: [
          'Breathing shallow; upper back tissues tense; positioned semi-reclined.',
          'Relaxed quickly with slow strokes; no skin changes.',
        ],
      },
    ],
    modalities: ['SWEDISH', 'REFLEXOLOGY', 'LYMPHATIC_DRAINAGE'],
    age: [42, 84],
    femaleShare: 0.55,
    pressure: [['LIGHT', 1]],
    tolerance: [
      ['LOW', 3],
      ['MODERATE', 2],
    ],
    perWeek: [[1, 1]],
    minutes: [
      [30, 4],
      [45, 4],
    ],
    pain: [3, 6],
    instrument: null,
    severity: [0.4, 0.6],
    psfsChance: 0,
    currentConditions: [
      'Metastatic cancer under the palliative care team; oncologist approved massage.',
      'Cancer, palliative; on home oxygen at night.',
    ],
    medications: [
      'Oxycodone (long-acting) twice daily; laxatives.',
      'Morphine as needed; dexamethasone.',
      'Gabapentin 300 mg three times daily.',
    ],
    goals: ['Comfort and relaxation; better sleep.', 'Ease of the back ache; some time without pain.', 'Less anxiety before treatments.'],
    plans: [
      'Continue comfort care; coordinate with the palliative nurse.',
      'Keep sessions short; feet and back; family taught simple hand massage.',
    ],
  },
  {
    code: 'FROZEN_SHOULDER',
    variants: [
      {
        painRegions: [
          { code: 'SHOULDER', side: 'AFFECTED' },
          { code: 'UPPER_ARM', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.6,
        extraTreated: [
          { code: 'UPPER_BACK', side: null },
          { code: 'NECK', side: null },
          { code: 'CHEST', side: 'AFFECTED' },
        ],
        measures: [
          {
            measure: 'SHOULDER_ABDUCTION',
            sides: 'AFFECTED',
            baseline: [70, 105],
            perPainPoint: 12,
            ceiling: 170,
            noise: 4,
            postGain: [0, 8],
          },
          {
            measure: 'SHOULDER_EXTERNAL_ROTATION',
            sides: 'AFFECTED',
            baseline: [15, 35],
            perPainPoint: 7,
            ceiling: 85,
            noise: 3,
            postGain: [0, 5],
          },
        ],
        complaints: [
          'Frozen {sideLower} shoulder for 5 months; cannot reach behind the back or up to a shelf; night pain.',
          'Stiff, painful {sideLower} shoulder since the spring, diagnosed adhesive capsulitis.',
        ],
        psfsActivities: ['Reaching a high shelf', 'Fastening a bra or tucking in a shirt', 'Washing my hair', 'Sleeping on that side'],
        findings: [
          'Capsular pattern on the {sideLower}: external rotation most limited; subscapularis and pec major taut.',
          'Hypertonic {sideLower} upper trapezius compensating; posterior capsule restricted.',
        ],
      },
    ],
    modalities: ['MYOFASCIAL_RELEASE', 'DEEP_TISSUE', 'TRIGGER_POINT', 'SWEDISH'],
    age: [42, 70],
    femaleShare: 0.65,
    pressure: [
      ['MODERATE', 5],
      ['FIRM', 3],
    ],
    tolerance: [
      ['MODERATE', 5],
      ['HIGH', 2],
    ],
    perWeek: [
      [1, 4],
      [2, 5],
    ],
    minutes: [
      [45, 4],
      [60, 5],
    ],
    pain: [5, 8],
    instrument: 'QUICKDASH',
    severity: [0.42, 0.62],
    psfsChance: 0.4,
    currentConditions: [
      'Adhesive capsulitis (orthopaedic diagnosis); type 2 diabetes.',
      'Frozen shoulder, freezing-to-frozen phase; hypothyroidism.',
    ],
    medications: [
      'Metformin 500 mg twice daily.',
      'Corticosteroid injection 6 weeks ago; paracetamol as needed.',
      'Levothyroxine 100 mcg daily.',
    ],
    goals: ['Reach the top kitchen shelf.', 'Sleep on the affected side.', 'Get dressed without help.'],
    plans: [
      'Continue; pendulums and wall walks at home three times a day, within comfort.',
      'Continue; heat before home stretches; progress external rotation work.',
    ],
  },

  {
    code: 'KNEE_OSTEOARTHRITIS',
    variants: [
      {
        painRegions: [
          { code: 'KNEE', side: 'AFFECTED' },
          { code: 'UPPER_LEG', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'LOWER_LEG', side: 'AFFECTED' },
          { code: 'HIP', side: 'AFFECTED' },
        ],
        measures: [],
        complaints: ['Knee osteoarthritis on the {sideLower}; aching on stairs and after walking, stiff first thing in the morning.'],
        psfsActivities: ['Climbing stairs', 'Walking to the shops', 'Kneeling in the garden', 'Getting up from a low chair'],
        findings: ['Quadriceps and hamstrings taut on the {sideLower}; tender medial joint line; mild swelling, no heat.'],
      },
    ],
    modalities: ['SWEDISH', 'MYOFASCIAL_RELEASE', 'TRIGGER_POINT'],
    age: [52, 80],
    femaleShare: 0.6,
    pressure: [
      ['MODERATE', 5],
      ['LIGHT', 2],
    ],
    tolerance: [['MODERATE', 1]],
    perWeek: [[1, 1]],
    minutes: [
      [45, 1],
      [60, 1],
    ],
    pain: [5, 7],
    instrument: 'KOOS12',
    severity: [0.4, 0.6],
    psfsChance: 0.5,
    currentConditions: ['Knee osteoarthritis (X-ray: medial compartment narrowing); hypertension.'],
    medications: ['Topical diclofenac; paracetamol 1 g as needed.'],
    goals: ['Walk to the shops and back without stopping.', 'Manage the stairs at home without the handrail.'],
    plans: ['Continue; quadriceps sets and sit-to-stand practice daily; walk little and often.'],
  },
  {
    code: 'HIP_OSTEOARTHRITIS',
    variants: [
      {
        painRegions: [
          { code: 'HIP', side: 'AFFECTED' },
          { code: 'GROIN', side: 'AFFECTED' },
        ],
        secondRegionChance: 0.5,
        extraTreated: [
          { code: 'BUTTOCK', side: 'AFFECTED' },
          { code: 'UPPER_LEG', side: 'AFFECTED' },
          { code: 'LOWER_BACK', side: null },
        ],
        measures: [
          {
            measure: 'HIP_FLEXION',
            sides: 'AFFECTED',
            baseline: [80, 95],
            perPainPoint: 4,
            ceiling: 115,
            noise: 3,
            postGain: [0, 5],
          },
        ],
        complaints: ['Hip osteoarthritis on the {sideLower}; groin pain walking, hard to put on shoes and socks.'],
        psfsActivities: ['Putting on shoes and socks', 'Walking for 20 minutes', 'Getting in and out of the car', 'Sleeping on that side'],
        findings: ['Capsular pattern on the {sideLower}: internal rotation most limited; adductors and hip flexors taut.'],
      },
    ],
    modalities: ['SWEDISH', 'MYOFASCIAL_RELEASE', 'DEEP_TISSUE'],
    age: [55, 82],
    femaleShare: 0.55,
    pressure: [['MODERATE', 1]],
    tolerance: [['MODERATE', 1]],
    perWeek: [[1, 1]],
    minutes: [[60, 1]],
    pain: [5, 7],
    instrument: null,
    severity: [0.4, 0.6],
    psfsChance: 1,
    currentConditions: ['Hip osteoarthritis (orthopaedic review: no surgery for now).'],
    medications: ['Naproxen 250 mg as needed.', 'Paracetamol 1 g as needed.'],
    goals: ['Put on shoes and socks without help.', 'Walk the dog for 20 minutes.'],
    plans: ['Continue; hip mobility routine and a stationary bike at home.'],
  },
  {
    code: 'PREGNANCY_PELVIC_PAIN',
    variants: [
      {
        painRegions: [
          { code: 'LOWER_BACK', side: null },
          { code: 'PELVIS', side: null },
        ],
        secondRegionChance: 1,
        extraTreated: [
          { code: 'BUTTOCK', side: 'BOTH' },
          { code: 'UPPER_BACK', side: null },
        ],
        measures: [],
        complaints: ['Low back and pelvic girdle pain since week 20 of pregnancy; worse turning in bed and on stairs.'],
        psfsActivities: ['Turning over in bed', 'Walking for 30 minutes', 'Climbing stairs', 'Standing to cook dinner'],
        findings: ['Side-lying with pillows; tender over the {sideLower} sacroiliac joint; gluteus medius and QL hypertonic.'],
      },
    ],
    modalities: ['SWEDISH', 'MYOFASCIAL_RELEASE'],
    age: [24, 40],
    femaleShare: 1,
    pressure: [['MODERATE', 1]],
    tolerance: [['MODERATE', 1]],
    perWeek: [[1, 1]],
    minutes: [[60, 1]],
    pain: [6, 7],
    instrument: 'ODI',
    severity: [0.3, 0.4],
    psfsChance: 0,
    currentConditions: ['Pregnant, singleton, low risk (midwife); pregnancy-related pelvic girdle pain.'],
    medications: ['Prenatal vitamins; paracetamol as needed.'],
    goals: ['Sleep through the night without waking from hip and back pain.', 'Keep walking to work until maternity leave.'],
    plans: ['Continue side-lying work; pelvic belt when walking; exercises from the physiotherapist.'],
  },
  {
    code: 'STRESS_ANXIETY',
    variants: [
      {
        painRegions: [
          { code: 'NECK', side: null },
          { code: 'UPPER_BACK', side: null },
        ],
        secondRegionChance: 0.7,
        extraTreated: [
          { code: 'HEAD', side: null },
          { code: 'SHOULDER', side: 'BOTH' },
        ],
        measures: [],
        complaints: ['Constant worry and tension since a change of job; tight neck and shoulders, poor sleep.'],
        psfsActivities: ['Falling asleep', 'Working a full day', 'Sitting through a meeting'],
        findings: ['Shallow upper-chest breathing; upper trapezius and suboccipitals hypertonic; settles with slow work.'],
      },
    ],
    modalities: ['SWEDISH', 'SHIATSU', 'REFLEXOLOGY'],
    age: [25, 55],
    femaleShare: 0.6,
    pressure: [['MODERATE', 1]],
    tolerance: [['MODERATE', 1]],
    perWeek: [[1, 1]],
    minutes: [[60, 1]],
    pain: [4, 6],
    instrument: 'GAD7',
    severity: [0.5, 0.65],
    psfsChance: 0,
    currentConditions: ['Generalized anxiety disorder (GP-diagnosed); seeing a counsellor.'],
    medications: ['Sertraline 50 mg daily.'],
    goals: ['Fall asleep within half an hour most nights.', 'Less tension in the neck by the end of the workday.'],
    plans: ['Continue; slow-breathing practice before bed; keep the counselling appointments.'],
  },
  {
    code: 'AUTISM_SPECTRUM',
    variants: [
      {
        painRegions: [
          { code: 'UPPER_BACK', side: null },
          { code: 'LOWER_LEG', side: 'BOTH' },
        ],
        secondRegionChance: 0,
        extraTreated: [
          { code: 'WRIST_HAND', side: 'BOTH' },
          { code: 'ANKLE_FOOT', side: 'BOTH' },
        ],
        measures: [],
        complaints: ['Autistic, minimally verbal; parent reports tense shoulders, toe walking with aching calves and restless sleep.'],
        psfsActivities: [],
        findings: [
          'Accepted firm, slow strokes on the back with the parent beside the table; calves taut bilaterally.',
          'Settled after 10 minutes; tolerated hand and foot work with a weighted blanket.',
        ],
      },
    ],
    modalities: ['SWEDISH', 'REFLEXOLOGY'],
    age: [6, 12],
    femaleShare: 0.25,
    pressure: [['FIRM', 1]],
    tolerance: [['MODERATE', 1]],
    perWeek: [[1, 1]],
    minutes: [[30, 1]],
    pain: [5, 7],
    instrument: 'RFLACC',
    severity: [0.5, 0.6],
    psfsChance: 0,
    instrumentReporter: { reporter: 'PROXY', proxyRelation: 'PARENT' },
    childPain: true,
    currentConditions: ['Autism spectrum disorder (developmental paediatrician); sensory processing differences.'],
    medications: ['Melatonin 2 mg at night.'],
    goals: ['Calmer evenings and better sleep (parent).', 'Less calf aching after school (parent).'],
    plans: ['Continue weekly; same room and routine; parent does 5 minutes of hand massage at bedtime.'],
  },
  {
    code: 'DOWN_SYNDROME',
    variants: [
      {
        painRegions: [
          { code: 'LOWER_BACK', side: null },
          { code: 'ANKLE_FOOT', side: 'BOTH' },
        ],
        secondRegionChance: 0,
        extraTreated: [
          { code: 'UPPER_LEG', side: 'BOTH' },
          { code: 'SHOULDER', side: 'BOTH' },
        ],
        measures: [],
        complaints: ['Down syndrome; low muscle tone, aching feet and back after walking, flat feet (carer and parent report).'],
        psfsActivities: [],
        findings: ['Hypotonic; gentle work only, no end-range neck movement (atlanto-axial instability screened).'],
      },
    ],
    modalities: ['SWEDISH', 'REFLEXOLOGY'],
    age: [8, 14],
    femaleShare: 0.5,
    pressure: [['LIGHT', 1]],
    tolerance: [['MODERATE', 1]],
    perWeek: [[1, 1]],
    minutes: [[30, 1]],
    pain: [4, 6],
    instrument: 'RFLACC',
    severity: [0.4, 0.5],
    psfsChance: 0,
    instrumentReporter: { reporter: 'THERAPIST', proxyRelation: null },
    childPain: true,
    currentConditions: ['Down syndrome (trisomy 21); hypothyroidism; flat feet with orthotics.'],
    medications: ['Levothyroxine 25 mcg daily.'],
    goals: ['Walk home from school without sitting down for rests (parent).'],
    plans: ['Continue; gentle work, no neck manipulation; foot exercises with the parent at home.'],
  },
];

/**
 * Clients who show the wider scope of issue 20, written after the 40 generated clients so those stay exactly as
 * they were: a child whose parent reports for them (and holds a proxy portal account), a child observed by the
 * therapist, a pregnant client, a palliative client answering the ESAS-r, a tension-type headache client keeping a
 * headache diary, and one client for each other condition that the generated population does not cover.
 */
export interface ScopeClient {
  /** Stable key for the accounts and tests. */
  key: 'PROXY_CHILD' | 'OBSERVED_CHILD' | 'PREGNANT' | 'PALLIATIVE' | 'HEADACHE_DIARY' | 'KNEE_OA' | 'HIP_OA' | 'ANXIETY';
  clinic: number;
  therapist: number;
  givenName: string;
  familyName: string;
  sex: Sex;
  /** Whole years at the anchor date. */
  age: number;
  conditionCode: string;
  /** The condition's questionnaire, when the client answers another one than the condition profile's. */
  instrument?: ConditionProfile['instrument'];
  /** Weeks of gestation at intake (a pregnant client). */
  gestationWeeks?: number;
  /** Keeps a headache diary, its 4-week summary recorded at every fourth visit. */
  headacheDiary?: boolean;
  researchConsent: boolean;
  email: string | null;
}

export const scopeClients: readonly ScopeClient[] = [
  {
    key: 'PROXY_CHILD',
    clinic: 0,
    therapist: 0,
    givenName: 'Theo',
    familyName: 'Lindqvist',
    sex: 'MALE',
    age: 8,
    conditionCode: 'AUTISM_SPECTRUM',
    // The parents declined research use for their child.
    researchConsent: false,
    email: null,
  },
  {
    key: 'PREGNANT',
    clinic: 0,
    therapist: 0,
    givenName: 'Camille',
    familyName: 'Moreau',
    sex: 'FEMALE',
    age: 31,
    conditionCode: 'PREGNANCY_PELVIC_PAIN',
    gestationWeeks: 24,
    researchConsent: true,
    email: 'camille.moreau@example.com',
  },
  {
    key: 'PALLIATIVE',
    clinic: 0,
    therapist: 0,
    givenName: 'Walter',
    familyName: 'Novak',
    sex: 'MALE',
    age: 74,
    conditionCode: 'CANCER_PALLIATIVE',
    instrument: 'ESAS_R',
    researchConsent: true,
    email: null,
  },
  {
    key: 'HEADACHE_DIARY',
    clinic: 0,
    therapist: 0,
    givenName: 'Ingrid',
    familyName: 'Varga',
    sex: 'FEMALE',
    age: 38,
    conditionCode: 'TENSION_TYPE_HEADACHE',
    headacheDiary: true,
    researchConsent: true,
    email: 'ingrid.varga@example.com',
  },
  {
    key: 'KNEE_OA',
    clinic: 0,
    therapist: 1,
    givenName: 'Bernard',
    familyName: 'Pelletier',
    sex: 'MALE',
    age: 68,
    conditionCode: 'KNEE_OSTEOARTHRITIS',
    researchConsent: true,
    email: null,
  },
  {
    key: 'OBSERVED_CHILD',
    clinic: 1,
    therapist: 0,
    givenName: 'Molly',
    familyName: 'Pritchard',
    sex: 'FEMALE',
    age: 10,
    conditionCode: 'DOWN_SYNDROME',
    researchConsent: false,
    email: null,
  },
  {
    key: 'HIP_OA',
    clinic: 1,
    therapist: 1,
    givenName: 'Gwen',
    familyName: 'Howell',
    sex: 'FEMALE',
    age: 71,
    conditionCode: 'HIP_OSTEOARTHRITIS',
    researchConsent: true,
    email: 'gwen.howell@example.com',
  },
  {
    key: 'ANXIETY',
    clinic: 1,
    therapist: 0,
    givenName: 'Nikhil',
    familyName: 'Rao',
    sex: 'MALE',
    age: 34,
    conditionCode: 'STRESS_ANXIETY',
    researchConsent: true,
    email: 'nikhil.rao@example.com',
  },
];

export const profileByCode = new Map(conditionProfiles.map((profile) => [profile.code, profile]));

export const generalPast = commonPast;

/** Contraindications found at screening, with the precaution taken. */
export const generalContraindications = [
  'Anticoagulant (apixaban): no deep pressure; check for bruising.',
  'Varicose veins, left lower leg: no direct pressure.',
  'Osteoporosis: no deep pressure over spine and ribs.',
  'Recent cortisone injection (2 weeks): avoid the injection site.',
  'Type 2 diabetes with reduced sensation in the feet: light pressure, check skin.',
];

export const cancerContraindications = [
  'Implanted port, right upper chest: avoid the area.',
  'Low platelet counts during chemotherapy cycles: light pressure only.',
  'Lymphoedema risk, left arm (axillary node dissection): no deep work on that arm.',
  'Bone metastases in the spine: no pressure over the spine.',
];

/** Red flags found at screening, with what was done about them. */
export const redFlagsByCondition: Record<string, string[]> = {
  CHRONIC_LOW_BACK_PAIN: ['Night pain not eased by rest: referred to family physician; cleared for treatment.'],
  NECK_PAIN: ['Numbness in both hands: physician review requested before treatment; cleared.'],
  WHIPLASH: ['Dizziness after the collision: assessed by physician, imaging normal; cleared.'],
  TENSION_TYPE_HEADACHE: ['Headache pattern changed last month: GP review, no sinister cause found.'],
  CANCER_PALLIATIVE: ['Unexplained new bone pain: reported to the palliative care team.'],
};

export const cancelReasons = [
  'Cancelled by client: unwell.',
  'Cancelled by client: work conflict.',
  'Cancelled by client: childcare.',
  'Cancelled by clinic: therapist ill.',
  'Cancelled by client: travelling.',
];

export const noShowNotes = ['No-show; no contact. Reminder sent.', 'Did not attend; phoned, client forgot. Rebooked.'];

export const assessmentPhrases = {
  better: ['Good response to treatment.', 'Steady progress.', 'Tissue less reactive than last visit.'],
  same: ['Symptoms stable.', 'Partial response; plan unchanged.'],
  worse: ['Flare since last visit.', 'Slower progress than expected.'],
};

export const subjectivePhrases = {
  first: ['First treatment after intake.', 'Initial visit; history taken at intake.'],
  better: ['Feels better since the last visit.', 'Reports less pain this week.', 'Sleeping better.'],
  same: ['About the same as last time.', 'No real change this week.'],
  worse: ['Rough week; symptoms flared.', 'Worse after a busy week at work.', 'Flare after poor sleep.'],
};

export const dischargeNotes = {
  completed: [
    'Completed the planned course; goals largely met. Discharged with a home program.',
    'Course completed; client managing well with home exercises. Maintenance visits as needed.',
  ],
  completedPalliative: ['Planned course of comfort care completed; further visits on request of the client or the palliative team.'],
  discontinuedPalliative: ['Client admitted to the hospice; care handed over to the palliative team.'],
  discontinuedWorse: ['Discontinued: symptoms worsening despite treatment; referred to family physician for review.'],
  discontinued: [
    'Discontinued by client (moving away); discharged with a home program.',
    'Client stopped booking; closed after two follow-up calls.',
    'Referred on to physiotherapy for a supervised exercise program.',
  ],
};
