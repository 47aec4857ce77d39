import { whose } from '../portal/voice';
import { reportPdfPath } from './report-format';

/**
 * In the client's portal, under a series: a link to their own progress report (PDF). A client needs no
 * sharing consent for their own copy; it leaves out the therapist's clinical notes, and each download
 * appears in their "who has seen my record". `about`: the client's name when a proxy (a parent) holds the portal.
 */
export function PortalReportLink({
  seriesId,
  conditionName,
  about,
}: {
  seriesId: string;
  conditionName: string;
  about?: string | undefined;
}) {
  return (
    <p className="portal-report">
      <a className="button button-secondary" href={reportPdfPath(seriesId)} download>
        Download {whose(about, 'my')} progress report<span className="visually-hidden"> for {conditionName}</span> (PDF)
      </a>
    </p>
  );
}
