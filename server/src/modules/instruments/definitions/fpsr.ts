import { checkAnswers, requireAnswered, tally } from '../answer-validation.js';
import type { InstrumentDefinition, InstrumentItem } from '../instrument-definition.js';

/*
 * Faces Pain Scale - Revised (FPS-R).
 * Hicks CL, von Baeyer CL, Spafford PA, van Korlaar I, Goodenough B. The Faces Pain Scale-Revised: toward a
 * common metric in pediatric pain measurement. Pain 2001;93(2):173-183.
 * - Six faces; the child points to the one that shows how much they hurt now. The faces score 0, 2, 4, 6,
 *   8, 10 from left to right, so the score sits on the 0-10 metric of other pain scales. For children of
 *   about 4 to 12 years.
 * - One item: there is nothing to prorate, so it must be answered; odd numbers are refused (no face has them).
 */
const items: InstrumentItem[] = [{ code: 'FPSR1', label: 'The face that shows how much it hurts now', min: 0, max: 10, step: 2 }];

/** FPS-R: a child's pain now, 0-10 in steps of 2, higher is worse. */
export const fpsr: InstrumentDefinition = {
  code: 'FPSR',
  name: 'Faces Pain Scale - Revised (FPS-R)',
  description:
    'Six faces for children of about 4 to 12 years to point at, scored 0, 2, 4, 6, 8, 10 from "no pain" to ' +
    '"very much pain", the same 0-10 metric as other pain ratings.',
  scoringVersion: 'FPS-R/hicks-2001',
  citation:
    'Hicks CL, von Baeyer CL, Spafford PA, van Korlaar I, Goodenough B. The Faces Pain Scale-Revised: toward a ' +
    'common metric in pediatric pain measurement. Pain 2001;93(2):173-183.',
  scoreMeasureCode: 'FPSR',
  items,
  missingItemRule: 'The single rating must be given.',
  score(answers) {
    const counts = tally(checkAnswers('FPS-R', items, answers), items);
    requireAnswered('FPS-R', 'rating', counts, items.length);
    return { score: counts.sum, subscores: [], answeredItems: counts.answered, missingItems: counts.missing };
  },
};
