import { checkAnswers, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * Oswestry Disability Index 2.1a.
 * Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-2952.
 * - 10 sections, each scored 0 (first statement) to 5 (last statement).
 * - Score (%) = total scored / (5 x sections answered) x 100; so one missed or not-applicable section
 *   (typically the sex-life section) is scored out of 45 instead of 50.
 * - Fairbank & Pynsent give the rule for one missed section only; with two or more missing we do not
 *   score the form (the therapist asks the client to complete it).
 */
const items = numberedItems(
  'ODI',
  [
    'Pain intensity',
    'Personal care',
    'Lifting',
    'Walking',
    'Sitting',
    'Standing',
    'Sleeping',
    'Sex life (if applicable)',
    'Social life',
    'Travelling',
  ],
  { min: 0, max: 5 },
);

const SECTION_MAX = 5;
const MIN_ANSWERED = items.length - 1;

/** Oswestry Disability Index 2.1a: low back pain disability, 0-100 %, higher is worse. */
export const odi: InstrumentDefinition = {
  code: 'ODI',
  name: 'Oswestry Disability Index 2.1a',
  description:
    'Ten sections on how low back pain limits daily life, each scored 0-5. The index is the percentage ' +
    'of the maximum possible score: 0-20 minimal, 21-40 moderate, 41-60 severe disability, ' +
    '61-80 crippled, 81-100 bed-bound.',
  scoringVersion: 'ODI-2.1a/fairbank-2000',
  citation: 'Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-2952.',
  scoreMeasureCode: 'ODI',
  items,
  missingItemRule:
    'One section may be left blank (for example sex life, if not applicable): the score is then taken ' +
    'out of 45 instead of 50; with two or more blank sections the form cannot be scored.',
  score(answers) {
    const counts = tally(checkAnswers('ODI', items, answers), items);
    requireAnswered('ODI', 'sections', counts, MIN_ANSWERED);
    return {
      score: roundScore((counts.sum / (SECTION_MAX * counts.answered)) * 100),
      subscores: [],
      answeredItems: counts.answered,
      missingItems: counts.missing,
    };
  },
};
