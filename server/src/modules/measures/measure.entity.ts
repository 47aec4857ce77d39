import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * Database mirror of the measure catalog (measure-catalog.ts is the source), so
 * analytics in SQL can read ranges, direction and MCID without a second copy.
 */
export const Measure = defineEntity({
  name: 'Measure',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(120),
    kind: p.string().length(20),
    loinc: p.string().length(12).nullable(),
    unit: p.string().length(20),
    minValue: p.double(),
    maxValue: p.double(),
    /** +1 when a higher value is better, -1 when lower is better. */
    direction: p.smallint(),
    mcid: p.double().nullable(),
  },
});
export type Measure = InferEntity<typeof Measure>;
