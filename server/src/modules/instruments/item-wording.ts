import type { InstrumentCode } from './instrument-definition.js';

/**
 * What the entry form shows for each item: the question and the meaning of its answers. Where an
 * instrument's licence lets its text be reproduced the form shows the published wording; otherwise
 * a short paraphrase written for Fascia, and the form says which. docs/clinical.md lists the same
 * licence facts.
 */
export type WordingSource = 'PUBLISHED' | 'PARAPHRASED';

export interface ItemWording {
  question: string;
  /** Answer wording by value; values without wording show as bare numbers (the 1-9 of a 0-10 scale). */
  answers: Readonly<Record<number, string>>;
}

export interface InstrumentWording {
  source: WordingSource;
  /** Who holds the copyright and what that means for showing the text. */
  licence: string;
  items: Readonly<Record<string, ItemWording>>;
}

/** A six-step ladder, 0 to 5, as the ODI and NDI sections are answered. */
const ladder = (...steps: [string, string, string, string, string, string]) => Object.fromEntries(steps.map((s, i) => [i, s]));
/** A five-step scale, 1 to 5, as QuickDASH items are answered. */
const five = (...steps: [string, string, string, string, string]) => Object.fromEntries(steps.map((s, i) => [i + 1, s]));
/** The two ends of a 0-10 scale. */
const ends = (zero: string, ten: string) => ({ 0: zero, 10: ten });

const painNow = ladder(
  'No pain at the moment',
  'Very mild pain',
  'Moderate pain',
  'Fairly severe pain',
  'Very severe pain',
  'The worst pain imaginable',
);
const selfCare = ladder(
  'Manages normally, no extra pain',
  'Manages normally, but it is painful',
  'Painful: slow and careful',
  'Needs some help, manages most',
  'Needs help every day with most of it',
  'Cannot dress; washes with difficulty; stays in bed',
);
const lifting = ladder(
  'Heavy things, no extra pain',
  'Heavy things, with extra pain',
  'Heavy things only from a table, not the floor',
  'Light to medium things, if placed conveniently',
  'Only very light things',
  'Cannot lift or carry anything',
);

const odi: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'ODI 2.1a: copyright J. Fairbank, licensed through Mapi Research Trust; reproducing its text needs a licence, ' +
    'so the form shows Fascia’s paraphrase of each section and its six statements.',
  items: {
    ODI1: { question: 'How strong is the back pain at the moment?', answers: painNow },
    ODI2: { question: 'Washing, dressing and other personal care', answers: selfCare },
    ODI3: { question: 'Lifting', answers: lifting },
    ODI4: {
      question: 'Walking',
      answers: ladder(
        'Pain does not limit walking',
        'Limited to about 1.5 km (1 mile)',
        'Limited to about 500 m',
        'Limited to about 100 m',
        'Only with a stick or crutches',
        'In bed most of the time',
      ),
    },
    ODI5: {
      question: 'Sitting',
      answers: ladder(
        'Any chair, as long as wanted',
        'Only a favourite chair, as long as wanted',
        'Under 1 hour',
        'Under 30 minutes',
        'Under 10 minutes',
        'Cannot sit at all',
      ),
    },
    ODI6: {
      question: 'Standing',
      answers: ladder(
        'As long as wanted, no extra pain',
        'As long as wanted, with extra pain',
        'Under 1 hour',
        'Under 30 minutes',
        'Under 10 minutes',
        'Cannot stand at all',
      ),
    },
    ODI7: {
      question: 'Sleeping',
      answers: ladder(
        'Pain never disturbs sleep',
        'Pain sometimes disturbs sleep',
        'Under 6 hours of sleep',
        'Under 4 hours of sleep',
        'Under 2 hours of sleep',
        'Cannot sleep at all',
      ),
    },
    ODI8: {
      question: 'Sex life (leave blank if it does not apply)',
      answers: ladder(
        'Normal, no extra pain',
        'Normal, with some extra pain',
        'Nearly normal, but very painful',
        'Severely limited',
        'Nearly absent',
        'Prevented by pain',
      ),
    },
    ODI9: {
      question: 'Social life',
      answers: ladder(
        'Normal, no extra pain',
        'Normal, with more pain',
        'Only energetic interests limited',
        'Goes out less often',
        'Only at home',
        'No social life because of pain',
      ),
    },
    ODI10: {
      question: 'Travelling',
      answers: ladder(
        'Anywhere, no pain',
        'Anywhere, with extra pain',
        'Over 2 hours despite pain',
        'Under 1 hour',
        'Only short necessary trips, under 30 minutes',
        'Only to get treatment',
      ),
    },
  },
};

const ndi: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'NDI: copyright H. Vernon; reproducing its text needs the holder’s permission, so the form shows Fascia’s ' +
    'paraphrase of each section and its six statements.',
  items: {
    NDI1: { question: 'How strong is the neck pain at the moment?', answers: painNow },
    NDI2: { question: 'Washing, dressing and other personal care', answers: selfCare },
    NDI3: { question: 'Lifting', answers: lifting },
    NDI4: {
      question: 'Reading',
      answers: ladder(
        'As much as wanted, no neck pain',
        'As much as wanted, slight neck pain',
        'As much as wanted, moderate neck pain',
        'Less than wanted, moderate neck pain',
        'Hardly at all, severe neck pain',
        'Cannot read at all',
      ),
    },
    NDI5: {
      question: 'Headaches',
      answers: ladder(
        'None',
        'Slight and rare',
        'Moderate and rare',
        'Moderate and frequent',
        'Severe and frequent',
        'Almost all the time',
      ),
    },
    NDI6: {
      question: 'Concentration',
      answers: ladder(
        'No difficulty',
        'Slight difficulty',
        'Fair difficulty',
        'A lot of difficulty',
        'A great deal of difficulty',
        'Cannot concentrate at all',
      ),
    },
    NDI7: {
      question: 'Work',
      answers: ladder(
        'As much as wanted',
        'Usual work, no more',
        'Most of the usual work',
        'Not the usual work',
        'Hardly any work',
        'No work at all',
      ),
    },
    NDI8: {
      question: 'Driving (leave blank for a non-driver)',
      answers: ladder(
        'No neck pain',
        'As long as wanted, slight neck pain',
        'As long as wanted, moderate neck pain',
        'Less than wanted, moderate neck pain',
        'Hardly at all, severe neck pain',
        'Cannot drive at all',
      ),
    },
    NDI9: {
      question: 'Sleeping',
      answers: ladder(
        'No trouble sleeping',
        'Slightly disturbed (under 1 hour awake)',
        'Mildly disturbed (1-2 hours awake)',
        'Moderately disturbed (2-3 hours awake)',
        'Greatly disturbed (3-5 hours awake)',
        'Completely disturbed (5-7 hours awake)',
      ),
    },
    NDI10: {
      question: 'Recreation',
      answers: ladder(
        'All activities, no neck pain',
        'All activities, some neck pain',
        'Most activities',
        'Only a few activities',
        'Hardly any activities',
        'No activities at all',
      ),
    },
  },
};

const difficulty = five('No difficulty', 'Mild difficulty', 'Moderate difficulty', 'Severe difficulty', 'Unable');
const severity = five('None', 'Mild', 'Moderate', 'Severe', 'Extreme');
const inPastWeek = (what: string): ItemWording => ({ question: `In the past week, how hard was it to ${what}?`, answers: difficulty });

const quickdash: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'QuickDASH: copyright Institute for Work & Health; its text may not be changed and is reproduced under the ' +
    'Institute’s terms, which Fascia has not agreed, so the form shows Fascia’s paraphrase of each item.',
  items: {
    QD1: inPastWeek('open a tight or new jar'),
    QD2: inPastWeek('do heavy household chores (floors, walls)'),
    QD3: inPastWeek('carry a shopping bag or briefcase'),
    QD4: inPastWeek('wash your back'),
    QD5: inPastWeek('cut food with a knife'),
    QD6: inPastWeek('do recreation that takes force or impact through the arm, shoulder or hand'),
    QD7: {
      question: 'In the past week, how much did the arm, shoulder or hand get in the way of social activities?',
      answers: five('Not at all', 'Slightly', 'Moderately', 'Quite a bit', 'Extremely'),
    },
    QD8: {
      question: 'In the past week, how limited were work or daily activities by the arm, shoulder or hand?',
      answers: five('Not limited', 'Slightly limited', 'Moderately limited', 'Very limited', 'Unable'),
    },
    QD9: { question: 'In the past week, how bad was pain in the arm, shoulder or hand?', answers: severity },
    QD10: { question: 'In the past week, how bad was tingling (pins and needles) in the arm, shoulder or hand?', answers: severity },
    QD11: {
      question: 'In the past week, how hard was it to sleep because of pain in the arm, shoulder or hand?',
      answers: five('No difficulty', 'Mild difficulty', 'Moderate difficulty', 'Severe difficulty', 'Too hard to sleep at all'),
    },
    QDW1: inPastWeek('work with your usual technique'),
    QDW2: inPastWeek('do your usual work because of pain'),
    QDW3: inPastWeek('do your work as well as you would like'),
    QDW4: inPastWeek('spend your usual time at work'),
    QDS1: inPastWeek('play your sport or instrument with your usual technique'),
    QDS2: inPastWeek('play your sport or instrument because of pain'),
    QDS3: inPastWeek('play your sport or instrument as well as you would like'),
    QDS4: inPastWeek('spend your usual time playing your sport or instrument'),
  },
};

const hardToDo = (what: string): ItemWording => ({
  question: `Over the past 7 days, how hard was it to ${what}?`,
  answers: ends('No difficulty', 'Very difficult'),
});
const symptom = (what: string, zero: string, ten: string): ItemWording => ({
  question: `Over the past 7 days: ${what}`,
  answers: ends(zero, ten),
});

const fiqr: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'FIQR: copyright R. M. Bennett; its text is reproduced with the author’s permission only, so the form shows ' +
    'Fascia’s paraphrase of each item and the meaning of 0 and 10.',
  items: {
    FIQR_F1: hardToDo('brush or comb your hair'),
    FIQR_F2: hardToDo('walk without stopping for 20 minutes'),
    FIQR_F3: hardToDo('prepare a homemade meal'),
    FIQR_F4: hardToDo('vacuum, scrub or sweep floors'),
    FIQR_F5: hardToDo('lift and carry a bag full of groceries'),
    FIQR_F6: hardToDo('climb one flight of stairs'),
    FIQR_F7: hardToDo('change the bed sheets'),
    FIQR_F8: hardToDo('sit in a chair for 45 minutes'),
    FIQR_F9: hardToDo('go shopping for groceries'),
    FIQR_O1: symptom('how often did fibromyalgia stop you reaching your goals for the week?', 'Never', 'Always'),
    FIQR_O2: symptom('how often did the symptoms overwhelm you?', 'Never', 'Always'),
    FIQR_S1: symptom('pain', 'No pain', 'Unbearable pain'),
    FIQR_S2: symptom('energy', 'Plenty of energy', 'No energy'),
    FIQR_S3: symptom('stiffness', 'No stiffness', 'Severe stiffness'),
    FIQR_S4: symptom('how rested you woke up', 'Woke well rested', 'Woke very tired'),
    FIQR_S5: symptom('feeling low or depressed', 'Not at all', 'Very much'),
    FIQR_S6: symptom('memory', 'Good memory', 'Very poor memory'),
    FIQR_S7: symptom('anxiety', 'Not anxious', 'Very anxious'),
    FIQR_S8: symptom('tenderness to touch', 'Not tender', 'Very tender'),
    FIQR_S9: symptom('balance', 'No balance problems', 'Severe balance problems'),
    FIQR_S10: symptom('sensitivity to noise, bright light, smells or cold', 'Not sensitive', 'Extremely sensitive'),
  },
};

const psfsItem = (n: number): ItemWording => ({
  question: `Activity ${n} the client finds hard or cannot do because of their problem: how well can they do it today?`,
  answers: ends('Unable to perform the activity', 'Able to perform the activity at the level before the problem'),
});

const psfs: InstrumentWording = {
  source: 'PUBLISHED',
  licence:
    'PSFS: published by Stratford et al. (1995) for free clinical use, with no licence to sign; the form shows ' +
    'the published meaning of 0 and 10 and a short form of the instructions.',
  items: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`PSFS${n}`, psfsItem(n)])),
};

/** A 0-10 rating with its two ends. */
const rated = (question: string, zero: string, ten: string): ItemWording => ({ question, answers: ends(zero, ten) });

const jawLimitation = (what: string) =>
  rated(`Over the last month, how limited were you in ${what}?`, 'No limitation', 'Severe limitation');

const jfls8: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'JFLS-8: part of the DC/TMD instruments (Ohrbach et al. 2008), free to use without permission or fee for clinical ' +
    'care and research; the form shows Fascia’s short form of each item and the meaning of 0 and 10.',
  items: {
    JFLS1: jawLimitation('chewing tough food'),
    JFLS2: jawLimitation('chewing chicken (e.g. cooked in the oven)'),
    JFLS3: jawLimitation('eating soft food that needs no chewing'),
    JFLS4: jawLimitation('opening wide enough to drink from a cup'),
    JFLS5: jawLimitation('swallowing'),
    JFLS6: jawLimitation('yawning'),
    JFLS7: jawLimitation('talking'),
    JFLS8: jawLimitation('smiling'),
  },
};

const bctqLicence =
  'BCTQ: published with its scoring by Levine et al. (J Bone Joint Surg Am 1993); free to use in care and research ' +
  'without a fee or licence; the form shows Fascia’s short form of each question and its five answers.';
const howSevere = five('None', 'Mild', 'Moderate', 'Severe', 'Very severe');
const howOften = five('Never', 'Once', 'Two or three times', 'Four or five times', 'More than five times');
const typicalDay = (what: string, answers: Readonly<Record<number, string>> = howSevere): ItemWording => ({
  question: `On a typical day in the past two weeks: ${what}`,
  answers,
});
const handTask = (what: string): ItemWording => ({
  question: `On a typical day in the past two weeks, how hard was it to ${what} because of hand or wrist symptoms?`,
  answers: five('No difficulty', 'Little difficulty', 'Moderate difficulty', 'Intense difficulty', 'Cannot do it at all'),
});

const bctqSss: InstrumentWording = {
  source: 'PARAPHRASED',
  licence: bctqLicence,
  items: {
    BCTQ_S1: typicalDay('how severe was hand or wrist pain at night?'),
    BCTQ_S2: typicalDay('how often did hand or wrist pain wake you at night?', howOften),
    BCTQ_S3: typicalDay('how severe was hand or wrist pain during the day?'),
    BCTQ_S4: typicalDay(
      'how often did you have hand or wrist pain during the day?',
      five('Never', 'Once or twice a day', 'Three to five times a day', 'More than five times a day', 'Constantly'),
    ),
    BCTQ_S5: typicalDay(
      'how long does an episode of daytime pain last?',
      five('No pain', 'Under 10 minutes', '10 to 60 minutes', 'Over 60 minutes', 'Constant'),
    ),
    BCTQ_S6: typicalDay('how severe is numbness (loss of feeling) in the hand?'),
    BCTQ_S7: typicalDay('how severe is weakness in the hand or wrist?'),
    BCTQ_S8: typicalDay('how severe is tingling in the hand?'),
    BCTQ_S9: typicalDay('how severe is numbness or tingling at night?'),
    BCTQ_S10: typicalDay('how often did numbness or tingling wake you at night?', howOften),
    BCTQ_S11: typicalDay(
      'how hard is it to grasp and use small objects such as keys or pens?',
      five('No difficulty', 'Mild', 'Moderate', 'Severe', 'Very severe'),
    ),
  },
};

const bctqFss: InstrumentWording = {
  source: 'PARAPHRASED',
  licence: bctqLicence,
  items: {
    BCTQ_F1: handTask('write'),
    BCTQ_F2: handTask('button clothes'),
    BCTQ_F3: handTask('hold a book while reading'),
    BCTQ_F4: handTask('grip a telephone handle'),
    BCTQ_F5: handTask('open jars'),
    BCTQ_F6: handTask('do household chores'),
    BCTQ_F7: handTask('carry grocery bags'),
    BCTQ_F8: handTask('bathe and dress'),
  },
};

/** KOOS and HOOS items are scored 0-4. */
const zeroToFour = (...steps: [string, string, string, string, string]) => Object.fromEntries(steps.map((step, i) => [i, step]));
const jointSeverity = zeroToFour('None', 'Mild', 'Moderate', 'Severe', 'Extreme');

/** The KOOS-12 or HOOS-12 wording for one joint: the two forms ask the same kinds of question. */
function kneeHipWording(
  joint: 'knee' | 'hip',
  licence: string,
  prefix: string,
  pain: readonly [string, string, string],
  difficulty: readonly [string, string, string, string],
): InstrumentWording {
  const painWhile = (what: string): ItemWording => ({
    question: `In the last week, how much ${joint} pain did you have ${what}?`,
    answers: jointSeverity,
  });
  const difficultyWith = (what: string): ItemWording => ({
    question: `In the last week, how much difficulty did your ${joint} give you ${what}?`,
    answers: jointSeverity,
  });
  return {
    source: 'PARAPHRASED',
    licence,
    items: {
      [`${prefix}_P1`]: {
        question: `How often do you have ${joint} pain?`,
        answers: zeroToFour('Never', 'Monthly', 'Weekly', 'Daily', 'Always'),
      },
      ...Object.fromEntries(pain.map((what, i) => [`${prefix}_P${i + 2}`, painWhile(what)])),
      ...Object.fromEntries(difficulty.map((what, i) => [`${prefix}_F${i + 1}`, difficultyWith(what)])),
      [`${prefix}_Q1`]: {
        question: `How often are you aware of your ${joint} problem?`,
        answers: zeroToFour('Never', 'Monthly', 'Weekly', 'Daily', 'Constantly'),
      },
      [`${prefix}_Q2`]: {
        question: `Have you changed your lifestyle to avoid activities that could harm your ${joint}?`,
        answers: zeroToFour('Not at all', 'Mildly', 'Moderately', 'Severely', 'Totally'),
      },
      [`${prefix}_Q3`]: {
        question: `How much are you troubled by lack of confidence in your ${joint}?`,
        answers: zeroToFour('Not at all', 'Mildly', 'Moderately', 'Severely', 'Extremely'),
      },
      [`${prefix}_Q4`]: { question: `In general, how much difficulty do you have with your ${joint}?`, answers: jointSeverity },
    },
  };
}

const koos12 = kneeHipWording(
  'knee',
  'KOOS-12: free to use without a fee (koos.nu; Gandek, Roos et al. 2019); the form shows Fascia’s short form of ' +
    'each question with its five answers (0 = no problems, 4 = extreme).',
  'KOOS12',
  ['walking on a flat surface', 'going up or down stairs', 'sitting or lying'],
  ['rising from sitting', 'standing', 'getting in or out of a car', 'twisting or pivoting on it'],
);

const hoos12 = kneeHipWording(
  'hip',
  'HOOS-12: free to use without a fee (koos.nu; Gandek, Roos et al. 2019); the form shows Fascia’s short form of ' +
    'each question with its five answers (0 = no problems, 4 = extreme).',
  'HOOS12',
  ['walking on an uneven surface', 'going up or down stairs', 'sitting or lying'],
  ['going down stairs', 'walking on a flat surface', 'getting in or out of a car', 'walking on an uneven surface'],
);

const esasSymptom = (what: string, zero: string, ten: string) => rated(`Now: ${what}`, zero, ten);

const esasR: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'ESAS-r: Alberta Health Services / Covenant Health Palliative Institute, free to use in care and research ' +
    'without a fee; the form shows each symptom and the meaning of 0 and 10.',
  items: {
    ESAS1: esasSymptom('pain', 'No pain', 'Worst possible pain'),
    ESAS2: esasSymptom('tiredness (lack of energy)', 'No tiredness', 'Worst possible tiredness'),
    ESAS3: esasSymptom('drowsiness (feeling sleepy)', 'No drowsiness', 'Worst possible drowsiness'),
    ESAS4: esasSymptom('nausea', 'No nausea', 'Worst possible nausea'),
    ESAS5: esasSymptom('lack of appetite', 'No lack of appetite', 'Worst possible lack of appetite'),
    ESAS6: esasSymptom('shortness of breath', 'No shortness of breath', 'Worst possible shortness of breath'),
    ESAS7: esasSymptom('depression (feeling sad)', 'No depression', 'Worst possible depression'),
    ESAS8: esasSymptom('anxiety (feeling nervous)', 'No anxiety', 'Worst possible anxiety'),
    ESAS9: esasSymptom('wellbeing (how you feel overall)', 'Best wellbeing', 'Worst possible wellbeing'),
  },
};

const peg: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'PEG: published in full by Krebs et al. (2009) and free to use without a licence or fee; the form shows ' +
    'Fascia’s short form of each question and the meaning of 0 and 10.',
  items: {
    PEG1: rated('What number best describes your pain on average in the past week?', 'No pain', 'Pain as bad as you can imagine'),
    PEG2: rated(
      'In the past week, how much has pain interfered with your enjoyment of life?',
      'Does not interfere',
      'Completely interferes',
    ),
    PEG3: rated(
      'In the past week, how much has pain interfered with your general activity?',
      'Does not interfere',
      'Completely interferes',
    ),
  },
};

const overTwoWeeks = (what: string): ItemWording => ({
  question: `Over the last 2 weeks, how often have you been bothered by: ${what}?`,
  answers: { 0: 'Not at all', 1: 'Several days', 2: 'More than half the days', 3: 'Nearly every day' },
});

const gad7: InstrumentWording = {
  source: 'PUBLISHED',
  licence:
    'GAD-7: developed by Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer; no ' +
    'permission is required to reproduce, translate, display or distribute it, so the form shows its wording.',
  items: {
    GAD1: overTwoWeeks('feeling nervous, anxious or on edge'),
    GAD2: overTwoWeeks('not being able to stop or control worrying'),
    GAD3: overTwoWeeks('worrying too much about different things'),
    GAD4: overTwoWeeks('trouble relaxing'),
    GAD5: overTwoWeeks('being so restless that it is hard to sit still'),
    GAD6: overTwoWeeks('becoming easily annoyed or irritable'),
    GAD7: overTwoWeeks('feeling afraid as if something awful might happen'),
  },
};

const observed = (category: string, none: string, some: string, much: string): ItemWording => ({
  question: `Observed ${category}`,
  answers: { 0: none, 1: some, 2: much },
});

const rflacc: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'r-FLACC: FLACC © 2002 The Regents of the University of Michigan, free to use in clinical care and research; ' +
    'the revised descriptors are published by Malviya et al. (2006). The form shows Fascia’s summary of each ' +
    'category’s three levels; add the child’s own pain behaviours, as the parent describes them, to the notes.',
  items: {
    RFLACC1: observed(
      'face',
      'No particular expression or smile',
      'Occasional grimace, frown, withdrawn or sad',
      'Frequent to constant frown, clenched jaw, quivering chin',
    ),
    RFLACC2: observed(
      'legs',
      'Normal position or relaxed',
      'Uneasy, restless, tense; occasional tremors',
      'Kicking or legs drawn up; marked increase in spasticity or tremors',
    ),
    RFLACC3: observed(
      'activity',
      'Lying quietly, normal position, moves easily',
      'Squirming, shifting, tense or guarded movement',
      'Arched, rigid or jerking; severe agitation; breath holding',
    ),
    RFLACC4: observed(
      'cry',
      'No cry or verbalisation',
      'Moans or whimpers; occasional complaint or outburst',
      'Crying steadily, screams or sobs; frequent complaints or outbursts',
    ),
    RFLACC5: observed(
      'consolability',
      'Content and relaxed',
      'Reassured by touch, hugging or talking; distractible',
      'Difficult to console or comfort; pushes away',
    ),
  },
};

const fpsr: InstrumentWording = {
  source: 'PARAPHRASED',
  licence:
    'FPS-R: copyright IASP. No permission is needed for clinical, educational or research use of the unmodified ' +
    'scale, but showing the faces in software (a web page) or commercial use needs IASP’s permission, so the form ' +
    'does not draw the faces: show the child the printed IASP scale and record the face pointed to.',
  items: {
    FPSR1: {
      question: 'Which face shows how much you hurt right now? (Faces from left to right score 0, 2, 4, 6, 8, 10.)',
      answers: { 0: 'No pain (leftmost face)', 10: 'Very much pain (rightmost face)' },
    },
  },
};

export const instrumentWordings: Readonly<Record<InstrumentCode, InstrumentWording>> = {
  ODI: odi,
  NDI: ndi,
  QUICKDASH: quickdash,
  FIQR: fiqr,
  PSFS: psfs,
  JFLS8: jfls8,
  BCTQ_SSS: bctqSss,
  BCTQ_FSS: bctqFss,
  KOOS12: koos12,
  HOOS12: hoos12,
  ESAS_R: esasR,
  PEG: peg,
  GAD7: gad7,
  RFLACC: rflacc,
  FPSR: fpsr,
};
