import { instruments } from '@fascia/server/modules/instruments/instrument-catalog.js';
import { instrumentWordings } from '@fascia/server/modules/instruments/item-wording.js';
import { describe, expect, test } from 'vitest';

/** How each licence names its instrument: the short name people know, not always the code. */
const licenceName: Record<string, string> = {
  QUICKDASH: 'QuickDASH',
  JFLS8: 'JFLS-8',
  BCTQ_SSS: 'BCTQ',
  BCTQ_FSS: 'BCTQ',
  KOOS12: 'KOOS-12',
  HOOS12: 'HOOS-12',
  ESAS_R: 'ESAS-r',
  GAD7: 'GAD-7',
  RFLACC: 'r-FLACC',
  FPSR: 'FPS-R',
};

describe('questionnaire wording (issue 15, defect 10: items were bare numbers)', () => {
  test.each(instruments.map((i) => [i.code, i] as const))(
    '%s: every item has a question and words for both ends of its scale',
    (_code, instrument) => {
      const wording = instrumentWordings[instrument.code];
      expect(['PUBLISHED', 'PARAPHRASED']).toContain(wording.source);
      expect(wording.licence.startsWith(`${licenceName[instrument.code] ?? instrument.code}`)).toBe(true);
      expect(Object.keys(wording.items).sort()).toEqual(instrument.items.map((item) => item.code).sort());
      for (const item of instrument.items) {
        const words = wording.items[item.code];
        expect(words?.question.length, item.code).toBeGreaterThan(3);
        expect(words?.answers[item.min], `${item.code} at ${item.min}`).toBeTruthy();
        expect(words?.answers[item.max], `${item.code} at ${item.max}`).toBeTruthy();
        // No wording for a value the item cannot take (FPS-R: only even values).
        for (const value of Object.keys(words?.answers ?? {}).map(Number)) {
          expect(value >= item.min && value <= item.max, `${item.code} value ${value}`).toBe(true);
          expect((value - item.min) % (item.step ?? 1), `${item.code} value ${value}`).toBe(0);
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
