import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { reporterKinds } from '../../common/reporter.js';
import { TreatmentSeries } from '../care/treatment-series.entity.js';
import { Measure } from '../measures/measure.entity.js';

/**
 * What a series has shown so far on one measure, from the values taken at its attended visits: kept up
 * to date in the transaction of every write that adds a value or a visit (series-outcome.ts), so that a
 * research question over thousands of series reads one row per series instead of every value.
 */
export const SeriesOutcome = defineEntity({
  name: 'SeriesOutcome',
  tableName: 'series_measure_outcome',
  properties: {
    series: () => p.manyToOne(TreatmentSeries).ref().primary(),
    measure: () => p.manyToOne(Measure).ref().primary(),
    /** Who reported the values (the client, a proxy, the therapist observing): reporters are never pooled. */
    reporter: p.enum(reporterKinds).primary(),
    /** Mean over regions and sides (those with 2+ points) of the baseline; null when none has 2 points. */
    baseline: p.double().nullable(),
    /** Mean over the same regions and sides of latest - baseline. */
    change: p.double().nullable(),
    /** Mean value at each visit number (mean over regions and sides), as `[{ visit, value }]` in visit order. */
    visitValues: p.json<{ visit: number; value: number }[]>(),
    /** Mean over the visits with both of post - pre (within-session change); null when no visit has both. */
    prePost: p.double().nullable(),
  },
});
export type SeriesOutcome = InferEntity<typeof SeriesOutcome>;
