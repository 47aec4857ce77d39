import { TableToggle } from '../../charts/TableToggle';
import type { SeriesPageQuery } from '../../graphql/generated/graphql';
import { Link } from '../router';
import { attendanceMarks } from './ClientPage';

type Attendance = SeriesPageQuery['series']['progress']['attendance'];

/** A bar's share of the plan, in percent, within 0-100. */
export function planShare(count: number, planned: number): number {
  if (planned <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((count / planned) * 1000) / 10));
}

/**
 * Plan against attendance as a table whose rows carry bars: the numbers are the
 * table, the bars only draw them, so there is nothing a screen reader misses.
 */
export function AttendancePanel({
  attendance,
  sessions,
  timeZone,
  visitPath,
}: {
  attendance: Attendance;
  sessions: SeriesPageQuery['series']['sessions'];
  timeZone: string | undefined;
  /** Each visit's own page (its notes and corrections), when there is one. */
  visitPath?: (sessionId: string) => string;
}) {
  const planned = attendance.plannedSessions;
  const rows: { label: string; count: number; className: string }[] = [
    { label: 'Planned', count: planned, className: 'bar-planned' },
    { label: 'Expected by now', count: attendance.expectedByNow, className: 'bar-expected' },
    { label: 'Attended', count: attendance.attended, className: 'bar-attended' },
    { label: 'Cancelled', count: attendance.cancelled, className: 'bar-cancelled' },
    { label: 'No-show', count: attendance.noShows, className: 'bar-noshow' },
  ];
  // Date and time: two visits on one day are two lines that differ.
  const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  const behind = attendance.expectedByNow - attendance.attended;
  return (
    <section className="panel" aria-label="Plan and attendance">
      <h2>Plan and attendance</h2>
      <p>
        {attendance.plannedPerWeek} sessions a week planned; {attendance.weeksElapsed.toFixed(1)} weeks elapsed.{' '}
        {behind > 0 ? `${behind} ${behind === 1 ? 'session' : 'sessions'} behind the plan.` : 'Attendance is keeping up with the plan.'}
      </p>
      <table className="data-table attendance-table">
        <caption>Sessions against the plan</caption>
        <thead>
          <tr>
            <th scope="col">Sessions</th>
            <th scope="col" className="numeric">
              Count
            </th>
            <th scope="col">
              <span className="visually-hidden">Share of the plan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td data-column="count">{row.count}</td>
              <td className="bar-cell" aria-hidden="true">
                <span className={`bar ${row.className}`} style={{ width: `${planShare(row.count, planned)}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.length > 0 && (
        <TableToggle label="Show every visit">
          <ol className="visit-list">
            {sessions.map((s) => (
              <li key={s.id}>
                <span aria-hidden="true">{attendanceMarks[s.attendance].mark} </span>
                <time dateTime={s.startedAt}>
                  {visitPath ? (
                    <Link to={visitPath(s.id)}>{dates.format(new Date(s.startedAt))}</Link>
                  ) : (
                    dates.format(new Date(s.startedAt))
                  )}
                </time>
                : {attendanceMarks[s.attendance].label}
              </li>
            ))}
          </ol>
        </TableToggle>
      )}
    </section>
  );
}
