import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * The fitted expected-change model of one condition and measure (expected-change.service.ts): change from
 * baseline = intercept + baselineCoef * baseline + visitCoef * visit number, by ordinary least squares over the
 * stored per-series outcomes of the research population. Aggregates only: no row names or counts a person.
 */
export const ExpectedChangeModel = defineEntity({
  name: 'ExpectedChangeModel',
  tableName: 'expected_change_model',
  properties: {
    conditionCode: p.string().length(40).primary(),
    measureCode: p.string().length(40).primary(),
    /** Clients whose series contributed (one series per client, as research counts them). */
    clients: p.integer(),
    /** Points fitted: one per client and visit after the baseline visit. */
    points: p.integer(),
    intercept: p.double(),
    baselineCoef: p.double(),
    visitCoef: p.double(),
    rSquared: p.double(),
    /** sqrt(residual sum of squares / (points - 3)). */
    residualSd: p.double(),
    /** (X'X)^-1 row by row (3 x 3, order intercept, baseline, visit): the prediction interval needs it. */
    xtxInverse: p.json<number[]>(),
    /** The largest visit number fitted: the model does not extrapolate past it. */
    maxVisit: p.integer(),
    /** Clients per tenth of the measure's range of baseline (10 counts): "similar clients" for the k rule. */
    baselineTenths: p.json<number[]>(),
    /** Mean and SD over the fitted clients of actual - expected change at each one's latest visit (null under 2 clients). */
    performanceMean: p.double().nullable(),
    performanceSd: p.double().nullable(),
    /** The cell key of the fitted clients (research/perturbation.ts): researchers see perturbed figures. Never output. */
    cellKey: p.double(),
    fittedAt: p.datetime(),
  },
});
export type ExpectedChangeModel = InferEntity<typeof ExpectedChangeModel>;
