import { reportPdfPath } from './report-format';

/**
 * In the client's portal, under a series: a link to their own progress report (PDF). A client needs no
 * sharing consent for their own copy; it leaves out the therapist's clinical notes, and each download
 * appears in their "who has seen my record".
 */
export function PortalReportLink({ seriesId, conditionName }: { seriesId: string; conditionName: string }) {
  return (
    <p className="portal-report">
      <a className="button button-secondary" href={reportPdfPath(seriesId)} download>
        Download my progress report<span className="visually-hidden"> for {conditionName}</span> (PDF)
      </a>
    </p>
  );
}
