import { checkAnswers, itemsOf, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Revised Fibromyalgia Impact Questionnaire.
 * Bennett RM, Friend R, Jones KD, Ward R, Han BK, Ross RL. The Revised Fibromyalgia Impact
 * Questionnaire (FIQR): validation and psychometric properties. Arthritis Res Ther 2009;11(4):R120.
 * Scoring and missing answers per the authors' FIQR scoring guidelines (Bennett, fiqr.info):
 * - 21 items scored 0-10 in 3 domains: function (9 items, sum / 3, 0-30), overall impact (2 items,
 *   sum, 0-20), symptoms (10 items, sum / 2, 0-50); total = sum of the three, 0-100, higher is worse.
 * - A missed item is compensated by weighting the domain sum by items / answered (9/x, 2/x, 10/x), but
 *   the questionnaire is invalid when 2 or more function items, or any overall-impact or symptom item,
 *   are missing. So only one function item may be missing, and only there is the 9/x weighting used.
 * - The total is computed from the unrounded domain scores, so it can differ by 0.1 from the sum of the
 *   rounded subscores.
 */
const ITEM = { min: 0, max: 10 } as const;
const FUNCTION = 'Function';
const OVERALL = 'Overall impact';
const SYMPTOMS = 'Symptoms';

const items = [
  ...numberedItems(
    'FIQR_F',
    [
      'Brushing or combing hair',
      'Walking for 20 minutes',
      'Preparing a homemade meal',
      'Cleaning floors',
      'Carrying a bag of groceries',
      'Climbing a flight of stairs',
      'Changing bed sheets',
      'Sitting for 45 minutes',
      'Grocery shopping',
    ],
    { ...ITEM, section: FUNCTION },
  ),
  ...numberedItems('FIQR_O', ['Goals for the week', 'Overwhelmed by symptoms'], { ...ITEM, section: OVERALL }),
  ...numberedItems(
    'FIQR_S',
    [
      'Pain',
      'Energy',
      'Stiffness',
      'Sleep quality',
      'Depression',
      'Memory',
      'Anxiety',
      'Tenderness to touch',
      'Balance',
      'Sensitivity to noise, light, odours, cold',
    ],
    { ...ITEM, section: SYMPTOMS },
  ),
];

/** A domain: its items, the divisor applied to its (weighted) sum, and how many items may be missing. */
function defineDomain(code: string, name: string, what: string, section: string, divisor: number, maxMissing = 0) {
  return {
    code,
    name,
    what,
    items: itemsOf(items, section),
    divisor,
    maxMissing,
  };
}

const domains = [
  defineDomain('FUNCTION', 'Function (0-30)', 'function items', FUNCTION, 3, 1),
  defineDomain('OVERALL_IMPACT', 'Overall impact (0-20)', 'overall-impact items', OVERALL, 1),
  defineDomain('SYMPTOMS', 'Symptoms (0-50)', 'symptom items', SYMPTOMS, 2),
];

/** Revised Fibromyalgia Impact Questionnaire: fibromyalgia impact, 0-100, higher is worse. */
export const fiqr: InstrumentDefinition = {
  code: 'FIQR',
  name: 'Revised Fibromyalgia Impact Questionnaire (FIQR)',
  description:
    'Twenty-one items rated 0-10 on function, overall impact and symptoms of fibromyalgia over the past ' +
    '7 days. Domain scores 0-30, 0-20 and 0-50 add up to a total of 0-100.',
  scoringVersion: 'FIQR/bennett-2009',
  citation:
    'Bennett RM, Friend R, Jones KD, Ward R, Han BK, Ross RL. The Revised Fibromyalgia Impact ' +
    'Questionnaire (FIQR): validation and psychometric properties. Arthritis Res Ther 2009;11(4):R120.',
  scoreMeasureCode: 'FIQR',
  items,
  missingItemRule:
    'One function item may be left blank (the function domain is then weighted by 9/8); every overall-' +
    'impact and symptom item must be answered.',
  score(answers) {
    const checked = checkAnswers('FIQR', items, answers);
    let total = 0;
    let answeredItems = 0;
    let missingItems = 0;
    const subscores = domains.map((domain) => {
      const counts = tally(checked, domain.items);
      requireAnswered('FIQR', domain.what, counts, domain.items.length - domain.maxMissing);
      const weighted = (counts.sum * domain.items.length) / counts.answered;
      const domainScore = weighted / domain.divisor;
      total += domainScore;
      answeredItems += counts.answered;
      missingItems += counts.missing;
      return {
        code: domain.code,
        name: domain.name,
        score: roundScore(domainScore),
      };
    });
    return { score: roundScore(total), subscores, answeredItems, missingItems };
  },
};
