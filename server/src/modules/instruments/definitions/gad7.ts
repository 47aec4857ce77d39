import { checkAnswers, numberedItems, requireAnswered, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Generalized Anxiety Disorder 7-item scale (GAD-7).
 * Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder:
 * the GAD-7. Arch Intern Med 2006;166(10):1092-1097.
 * - 7 items on the last 2 weeks, each 0 (not at all) to 3 (nearly every day). Score = sum, 0-21, higher is
 *   worse; 5, 10 and 15 are the cut-points for mild, moderate and severe anxiety.
 * - Spitzer et al. publish no rule for blanks, so all 7 are needed.
 */
const items = numberedItems(
  'GAD',
  [
    'Feeling nervous, anxious or on edge',
    'Not able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Restless, hard to sit still',
    'Easily annoyed or irritable',
    'Afraid something awful might happen',
  ],
  { min: 0, max: 3 },
);

/** GAD-7: anxiety symptoms over 2 weeks, sum 0-21, higher is worse. */
export const gad7: InstrumentDefinition = {
  code: 'GAD7',
  name: 'Generalized Anxiety Disorder scale (GAD-7)',
  description:
    'Seven questions on how often anxiety symptoms bothered the client over the last 2 weeks, each 0 (not at ' +
    'all) to 3 (nearly every day). The score is the sum, 0-21: 5-9 mild, 10-14 moderate, 15-21 severe anxiety.',
  scoringVersion: 'GAD-7/spitzer-2006',
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: ' +
    'the GAD-7. Arch Intern Med 2006;166(10):1092-1097.',
  scoreMeasureCode: 'GAD7',
  items,
  missingItemRule: 'All 7 items must be answered; the score is their sum.',
  score(answers) {
    const counts = tally(checkAnswers('GAD-7', items, answers), items);
    requireAnswered('GAD-7', 'items', counts, items.length);
    return { score: counts.sum, subscores: [], answeredItems: counts.answered, missingItems: counts.missing };
  },
};
