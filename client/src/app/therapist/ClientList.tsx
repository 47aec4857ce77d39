import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import { ClientListDocument, type ClientListQuery } from '../../graphql/generated/graphql';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';

export const pageSize = 20;
const searchDelayMs = 250;

type ClientEdge = ClientListQuery['clients']['edges'][number];

interface ListState {
  /** The search these pages answer. */
  search: string;
  edges: ClientEdge[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'loading-more' }
  | { kind: 'error'; message: string; during: 'first' | 'more' };

/** The search text after the person has stopped typing for a moment. */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function seriesSummary(series: ClientEdge['node']['series']): string {
  if (series.length === 0) return 'No treatment series';
  const active = series.filter((s) => s.status === 'ACTIVE').length;
  const total = series.length === 1 ? '1 series' : `${series.length} series`;
  return active > 0 ? `${total}, ${active} active` : total;
}

/** The clinic's clients, searchable, a page at a time; each opens the client's page. */
export function ClientList() {
  const searchId = useId();
  const [searchText, setSearchText] = useState('');
  const search = useSettled(searchText.trim(), searchDelayMs);
  const [list, setList] = useState<ListState | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const inFlight = useRef<AbortController | null>(null);

  // First page of each search; a new search cancels whatever is still loading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` changes on "Try again", to send the request once more.
  useEffect(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setPhase({ kind: 'loading' });
    request(ClientListDocument, { search: search || null, first: pageSize }, { signal: controller.signal }).then(
      ({ clients }) => {
        setList({ search, edges: clients.edges, totalCount: clients.totalCount, ...clients.pageInfo });
        setPhase({ kind: 'ready' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPhase({ kind: 'error', message: messageOf(error), during: 'first' });
      },
    );
    return () => controller.abort();
  }, [search, attempt]);

  const loadMore = useCallback(() => {
    if (!list?.hasNextPage || !list.endCursor) return;
    const controller = new AbortController();
    inFlight.current = controller;
    setPhase({ kind: 'loading-more' });
    request(
      ClientListDocument,
      { search: list.search || null, first: pageSize, after: list.endCursor },
      { signal: controller.signal },
    ).then(
      ({ clients }) => {
        setList((current) =>
          current && current.search === list.search
            ? { ...current, edges: [...current.edges, ...clients.edges], totalCount: clients.totalCount, ...clients.pageInfo }
            : current,
        );
        setPhase({ kind: 'ready' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPhase({ kind: 'error', message: messageOf(error), during: 'more' });
      },
    );
  }, [list]);

  const showList = list !== null && !(phase.kind === 'error' && phase.during === 'first');
  const stale = phase.kind === 'loading' && list !== null;

  return (
    <section className="panel client-list" aria-labelledby={`${searchId}-heading`}>
      <div className="heading-row">
        <h1 id={`${searchId}-heading`}>Clients</h1>
        <Link className="button" to="/clients/new">
          New client
        </Link>
      </div>
      <search className="search">
        <label htmlFor={searchId}>Search by name or email</label>
        <input
          id={searchId}
          type="search"
          value={searchText}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setSearchText(event.target.value)}
        />
      </search>

      {phase.kind === 'loading' && list === null && <Loading>Loading clients…</Loading>}
      {phase.kind === 'error' && phase.during === 'first' && (
        <ErrorMessage message={phase.message} onRetry={() => setAttempt((n) => n + 1)} />
      )}

      {showList && (
        <>
          <p className="list-count" aria-live="polite">
            {stale
              ? 'Searching…'
              : list.totalCount === 0
                ? list.search
                  ? `No client matches “${list.search}”.`
                  : 'No clients yet.'
                : `Showing ${list.edges.length} of ${list.totalCount} ${list.totalCount === 1 ? 'client' : 'clients'}`}
          </p>
          <ul className="client-items" aria-busy={stale}>
            {list.edges.map(({ node }) => (
              <li key={node.id}>
                <Link className="client-item" to={`/clients/${encodeURIComponent(node.id)}`}>
                  <span className="client-name">{node.displayName}</span>
                  <span className="client-meta">{seriesSummary(node.series)}</span>
                </Link>
              </li>
            ))}
          </ul>
          {phase.kind === 'error' && phase.during === 'more' && <ErrorMessage message={phase.message} onRetry={loadMore} />}
          {list.hasNextPage && !stale && (
            <button type="button" className="button load-more" onClick={loadMore} disabled={phase.kind === 'loading-more'}>
              {phase.kind === 'loading-more' ? 'Loading…' : `Load more clients`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
