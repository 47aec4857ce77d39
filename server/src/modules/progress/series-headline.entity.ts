import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { reporterKinds } from '../../common/reporter.js';
import { SIDES } from '../body-regions/body-region-catalog.js';
import { TreatmentSeries } from '../care/treatment-series.entity.js';
import { Measure } from '../measures/measure.entity.js';

/**
 * The caseload's headline of a series on one measure that some condition has as its headline: the progress row (one
 * region and side, one reporter) that a therapist looks at first. Kept for every such measure, not only the series'
 * present condition's, so a change of condition needs no rewrite. Kept up to date with the series' outcomes in the
 * transaction of every write that adds or corrects a visit or a value taken at one (series-outcome.ts), so the
 * caseload reads one row per series instead of working through every value of every series at each request.
 */
export const SeriesHeadline = defineEntity({
  name: 'SeriesHeadline',
  tableName: 'series_headline',
  properties: {
    series: () => p.manyToOne(TreatmentSeries).ref().primary(),
    measure: () => p.manyToOne(Measure).ref().primary(),
    regionCode: p.string().length(40).nullable(),
    side: p.enum(SIDES).nullable(),
    reporter: p.enum(reporterKinds),
    baseline: p.double(),
    baselineAt: p.datetime(),
    latest: p.double(),
    latestAt: p.datetime(),
    points: p.integer(),
    /** Least-squares slope per week; null without two distinct days. */
    slope: p.double().nullable(),
    trendPoints: p.integer(),
    meanSessionChange: p.double().nullable(),
    unpaired: p.integer(),
    /** Each visit's pre and post values (visits with both), as progress lists them. */
    sessions: p.json<{ sessionId: string; visitNumber: number; startedAt: string; pre: number; post: number }[]>().nullable(),
  },
});
export type SeriesHeadline = InferEntity<typeof SeriesHeadline>;
