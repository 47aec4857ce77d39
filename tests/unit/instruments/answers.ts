import { BadInputError } from '@fascia/server/common/errors.js';
import type { InstrumentAnswer, InstrumentDefinition } from '@fascia/server/modules/instruments/instrument-definition.js';
import { expect } from 'vitest';

/** Answers `${prefix}1..n` in order; null leaves that item unanswered. */
export function numbered(prefix: string, values: readonly (number | null)[]): InstrumentAnswer[] {
  return values.map((value, i) => ({ itemCode: `${prefix}${i + 1}`, value }));
}

/** PSFS answers: one slot per [activity, rating], in order. */
export function activities(rated: readonly (readonly [string, number])[]): InstrumentAnswer[] {
  return rated.map(([label, value], i) => ({
    itemCode: `PSFS${i + 1}`,
    value,
    label,
  }));
}

/**
 * A complete, valid response with every required item at `pick(item)`
 * (PSFS: its first three slots, each named).
 */
export function complete(
  instrument: InstrumentDefinition,
  pick: (item: { min: number; max: number }) => number = (item) => item.min,
): InstrumentAnswer[] {
  const required = instrument.items.filter((item) => item.optionalModule === undefined);
  const used = instrument.code === 'PSFS' ? required.slice(0, 3) : required;
  return used.map((item) => ({
    itemCode: item.code,
    value: pick(item),
    ...(item.requiresLabel ? { label: `Activity named ${item.code}` } : {}),
  }));
}

/** Asserts that `run` throws a BadInputError on `field` for `rule`, with a message matching `message`. */
export function expectBadInput(run: () => unknown, field: string, rule: string, message?: string | RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a BadInputError').toBeInstanceOf(BadInputError);
  const error = caught as BadInputError;
  expect({ field: error.field, rule: error.rule }).toEqual({ field, rule });
  if (message !== undefined) expect(error.message).toMatch(message);
}
