import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Database mirror of the instrument catalog (instrument-catalog.ts is the source). */
export const Instrument = defineEntity({
  name: 'Instrument',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(120),
    scoringVersion: p.string().length(60),
  },
});
export type Instrument = InferEntity<typeof Instrument>;
