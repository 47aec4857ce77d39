import { BadInputError } from '../../../common/errors.js';
import { checkAnswers, MAX_LABEL_LENGTH, numberedItems, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Patient-Specific Functional Scale.
 * Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients:
 * a report of a patient specific measure. Physiother Can 1995;47(4):258-263.
 * - The client names 3 to 5 activities they find hard or cannot do because of their problem, and rates
 *   each from 0 (unable to perform) to 10 (able to perform at the level before the problem).
 * - Score = mean of the rated activities, 0-10, higher is better. Each activity is also reported as a
 *   subscore, since change is read per activity as well as on the mean.
 * - The activity slots PSFS1-PSFS5 carry the client's own wording (up to 120 characters); re-use the same
 *   slot for the same activity at follow-up so activities can be compared over time.
 */
const MIN_ACTIVITIES = 3;
const MAX_ACTIVITIES = 5;

const items = numberedItems(
  'PSFS',
  Array.from({ length: MAX_ACTIVITIES }, (_, i) => `Activity ${i + 1}`),
  { min: 0, max: 10, requiresLabel: true },
);

function activityCountError(rated: number): BadInputError {
  const verb = rated === 1 ? 'was' : 'were';
  return new BadInputError(
    'answers',
    'activity-count',
    `PSFS needs ${MIN_ACTIVITIES} to ${MAX_ACTIVITIES} rated activities; ${rated} ${verb} rated`,
  );
}

/** Patient-Specific Functional Scale: 3-5 client-named activities rated 0-10, mean 0-10, higher is better. */
export const psfs: InstrumentDefinition = {
  code: 'PSFS',
  name: 'Patient-Specific Functional Scale',
  description:
    'The client names 3 to 5 important activities they find difficult and rates each from 0 (unable to ' +
    'perform) to 10 (able to perform as before the problem). The score is the mean rating, 0-10.',
  scoringVersion: 'PSFS/stratford-1995',
  citation:
    'Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients: ' +
    'a report of a patient specific measure. Physiother Can 1995;47(4):258-263.',
  scoreMeasureCode: 'PSFS',
  items,
  missingItemRule:
    `Between ${MIN_ACTIVITIES} and ${MAX_ACTIVITIES} activities must be named (up to ${MAX_LABEL_LENGTH} ` +
    'characters each) and rated; unused activity slots are simply left out.',
  score(answers) {
    // Counted before the item checks, so a sixth activity reads as "too many" rather than "unknown item".
    const ratedGiven = Array.isArray(answers) ? answers.filter((a) => a.value != null).length : 0;
    if (ratedGiven > MAX_ACTIVITIES) throw activityCountError(ratedGiven);

    const checked = checkAnswers('PSFS', items, answers);
    const counts = tally(checked, items);
    if (counts.answered < MIN_ACTIVITIES) throw activityCountError(counts.answered);

    const subscores = items.flatMap((item) => {
      const value = checked.values.get(item.code);
      const label = checked.labels.get(item.code);
      return value === undefined || label === undefined ? [] : [{ code: item.code, name: label, score: value }];
    });
    return {
      score: roundScore(counts.sum / counts.answered),
      subscores,
      answeredItems: counts.answered,
      missingItems: 0,
    };
  },
};
