/*
 * Expected change (the "FOTO-like" band): what clients like this one achieved, from the research population.
 *
 * Model, per condition and measure: change from baseline = b0 + b1 * baseline + b2 * visit number, fitted by
 * ordinary least squares (the normal equations, least-squares.ts) over one point per client and visit after
 * the baseline visit. Baseline severity is the main predictor of change in outcome registries (FOTO's risk
 * adjustment: Deutscher D et al., "Patient-reported outcome measures: risk adjustment", J Orthop Sports Phys
 * Ther 2018;48(1):1-14) and dose enters as the visit number. Age band and chronicity are left out: intake has
 * no chronicity, and each further predictor needs more clients per condition than small clinics hold.
 *
 * The band is the 80% prediction interval of a new client's change (Montgomery DC, Peck EA, Vining GG,
 * "Introduction to Linear Regression Analysis", 5th ed., Wiley 2012, section 3.5: y0 +- t(1 - a/2, n - p) *
 * s * sqrt(1 + x0'(X'X)^-1 x0)). Points of one client are not independent, so the interval is approximate;
 * docs/expected-change.md says so. It is withheld when fewer than k clients (research's minimum cell size)
 * in the fit started in the same tenth of the measure's range as this series.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { findMeasure } from '../measures/measure-catalog.js';
import type { MeasureDefinition } from '../measures/measure-definition.js';
import { perturbMean, perturbSd, publishCount } from '../research/perturbation.js';
import { tQuantile } from '../research/t-quantile.js';
import { bandRowsStatement, baselineGroups, fitSumsStatement, performanceSumsStatement } from './expected-change.sql.js';
import { ExpectedChangeModel } from './expected-change-model.entity.js';
import { fitLeastSquares, leverage } from './least-squares.js';

/** The coverage of the band: 8 in 10 clients like this one fall inside it. */
export const bandCoverage = 0.8;

/** The sums of cross products of one condition and measure, as `fitSumsStatement` returns them. */
interface FitSumsRow {
  condition_code: string;
  measure_code: string;
  clients: number;
  ck: string | number;
  tenths: [number, number][];
  n: number;
  max_visit: number;
  sb: number;
  sv: number;
  sy: number;
  sbb: number;
  sbv: number;
  svv: number;
  sby: number;
  svy: number;
  syy: number;
}

/**
 * Fits every condition and measure with enough data anew and replaces the stored models, in one transaction
 * (a band read meanwhile sees the old models or the new, never a mix). Returns the number of models stored.
 */
export async function refitExpectedChange(em: EntityManager, now = new Date()): Promise<number> {
  return em.transactional(async (tx) => {
    const fit = fitSumsStatement();
    const rows = await tx.execute<FitSumsRow[]>(fit.sql, fit.params);
    await tx.execute('delete from expected_change_model');
    let stored = 0;
    for (const row of rows) {
      const result = fitLeastSquares({
        xtx: [
          [row.n, row.sb, row.sv],
          [row.sb, row.sbb, row.sbv],
          [row.sv, row.sbv, row.svv],
        ],
        xty: [row.sy, row.sby, row.svy],
        yty: row.syy,
        sumY: row.sy,
        n: row.n,
      });
      // Not estimable (every client at one baseline, every point at one visit, or 3 points or fewer): no model.
      if (!result) continue;
      const tenths = Array.from({ length: baselineGroups }, () => 0);
      for (const [tenth, n] of row.tenths) tenths[tenth] = n;
      const [intercept, baselineCoef, visitCoef] = result.coefficients as [number, number, number];
      tx.create(ExpectedChangeModel, {
        conditionCode: row.condition_code,
        measureCode: row.measure_code,
        clients: row.clients,
        points: row.n,
        intercept,
        baselineCoef,
        visitCoef,
        rSquared: result.rSquared,
        residualSd: result.residualSd,
        xtxInverse: result.xtxInverse.flat(),
        maxVisit: row.max_visit,
        baselineTenths: tenths,
        cellKey: Number(row.ck),
        fittedAt: now,
      });
      stored++;
    }
    await tx.flush();
    const performance = performanceSumsStatement();
    const sums = await tx.execute<{ condition_code: string; measure_code: string; n: number; mean: number; sd: number | null }[]>(
      performance.sql,
      performance.params,
    );
    for (const row of sums) {
      await tx.execute(
        'update expected_change_model set performance_mean = ?, performance_sd = ? where condition_code = ? and measure_code = ?',
        [row.n >= 2 ? row.mean : null, row.n >= 2 ? row.sd : null, row.condition_code, row.measure_code],
      );
    }
    return stored;
  });
}

/** A stored model as `to_jsonb` gives it (snake-case columns). */
interface ModelJson {
  clients: number;
  intercept: number;
  baseline_coef: number;
  visit_coef: number;
  r_squared: number;
  residual_sd: number;
  points: number;
  xtx_inverse: number[];
  max_visit: number;
  baseline_tenths: number[];
  fitted_at: string;
}

export type WithheldReason = 'NO_VALUES' | 'NO_MODEL' | 'FEW_SIMILAR_CLIENTS';

export interface ExpectedPoint {
  visit: number;
  change: number;
  low: number;
  high: number;
}

export interface ExpectedChange {
  seriesId: string;
  measureCode: string;
  /** Why there is no band; null when there is one. */
  withheldReason: WithheldReason | null;
  /** The series' first value on the measure and its visit number; null without values. */
  baseline: number | null;
  baselineVisit: number | null;
  /** Expected change from baseline at each later visit the model covers, with the band. */
  points: ExpectedPoint[];
  sentence: string | null;
  /** Actual minus expected change at the latest visit, in the measure's unit; null without a band or a later visit. */
  performance: number | null;
  latestVisit: number | null;
  fittedAt: Date | null;
}

/** The band of a model at visit `visit` for a client starting at `baseline`. */
function predict(model: ModelJson, baseline: number, visit: number): ExpectedPoint {
  const inverse = [model.xtx_inverse.slice(0, 3), model.xtx_inverse.slice(3, 6), model.xtx_inverse.slice(6, 9)];
  const change = model.intercept + model.baseline_coef * baseline + model.visit_coef * visit;
  const half =
    tQuantile(1 - (1 - bandCoverage) / 2, model.points - 3) * model.residual_sd * Math.sqrt(1 + leverage(inverse, [1, baseline, visit]));
  return { visit, change, low: change - half, high: change + half };
}

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

/**
 * "Clients like this typically improve 2.1 points [1.6, 2.6] by visit 8": the expected change at `point` in
 * the measure's better direction, the bracket the band's.
 */
export function expectedSentence(measure: MeasureDefinition, point: ExpectedPoint): string {
  const better = measure.direction === 'HIGHER_IS_BETTER' ? 1 : -1;
  const [low, high] = [point.low * better, point.high * better].sort((a, b) => a - b) as [number, number];
  const typical = point.change * better;
  const unit = measure.unit === '{score}' ? 'points' : measure.unitLabel;
  const verb = typical >= 0 ? 'improve' : 'worsen';
  const bracket = `[${oneDecimal(low)}, ${oneDecimal(high)}]`;
  return `Clients like this typically ${verb} ${oneDecimal(Math.abs(typical))} ${unit} ${bracket} by visit ${point.visit} (8 in 10 within the bracket; improvement positive).`;
}

interface BandRow {
  series_id: string;
  measure_code: string;
  condition_code: string;
  planned_sessions: number;
  visit_values: { visit: number; value: number }[];
  tenth: number;
  model: ModelJson | null;
}

const withheld = (seriesId: string, measureCode: string, reason: WithheldReason, row?: BandRow): ExpectedChange => ({
  seriesId,
  measureCode,
  withheldReason: reason,
  baseline: row?.visit_values[0]?.value ?? null,
  baselineVisit: row?.visit_values[0]?.visit ?? null,
  points: [],
  sentence: null,
  performance: null,
  latestVisit: row?.visit_values.at(-1)?.visit ?? null,
  fittedAt: row?.model ? new Date(row.model.fitted_at) : null,
});

/** The band of one series on one measure, from its row (or none: the series has no value on the measure at a visit). */
function bandOf(seriesId: string, measureCode: string, row: BandRow | undefined, k: number): ExpectedChange {
  const first = row?.visit_values[0];
  const measure = findMeasure(measureCode);
  if (!row || !first || !measure) return withheld(seriesId, measureCode, 'NO_VALUES', row);
  if (!row.model) return withheld(seriesId, measureCode, 'NO_MODEL', row);
  const model = row.model;
  if ((model.baseline_tenths[row.tenth] ?? 0) < k) return withheld(seriesId, measureCode, 'FEW_SIMILAR_CLIENTS', row);
  const points: ExpectedPoint[] = [];
  for (let visit = first.visit + 1; visit <= model.max_visit; visit++) points.push(predict(model, first.value, visit));
  const latest = row.visit_values.at(-1) as { visit: number; value: number };
  const atLatest = points.find((p) => p.visit === latest.visit);
  // The planned last visit, within what the model covers.
  const target = points.find((p) => p.visit === Math.min(Math.max(row.planned_sessions, first.visit + 1), model.max_visit));
  return {
    seriesId,
    measureCode,
    withheldReason: null,
    baseline: first.value,
    baselineVisit: first.visit,
    points,
    sentence: target ? expectedSentence(measure, target) : null,
    performance: atLatest ? latest.value - first.value - atLatest.change : null,
    latestVisit: latest.visit,
    fittedAt: new Date(model.fitted_at),
  };
}

/** Key of a (series, measure) pair in the maps below. */
export const bandKey = (seriesId: string, measureCode: string) => `${seriesId} ${measureCode}`;

/**
 * The bands of many (series, measure) pairs of one clinic in one statement (a caseload page, a chart), keyed by
 * `bandKey`. Series of other clinics are answered as having no values: the caller has checked the series.
 */
export async function findExpectedChanges(
  em: EntityManager,
  clinicId: string,
  pairs: readonly { seriesId: string; measureCode: string }[],
  k: number,
): Promise<Map<string, ExpectedChange>> {
  const wanted = JSON.stringify(pairs.map((pair) => ({ series_id: pair.seriesId, measure_code: pair.measureCode })));
  const rows = await em.execute<BandRow[]>(bandRowsStatement, [wanted, clinicId]);
  const byKey = new Map(rows.map((row) => [bandKey(row.series_id, row.measure_code), row]));
  return new Map(
    pairs.map(({ seriesId, measureCode }) => {
      const key = bandKey(seriesId, measureCode);
      return [key, bandOf(seriesId, measureCode, byKey.get(key), k)];
    }),
  );
}

export interface PublishedModel {
  conditionCode: string;
  measureCode: string;
  suppressed: boolean;
  clients: number | null;
  intercept: number | null;
  baselineCoef: number | null;
  visitCoef: number | null;
  rSquared: number | null;
  residualSd: number | null;
  maxVisit: number | null;
  performanceMean: number | null;
  performanceSd: number | null;
  fittedAt: Date;
}

/**
 * The models as researchers see them: aggregates of k clients or more only (research's small-cell rule), the
 * number of clients perturbed as every research count is, performance perturbed by one client's influence
 * (research/perturbation.ts; change spans twice the measure's range). Coefficients and fit are shown as fitted.
 */
export async function publishedModels(em: EntityManager, k: number): Promise<PublishedModel[]> {
  const models = await em.execute<
    (Omit<ModelJson, 'xtx_inverse' | 'baseline_tenths' | 'fitted_at'> & {
      condition_code: string;
      measure_code: string;
      performance_mean: number | null;
      performance_sd: number | null;
      cell_key: number;
      fitted_at: Date;
    })[]
  >(
    `select condition_code, measure_code, clients, points, intercept, baseline_coef, visit_coef, r_squared, residual_sd, max_visit,
       performance_mean, performance_sd, cell_key, fitted_at
     from expected_change_model order by condition_code, measure_code`,
  );
  return models.map((model) => {
    const measure = findMeasure(model.measure_code);
    const purpose = (what: string) => `${model.condition_code}:${model.measure_code}:expected:${what}`;
    const clients = publishCount(model.clients, model.cell_key, k, purpose('n'));
    const range = measure ? 2 * (measure.max - measure.min) : 0;
    const shown = clients !== null;
    const noisy = (value: number | null, what: string, perturb: typeof perturbMean) =>
      shown && value !== null ? perturb(value, model.clients, range, model.cell_key, purpose(what)) : null;
    return {
      conditionCode: model.condition_code,
      measureCode: model.measure_code,
      suppressed: !shown,
      clients,
      intercept: shown ? model.intercept : null,
      baselineCoef: shown ? model.baseline_coef : null,
      visitCoef: shown ? model.visit_coef : null,
      rSquared: shown ? model.r_squared : null,
      residualSd: shown ? model.residual_sd : null,
      maxVisit: shown ? model.max_visit : null,
      performanceMean: noisy(model.performance_mean, 'performance', perturbMean),
      performanceSd: noisy(model.performance_sd, 'performanceSd', perturbSd),
      fittedAt: new Date(model.fitted_at),
    };
  });
}
