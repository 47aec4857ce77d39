import { checkAnswers, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Neck Disability Index.
 * Vernon H, Mior S. The Neck Disability Index: a study of reliability and validity.
 * J Manipulative Physiol Ther 1991;14(7):409-415; Vernon H. The Neck Disability Index:
 * state-of-the-art, 1991-2008. J Manipulative Physiol Ther 2008;31(7):491-502.
 * - 10 sections scored 0-5; the raw total (0-50) is the score the interpretation bands are defined on,
 *   and x2 gives the percentage (reported as a subscore).
 * - A missed section: Vernon's scoring notes add the mean of the answered sections, which equals
 *   prorating the total (e.g. 9 answered: total / 45 x 50). As for the ODI it derives from, the rule is
 *   given for one missed section; with two or more missing we do not score the form.
 */
const items = numberedItems(
  'NDI',
  ['Pain intensity', 'Personal care', 'Lifting', 'Reading', 'Headaches', 'Concentration', 'Work', 'Driving', 'Sleeping', 'Recreation'],
  { min: 0, max: 5 },
);

const MIN_ANSWERED = items.length - 1;

/** Neck Disability Index: neck pain disability, 0-50 points, higher is worse. */
export const ndi: InstrumentDefinition = {
  code: 'NDI',
  name: 'Neck Disability Index',
  description:
    'Ten sections on how neck pain limits daily life, each scored 0-5, total 0-50 (x2 = percent): ' +
    '0-4 no disability, 5-14 mild, 15-24 moderate, 25-34 severe, above 34 complete.',
  scoringVersion: 'NDI/vernon-mior-1991',
  citation:
    'Vernon H, Mior S. The Neck Disability Index: a study of reliability and validity. ' +
    'J Manipulative Physiol Ther 1991;14(7):409-415.',
  scoreMeasureCode: 'NDI',
  items,
  missingItemRule:
    'One section may be left blank (for example driving, for a non-driver): the average of the answered ' +
    'sections stands in for it; with two or more blank sections the form cannot be scored.',
  score(answers) {
    const counts = tally(checkAnswers('NDI', items, answers), items);
    requireAnswered('NDI', 'sections', counts, MIN_ANSWERED);
    // sum + mean x missing == sum x 10 / answered
    const points = (counts.sum * items.length) / counts.answered;
    return {
      score: roundScore(points),
      subscores: [
        {
          code: 'PERCENT',
          name: 'Percent of maximum (0-100)',
          score: roundScore(points * 2),
        },
      ],
      answeredItems: counts.answered,
      missingItems: counts.missing,
    };
  },
};
