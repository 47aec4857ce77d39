import { useId, useState } from 'react';
import { Link } from '../router';
import { ReportSummaryForm } from './ReportSummaryForm';
import { reportPdfPath, reportViewPath } from './report-format';

/**
 * On the series page: the progress report for the referring clinician. Staff name the recipient (the
 * audit trail and the client's "who has seen my record" show it), optionally a range of days and the
 * paper, then download the PDF or open the print view. The server refuses without the client's consent
 * to share with the referrer and says so.
 */
export function ReportPanel({ clientId, seriesId }: { clientId: string; seriesId: string }) {
  const id = useId();
  const [recipient, setRecipient] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [paper, setPaper] = useState('A4');
  const named = recipient.trim();
  const options = { recipient: named, from, to };
  return (
    <section className="panel report-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Progress report</h2>
      <p>A one-page summary for the referring clinician: attendance, treatment given and every measure with its change.</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-recipient`}>Recipient</label>
          <span className="hint" id={`${id}-recipient-hint`}>
            Who you send it to, e.g. the referring physician. Recorded in the audit trail.
          </span>
          <input
            id={`${id}-recipient`}
            value={recipient}
            maxLength={200}
            aria-describedby={`${id}-recipient-hint`}
            onChange={(e) => setRecipient(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From (optional)</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To (optional)</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-paper`}>Paper</label>
          <select id={`${id}-paper`} value={paper} onChange={(e) => setPaper(e.target.value)}>
            <option value="A4">A4</option>
            <option value="LETTER">Letter</option>
          </select>
        </div>
      </div>
      {named ? (
        <p className="actions report-actions">
          <a className="button" href={reportPdfPath(seriesId, { ...options, paper })} download>
            Download report
          </a>
          <Link className="button button-secondary" to={reportViewPath(clientId, seriesId, options)}>
            Print view
          </Link>
        </p>
      ) : (
        <p className="hint">Name the recipient to download the report or open its print view.</p>
      )}
      <ReportSummaryForm seriesId={seriesId} />
    </section>
  );
}
