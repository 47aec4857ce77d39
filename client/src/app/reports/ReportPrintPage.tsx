import { type ReportMeasureRowFragment, SeriesReportDocument, type SeriesReportQuery } from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { formatNumber, formatShort, formatSigned, reportPdfPath } from './report-format';
import './report.css';

type Report = SeriesReportQuery['series']['report'];

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/**
 * The progress report as a web page with a print stylesheet: the same report, numbers and wording as
 * the PDF (both come from the server's `series.report`), so a therapist can also print from the browser.
 */
export default function ReportPrintPage({
  clientId,
  seriesId,
  recipient,
  from,
  to,
  timeZone,
}: {
  clientId: string;
  seriesId: string;
  recipient: string | null;
  from: string | null;
  to: string | null;
  timeZone: string | undefined;
}) {
  const query = useQuery(SeriesReportDocument, { seriesId, recipient, from, to });
  const back = `/clients/${encodeURIComponent(clientId)}/series/${encodeURIComponent(seriesId)}`;
  if (query.status === 'loading') return <Loading>Preparing the report…</Loading>;
  if (query.status === 'error')
    return (
      <div className="report-page">
        <p className="breadcrumb">
          <Link to={back}>← Back to the series</Link>
        </p>
        <ErrorMessage message={query.message} onRetry={query.retry} />
      </div>
    );
  const report = query.data.series.report;
  const day = (at: string) => new Intl.DateTimeFormat('en-CA', timeZone ? { timeZone } : {}).format(new Date(at));
  const a = report.progress.attendance;
  return (
    <article className="report-page" aria-labelledby="report-title">
      <p className="breadcrumb">
        <Link to={back}>← Back to the series</Link>
      </p>
      <p className="actions">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <a
          className="button button-secondary"
          href={reportPdfPath(seriesId, { recipient: recipient ?? '', from: from ?? '', to: to ?? '' })}
          download
        >
          Download report
        </a>
      </p>
      <h1 id="report-title">Progress report</h1>
      <p className="report-muted">
        {report.clinicName}. Generated {day(report.generatedAt)}.{' '}
        {report.audience === 'CLIENT'
          ? 'Your own copy.'
          : `For ${report.recipient}. Shared with the client's consent to report to their referrer.`}
      </p>

      <h2>Client and referral</h2>
      <Rows
        rows={[
          ['Client', report.clientName],
          ['Date of birth', report.clientDateOfBirth],
          ['Therapist', `${report.therapistName}${report.therapistRegistration ? `, registration ${report.therapistRegistration}` : ''}`],
          ['Condition', `${report.conditionName} (ICD-10 ${report.icd10})`],
          ...referralRows(report),
          ['Reported days', `${report.from} to ${report.to}${report.partial ? ' (part of the series)' : ''}`],
        ]}
      />

      <h2>Plan and attendance</h2>
      <Rows
        rows={[
          ['Goals', report.goals ?? 'not recorded'],
          [
            'Plan',
            `${plural(a.plannedSessions, 'session')}, ${formatShort(a.plannedPerWeek)} per week, ${report.plannedMinutesPerSession} minutes each`,
          ],
          ['Attended', `${a.attended} of ${a.plannedSessions} planned (${a.expectedByNow} expected by now)`],
          ['Cancelled', String(a.cancelled)],
          ['No-shows', String(a.noShows)],
          ['Weeks', `${formatShort(a.weeksElapsed)} weeks, ${formatNumber(a.attendedPerWeek, 2)} visits per week`],
        ]}
      />

      <h2>Treatment given</h2>
      <Rows
        rows={[
          ['Hands-on minutes', String(report.progress.dose.totalMinutes)],
          ...report.doseByModality.map((d): [string, string] => [d.label, `${formatShort(d.minutes)} min, ${plural(d.sessions, 'visit')}`]),
          ...report.doseByRegion.map((d): [string, string] => [d.label, `${formatShort(d.minutes)} min, ${plural(d.sessions, 'visit')}`]),
        ]}
      />

      <h2>Outcomes</h2>
      {report.measures.length === 0 && <p>No values were taken at visits in the reported days.</p>}
      {report.measures.map((m) => (
        <MeasureBlock key={m.label} measure={m} day={day} />
      ))}
      {report.diary.length > 0 && <h2>Client's diary between visits</h2>}
      {report.diary.map((m) => (
        <MeasureBlock key={m.label} measure={m} day={day} />
      ))}

      <h2>What is missing</h2>
      {report.missing.length === 0 ? (
        <p>Nothing: every expected measure has values at the start and the end.</p>
      ) : (
        <ul>
          {report.missing.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}

      <h2>Assessment and plan</h2>
      {report.audience === 'CLIENT' ? (
        <p>The therapist's clinical notes are not part of your copy; ask your therapist for them.</p>
      ) : report.assessment || report.plan ? (
        <Rows
          rows={[
            report.summaryWrittenAt
              ? ['Written for this report', `${day(report.summaryWrittenAt)} by ${report.summaryWrittenBy}`]
              : ['From the visit of', report.notesVisitAt ? day(report.notesVisitAt) : ''],
            ['Assessment', report.assessment ?? 'not written'],
            ['Plan', report.plan ?? 'not written'],
          ]}
        />
      ) : (
        <p>No assessment or plan was written at the visits reported or for this report.</p>
      )}

      <h2>Signature</h2>
      <div className="report-signature" aria-hidden="true" />
      <Rows
        rows={[
          ['Therapist', `${report.therapistName}${report.therapistRegistration ? `, registration ${report.therapistRegistration}` : ''}`],
          ['Date', day(report.generatedAt)],
        ]}
      />
    </article>
  );
}

function referralRows(report: Report): [string, string][] {
  const r = report.referral;
  if (!r) return [['Referral', 'none recorded']];
  const who = [r.clinicianName, r.organisation].filter(Boolean).join(', ') || (r.source === 'SELF' ? 'self-referred' : 'not named');
  return [
    ['Referred by', `${who} (${r.source.toLowerCase()})`],
    ['Referred on', r.referredOn ?? 'not recorded'],
    ['Reason', r.reason ?? 'not recorded'],
  ];
}

function Rows({ rows }: { rows: readonly [string, string][] }) {
  return (
    <table className="report-rows">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MeasureBlock({ measure, day }: { measure: ReportMeasureRowFragment; day: (at: string) => string }) {
  const p = measure.progress;
  const d = measure.decimals;
  const unit = measure.unitLabel ? ` ${measure.unitLabel}` : '';
  const rows: [string, string][] = [
    ['Baseline', `${formatNumber(p.baseline, d)}${unit} on ${day(p.baselineAt)}`],
    ['Latest', `${formatNumber(p.latest, d)}${unit} on ${day(p.latestAt)}`],
    [
      'Change',
      `${formatSigned(p.change, d)}${unit}${p.percentChange === null || p.percentChange === undefined ? '' : ` (${formatSigned(p.percentChange, 0)}%)`}`,
    ],
    ['Threshold', measure.mcidInWords],
    [
      'Trend per week',
      p.slopePerWeek === null || p.slopePerWeek === undefined
        ? `none (${plural(p.trendPoints, 'value')})`
        : `${formatSigned(p.slopePerWeek, 2)}${unit} (${plural(p.trendPoints, 'value')})`,
    ],
  ];
  if (p.meanSessionChange !== null && p.meanSessionChange !== undefined)
    rows.push(['Within visits', `${formatSigned(p.meanSessionChange, d + 1)}${unit} mean (${plural(p.sessionChanges.length, 'visit')})`]);
  if (measure.baselineBand || measure.latestBand)
    rows.push(['Score band', `${measure.baselineBand ?? 'none'}, now ${measure.latestBand ?? 'none'}`]);
  return (
    <section className="report-measure" aria-label={measure.label}>
      <h3>{measure.label}</h3>
      <div className="report-measure-body">
        <Rows rows={rows} />
        <Sparkline measure={measure} />
      </div>
    </section>
  );
}

/** A small line of the values before treatment (or all values when none is), drawn as SVG for print. */
function Sparkline({ measure }: { measure: ReportMeasureRowFragment }) {
  const before = measure.points.filter((pt) => pt.context === 'PRE_SESSION');
  const points = before.length >= 2 ? before : measure.points;
  if (points.length < 2) return null;
  const times = points.map((pt) => new Date(pt.takenAt).getTime());
  const values = points.map((pt) => pt.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const x = (t: number) => 4 + ((t - t0) / (t1 - t0 || 1)) * 192;
  const y = (v: number) => 56 - ((v - v0) / (v1 - v0 || 1)) * 48;
  const line = points.map((pt, i) => `${x(times[i] ?? t0).toFixed(1)},${y(pt.value).toFixed(1)}`).join(' ');
  return (
    <svg
      className="report-sparkline"
      viewBox="0 0 200 60"
      role="img"
      aria-label={`${measure.label}: ${points.length} values from ${formatNumber(values[0] ?? 0, measure.decimals)} to ${formatNumber(values.at(-1) ?? 0, measure.decimals)}; the numbers are in the table.`}
    >
      <polyline points={line} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
