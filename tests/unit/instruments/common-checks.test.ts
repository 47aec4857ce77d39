import { instruments } from '@fascia/server/modules/instruments/instrument-catalog.js';
import { describe, expect, test } from 'vitest';
import { complete, expectBadInput } from './answers.js';

// The checks every instrument shares (answer-validation.ts), run against each of them.
describe.each(instruments.map((instrument) => [instrument.code, instrument] as const))('%s answer checks', (_code, instrument) => {
  test('a complete response at the low end of every item scores', () => {
    expect(() => instrument.score(complete(instrument))).not.toThrow();
  });

  test('an unknown item code', () => {
    const answers = [...complete(instrument), { itemCode: 'NOPE1', value: 1 }];
    expectBadInput(() => instrument.score(answers), `answers[${answers.length - 1}].itemCode`, 'unknown-item', `has no item "NOPE1"`);
  });

  test('the same item answered twice', () => {
    const answers = complete(instrument);
    const first = answers[0];
    if (!first) throw new Error('no answers');
    answers.push({ ...first });
    expectBadInput(
      () => instrument.score(answers),
      `answers[${answers.length - 1}].itemCode`,
      'duplicate-item',
      `(${first.itemCode}) is answered more than once`,
    );
  });

  test('a value above the item maximum', () => {
    const answers = complete(instrument);
    const item = instrument.items[0];
    if (!item || !answers[0]) throw new Error('no items');
    answers[0] = { ...answers[0], value: item.max + 1 };
    expectBadInput(() => instrument.score(answers), 'answers[0].value', 'range', `got ${item.max + 1}`);
  });

  test('a value that is not a whole number', () => {
    const answers = complete(instrument);
    if (!answers[0]) throw new Error('no answers');
    answers[0] = { ...answers[0], value: 1.5 };
    expectBadInput(() => instrument.score(answers), 'answers[0].value', 'integer', 'must be a whole number; got 1.5');
  });
});
