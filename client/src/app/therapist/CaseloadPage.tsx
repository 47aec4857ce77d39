import { useId, useMemo, useState } from 'react';
import { performanceText } from '../../charts/expected-change';
import { formatSigned } from '../../charts/MeasureTable';
import { formatValue, regionLabel } from '../../charts/measure-series';
import { Sparkline } from '../../charts/Sparkline';
import { CaseloadDocument, type CaseloadFlag, type CaseloadQuery, type CaseloadSort } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { caseloadFlags, flagLabels } from './flags';
import { ReminderNotices } from './ReminderNotices';

const sortLabels: Record<CaseloadSort, string> = {
  LAST_VISIT: 'Longest since last visit',
  CHANGE: 'Worst change first',
  CLIENT_NAME: 'Client name',
  START_DATE: 'Newest series first',
};

type Item = CaseloadQuery['caseload']['edges'][number]['node'];
type Catalogs = Pick<CaseloadQuery, 'measures' | 'bodyRegions'>;

/** The series a therapist treats, the ones needing attention flagged, a page at a time. */
export function CaseloadPage({ timeZone }: { timeZone: string | undefined }) {
  const id = useId();
  const [flag, setFlag] = useState<CaseloadFlag | ''>('');
  const [sort, setSort] = useState<CaseloadSort>('LAST_VISIT');
  // One cursor per page shown: "Load more" adds the end cursor of the last page.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const filterKey = `${flag}|${sort}`;

  return (
    <section className="panel caseload" aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>Caseload</h1>
      <ReminderNotices timeZone={timeZone} />
      <div className="filters">
        <label className="field">
          Show
          <select
            value={flag}
            onChange={(event) => {
              setFlag(event.target.value as CaseloadFlag | '');
              setCursors([null]);
            }}
          >
            <option value="">All active series</option>
            {caseloadFlags.map((f) => (
              <option key={f} value={f}>
                Flagged: {flagLabels[f].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Order
          <select
            value={sort}
            aria-describedby={sort === 'CHANGE' ? `${id}-sort-rule` : undefined}
            onChange={(event) => {
              setSort(event.target.value as CaseloadSort);
              setCursors([null]);
            }}
          >
            {(Object.keys(sortLabels) as CaseloadSort[]).map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {sort === 'CHANGE' && (
        <p id={`${id}-sort-rule`} className="hint">
          Worst change first compares measures on different scales by their change in units of each measure’s MCID (the smallest change that
          matters to patients), or of its MDC (the smallest change beyond measurement error) where no MCID is published: NPRS +2 (1 MCID)
          comes before ODI +4 (0.4 MCID). Series whose headline has neither come last.
        </p>
      )}
      <ul className="caseload-items">
        {cursors.map((after, index) => (
          <CaseloadChunk
            key={`${filterKey}|${after ?? ''}`}
            flag={flag || null}
            sort={sort}
            after={after}
            first={index === 0}
            last={index === cursors.length - 1}
            timeZone={timeZone}
            onMore={(cursor) => setCursors((current) => [...current, cursor])}
          />
        ))}
      </ul>
    </section>
  );
}

function CaseloadChunk({
  flag,
  sort,
  after,
  first,
  last,
  timeZone,
  onMore,
}: {
  flag: CaseloadFlag | null;
  sort: CaseloadSort;
  after: string | null;
  first: boolean;
  last: boolean;
  timeZone: string | undefined;
  onMore: (cursor: string) => void;
}) {
  const query = useQuery(CaseloadDocument, { flag, sort, after });
  if (query.status === 'loading') {
    return (
      <li className="caseload-status">
        <Loading>{first ? 'Loading the caseload…' : 'Loading more…'}</Loading>
      </li>
    );
  }
  if (query.status === 'error') {
    return (
      <li className="caseload-status">
        <ErrorMessage message={query.message} onRetry={query.retry} />
      </li>
    );
  }
  const { caseload } = query.data;
  return (
    <>
      {first && (
        <li className="caseload-status">
          <p className="list-count" aria-live="polite">
            {caseload.totalCount === 0
              ? flag
                ? `No active series is flagged “${flagLabels[flag].label}”.`
                : 'No active series in your caseload.'
              : `${caseload.totalCount} active ${caseload.totalCount === 1 ? 'series' : 'series'}`}
          </p>
        </li>
      )}
      {caseload.edges.map(({ node }) => (
        <CaseloadRow key={node.series.id} item={node} catalogs={query.data} timeZone={timeZone} />
      ))}
      {last && caseload.pageInfo.hasNextPage && caseload.pageInfo.endCursor && (
        <li className="caseload-status">
          <button type="button" className="button" onClick={() => onMore(caseload.pageInfo.endCursor ?? '')}>
            Load more
          </button>
        </li>
      )}
    </>
  );
}

/** "Pain (neck): 7 → 4 (−3), a clinically important improvement", from the server's headline figures. */
export function headlineText(item: Item, catalogs: Catalogs): string {
  const measure = catalogs.measures.find((m) => m.code === item.headlineMeasureCode);
  const { headline } = item;
  if (!measure) return item.headlineMeasureCode;
  if (!headline) return `${measure.name}: not recorded yet`;
  const where = headline.regionCode || headline.side ? ` (${regionLabel(headline.regionCode, side(headline.side), names(catalogs))})` : '';
  const fmt = (v: number) => formatValue(v, measure);
  // A change is read by its direction first: one in the bad direction is a worsening, clinically
  // important (the server flags it WORSENING: at least the MCID) or not.
  const better = measure.direction === 'LOWER_IS_BETTER' ? headline.change < 0 : headline.change > 0;
  const worse = headline.change !== 0 && !better;
  const verdict = item.flags.includes('WORSENING')
    ? ', a clinically important worsening'
    : worse
      ? headline.mcidReached === null
        ? ', a worsening'
        : ', a worsening, not clinically important (less than the MCID)'
      : headline.change === 0
        ? ', no change'
        : headline.mcidReached === true
          ? ', a clinically important improvement'
          : headline.mcidReached === false
            ? ', not a clinically important improvement yet'
            : '';
  return `${measure.name}${where}: ${fmt(headline.baseline)} → ${fmt(headline.latest)} (${formatSigned(headline.change, measure)})${verdict}`;
}

type SeriesObservation = Item['series']['observations'][number];

/**
 * The headline's values over the series for its sparkline, counted as the server's progress counts
 * them: one per visit (the value before the visit, else the one after) for the headline's region and
 * side; values between visits are the diary's, not the headline's.
 */
export function headlineValues(observations: readonly SeriesObservation[], item: Pick<Item, 'headlineMeasureCode' | 'headline'>): number[] {
  const { headline } = item;
  const matching = observations.filter(
    (o) =>
      o.measureCode === item.headlineMeasureCode &&
      o.context !== 'BETWEEN_SESSIONS' &&
      (o.regionCode ?? null) === (headline?.regionCode ?? null) &&
      (o.side ?? null) === (headline?.side ?? null),
  );
  const values: number[] = [];
  const atVisit = new Map<string, { index: number; pre: boolean }>();
  for (const o of matching) {
    if (o.sessionId === null) {
      values.push(o.value);
      continue;
    }
    const seen = atVisit.get(o.sessionId);
    if (!seen) {
      atVisit.set(o.sessionId, { index: values.length, pre: o.context === 'PRE_SESSION' });
      values.push(o.value);
    } else if (!seen.pre && o.context === 'PRE_SESSION') {
      values[seen.index] = o.value;
      seen.pre = true;
    }
  }
  return values;
}

function side(value: string | null | undefined): 'LEFT' | 'RIGHT' | null {
  return value === 'LEFT' || value === 'RIGHT' ? value : null;
}

function names(catalogs: Catalogs): Map<string, string> {
  return new Map(catalogs.bodyRegions.map((r) => [r.code, r.name]));
}

/** Date and time of the next appointment, in the clinic's zone. */
function nextTimes(timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    dateStyle: undefined,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

function CaseloadRow({ item, catalogs, timeZone }: { item: Item; catalogs: Catalogs; timeZone: string | undefined }) {
  const measure = catalogs.measures.find((m) => m.code === item.headlineMeasureCode);
  const values = useMemo(() => headlineValues(item.series.observations, item), [item]);
  const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
  const { series } = item;
  return (
    <li className="caseload-item">
      <div className="caseload-main">
        <Link className="caseload-client" to={`/clients/${encodeURIComponent(series.client.id)}/series/${encodeURIComponent(series.id)}`}>
          {series.client.displayName}
        </Link>
        <span className="caseload-condition">{series.condition.name}</span>
        <span className="caseload-headline">{headlineText(item, catalogs)}</span>
        <span className="caseload-meta">
          {item.attendedSessions} of {series.plannedSessions} sessions · last visit{' '}
          {item.lastVisitAt ? dates.format(new Date(item.lastVisitAt)) : 'none yet'} · next appointment{' '}
          {series.nextAppointment ? nextTimes(timeZone).format(new Date(series.nextAppointment.startsAt)) : 'none booked'}
        </span>
        {measure && item.expectedChange.performance !== null && (
          <span className="caseload-expected">{`Latest visit: ${performanceText(item.expectedChange.performance, measure)}`}</span>
        )}
      </div>
      {measure && values.length > 1 && (
        <Sparkline
          values={values}
          min={measure.min}
          max={measure.max}
          label={`${measure.name} at each visit: ${values.map((v) => formatValue(v, measure)).join(', ')}`}
        />
      )}
      {item.flags.length > 0 && (
        <ul className="flags" aria-label="Needs attention">
          {item.flags.map((f) => (
            <li key={f} className={`flag flag-${f.toLowerCase()}`} title={flagLabels[f].explanation}>
              <span aria-hidden="true">{flagLabels[f].mark}</span> {flagLabels[f].label}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
