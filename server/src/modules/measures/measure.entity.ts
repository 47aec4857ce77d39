import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { thresholdKinds } from './measure-definition.js';

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
    /** The change threshold in the unit (an MCID or an MDC, see thresholdKind). */
    mcid: p.double().nullable(),
    /** A relative MCID, in percent of the series' baseline (used where mcid is null). */
    mcidPercent: p.double().nullable(),
    /** MCID or MDC: what the threshold is, so every reader words it rightly; null when none is published. */
    thresholdKind: p.enum(thresholdKinds).nullable(),
  },
});
export type Measure = InferEntity<typeof Measure>;
