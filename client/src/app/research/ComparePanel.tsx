import { type FormEvent, useState } from 'react';
import { CohortComparisonDocument, type CohortFilterInput, type ResearchCatalogsQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import type { FormError } from '../forms/field-errors';
import { ErrorMessage, Loading } from '../status';
import { CohortFilterFields, MeasureSelect } from './CohortForm';
import { buildCohortFilter, type CohortDraft, emptyCohortDraft } from './cohort-filter';
import { IntervalChart } from './IntervalChart';
import {
  type Comparison,
  comparisonSeries,
  comparisonText,
  formatNumber,
  formatRate,
  formatWithInterval,
  type MeasureFormat,
  type OutcomeCell,
  protectionText,
  suppressedText,
} from './outcome-charts';

type Side = 'a' | 'b';
const sides: readonly Side[] = ['a', 'b'];
const sideNames: Record<Side, string> = { a: 'Cohort A', b: 'Cohort B' };

interface ComparisonQuery {
  measureCode: string;
  a: CohortFilterInput;
  b: CohortFilterInput;
}

/**
 * Two cohorts side by side on one measure (the API's `cohortComparison`): two filter sets, then the
 * difference in mean change (B − A) with its 95% interval, both cohorts' results in a table, and a
 * chart of the three with its table.
 */
export default function ComparePanel({ catalogs }: { catalogs: ResearchCatalogsQuery }) {
  const [measureCode, setMeasureCode] = useState(emptyCohortDraft.measureCode);
  const [drafts, setDrafts] = useState<Record<Side, CohortDraft>>({ a: emptyCohortDraft, b: emptyCohortDraft });
  const [error, setError] = useState<{ side: Side; error: FormError } | null>(null);
  const [query, setQuery] = useState<ComparisonQuery | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const filters: Partial<Record<Side, CohortFilterInput>> = {};
    for (const side of sides) {
      const built = buildCohortFilter(drafts[side]);
      if ('error' in built) {
        // The second set's inputs carry its prefix.
        const controlId = built.error.controlId ? `${side}-${built.error.controlId}` : null;
        setError({ side, error: { ...built.error, controlId } });
        if (controlId) document.getElementById(controlId)?.focus();
        return;
      }
      filters[side] = built.filter;
    }
    setError(null);
    setQuery({ measureCode, a: filters.a ?? {}, b: filters.b ?? {} });
  }

  const measure = catalogs.measures.find((m) => m.code === (query?.measureCode ?? measureCode));
  return (
    <>
      <form className="panel cohort-form compare-form" aria-labelledby="compare-heading" onSubmit={submit} noValidate>
        <h2 id="compare-heading">Compare two cohorts</h2>
        <p className="hint">
          The same measure in two groups of consenting clients, each built with the filters below (empty means "any"). The result is the
          difference in mean change, cohort B minus cohort A.
        </p>
        <div className="field-row">
          <MeasureSelect catalogs={catalogs} value={measureCode} onChange={setMeasureCode} />
        </div>
        <div className="compare-sides">
          {sides.map((side) => (
            <fieldset key={side} className="compare-side">
              <legend>{sideNames[side]}</legend>
              <CohortFilterFields
                catalogs={catalogs}
                draft={drafts[side]}
                update={(change) => setDrafts((current) => ({ ...current, [side]: { ...current[side], ...change } }))}
                error={error?.side === side ? error.error : null}
                idPrefix={`${side}-`}
              />
            </fieldset>
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Compare the cohorts
          </button>
        </div>
      </form>
      {query && measure && <ComparisonResults query={query} measure={measure} />}
    </>
  );
}

function ComparisonResults({ query, measure }: { query: ComparisonQuery; measure: MeasureFormat & { direction: string } }) {
  const answer = useQuery(CohortComparisonDocument, query);
  return (
    <section className="research-results" aria-labelledby="comparison-heading" aria-busy={answer.status === 'loading'}>
      <h2 id="comparison-heading">Comparison: {measure.name}</h2>
      {answer.status === 'loading' && <Loading>Comparing the cohorts…</Loading>}
      {answer.status === 'error' && <ErrorMessage message={answer.message} onRetry={answer.retry} />}
      {answer.status === 'success' && <ComparisonFigures comparison={answer.data.cohortComparison} measure={measure} />}
    </section>
  );
}

function ComparisonFigures({ comparison, measure }: { comparison: Comparison; measure: MeasureFormat & { direction: string } }) {
  const d = measure.decimals + 1;
  const unit = measure.unitLabel ? ` (${measure.unitLabel})` : '';
  const hidden = suppressedText(comparison.minCellSize);
  const higherIsBetter = measure.direction === 'HIGHER_IS_BETTER';
  const rows: [string, (cell: OutcomeCell) => string][] = [
    ['Clients', (cell) => String(cell.n)],
    ['Baseline mean', (cell) => (cell.baselineMean === null ? 'not available' : `${formatNumber(cell.baselineMean, d)}${unit}`)],
    ['Mean change (95% CI)', (cell) => `${formatWithInterval(cell.meanChange, cell.meanChangeCiLow, cell.meanChangeCiHigh, d)}${unit}`],
    [
      'Responders (95% CI)',
      (cell) =>
        cell.responderRate === null ? 'not available' : formatRate(cell.responderRate, cell.responderRateCiLow, cell.responderRateCiHigh),
    ],
  ];
  return (
    <div className="outcome-results comparison-result">
      <p className="hint">{protectionText(comparison.minCellSize)}</p>
      <p className="comparison-verdict">{comparisonText(comparison, measure, higherIsBetter)}</p>
      <div className="table-scroll">
        <table className="data-table comparison-table">
          <caption>Both cohorts' results; {higherIsBetter ? 'higher is better' : 'lower is better'}</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {sides.map((side) => (
                <th key={side} scope="col" className="numeric">
                  {sideNames[side]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, show]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {sides.map((side) => (
                  <td key={side} className={comparison[side].suppressed ? 'suppressed-cell' : 'numeric'}>
                    {comparison[side].suppressed ? hidden : show(comparison[side])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <IntervalChart
        kind="bar"
        title={`Mean change in ${measure.name}: cohort A, cohort B and the difference`}
        summary={`Each cohort's mean change${unit} and the difference (B − A), with 95% intervals (Welch for the difference).`}
        series={comparisonSeries(comparison)}
        xTitle="Cohort"
        yTitle={`Mean change${unit}`}
        valueHeading="Mean change"
        format={(value) => formatNumber(value, d)}
        minCellSize={comparison.minCellSize}
      />
    </div>
  );
}
