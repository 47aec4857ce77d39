import { fiqr } from './definitions/fiqr.js';
import { ndi } from './definitions/ndi.js';
import { odi } from './definitions/odi.js';
import { psfs } from './definitions/psfs.js';
import { quickdash } from './definitions/quickdash.js';
import type { InstrumentDefinition } from './instrument-definition.js';

/** Every instrument Fascia can score; the database `Instrument` table mirrors this list. */
export const instruments: readonly InstrumentDefinition[] = [odi, ndi, quickdash, fiqr, psfs];

const byCode = new Map<string, InstrumentDefinition>(instruments.map((instrument) => [instrument.code, instrument]));

/** The instrument with this code (exact match, e.g. `ODI`), or undefined. */
export function findInstrument(code: string): InstrumentDefinition | undefined {
  return byCode.get(code);
}
