import { checkAnswers, itemsOf, numberedItems, requireAnswered, roundScore, tally } from '../answer-validation.js';
import type { InstrumentDefinition } from '../instrument-definition.js';

/*
 * The scoring KOOS-12 (knee) and HOOS-12 (hip) share, as their authors publish it (Gandek B, Roos EM,
 * Franklin PD, Ware JE Jr. Osteoarthritis Cartilage 2019;27(5):754-761 and 762-770; scoring notes on koos.nu):
 * - 4 pain, 4 function and 4 quality-of-life items, each 0 (no problems) to 4 (extreme), over the last week.
 * - Each scale: at least half of its items (2 of 4) answered; a missing item takes the person's mean of the
 *   answered items of that scale; the scale is transformed to 0 (worst) - 100 (best): 100 - mean x 100 / 4.
 * - Summary (knee or hip impact) = mean of the three scale scores, so it needs all three; 0-100, higher is better.
 * This is the raw-score (summated rating) scoring, not the KOOS JR / HOOS JR interval tables.
 */
const ITEM = { min: 0, max: 4 } as const;

/** Topic labels of one joint's short form, four per scale, in the form's order. */
export interface ShortFormTopics {
  pain: readonly [string, string, string, string];
  function: readonly [string, string, string, string];
  qualityOfLife: readonly [string, string, string, string];
}

/** What differs between KOOS-12 and HOOS-12: their names, citation, item topics and code prefix. */
export type ShortFormIdentity = Pick<InstrumentDefinition, 'code' | 'name' | 'description' | 'scoringVersion' | 'citation'> & {
  /** Short name used in messages, e.g. `KOOS-12`. */
  shortName: string;
  topics: ShortFormTopics;
};

/** A 12-item knee or hip short form scored by the shared rule above. */
export function kneeHipShortForm(identity: ShortFormIdentity): InstrumentDefinition {
  const { shortName, topics, ...described } = identity;
  const items = [
    ...numberedItems(`${identity.code}_P`, topics.pain, { ...ITEM, section: 'Pain' }),
    ...numberedItems(`${identity.code}_F`, topics.function, { ...ITEM, section: 'Function' }),
    ...numberedItems(`${identity.code}_Q`, topics.qualityOfLife, { ...ITEM, section: 'Quality of life' }),
  ];
  const scales = [
    { code: 'PAIN', name: 'Pain (0-100)', what: 'pain items', items: itemsOf(items, 'Pain') },
    { code: 'FUNCTION', name: 'Function (0-100)', what: 'function items', items: itemsOf(items, 'Function') },
    { code: 'QOL', name: 'Quality of life (0-100)', what: 'quality-of-life items', items: itemsOf(items, 'Quality of life') },
  ];
  return {
    ...described,
    scoreMeasureCode: identity.code,
    items,
    missingItemRule:
      'At least 2 of the 4 items of each scale (pain, function, quality of life) must be answered; a blank item ' +
      "takes the mean of the client's other answers in that scale.",
    score(answers) {
      const checked = checkAnswers(shortName, items, answers);
      let answeredItems = 0;
      let missingItems = 0;
      const subscores = scales.map((scale) => {
        const counts = tally(checked, scale.items);
        requireAnswered(shortName, scale.what, counts, scale.items.length / 2);
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
}
