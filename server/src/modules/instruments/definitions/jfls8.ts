import { checkAnswers, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Jaw Functional Limitation Scale, 8-item version (JFLS-8).
 * Ohrbach R, Larsson P, List T. The Jaw Functional Limitation Scale: development, reliability, and validity
 * of 8-item and 20-item versions. J Orofac Pain 2008;22(3):219-230.
 * Scoring per the DC/TMD Scoring Manual for Self-Report Instruments (Ohrbach R, Knibbe W; INfORM, 2016):
 * - 8 items, each 0 (no limitation) to 10 (severe limitation), over the last month.
 * - Global score = mean of the items answered, 0-10, higher is worse.
 * - At most 2 items may be missing (an item the client avoids for reasons other than the jaw is left blank).
 */
const items = numberedItems(
  'JFLS',
  [
    'Chewing tough food',
    'Chewing chicken',
    'Eating soft food requiring no chewing',
    'Opening wide enough to drink from a cup',
    'Swallowing',
    'Yawning',
    'Talking',
    'Smiling',
  ],
  { min: 0, max: 10 },
);

const MAX_MISSING = 2;

/** JFLS-8: jaw functional limitation, mean 0-10, higher is worse. */
export const jfls8: InstrumentDefinition = {
  code: 'JFLS8',
  name: 'Jaw Functional Limitation Scale (JFLS-8)',
  description:
    'Eight jaw activities (chewing, opening, swallowing, talking, facial expression), each rated 0 (no ' +
    'limitation) to 10 (severe limitation) over the last month. The global score is the mean, 0-10.',
  scoringVersion: 'JFLS-8/ohrbach-2008-dctmd-2016',
  citation:
    'Ohrbach R, Larsson P, List T. The Jaw Functional Limitation Scale: development, reliability, and validity ' +
    'of 8-item and 20-item versions. J Orofac Pain 2008;22(3):219-230; scoring per the DC/TMD Scoring Manual ' +
    'for Self-Report Instruments (Ohrbach & Knibbe, 2016).',
  scoreMeasureCode: 'JFLS8',
  items,
  missingItemRule: 'Up to 2 of the 8 items may be left blank: the score is the mean of the items answered.',
  score(answers) {
    const counts = tally(checkAnswers('JFLS-8', items, answers), items);
    requireAnswered('JFLS-8', 'items', counts, items.length - MAX_MISSING);
    return {
      score: roundScore(counts.sum / counts.answered),
      subscores: [],
      answeredItems: counts.answered,
      missingItems: counts.missing,
    };
  },
};
