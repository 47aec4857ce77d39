import { checkAnswers, itemsOf, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * KOOS-12, the 12-item short form of the Knee injury and Osteoarthritis Outcome Score.
 * Gandek B, Roos EM, Franklin PD, Ware JE Jr. A 12-item short form of the Knee injury and Osteoarthritis
 * Outcome Score (KOOS-12): tests of reliability, validity and responsiveness. Osteoarthritis Cartilage
 * 2019;27(5):762-770; item selection in Gandek et al., Osteoarthritis Cartilage 2019;27(5):746-753.
 * Scoring as the authors publish it (koos.nu, KOOS-12 scoring):
 * - 4 pain, 4 function (daily living and sport/recreation) and 4 quality-of-life items, each 0 (no knee
 *   problems) to 4 (extreme), over the last week.
 * - Each scale: at least half of its items (2 of 4) answered; a missing item takes the person's mean of the
 *   answered items of that scale; the scale is transformed to 0 (worst) - 100 (best):
 *   100 - mean x 100 / 4.
 * - Summary (knee impact) = mean of the three scale scores, so it needs all three; 0-100, higher is better.
 * This is the raw-score (summated rating) scoring, not the KOOS JR interval table.
 */
const ITEM = { min: 0, max: 4 } as const;

const items = [
  ...numberedItems(
    'KOOS12_P',
    ['How often knee pain occurs', 'Pain walking on a flat surface', 'Pain going up or down stairs', 'Pain sitting or lying'],
    {
      ...ITEM,
      section: 'Pain',
    },
  ),
  ...numberedItems('KOOS12_F', ['Rising from sitting', 'Standing', 'Getting in or out of a car', 'Twisting or pivoting on the knee'], {
    ...ITEM,
    section: 'Function',
  }),
  ...numberedItems(
    'KOOS12_Q',
    [
      'How often aware of the knee problem',
      'Lifestyle changed to avoid harming the knee',
      'Troubled by lack of confidence in the knee',
      'Overall difficulty with the knee',
    ],
    { ...ITEM, section: 'Quality of life' },
  ),
];

const scales = [
  { code: 'PAIN', name: 'Pain (0-100)', what: 'pain items', items: itemsOf(items, 'Pain') },
  { code: 'FUNCTION', name: 'Function (0-100)', what: 'function items', items: itemsOf(items, 'Function') },
  { code: 'QOL', name: 'Quality of life (0-100)', what: 'quality-of-life items', items: itemsOf(items, 'Quality of life') },
];

/** KOOS-12: knee pain, function and quality of life, summary 0-100, higher is better. */
export const koos12: InstrumentDefinition = {
  code: 'KOOS12',
  name: 'KOOS-12 (Knee injury and Osteoarthritis Outcome Score, 12 items)',
  description:
    'Twelve questions on knee pain, function and knee-related quality of life over the last week, each 0-4. ' +
    'Each scale and the summary knee impact score run from 0 (extreme problems) to 100 (no problems).',
  scoringVersion: 'KOOS-12/gandek-2019',
  citation:
    'Gandek B, Roos EM, Franklin PD, Ware JE Jr. A 12-item short form of the Knee injury and Osteoarthritis ' +
    'Outcome Score (KOOS-12): tests of reliability, validity and responsiveness. Osteoarthritis Cartilage ' +
    '2019;27(5):762-770.',
  scoreMeasureCode: 'KOOS12',
  items,
  missingItemRule:
    'At least 2 of the 4 items of each scale (pain, function, quality of life) must be answered; a blank item ' +
    "takes the mean of the client's other answers in that scale.",
  score(answers) {
    const checked = checkAnswers('KOOS-12', items, answers);
    let answeredItems = 0;
    let missingItems = 0;
    const subscores = scales.map((scale) => {
      const counts = tally(checked, scale.items);
      requireAnswered('KOOS-12', scale.what, counts, scale.items.length / 2);
      answeredItems += counts.answered;
      missingItems += counts.missing;
      return { code: scale.code, name: scale.name, score: 100 - ((counts.sum / counts.answered) * 100) / ITEM.max };
    });
    const summary = subscores.reduce((sum, scale) => sum + scale.score, 0) / subscores.length;
    return {
      score: roundScore(summary),
      subscores: subscores.map((scale) => ({ ...scale, score: roundScore(scale.score) })),
      answeredItems,
      missingItems,
    };
  },
};
