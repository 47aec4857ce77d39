import { useEffect, useRef, useState } from 'react';
import type { CohortQuery } from './CohortForm';
import { downloadCohortCsv, ExportError, type ExportProgress } from './cohort-export';

type ExportState =
  | { status: 'idle' }
  | { status: 'running'; progress: ExportProgress | null }
  | { status: 'done'; url: string; fileName: string; progress: ExportProgress }
  | { status: 'error'; message: string };

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;

/** "12 of 26 participants, 340 rows, 45.2 KB". */
function progressText(progress: ExportProgress): string {
  const participants =
    progress.clients === null ? `${progress.participants} participants` : `${progress.participants} of ${progress.clients} participants`;
  return `${participants}, ${progress.rows} ${progress.rows === 1 ? 'row' : 'rows'}, ${kilobytes(progress.bytes)}`;
}

/**
 * The de-identified CSV of the cohort (every visit's values of the chosen measure), downloaded as a
 * stream with progress, then offered as a file; and the data dictionary that explains its columns.
 */
export function ExportPanel({ query, blockedReason = null }: { query: CohortQuery; blockedReason?: string | null }) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const link = useRef<HTMLAnchorElement | null>(null);

  // Leaving the page (or another cohort: the panel is keyed by it) stops a download under way.
  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (state.status !== 'done') return;
    link.current?.focus();
    return () => URL.revokeObjectURL(state.url);
  }, [state]);

  async function start() {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'running', progress: null });
    try {
      const { blob, progress } = await downloadCohortCsv(
        { measureCode: query.measureCode, filter: query.filter },
        (next) => setState({ status: 'running', progress: next }),
        { signal: current.signal },
      );
      const fileName = `fascia-cohort-${query.measureCode.toLowerCase()}.csv`;
      setState({ status: 'done', url: URL.createObjectURL(blob), fileName, progress });
    } catch (error) {
      if (current.signal.aborted) return;
      setState({ status: 'error', message: error instanceof ExportError ? error.message : 'The export failed. Please try again.' });
    }
  }

  return (
    <section className="panel export-panel" aria-labelledby="export-heading">
      <h3 id="export-heading">Export</h3>
      <p className="hint">
        One row per participant, visit, region and side: pseudonyms that change with every export, days since the series start, age bands;
        no names, dates or free text. <a href="/research/export-dictionary.csv">Data dictionary (CSV)</a>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={start}
          disabled={state.status === 'running' || blockedReason !== null}
          aria-describedby={blockedReason ? 'export-blocked' : undefined}
        >
          Export this cohort as CSV
        </button>
      </div>
      {blockedReason && (
        <p className="hint export-blocked" id="export-blocked">
          {blockedReason}
        </p>
      )}
      <div aria-live="polite">
        {state.status === 'running' && (
          <p className="status status-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            Exporting… {state.progress ? progressText(state.progress) : 'waiting for the server'}
            {state.progress?.clients ? (
              <progress max={state.progress.clients} value={state.progress.participants} aria-label="Participants exported" />
            ) : null}
          </p>
        )}
        {state.status === 'done' && (
          <p className="status status-ok">
            Export ready: {progressText(state.progress)}.{' '}
            <a ref={link} href={state.url} download={state.fileName}>
              Save {state.fileName}
            </a>
          </p>
        )}
      </div>
      {state.status === 'error' && (
        <div className="status status-error" role="alert">
          <p>{state.message}</p>
        </div>
      )}
    </section>
  );
}
