import { bctqFunction, bctqSymptoms } from './definitions/bctq.js';
import { esasR } from './definitions/esas-r.js';
import { fiqr } from './definitions/fiqr.js';
import { fpsr } from './definitions/fpsr.js';
import { gad7 } from './definitions/gad7.js';
import { hoos12 } from './definitions/hoos12.js';
import { jfls8 } from './definitions/jfls8.js';
import { koos12 } from './definitions/koos12.js';
import { ndi } from './definitions/ndi.js';
import { odi } from './definitions/odi.js';
import { peg } from './definitions/peg.js';
import { psfs } from './definitions/psfs.js';
import { quickdash } from './definitions/quickdash.js';
import { rflacc } from './definitions/rflacc.js';
import type { InstrumentDefinition } from './instrument-definition.js';

/** Every instrument Fascia can score; the database `Instrument` table mirrors this list. */
export const instruments: readonly InstrumentDefinition[] = [
  odi,
  ndi,
  quickdash,
  fiqr,
  psfs,
  jfls8,
  bctqSymptoms,
  bctqFunction,
  koos12,
  hoos12,
  esasR,
  peg,
  gad7,
  rflacc,
  fpsr,
];

const byCode = new Map<string, InstrumentDefinition>(instruments.map((instrument) => [instrument.code, instrument]));

/** The instrument with this code (exact match, e.g. `ODI`), or undefined. */
export function findInstrument(code: string): InstrumentDefinition | undefined {
  return byCode.get(code);
}
