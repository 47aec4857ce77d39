import { instruments } from '@fascia/server/modules/instruments/instrument-catalog.js';
import { instrumentWordings } from '@fascia/server/modules/instruments/item-wording.js';
import { describe, expect, test } from 'vitest';

describe('questionnaire wording (issue 15, defect 10: items were bare numbers)', () => {
  test.each(instruments.map((i) => [i.code, i] as const))(
    '%s: every item has a question and words for both ends of its scale',
    (_code, instrument) => {
      const wording = instrumentWordings[instrument.code];
      expect(['PUBLISHED', 'PARAPHRASED']).toContain(wording.source);
      expect(wording.licence).toMatch(new RegExp(`^${instrument.code === 'QUICKDASH' ? 'QuickDASH' : instrument.code}`));
      expect(Object.keys(wording.items).sort()).toEqual(instrument.items.map((item) => item.code).sort());
      for (const item of instrument.items) {
        const words = wording.items[item.code];
        expect(words?.question.length, item.code).toBeGreaterThan(3);
        expect(words?.answers[item.min], `${item.code} at ${item.min}`).toBeTruthy();
        expect(words?.answers[item.max], `${item.code} at ${item.max}`).toBeTruthy();
        // No wording for a value the item cannot take.
        for (const value of Object.keys(words?.answers ?? {}).map(Number)) {
          expect(value >= item.min && value <= item.max, `${item.code} value ${value}`).toBe(true);
        }
      }
    },
  );

  test('a six-statement section (ODI, NDI) words every statement', () => {
    for (const code of ['ODI', 'NDI'] as const) {
      for (const [itemCode, words] of Object.entries(instrumentWordings[code].items)) {
        expect(Object.keys(words.answers), itemCode).toEqual(['0', '1', '2', '3', '4', '5']);
      }
    }
  });
});
