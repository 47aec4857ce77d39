import type { AnswerInput } from '../modules/instruments/instrument.input.js';
import { findInstrument } from '../modules/instruments/instrument-catalog.js';
import type { InstrumentCode, InstrumentItem } from '../modules/instruments/instrument-definition.js';
import { clamp, type Random } from './random.js';

/** How one client fills in a questionnaire, the same way at every administration. */
export interface AnswerHabits {
  /** An item the client always leaves blank where the instrument allows one (ODI sex life, NDI driving). */
  blankItem?: string;
  /** QuickDASH: the client also answers the optional work module. */
  workModule?: boolean;
  /** PSFS: the activities the client named, in slot order, and how much harder (-) or easier (+) each is than the mean. */
  psfs?: { label: string; offset: number }[];
}

/**
 * Whole-number answers whose sum sits at `severity` of each item's range (0 = best, 1 = worst),
 * spread a little across the items as real answers are.
 */
function spreadAnswers(rng: Random, items: readonly InstrumentItem[], severity: number): AnswerInput[] {
  if (items.length === 0) return [];
  const lo = items[0]?.min ?? 0;
  const hi = items[0]?.max ?? 0;
  const n = items.length;
  const target = Math.round(clamp(severity, 0, 1) * n * (hi - lo));
  const values = items.map(() => lo + Math.floor(target / n));
  const extra = rng.sample(
    items.map((_, i) => i),
    target % n,
  );
  for (const i of extra) values[i] = (values[i] ?? lo) + 1;
  // A few moves of one point from one item to another keep the sum but make the pattern less uniform.
  for (let k = 0; k < Math.ceil(n / 3); k++) {
    const from = rng.int(0, n - 1);
    const to = rng.int(0, n - 1);
    if (from !== to && (values[from] ?? lo) > lo && (values[to] ?? hi) < hi) {
      values[from] = (values[from] ?? lo) - 1;
      values[to] = (values[to] ?? lo) + 1;
    }
  }
  return items.map((item, i) => ({
    itemCode: item.code,
    value: values[i] ?? lo,
  }));
}

/**
 * Answers to `code` that score close to `severity` (0 = no problem, 1 = worst possible) and
 * are valid by the instrument's own rules.
 */
export function questionnaireAnswers(rng: Random, code: InstrumentCode, severity: number, habits: AnswerHabits): AnswerInput[] {
  const instrument = findInstrument(code);
  if (!instrument) throw new Error(`instrument ${code} is not in the catalog`);
  const items = instrument.items;
  switch (code) {
    case 'ODI':
    case 'NDI': {
      const answered = items.filter((item) => item.code !== habits.blankItem);
      const answers = spreadAnswers(rng, answered, severity);
      const blank = items.find((item) => item.code === habits.blankItem);
      return blank ? [...answers, { itemCode: blank.code, value: null }] : answers;
    }
    case 'FIQR': {
      // Spread within each domain, so every domain carries the same severity.
      const sections = [...new Set(items.map((item) => item.section))];
      return sections.flatMap((section) =>
        spreadAnswers(
          rng,
          items.filter((item) => item.section === section),
          severity,
        ),
      );
    }
    case 'QUICKDASH': {
      const core = items.filter((item) => item.optionalModule === undefined);
      const work = items.filter((item) => item.optionalModule === 'WORK');
      const answers = spreadAnswers(rng, core, severity);
      return habits.workModule ? [...answers, ...spreadAnswers(rng, work, clamp(severity + 0.05, 0, 1))] : answers;
    }
    case 'PSFS': {
      const activities = habits.psfs ?? [];
      return activities.map((activity, i) => ({
        itemCode: items[i]?.code ?? `PSFS${i + 1}`,
        label: activity.label,
        value: clamp(Math.round(10 * (1 - severity) + activity.offset + rng.pick([-1, 0, 0, 0, 1])), 0, 10),
      }));
    }
    case 'FPSR':
      // The faces score in steps of 2.
      return [{ itemCode: 'FPSR1', value: 2 * Math.round(5 * clamp(severity, 0, 1)) }];
    case 'JFLS8':
    case 'BCTQ_SSS':
    case 'BCTQ_FSS':
    case 'KOOS12':
    case 'HOOS12':
    case 'ESAS_R':
    case 'PEG':
    case 'GAD7':
    case 'RFLACC':
      // Every item of these runs from no problem (min) to worst (max) on one range.
      return spreadAnswers(rng, items, severity);
  }
}
