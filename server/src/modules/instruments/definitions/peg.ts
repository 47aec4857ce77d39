import { checkAnswers, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * PEG: a three-item scale of pain intensity and interference.
 * Krebs EE, Lorenz KA, Bair MJ, Damush TM, Wu J, Sutherland JM, Asch SM, Kroenke K. Development and initial
 * validation of the PEG, a three-item scale assessing pain intensity and interference. J Gen Intern Med
 * 2009;24(6):733-738.
 * - Average pain (P), interference with enjoyment of life (E) and with general activity (G) in the past
 *   week, each 0-10. Score = mean of the three, 0-10, higher is worse.
 * - The authors define the score on all three items and publish no rule for a blank, so all three are needed.
 */
const items = numberedItems('PEG', ['Average pain', 'Interference with enjoyment of life', 'Interference with general activity'], {
  min: 0,
  max: 10,
});

/** PEG: mean of pain, enjoyment and general-activity interference, 0-10, higher is worse. */
export const peg: InstrumentDefinition = {
  code: 'PEG',
  name: 'PEG (Pain, Enjoyment of life, General activity)',
  description:
    'Three 0-10 ratings for the past week: average pain, and how much pain interfered with enjoyment of life ' +
    'and with general activity. The score is their mean, 0-10; short enough for a weekly diary.',
  scoringVersion: 'PEG/krebs-2009',
  citation:
    'Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG, a three-item scale ' +
    'assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733-738.',
  scoreMeasureCode: 'PEG',
  items,
  missingItemRule: 'All 3 items must be answered; the score is their mean.',
  score(answers) {
    const counts = tally(checkAnswers('PEG', items, answers), items);
    requireAnswered('PEG', 'items', counts, items.length);
    return { score: roundScore(counts.sum / counts.answered), subscores: [], answeredItems: counts.answered, missingItems: counts.missing };
  },
};
