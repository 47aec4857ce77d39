import { BadInputError } from '../../common/errors.js';
import type { InstrumentAnswer, InstrumentItem } from './instrument-definition.js';

/*
 * Checks every instrument shares, so the five definitions only state their own rules:
 * unknown item, duplicate item, whole number in range and step, activity labels, too many missing.
 * Field paths point at the offending answer (`answers[3].value`) or at `answers` as a whole.
 */

/** Longest activity name a PSFS answer may carry. */
export const MAX_LABEL_LENGTH = 120;

/** Scores are stored with one decimal (the measure catalog's `decimals` for every instrument). */
export const SCORE_DECIMALS = 1;

/** Answers that passed the common checks. */
export interface CheckedAnswers {
  /** Values of answered items, by item code. */
  values: ReadonlyMap<string, number>;
  /** Trimmed labels of answered items that take one, by item code. */
  labels: ReadonlyMap<string, string>;
}

/** Answered, missing and summed values over a group of items. */
export interface Tally {
  answered: number;
  missing: number;
  sum: number;
}

/**
 * Validates answers against the items of one instrument and returns the answered values.
 * An answer with `value` null or absent counts as unanswered.
 */
export function checkAnswers(
  instrumentName: string,
  items: readonly InstrumentItem[],
  answers: readonly InstrumentAnswer[],
): CheckedAnswers {
  if (!Array.isArray(answers)) {
    throw new BadInputError('answers', 'required', `${instrumentName} needs a list of answers`);
  }
  const byCode = new Map(items.map((item) => [item.code, item]));
  const seen = new Set<string>();
  const values = new Map<string, number>();
  const labels = new Map<string, string>();

  answers.forEach((answer, i) => {
    const at = `answers[${i}]`;
    const item = byCode.get(answer.itemCode);
    if (!item) {
      throw new BadInputError(`${at}.itemCode`, 'unknown-item', `${instrumentName} has no item "${answer.itemCode}"`);
    }
    if (seen.has(item.code)) {
      throw new BadInputError(
        `${at}.itemCode`,
        'duplicate-item',
        `"${item.label}" (${item.code}) is answered more than once; give one answer per item`,
      );
    }
    seen.add(item.code);

    const label = answer.label?.trim() ?? '';
    if (label !== '' && !item.requiresLabel) {
      throw new BadInputError(`${at}.label`, 'label-not-allowed', `"${item.label}" takes no free text`);
    }
    const value = answer.value;
    if (value === null || value === undefined) {
      // A named but unrated activity is almost certainly a slip, not a deliberate blank.
      if (item.requiresLabel && label !== '') {
        throw new BadInputError(`${at}.value`, 'required', `Rate "${label}" from ${item.min} to ${item.max}, or remove the activity`);
      }
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new BadInputError(`${at}.value`, 'integer', `"${item.label}" must be a whole number; got ${value}`);
    }
    if (value < item.min || value > item.max) {
      throw new BadInputError(`${at}.value`, 'range', `"${item.label}" must be from ${item.min} to ${item.max}; got ${value}`);
    }
    const step = item.step ?? 1;
    if ((value - item.min) % step !== 0) {
      throw new BadInputError(`${at}.value`, 'step', `"${item.label}" goes from ${item.min} in steps of ${step}; got ${value}`);
    }
    if (item.requiresLabel) {
      if (label === '') {
        throw new BadInputError(`${at}.label`, 'label-required', `Name the activity rated ${value} (${item.code})`);
      }
      if (label.length > MAX_LABEL_LENGTH) {
        throw new BadInputError(
          `${at}.label`,
          'max-length',
          `The activity name has ${label.length} characters; the limit is ${MAX_LABEL_LENGTH}`,
        );
      }
      labels.set(item.code, label);
    }
    values.set(item.code, value);
  });

  return { values, labels };
}

/** Counts and sums the answers to the given items. */
export function tally(checked: CheckedAnswers, items: readonly InstrumentItem[]): Tally {
  let answered = 0;
  let sum = 0;
  for (const item of items) {
    const value = checked.values.get(item.code);
    if (value !== undefined) {
      answered += 1;
      sum += value;
    }
  }
  return { answered, missing: items.length - answered, sum };
}

/**
 * Throws `too-many-missing` on `answers` unless at least `min` of the items were answered.
 * `what` names the items in the message, e.g. "sections" or "function items".
 */
export function requireAnswered(instrumentName: string, what: string, counts: Tally, min: number): void {
  if (counts.answered >= min) return;
  const total = counts.answered + counts.missing;
  const needed = min === total ? `all ${total}` : `at least ${min} of ${total}`;
  const verb = counts.answered === 1 ? 'was' : 'were';
  throw new BadInputError(
    'answers',
    'too-many-missing',
    `${instrumentName} needs ${needed} ${what} answered; ${counts.answered} ${verb} answered`,
  );
}

/** Items of the instrument proper, without optional modules. */
export function coreItems(items: readonly InstrumentItem[]): InstrumentItem[] {
  return items.filter((item) => item.optionalModule === undefined);
}

/** Items of one section or optional module. */
export function itemsOf(items: readonly InstrumentItem[], group: string): InstrumentItem[] {
  return items.filter((item) => item.section === group || item.optionalModule === group);
}

/**
 * Builds numbered items `${prefix}1..n` from topic labels.
 * `extra` adds the fields shared by the group (range, section, module).
 */
export function numberedItems(prefix: string, labels: readonly string[], extra: Omit<InstrumentItem, 'code' | 'label'>): InstrumentItem[] {
  return labels.map((label, i) => ({
    code: `${prefix}${i + 1}`,
    label,
    ...extra,
  }));
}

/** Rounds half away from zero to `decimals` places (scores are never negative). */
export function roundScore(value: number, decimals = SCORE_DECIMALS): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}
