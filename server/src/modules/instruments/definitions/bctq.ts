import { checkAnswers, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition, InstrumentItem } from '../instrument-definition.js';

/*
 * Boston Carpal Tunnel Questionnaire (BCTQ, Brigham and Women's / Levine questionnaire).
 * Levine DW, Simmons BP, Koris MJ, Daltroy LH, Hohl GG, Fossel AH, Katz JN. A self-administered
 * questionnaire for the assessment of severity of symptoms and functional status in carpal tunnel
 * syndrome. J Bone Joint Surg Am 1993;75(11):1585-1592.
 * - Symptom Severity Scale (SSS): 11 items; Functional Status Scale (FSS): 8 items; each item 1 (none /
 *   no difficulty) to 5 (most severe / cannot do because of hand or wrist symptoms), for a typical day in
 *   the past two weeks.
 * - Each scale is scored on its own as the mean of its items, 1-5, higher is worse; so the two scales are
 *   two instruments here, each yielding its own score measure (two scores, never summed).
 * - Levine et al. average the items answered and give no limit; Fascia allows one blank item per scale
 *   (under 10 %, as QuickDASH's manual does) so that a score always rests on nearly all its items.
 * - Scores keep two decimals: the published MCIDs (1.14 and 0.74) are finer than one decimal.
 */
const ITEM = { min: 1, max: 5 } as const;
const DECIMALS = 2;

/** A BCTQ scale scored as the mean of its items with at most one blank. */
function bctqScale(scale: {
  code: 'BCTQ_SSS' | 'BCTQ_FSS';
  name: string;
  description: string;
  items: readonly InstrumentItem[];
}): InstrumentDefinition {
  const minAnswered = scale.items.length - 1;
  return {
    code: scale.code,
    name: scale.name,
    description: scale.description,
    scoringVersion: `${scale.code}/levine-1993`,
    citation:
      'Levine DW, Simmons BP, Koris MJ, et al. A self-administered questionnaire for the assessment of ' +
      'severity of symptoms and functional status in carpal tunnel syndrome. J Bone Joint Surg Am ' +
      '1993;75(11):1585-1592.',
    scoreMeasureCode: scale.code,
    items: scale.items,
    missingItemRule: `At least ${minAnswered} of the ${scale.items.length} items must be answered; the score is the mean of the items answered.`,
    score(answers) {
      const counts = tally(checkAnswers(scale.name, scale.items, answers), scale.items);
      requireAnswered(scale.name, 'items', counts, minAnswered);
      return {
        score: roundScore(counts.sum / counts.answered, DECIMALS),
        subscores: [],
        answeredItems: counts.answered,
        missingItems: counts.missing,
      };
    },
  };
}

/** BCTQ Symptom Severity Scale: 11 items, mean 1-5, higher is worse. */
export const bctqSymptoms = bctqScale({
  code: 'BCTQ_SSS',
  name: 'Boston Carpal Tunnel Questionnaire: Symptom Severity Scale',
  description:
    'Eleven questions on hand and wrist pain, numbness, tingling, weakness and night symptoms on a typical ' +
    'day in the past two weeks, each 1-5. The score is the mean, 1 (no symptoms) to 5 (most severe).',
  items: numberedItems(
    'BCTQ_S',
    [
      'Hand or wrist pain at night',
      'Waking at night from hand or wrist pain',
      'Hand or wrist pain during the day',
      'How often hand or wrist pain occurs in the day',
      'How long an episode of daytime pain lasts',
      'Numbness in the hand',
      'Weakness in the hand or wrist',
      'Tingling in the hand',
      'Numbness or tingling at night',
      'Waking at night from numbness or tingling',
      'Difficulty grasping and using small objects',
    ],
    ITEM,
  ),
});

/** BCTQ Functional Status Scale: 8 activities, mean 1-5, higher is worse. */
export const bctqFunction = bctqScale({
  code: 'BCTQ_FSS',
  name: 'Boston Carpal Tunnel Questionnaire: Functional Status Scale',
  description:
    'Difficulty with eight everyday hand activities because of hand or wrist symptoms on a typical day in the ' +
    'past two weeks, each 1-5. The score is the mean, 1 (no difficulty) to 5 (cannot do the activities).',
  items: numberedItems(
    'BCTQ_F',
    [
      'Writing',
      'Buttoning clothes',
      'Holding a book while reading',
      'Gripping a telephone handle',
      'Opening jars',
      'Household chores',
      'Carrying grocery bags',
      'Bathing and dressing',
    ],
    ITEM,
  ),
});
