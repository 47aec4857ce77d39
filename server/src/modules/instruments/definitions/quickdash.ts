import { checkAnswers, coreItems, itemsOf, numberedItems, requireAnswered, roundScore, type Tally, tally } from '../answer-validation.js';
import type { InstrumentDefinition, InstrumentSubscore } from '../instrument-definition.js';

/*
 * QuickDASH (Disabilities of the Arm, Shoulder and Hand, short form).
 * Beaton DE, Wright JG, Katz JN; Upper Extremity Collaborative Group. Development of the QuickDASH:
 * comparison of three item-reduction approaches. J Bone Joint Surg Am 2005;87(5):1038-1046.
 * Scoring as in the Institute for Work & Health manual (Kennedy CA et al., The DASH and QuickDASH
 * Outcome Measure User's Manual, 3rd ed., IWH 2011):
 * - 11 items scored 1-5; at least 10 must be answered.
 * - Score = (sum / n answered - 1) x 25, range 0-100, higher is worse.
 * - Optional work and sports/performing-arts modules (4 items each) are scored the same way, separately,
 *   and only when all 4 of their items are answered.
 */
const DASH_ITEM = { min: 1, max: 5 } as const;

const items = [
  ...numberedItems(
    'QD',
    [
      'Opening a tight jar',
      'Heavy household chores',
      'Carrying a shopping bag',
      'Washing your back',
      'Cutting food with a knife',
      'Forceful recreational activities',
      'Interference with social activities',
      'Limitation in work or daily activities',
      'Arm, shoulder or hand pain',
      'Tingling in arm, shoulder or hand',
      'Sleep disturbed by pain',
    ],
    DASH_ITEM,
  ),
  ...numberedItems('QDW', ['Work: usual technique', 'Work: usual work despite pain', 'Work: as well as wanted', 'Work: usual time'], {
    ...DASH_ITEM,
    optionalModule: 'WORK',
  }),
  ...numberedItems(
    'QDS',
    ['Sports/music: usual technique', 'Sports/music: despite pain', 'Sports/music: as well as wanted', 'Sports/music: usual time'],
    { ...DASH_ITEM, optionalModule: 'SPORTS_MUSIC' },
  ),
];

const core = coreItems(items);
const MIN_CORE_ANSWERED = core.length - 1;

const modules = [
  { code: 'WORK', name: 'Work module (0-100)', what: 'work module' },
  {
    code: 'SPORTS_MUSIC',
    name: 'Sports/performing arts module (0-100)',
    what: 'sports/performing arts module',
  },
] as const;

/** (mean item score - 1) x 25 maps the 1-5 item scale onto 0-100. */
function dashScale(counts: Tally): number {
  return roundScore((counts.sum / counts.answered - 1) * 25);
}

/** QuickDASH: upper-limb disability and symptoms, 0-100, higher is worse. */
export const quickdash: InstrumentDefinition = {
  code: 'QUICKDASH',
  name: 'QuickDASH',
  description:
    'Eleven items on difficulty with arm, shoulder and hand activities and symptoms, each scored 1-5, ' +
    'converted to 0 (no disability) - 100 (most severe). Optional work and sports/performing-arts ' +
    'modules are scored separately.',
  scoringVersion: 'QuickDASH/beaton-2005-iwh',
  citation:
    'Beaton DE, Wright JG, Katz JN. Development of the QuickDASH: comparison of three item-reduction ' +
    'approaches. J Bone Joint Surg Am 2005;87(5):1038-1046; scoring per the IWH DASH/QuickDASH manual.',
  scoreMeasureCode: 'QUICKDASH',
  items,
  missingItemRule:
    'At least 10 of the 11 main items must be answered; an optional module is either answered in full ' + '(all 4 items) or left blank.',
  score(answers) {
    const checked = checkAnswers('QuickDASH', items, answers);
    const counts = tally(checked, core);
    requireAnswered('QuickDASH', 'items', counts, MIN_CORE_ANSWERED);

    const subscores: InstrumentSubscore[] = [];
    let answeredItems = counts.answered;
    for (const optional of modules) {
      const moduleCounts = tally(checked, itemsOf(items, optional.code));
      if (moduleCounts.answered === 0) continue;
      // A partly answered module is refused rather than dropped silently: complete it or clear it.
      const moduleSize = moduleCounts.answered + moduleCounts.missing;
      requireAnswered(`The QuickDASH ${optional.what}`, 'items', moduleCounts, moduleSize);
      answeredItems += moduleCounts.answered;
      subscores.push({
        code: optional.code,
        name: optional.name,
        score: dashScale(moduleCounts),
      });
    }

    return {
      score: dashScale(counts),
      subscores,
      answeredItems,
      missingItems: counts.missing,
    };
  },
};
