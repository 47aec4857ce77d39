import { findInstrument, instruments } from '@fascia/server/modules/instruments/instrument-catalog.js';
import { instrumentScoreMeasures } from '@fascia/server/modules/instruments/instrument-score-measures.js';
import { describe, expect, test } from 'vitest';
import { complete } from './answers.js';

describe('instrument catalog', () => {
  test('lists the instruments, found by code', () => {
    expect(instruments.map((i) => i.code)).toEqual([
      'ODI',
      'NDI',
      'QUICKDASH',
      'FIQR',
      'PSFS',
      'JFLS8',
      'BCTQ_SSS',
      'BCTQ_FSS',
      'KOOS12',
      'HOOS12',
      'ESAS_R',
      'PEG',
      'GAD7',
      'RFLACC',
      'FPSR',
    ]);
    for (const instrument of instruments) expect(findInstrument(instrument.code)).toBe(instrument);
    expect(findInstrument('odi')).toBeUndefined();
    expect(findInstrument('SF36')).toBeUndefined();
  });

  test('fits the Instrument table columns and has unique item codes', () => {
    for (const instrument of instruments) {
      expect(instrument.code.length).toBeLessThanOrEqual(40);
      expect(instrument.name.length).toBeLessThanOrEqual(120);
      expect(instrument.scoringVersion.length).toBeLessThanOrEqual(60);
      const codes = instrument.items.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});

describe.each(instruments.map((instrument) => [instrument.code, instrument] as const))('%s score measure', (_code, instrument) => {
  const measure = instrumentScoreMeasures.find((m) => m.code === instrument.scoreMeasureCode);

  test('exists, as a questionnaire measure with the instrument code', () => {
    expect(measure).toBeDefined();
    expect(measure?.code).toBe(instrument.code);
    expect(measure?.kind).toBe('QUESTIONNAIRE');
  });

  test('its range is what the scoring yields at both ends of every item', () => {
    // Either end of the items may map to either end of the score (KOOS-12 reverses: items 0 = no problems = 100).
    const ends = [
      instrument.score(complete(instrument, (item) => item.min)).score,
      instrument.score(complete(instrument, (item) => item.max)).score,
    ];
    expect(ends.sort((a, b) => a - b)).toEqual([measure?.min, measure?.max]);
  });

  test('severity bands, where published, cover the range without gaps at its precision', () => {
    if (!measure) throw new Error('no measure');
    const bands = measure.severityBands;
    if (bands.length === 0) return;
    const step = 10 ** -measure.decimals;
    expect(bands[0]?.min).toBe(measure.min);
    expect(bands.at(-1)?.max).toBe(measure.max);
    bands.slice(1).forEach((band, i) => {
      expect(band.min).toBeCloseTo((bands[i]?.max ?? Number.NaN) + step, 9);
    });
  });
});

describe('bands read as published', () => {
  const bandOf = (code: string, score: number) =>
    instrumentScoreMeasures.find((m) => m.code === code)?.severityBands.find((band) => score >= band.min && score <= band.max)?.label;

  test('ODI (Fairbank & Pynsent 2000)', () => {
    expect([20, 21, 40, 41, 60, 61, 80, 81].map((s) => bandOf('ODI', s))).toEqual([
      'Minimal disability',
      'Moderate disability',
      'Moderate disability',
      'Severe disability',
      'Severe disability',
      'Crippled',
      'Crippled',
      'Bed-bound',
    ]);
  });

  test('NDI on 0-50 (Vernon & Mior 1991)', () => {
    expect([4, 5, 14, 15, 24, 25, 34, 35].map((s) => bandOf('NDI', s))).toEqual([
      'No disability',
      'Mild disability',
      'Mild disability',
      'Moderate disability',
      'Moderate disability',
      'Severe disability',
      'Severe disability',
      'Complete disability',
    ]);
  });

  test('GAD-7 (Spitzer et al. 2006: 5, 10, 15)', () => {
    expect([4, 5, 9, 10, 14, 15, 21].map((s) => bandOf('GAD7', s))).toEqual([
      'Minimal anxiety',
      'Mild anxiety',
      'Mild anxiety',
      'Moderate anxiety',
      'Moderate anxiety',
      'Severe anxiety',
      'Severe anxiety',
    ]);
  });

  test('FIQR (Salaffi et al. 2021)', () => {
    expect([23, 24, 40, 41, 63, 64, 82, 83].map((s) => bandOf('FIQR', s))).toEqual([
      'Remission',
      'Mild',
      'Mild',
      'Moderate',
      'Moderate',
      'Severe',
      'Severe',
      'Very severe',
    ]);
  });
});
