import { checkAnswers, numberedItems, requireAnswered, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Revised FLACC (r-FLACC): Face, Legs, Activity, Cry, Consolability, revised for children with cognitive
 * impairment.
 * Malviya S, Voepel-Lewis T, Burke C, Merkel S, Tait AR. The revised FLACC observational pain tool: improved
 * reliability and validity for pain assessment in children with cognitive impairment. Paediatr Anaesth
 * 2006;16(3):258-265. (Original FLACC: Merkel SI et al. Pediatr Nurs 1997;23(3):293-297.)
 * - An observer (the therapist, or a parent) watches the child and scores each of the 5 categories 0-2; the
 *   revision adds behaviours typical of cognitive impairment (and the parent's individual behaviours) to the
 *   descriptors, not to the scoring.
 * - Score = sum, 0-10, higher is worse. Validated by Malviya et al. in children aged 4-19 with cognitive
 *   impairment; the original FLACC in children from 2 months to 7 years who cannot self-report.
 * - Every category is observed, so all 5 are needed.
 */
const items = numberedItems('RFLACC', ['Face', 'Legs', 'Activity', 'Cry', 'Consolability'], { min: 0, max: 2 });

/** r-FLACC: observed pain behaviour, sum 0-10, higher is worse. */
export const rflacc: InstrumentDefinition = {
  code: 'RFLACC',
  name: 'Revised FLACC observational pain scale (r-FLACC)',
  description:
    'Observed, not self-reported: face, legs, activity, cry and consolability each scored 0-2 by the therapist ' +
    'or a parent watching the child, summed to 0-10. For children and adults with cognitive impairment or ' +
    'who cannot rate their own pain (validated ages 4-19 with cognitive impairment).',
  scoringVersion: 'r-FLACC/malviya-2006',
  citation:
    'Malviya S, Voepel-Lewis T, Burke C, Merkel S, Tait AR. The revised FLACC observational pain tool: improved ' +
    'reliability and validity for pain assessment in children with cognitive impairment. Paediatr Anaesth ' +
    '2006;16(3):258-265.',
  scoreMeasureCode: 'RFLACC',
  items,
  missingItemRule: 'All 5 categories must be scored; the score is their sum.',
  score(answers) {
    const counts = tally(checkAnswers('r-FLACC', items, answers), items);
    requireAnswered('r-FLACC', 'categories', counts, items.length);
    return { score: counts.sum, subscores: [], answeredItems: counts.answered, missingItems: counts.missing };
  },
};
