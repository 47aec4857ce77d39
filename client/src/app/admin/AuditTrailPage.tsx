import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import { AuditAccountsDocument, AuditTrailDocument, type AuditTrailQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatInstant } from '../account/paths';
import { SelectField, TextField } from '../forms/fields';
import { Loading } from '../status';
import { type AuditFilter, downloadAuditCsv } from './audit-export';
import { ClientPicker } from './ClientPicker';
import { operationWords, roleWords } from './labels';
import './admin.css';

const pageSize = 50;
type Event = AuditTrailQuery['auditTrail'][number];
type Picked = { id: string; displayName: string } | null;
const outcomeWords: Record<Event['outcome'], string> = {
  ALLOWED: 'Allowed',
  DENIED: 'Refused: not allowed',
  NOT_FOUND: 'Refused: not found',
};
const shortId = (id: string) => id.slice(0, 8);

/** The clinic admin's audit trail: who read or changed what, when and from where; refusals with what was asked for. */
export default function AuditTrailPage({ timeZone }: { timeZone: string | undefined }) {
  const headingId = useId();
  const accounts = useQuery(AuditAccountsDocument, {});
  const [client, setClient] = useState<Picked>(null);
  const [draft, setDraft] = useState({ accountId: '', operation: '', refused: '', fromDate: '', toDate: '' });
  const [applied, setApplied] = useState<AuditFilter>({});
  const [appliedClient, setAppliedClient] = useState<Picked>(null);
  const [events, setEvents] = useState<Event[] | null>(null);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [file, setFile] = useState<{ url: string; rows: number } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const save = useRef<HTMLAnchorElement>(null);

  const load = useCallback(async (filter: AuditFilter, after: string | null) => {
    setLoading(true);
    setProblem(null);
    try {
      const page = (await request(AuditTrailDocument, { ...filter, after, first: pageSize })).auditTrail;
      setEvents((current) => (after && current ? [...current, ...page] : page));
      setMore(page.length === pageSize);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load({}, null);
  }, [load]);
  // A downloaded file's address is let go when another replaces it or the page closes.
  useEffect(() => () => (file ? URL.revokeObjectURL(file.url) : undefined), [file]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const filter: AuditFilter = {
      ...(client ? { clientId: client.id } : {}),
      ...(draft.accountId ? { accountId: draft.accountId } : {}),
      ...(draft.operation.trim() ? { operation: draft.operation.trim() } : {}),
      ...(draft.refused ? { refused: draft.refused === 'refused' } : {}),
      ...(draft.fromDate ? { fromDate: draft.fromDate } : {}),
      ...(draft.toDate ? { toDate: draft.toDate } : {}),
    };
    setApplied(filter);
    setAppliedClient(client);
    setFile(null);
    void load(filter, null);
  }

  async function download() {
    setDownloading(true);
    setProblem(null);
    try {
      const blob = await downloadAuditCsv(applied);
      const text = await blob.text();
      setFile({ url: URL.createObjectURL(blob), rows: Math.max(0, text.trimEnd().split('\r\n').length - 1) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setDownloading(false);
    }
  }

  // Saved as soon as its link is on the page; the link stays for saving again.
  useEffect(() => {
    if (file) save.current?.click();
  }, [file]);

  const set = (name: keyof typeof draft) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const accountOptions: [string, string][] = [
    ['', 'Anyone'],
    ...(accounts.status === 'success'
      ? accounts.data.accounts.map((a) => [a.id, `${a.email} (${roleWords[a.role]})`] as [string, string])
      : []),
  ];
  const emailOf = (id: string | null) =>
    accounts.status === 'success' ? accounts.data.accounts.find((a) => a.id === id)?.email : undefined;

  return (
    <>
      <section className="panel" aria-labelledby={headingId}>
        <h1 id={headingId}>Audit trail</h1>
        <p>
          Every read and change of clients’ records in the clinic, and every refused attempt (also other clinics’ attempts on this clinic’s
          records), newest first. Days are the clinic’s ({timeZone?.replaceAll('_', ' ') ?? 'UTC'}).
        </p>
        <form className="audit-filters" onSubmit={onSubmit} aria-label="Filter the audit trail">
          <ClientPicker id="audit-client" label="Client" selected={client} onSelect={setClient} />
          <SelectField
            id="audit-account"
            label="Who (account)"
            value={draft.accountId}
            onChange={set('accountId')}
            error={null}
            options={accountOptions}
          />
          <TextField
            id="audit-operation"
            label="Action"
            hint="An operation name, e.g. Query.client (opened a client’s record)."
            value={draft.operation}
            onChange={set('operation')}
            error={null}
            list="audit-operations"
            spellCheck={false}
            autoComplete="off"
          />
          <datalist id="audit-operations">
            {Object.entries(operationWords).map(([operation, words]) => (
              <option key={operation} value={operation}>
                {words}
              </option>
            ))}
          </datalist>
          <SelectField
            id="audit-refused"
            label="Outcome"
            value={draft.refused}
            onChange={set('refused')}
            error={null}
            options={[
              ['', 'Allowed and refused'],
              ['refused', 'Refused only'],
              ['allowed', 'Allowed only'],
            ]}
          />
          <div className="field-row">
            <TextField id="audit-from" label="From (day)" type="date" value={draft.fromDate} onChange={set('fromDate')} error={null} />
            <TextField id="audit-to" label="To (day)" type="date" value={draft.toDate} onChange={set('toDate')} error={null} />
          </div>
          <p className="actions">
            <button type="submit" className="button" disabled={loading}>
              Show the events
            </button>
            <button type="button" className="button button-secondary" onClick={download} disabled={downloading}>
              {downloading ? 'Preparing the CSV…' : 'Download these events as CSV'}
            </button>
          </p>
        </form>
        <div aria-live="polite">
          {problem && <p className="status status-error">{problem}</p>}
          {file && (
            <p className="status status-ok">
              CSV ready: {file.rows} event{file.rows === 1 ? '' : 's'}.{' '}
              <a ref={save} href={file.url} download="fascia-audit-trail.csv">
                Save fascia-audit-trail.csv
              </a>
            </p>
          )}
        </div>
      </section>
      <section className="panel" aria-label="Events">
        {events === null ? (
          <Loading>Loading the audit trail…</Loading>
        ) : events.length === 0 ? (
          <p className="muted">No event matches these filters.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
          <section className="table-scroll table-scroll-contained" aria-label="Audit events, scrolls sideways" tabIndex={0}>
            <table className="data-table audit-table">
              <caption>
                {events.length}
                {more ? '+' : ''} event{events.length === 1 ? '' : 's'}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Client</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} className={event.outcome === 'ALLOWED' ? undefined : 'refused'}>
                    <td>{formatInstant(event.at, timeZone)}</td>
                    <td>
                      {event.accountEmail ?? emailOf(event.accountId) ?? (event.accountId ? shortId(event.accountId) : 'Signed out')}
                      <span className="hint"> {roleWords[event.role as keyof typeof roleWords] ?? event.role}</span>
                    </td>
                    <td>
                      {operationWords[event.operation] ?? event.operation}
                      <span className="hint operation-code"> {event.operation}</span>
                    </td>
                    <td>
                      {event.clientId ? (
                        event.clientId === appliedClient?.id ? (
                          appliedClient.displayName
                        ) : (
                          <span title={event.clientId}>{shortId(event.clientId)}</span>
                        )
                      ) : (
                        <span className="muted">none</span>
                      )}
                    </td>
                    <td>
                      {outcomeWords[event.outcome]}
                      {event.outcome !== 'ALLOWED' && event.requestedIds.length > 0 && (
                        <span className="hint requested">
                          {' '}
                          Asked for: {event.requestedIds.join(', ')}
                          {event.moreRequestedIds > 0 && ` and ${event.moreRequestedIds} more`}
                        </span>
                      )}
                    </td>
                    <td>{event.address}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {more && events && (
          <p className="actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={loading}
              onClick={() => load(applied, events.at(-1)?.cursor ?? null)}
            >
              {loading ? 'Loading…' : 'Show older events'}
            </button>
          </p>
        )}
      </section>
    </>
  );
}
