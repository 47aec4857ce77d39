import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../common/errors.js';
import { findMeasure } from '../measures/measure-catalog.js';
import type { MeasureDefinition } from '../measures/measure-definition.js';
import type { CohortFilter } from './research.input.js';
import { type Band, binCount, histogramBounds, minuteBands, modalityBandKeys, outcomeStatement, perWeekBands } from './research.sql.js';
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
}

interface MeanRow {
  n: number;
  mean: number | null;
  sd: number | null;
}

/** The JSON document of `outcomeStatement`. */
interface OutcomeDocument {
  overall: CellRow;
  histogram: { bin: number; n: number }[];
  minutes: (CellRow & { band: number })[];
  perWeek: (CellRow & { band: number })[];
  modality: (CellRow & { band: string })[];
  slope: { n: number; slope: number | null; sxx: number | null; syy: number | null };
  visits: (MeanRow & { visit_number: number })[];
  prePost: MeanRow;
}

const emptyCell: CellRow = { n: 0, baseline_mean: null, baseline_sd: null, change_mean: null, change_sd: null, responders: 0 };

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

/** A cell's statistics, or a suppressed cell. Responders and non-responders are a group of their own. */
function outcomeCell(row: CellRow, hidden: boolean, measure: MeasureDefinition, k: number): OutcomeCellNode {
  if (hidden) return hiddenCell();
  const ci = row.change_mean === null || row.change_sd === null ? null : meanInterval(row.change_mean, row.change_sd, row.n);
  const responderHidden = measure.mcid === null || row.n === 0 || suppressGroup([row.responders, row.n - row.responders], k).some(Boolean);
  const wilson = responderHidden ? null : wilsonInterval(row.responders, row.n);
  return {
    suppressed: false,
    n: row.n,
    baselineMean: row.baseline_mean,
    baselineSd: row.baseline_sd,
    meanChange: row.change_mean,
    meanChangeCiLow: ci?.low ?? null,
    meanChangeCiHigh: ci?.high ?? null,
    changeSd: row.change_sd,
    effectSize: ratio(row.change_mean, row.baseline_sd),
    standardizedResponseMean: ratio(row.change_mean, row.change_sd),
    responderRate: responderHidden ? null : row.responders / row.n,
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

function meanCell(row: MeanRow, k: number): MeanCellNode {
  if (tooSmall(row.n, k)) return { suppressed: true, n: null, mean: null, sd: null, ciLow: null, ciHigh: null };
  const ci = row.mean === null || row.sd === null ? null : meanInterval(row.mean, row.sd, row.n);
  return { suppressed: false, n: row.n, mean: row.mean, sd: row.sd, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null };
}

function slopeCell(row: OutcomeDocument['slope'], k: number): DoseSlopeNode {
  if (tooSmall(row.n, k)) return { suppressed: true, n: null, slopePerMinute: null, ciLow: null, ciHigh: null };
  const ci =
    row.slope === null || row.sxx === null || row.syy === null
      ? null
      : slopeInterval({ n: row.n, slope: row.slope, sxx: row.sxx, syy: row.syy });
  return { suppressed: false, n: row.n, slopePerMinute: row.slope, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null };
}

async function runOutcome(
  em: EntityManager,
  filter: CohortFilter,
  measure: MeasureDefinition,
  overallOnly: boolean,
): Promise<OutcomeDocument> {
  const { sql, params } = outcomeStatement(filter, measure.code, histogramBounds(measure), overallOnly);
  // A cohort's sorts and hashes (hundreds of thousands of values) fit in 64 MB; the default 4 MB spills them to disk.
  return em.transactional(async (tx) => {
    await tx.execute(`set local work_mem = '${researchWorkMem}'`);
    const [row] = await tx.execute<{ result: OutcomeDocument }[]>(sql, params);
    return row?.result as OutcomeDocument;
  });
}

/** Every output of one measure in one cohort, suppressed cell by cell (one SQL statement). */
export async function cohortOutcome(
  em: EntityManager,
  filter: CohortFilter,
  measure: MeasureDefinition,
  k: number,
): Promise<CohortOutcomeNode> {
  const doc = await runOutcome(em, filter, measure, false);
  const overall = doc.overall ?? emptyCell;
  const { from, width } = histogramBounds(measure);
  const binCounts = Array.from({ length: binCount }, (_, bin) => doc.histogram.find((h) => h.bin === bin)?.n ?? 0);
  const binHidden = suppressGroup(binCounts, k);
  const histogram: HistogramBinNode[] = binCounts.map((n, bin) => ({
    from: from + bin * width,
    to: from + (bin + 1) * width,
    suppressed: binHidden[bin] as boolean,
    n: binHidden[bin] ? null : n,
  }));
  // Visit numbers beyond the last one with k clients are left out: a hidden tail would still say how long some series ran.
  const shownUpTo = doc.visits.reduce((last, visit) => (visit.n >= k ? Math.max(last, visit.visit_number) : last), 0);
  const visits: VisitMeanNode[] = doc.visits
    .filter((visit) => visit.visit_number <= shownUpTo)
    .map((visit) => ({ visitNumber: visit.visit_number, value: meanCell(visit, k) }));
  return {
    measureCode: measure.code,
    unit: measure.unit,
    direction: measure.direction === 'HIGHER_IS_BETTER' ? 1 : -1,
    mcid: measure.mcid,
    minCellSize: k,
    overall: outcomeCell(overall, tooSmall(overall.n, k), measure, k),
    histogram,
    visits,
    withinSession: meanCell(doc.prePost ?? { n: 0, mean: null, sd: null }, k),
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
      minutesSlope: slopeCell(doc.slope, k),
    },
  };
}

/** Two cohorts on one measure, and the difference in mean change (b - a) with Welch's interval. */
export async function compareCohorts(
  em: EntityManager,
  a: CohortFilter,
  b: CohortFilter,
  measure: MeasureDefinition,
  k: number,
): Promise<CohortComparisonNode> {
  const [docA, docB] = [await runOutcome(em, a, measure, true), await runOutcome(em, b, measure, true)];
  const rowA = docA.overall ?? emptyCell;
  const rowB = docB.overall ?? emptyCell;
  const cellA = outcomeCell(rowA, tooSmall(rowA.n, k), measure, k);
  const cellB = outcomeCell(rowB, tooSmall(rowB.n, k), measure, k);
  const summary = (row: CellRow) => ({ n: row.n, mean: row.change_mean ?? 0, sd: row.change_sd ?? 0 });
  const difference = cellA.suppressed || cellB.suppressed ? null : welchDifference(summary(rowA), summary(rowB));
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
