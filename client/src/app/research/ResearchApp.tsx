import { lazy, Suspense, useState } from 'react';
import { CohortOutcomesDocument, ResearchCatalogsDocument, type ViewerQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { AppHeader, Layout, type NavItem } from '../AppHeader';
import { apiTokensPath } from '../account/paths';
import { useRouter } from '../router';
import { ErrorMessage, Loading, PanelErrorBoundary } from '../status';
import { CohortForm, type CohortQuery } from './CohortForm';
import { emptyCohortDraft } from './cohort-filter';
import { ExportPanel } from './ExportPanel';
import { exportBlockedReason, type MeasureFormat } from './outcome-charts';

// chart.js loads with the first results, not with the form.
const OutcomeResults = lazy(() => import('./OutcomeResults'));
const ApiTokensPage = lazy(() => import('../account/ApiTokensPage'));
const ComparePanel = lazy(() => import('./ComparePanel'));

const comparePath = '/compare';
const nav: NavItem[] = [
  { to: '/', label: 'Explore a cohort', exact: true },
  { to: comparePath, label: 'Compare two cohorts' },
  { to: apiTokensPath, label: 'API tokens' },
];

/**
 * A researcher's layout: the research explorer, one cohort at a time or two side by side. Aggregates
 * only: no person is ever asked for. Any other address shows the explorer.
 */
export default function ResearchApp({ viewer, onSignOut }: { viewer: ViewerQuery['viewer']; onSignOut: () => void }) {
  const { location } = useRouter();
  return (
    <Layout header={<AppHeader viewer={viewer} home="/" nav={nav} onSignOut={onSignOut} />}>
      {location.pathname === apiTokensPath ? (
        <Suspense fallback={<Loading>Loading the page…</Loading>}>
          <ApiTokensPage timeZone={undefined} />
        </Suspense>
      ) : (
        <ExplorerPage compare={location.pathname === comparePath} />
      )}
    </Layout>
  );
}

function ExplorerPage({ compare }: { compare: boolean }) {
  const catalogs = useQuery(ResearchCatalogsDocument, {});
  const [query, setQuery] = useState<CohortQuery | null>(null);
  return (
    <div className="research-page">
      <h1>Research explorer</h1>
      <p className="hint">
        De-identified outcomes of consenting clients across clinics. Groups of fewer clients than the minimum cell size are suppressed, so
        that nobody can be singled out.
      </p>
      {catalogs.status === 'loading' && <Loading>Loading the catalogs…</Loading>}
      {catalogs.status === 'error' && <ErrorMessage message={catalogs.message} onRetry={catalogs.retry} />}
      {catalogs.status === 'success' &&
        (compare ? (
          <PanelErrorBoundary>
            <Suspense fallback={<Loading>Opening the comparison…</Loading>}>
              <ComparePanel catalogs={catalogs.data} />
            </Suspense>
          </PanelErrorBoundary>
        ) : (
          <>
            <CohortForm catalogs={catalogs.data} initial={emptyCohortDraft} onSubmit={setQuery} />
            {query && <Results query={query} measure={catalogs.data.measures.find((m) => m.code === query.measureCode) ?? null} />}
          </>
        ))}
    </div>
  );
}

function Results({ query, measure }: { query: CohortQuery; measure: MeasureFormat | null }) {
  const outcomes = useQuery(CohortOutcomesDocument, { measureCode: query.measureCode, filter: query.filter });
  const format: MeasureFormat = measure ?? { name: query.measureCode, unitLabel: '', decimals: 1 };
  return (
    <section className="research-results" aria-labelledby="results-heading" aria-busy={outcomes.status === 'loading'}>
      <h2 id="results-heading">Outcomes: {format.name}</h2>
      {outcomes.status === 'loading' && <Loading>Computing the cohort's outcomes…</Loading>}
      {outcomes.status === 'error' && <ErrorMessage message={outcomes.message} onRetry={outcomes.retry} />}
      {outcomes.status === 'success' && (
        <PanelErrorBoundary>
          <Suspense fallback={<Loading>Loading the charts…</Loading>}>
            <OutcomeResults outcome={outcomes.data.cohortOutcomes} measure={format} />
          </Suspense>
        </PanelErrorBoundary>
      )}
      {/* A new cohort makes the last file stale: a fresh panel. */}
      <ExportPanel
        key={JSON.stringify(query)}
        query={query}
        blockedReason={outcomes.status === 'success' ? exportBlockedReason(outcomes.data.cohortOutcomes) : null}
      />
    </section>
  );
}
