import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../common/errors.js';
import type { HeavyReads } from '../../db/read-replicas.js';
import { findMeasure } from '../measures/measure-catalog.js';
import { hasThreshold, type MeasureDefinition } from '../measures/measure-definition.js';
import { cellNoise, perturbMean, perturbSd, perturbShare, publishCount } from './perturbation.js';
import type { CohortFilter } from './research.input.js';
import {
  type Band,
  binCount,
  filterCountsStatement,
  histogramBounds,
  minuteBands,
  modalityBandKeys,
  outcomeStatement,
  perWeekBands,
} from './research.sql.js';
import type {
  CohortComparisonNode,
  CohortOutcomeNode,
  DoseBandNode,
  DoseSlopeNode,
  HistogramBinNode,
  MeanCellNode,
  OutcomeCellNode,
  VisitMeanNode,
} from './research.type.js';
import { checkAndRecordRelease } from './research-release.js';
import { meanInterval, slopeInterval, welchDifference, wilsonInterval } from './statistics.js';
import { suppressGroup, tooSmall } from './suppression.js';

/** The aggregates of one cell as PostgreSQL returns them (research.sql.ts `cellStats`). */
interface CellRow {
  n: number;
  baseline_mean: number | null;
  baseline_sd: number | null;
  change_mean: number | null;
  change_sd: number | null;
  responders: number;
  /** Cell key: the members' research keys summed modulo 2^32 (perturbation.ts). */
  ck: number;
}

interface MeanRow {
  n: number;
  mean: number | null;
  sd: number | null;
  ck: number;
}

/** The JSON document of `outcomeStatement`. */
interface OutcomeDocument {
  overall: CellRow;
  /** Client ids of the cohort's clients with a change: the released set (research-release.ts); never output. */
  members: string[];
  histogram: { bin: number; n: number; ck: number }[];
  minutes: (CellRow & { band: number })[];
  perWeek: (CellRow & { band: number })[];
  modality: (CellRow & { band: string })[];
  slope: { n: number; slope: number | null; sxx: number | null; syy: number | null; x_range: number | null; ck: number };
  visits: (MeanRow & { visit_number: number })[];
  prePost: MeanRow;
}

const emptyCell: CellRow = { n: 0, baseline_mean: null, baseline_sd: null, change_mean: null, change_sd: null, responders: 0, ck: 0 };

/** Memory for each sort or hash of a research statement (PostgreSQL's `work_mem`). */
export const researchWorkMem = '64MB';

/** The measure of a research query, from the catalog. */
export function researchMeasure(field: string, code: string): MeasureDefinition {
  const measure = findMeasure(code);
  if (!measure) throw new BadInputError(field, 'unknown-code', `is not a measure of the catalog (${code.slice(0, 40)})`);
  return measure;
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

const hiddenCell = (): OutcomeCellNode => ({
  suppressed: true,
  n: null,
  baselineMean: null,
  baselineSd: null,
  meanChange: null,
  meanChangeCiLow: null,
  meanChangeCiHigh: null,
  changeSd: null,
  effectSize: null,
  standardizedResponseMean: null,
  responderRate: null,
  responderRateCiLow: null,
  responderRateCiHigh: null,
});

/**
 * A cell's statistics as published, or a suppressed cell. Cell-key perturbation (perturbation.ts): the
 * count gets -2..+2 and is suppressed under k (true or published); means and SDs get noise of one
 * client's largest influence (the measure's range / n), the responder rate noise of one client (1 / n);
 * the intervals, effect size and SRM are computed from the perturbed figures. Responders and
 * non-responders are a group of their own: the rate is withheld when either is under k.
 */
function outcomeCell(row: CellRow, hidden: boolean, measure: MeasureDefinition, k: number): OutcomeCellNode {
  if (hidden) return hiddenCell();
  const n = publishCount(row.n, row.ck, k, `${measure.code}:n`);
  if (n === null) return hiddenCell();
  const range = measure.max - measure.min;
  const at = (what: string) => `${measure.code}:${what}`;
  const noisy = (value: number | null, what: string) => (value === null ? null : perturbMean(value, row.n, range, row.ck, at(what)));
  const noisySd = (value: number | null, what: string) => (value === null ? null : perturbSd(value, row.n, range, row.ck, at(what)));
  const changeMean = noisy(row.change_mean, 'change');
  const changeSd = noisySd(row.change_sd, 'changeSd');
  const baselineSd = noisySd(row.baseline_sd, 'baselineSd');
  const ci = changeMean === null || changeSd === null ? null : meanInterval(changeMean, changeSd, n);
  const responderHidden = !hasThreshold(measure) || suppressGroup([row.responders, row.n - row.responders], k).some(Boolean);
  const rate = responderHidden ? null : perturbShare(row.responders / row.n, row.n, row.ck, at('responders'));
  const wilson = rate === null ? null : wilsonInterval(rate * n, n);
  return {
    suppressed: false,
    n,
    baselineMean: noisy(row.baseline_mean, 'baseline'),
    baselineSd,
    meanChange: changeMean,
    meanChangeCiLow: ci?.low ?? null,
    meanChangeCiHigh: ci?.high ?? null,
    changeSd,
    effectSize: ratio(changeMean, baselineSd),
    standardizedResponseMean: ratio(changeMean, changeSd),
    responderRate: rate,
    responderRateCiLow: wilson?.low ?? null,
    responderRateCiHigh: wilson?.high ?? null,
  };
}

/** Bands of one kind: a group whose cells add up to the cohort, suppressed together. */
function bandCells<K extends string | number>(
  keys: readonly { key: string; label: string; at: K }[],
  rows: readonly (CellRow & { band: K })[],
  measure: MeasureDefinition,
  k: number,
): DoseBandNode[] {
  const cells = keys.map(({ at }) => rows.find((row) => row.band === at) ?? emptyCell);
  const hidden = suppressGroup(
    cells.map((cell) => cell.n),
    k,
  );
  return keys.map(({ key, label }, i) => ({ key, label, outcome: outcomeCell(cells[i] as CellRow, hidden[i] as boolean, measure, k) }));
}

const indexed = (bands: readonly Band[]) => bands.map((band, at) => ({ key: band.key, label: band.label, at }));

/** A mean over clients (a visit's values, within-session change), perturbed like an outcome cell; values span `range`. */
function meanCell(row: MeanRow, k: number, range: number, purpose: string): MeanCellNode {
  const hidden = { suppressed: true, n: null, mean: null, sd: null, ciLow: null, ciHigh: null };
  const n = tooSmall(row.n, k) ? null : publishCount(row.n, row.ck, k, `${purpose}:n`);
  if (n === null) return hidden;
  const mean = row.mean === null ? null : perturbMean(row.mean, row.n, range, row.ck, `${purpose}:mean`);
  const sd = row.sd === null ? null : perturbSd(row.sd, row.n, range, row.ck, `${purpose}:sd`);
  const ci = mean === null || sd === null ? null : meanInterval(mean, sd, n);
  return { suppressed: false, n, mean, sd, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null };
}

/**
 * The slope of change on minutes, perturbed by one client's largest influence on a least-squares slope,
 * about range(change) x range(minutes) / Sxx, and its residual sum by range² (so the interval's width is
 * no exact figure either).
 */
function slopeCell(row: OutcomeDocument['slope'], k: number, range: number, purpose: string): DoseSlopeNode {
  const n = tooSmall(row.n, k) ? null : publishCount(row.n, row.ck, k, `${purpose}:n`);
  if (n === null) return { suppressed: true, n: null, slopePerMinute: null, ciLow: null, ciHigh: null };
  const slope =
    row.slope === null || row.sxx === null || !(row.sxx > 0)
      ? null
      : row.slope + ((range * (row.x_range ?? 0)) / row.sxx) * cellNoise(row.ck, `${purpose}:slope`);
  const ci =
    slope === null || row.sxx === null || row.syy === null
      ? null
      : slopeInterval({ n, slope, sxx: row.sxx, syy: Math.max(0, row.syy + range * range * cellNoise(row.ck, `${purpose}:syy`)) });
  return { suppressed: false, n, slopePerMinute: slope, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null };
}

/**
 * Query-set size control on each filter on its own: a filter value that by itself matches fewer than k
 * consenting clients (0 included, with the same answer) is refused before any statistic is computed.
 */
export async function checkFilterSizes(em: EntityManager, filter: CohortFilter, k: number, prefix = 'filter'): Promise<void> {
  const statement = filterCountsStatement(filter);
  if (!statement) return;
  const [row] = await em.execute<Record<string, number>[]>(statement.sql, statement.params);
  statement.fields.forEach((field, i) => {
    if (tooSmall(row?.[`f${i}`] ?? 0, k)) {
      throw new BadInputError(
        `${prefix}.${field}`,
        'matches-fewer-than-k',
        `on its own matches fewer than ${k} research-consenting clients (the minimum cell size), so it is refused whatever else is asked`,
      );
    }
  });
}

/**
 * Runs the outcome statement of each filter in one (read-only) transaction, on a read replica when one may
 * answer, then, on the primary, checks the set of each cohort of at least k clients against the released ones
 * and records it (overlap control, research-release.ts): the answer is only returned once the transaction that
 * recorded it has committed, and what is recorded is exactly the set the answer was computed from.
 */
async function runOutcomes(
  { reads, em }: ResearchDatabase,
  filters: readonly CohortFilter[],
  measure: MeasureDefinition,
  overallOnly: boolean,
  k: number,
): Promise<OutcomeDocument[]> {
  // A cohort's sorts and hashes (hundreds of thousands of values) fit in 64 MB; the default 4 MB spills them to disk.
  const docs = await reads.run((readEm) =>
    readEm.transactional(async (tx) => {
      await tx.execute(`set local work_mem = '${researchWorkMem}'`);
      const computed: OutcomeDocument[] = [];
      for (const filter of filters) {
        const { sql, params } = outcomeStatement(filter, measure.code, histogramBounds(measure), overallOnly);
        const [row] = await tx.execute<{ result: OutcomeDocument }[]>(sql, params);
        computed.push(row?.result as OutcomeDocument);
      }
      return computed;
    }),
  );
  await em.transactional(async (tx) => {
    for (const doc of docs) {
      if (!tooSmall(doc.overall?.n ?? 0, k)) await checkAndRecordRelease(tx, 'answer', measure.code, doc.members, k);
    }
  });
  return docs;
}

/** Where research runs: its statistics on `reads` (a replica when one may answer), the release records on the primary `em`. */
export interface ResearchDatabase {
  reads: HeavyReads;
  em: EntityManager;
}

/** Every output of one measure in one cohort, suppressed cell by cell (one SQL statement). */
export async function cohortOutcome(
  database: ResearchDatabase,
  filter: CohortFilter,
  measure: MeasureDefinition,
  k: number,
): Promise<CohortOutcomeNode> {
  await database.reads.run((em) => checkFilterSizes(em, filter, k));
  const [doc] = (await runOutcomes(database, [filter], measure, false, k)) as [OutcomeDocument];
  const overall = doc.overall ?? emptyCell;
  const range = measure.max - measure.min;
  const { from, width } = histogramBounds(measure);
  const bins = Array.from({ length: binCount }, (_, bin) => doc.histogram.find((h) => h.bin === bin) ?? { bin, n: 0, ck: 0 });
  const binHidden = suppressGroup(
    bins.map((b) => b.n),
    k,
  );
  const histogram: HistogramBinNode[] = bins.map((b, bin) => {
    const n = binHidden[bin] ? null : publishCount(b.n, b.ck, k, `${measure.code}:bin`);
    return { from: from + bin * width, to: from + (bin + 1) * width, suppressed: n === null, n };
  });
  // Visit numbers beyond the last one shown are left out: a hidden tail would still say how long some series ran.
  const allVisits: VisitMeanNode[] = doc.visits.map((visit) => ({
    visitNumber: visit.visit_number,
    value: meanCell(visit, k, range, `${measure.code}:visit`),
  }));
  const lastShown = allVisits.findLastIndex((visit) => !visit.value.suppressed);
  const visits = allVisits.slice(0, lastShown + 1);
  return {
    measureCode: measure.code,
    unit: measure.unit,
    direction: measure.direction === 'HIGHER_IS_BETTER' ? 1 : -1,
    mcid: measure.mcid,
    mcidPercentOfBaseline: measure.mcidPercentOfBaseline ?? null,
    thresholdKind: measure.thresholdKind,
    minCellSize: k,
    overall: outcomeCell(overall, tooSmall(overall.n, k), measure, k),
    histogram,
    visits,
    withinSession: meanCell(doc.prePost ?? { n: 0, mean: null, sd: null, ck: 0 }, k, range, `${measure.code}:prePost`),
    doseResponse: {
      totalMinutes: bandCells(indexed(minuteBands), doc.minutes, measure, k),
      sessionsPerWeek: bandCells(indexed(perWeekBands), doc.perWeek, measure, k),
      mainModality: bandCells(
        modalityBandKeys.map((key) => ({
          key,
          label: key === 'NONE' ? 'no modality recorded' : key.toLowerCase().replaceAll('_', ' '),
          at: key,
        })),
        doc.modality,
        measure,
        k,
      ),
      minutesSlope: slopeCell(doc.slope, k, range, `${measure.code}:slope`),
    },
  };
}

/** Two cohorts on one measure, and the difference in mean change (b - a) with Welch's interval. */
export async function compareCohorts(
  database: ResearchDatabase,
  a: CohortFilter,
  b: CohortFilter,
  measure: MeasureDefinition,
  k: number,
): Promise<CohortComparisonNode> {
  await database.reads.run(async (em) => {
    await checkFilterSizes(em, a, k, 'a');
    await checkFilterSizes(em, b, k, 'b');
  });
  const [docA, docB] = (await runOutcomes(database, [a, b], measure, true, k)) as [OutcomeDocument, OutcomeDocument];
  const rowA = docA.overall ?? emptyCell;
  const rowB = docB.overall ?? emptyCell;
  const cellA = outcomeCell(rowA, tooSmall(rowA.n, k), measure, k);
  const cellB = outcomeCell(rowB, tooSmall(rowB.n, k), measure, k);
  // The difference of the published (perturbed) cells: each side's noise comes from its own members.
  const summary = (cell: OutcomeCellNode) => ({ n: cell.n ?? 0, mean: cell.meanChange ?? 0, sd: cell.changeSd ?? 0 });
  const difference = cellA.suppressed || cellB.suppressed ? null : welchDifference(summary(cellA), summary(cellB));
  return {
    measureCode: measure.code,
    minCellSize: k,
    a: cellA,
    b: cellB,
    difference: difference
      ? { suppressed: false, estimate: difference.estimate, ciLow: difference.interval.low, ciHigh: difference.interval.high }
      : { suppressed: true, estimate: null, ciLow: null, ciHigh: null },
  };
}
