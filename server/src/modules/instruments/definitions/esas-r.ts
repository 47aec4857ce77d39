import { checkAnswers, numberedItems, requireAnswered, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Edmonton Symptom Assessment System, revised version (ESAS-r).
 * Watanabe SM, Nekolaichuk C, Beaumont C, Johnson L, Myers J, Strasser F. A multicenter study comparing
 * two numerical versions of the Edmonton Symptom Assessment System in palliative care patients.
 * J Pain Symptom Manage 2011;41(2):456-468.
 * - 9 symptoms rated now, each 0 (none / best wellbeing) to 10 (worst possible); an optional tenth "other
 *   problem" is free text and not scored, so it is not an item here.
 * - Each symptom is a score of its own (subscores). Total symptom distress score = sum of the 9, 0-90;
 *   physical (pain, tiredness, drowsiness, nausea, appetite, shortness of breath, 0-60) and emotional
 *   (depression, anxiety, 0-20) subscores as defined by Hui D et al., J Pain Symptom Manage
 *   2016;51(2):262-269.
 * - No proration is published: the total needs all 9 answered.
 */
const SYMPTOMS = [
  ['PAIN', 'Pain'],
  ['TIREDNESS', 'Tiredness'],
  ['DROWSINESS', 'Drowsiness'],
  ['NAUSEA', 'Nausea'],
  ['APPETITE', 'Lack of appetite'],
  ['SHORTNESS_OF_BREATH', 'Shortness of breath'],
  ['DEPRESSION', 'Depression'],
  ['ANXIETY', 'Anxiety'],
  ['WELLBEING', 'Wellbeing'],
] as const;

const items = numberedItems(
  'ESAS',
  SYMPTOMS.map(([, label]) => label),
  { min: 0, max: 10 },
);

/** Item positions (1-based) of the physical and emotional subscores of Hui et al. 2016. */
const PHYSICAL = [1, 2, 3, 4, 5, 6];
const EMOTIONAL = [7, 8];

/** ESAS-r: 9 symptoms 0-10 and their total symptom distress score 0-90, higher is worse. */
export const esasR: InstrumentDefinition = {
  code: 'ESAS_R',
  name: 'Edmonton Symptom Assessment System, revised (ESAS-r)',
  description:
    'Nine symptoms common in advanced illness (pain, tiredness, drowsiness, nausea, appetite, shortness of ' +
    'breath, depression, anxiety, wellbeing), each rated now from 0 (none) to 10 (worst possible). The total ' +
    'symptom distress score is their sum, 0-90; each symptom is also reported on its own.',
  scoringVersion: 'ESAS-r/watanabe-2011',
  citation:
    'Watanabe SM, Nekolaichuk C, Beaumont C, Johnson L, Myers J, Strasser F. A multicenter study comparing two ' +
    'numerical versions of the Edmonton Symptom Assessment System in palliative care patients. J Pain Symptom ' +
    'Manage 2011;41(2):456-468.',
  scoreMeasureCode: 'ESAS_R',
  items,
  missingItemRule: 'All 9 symptoms must be rated: the total symptom distress score is a plain sum, with no published rule for blanks.',
  score(answers) {
    const checked = checkAnswers('ESAS-r', items, answers);
    const counts = tally(checked, items);
    requireAnswered('ESAS-r', 'symptoms', counts, items.length);
    const valueAt = (position: number) => checked.values.get(`ESAS${position}`) ?? 0;
    const sumOf = (positions: number[]) => positions.reduce((sum, position) => sum + valueAt(position), 0);
    return {
      score: counts.sum,
      subscores: [
        ...SYMPTOMS.map(([code, name], i) => ({ code, name: `${name} (0-10)`, score: valueAt(i + 1) })),
        { code: 'PHYSICAL', name: 'Physical symptom score (0-60)', score: sumOf(PHYSICAL) },
        { code: 'EMOTIONAL', name: 'Emotional symptom score (0-20)', score: sumOf(EMOTIONAL) },
      ],
      answeredItems: counts.answered,
      missingItems: counts.missing,
    };
  },
};
