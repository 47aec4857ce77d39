import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Logger } from 'pino';
import { BadInputError, DomainError } from '../../common/errors.js';
import type { Viewer } from '../../common/viewer.js';
import { isDatabaseUnavailable } from '../../db/availability.js';
import { seriesReport } from './report.service.js';
import { type PaperSize, paperSizes } from './report-format.js';

/** Seconds a client should wait before retrying a 503 (the API's Retry-After). */
const retryAfterSeconds = 2;

/** HTTP status of each refusal; the body is `{ errors: [{ message, extensions: { code, field, rule } }] }` like the API's. */
const statuses: Partial<Record<DomainError['code'], number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

/** One optional query parameter, given at most once. */
function single(query: Record<string, unknown>, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new BadInputError(name, 'single', `give ${name} once`);
  return value;
}

function paperOf(query: Record<string, unknown>): PaperSize {
  const paper = (single(query, 'paper') ?? 'A4').toUpperCase();
  if (!(paperSizes as readonly string[]).includes(paper))
    throw new BadInputError('paper', 'enum', `must be one of ${paperSizes.join(', ')}`);
  return paper as PaperSize;
}

/**
 * `GET /reports/series/<id>.pdf?from=&to=&paper=A4|LETTER&recipient=`: the series' progress report as a
 * PDF download, for the account of the request's cookie or Bearer token (the same credentials as the API).
 * Generating it is a disclosure, written to the audit trail, so a request that another site started
 * (`Sec-Fetch-Site: cross-site`, sent by every current browser) is refused: a link elsewhere cannot make
 * a signed-in therapist disclose a record to a recipient of that site's choosing.
 */
export function reportPdfHandler(
  orm: MikroORM,
  resolveViewer: (request: express.Request) => Promise<Viewer>,
  log: Logger,
): express.RequestHandler {
  return async (request, response) => {
    const requestId = randomUUID();
    response.setHeader('x-request-id', requestId);
    response.setHeader('cache-control', 'no-store');
    const refuse = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
      response.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
    if (request.get('sec-fetch-site') === 'cross-site') {
      refuse(403, 'FORBIDDEN', 'A report is generated from Fascia’s own pages only (this request came from another site).');
      return;
    }
    try {
      const viewer = await resolveViewer(request);
      const query = request.query as Record<string, unknown>;
      const paper = paperOf(query);
      const report = await seriesReport(
        orm.em.fork(),
        viewer,
        { requestId, address: request.ip ?? '' },
        {
          seriesId: String(request.params.id ?? ''),
          from: single(query, 'from'),
          to: single(query, 'to'),
          recipient: single(query, 'recipient'),
          format: 'PDF',
        },
      );
      // Loaded on the first report, not at start: pdfkit, chart.js, the Skia canvas library and the fonts hold
      // some 40 MB of a process's memory that a server nobody asks for a PDF never needs.
      const { renderReportPdf } = await import('./report-pdf.js');
      const pdf = await renderReportPdf(report, paper);
      response
        .status(200)
        .type('application/pdf')
        .attachment(`fascia-report-${report.to}-${report.seriesId.slice(0, 8)}.pdf`)
        .end(pdf);
    } catch (error) {
      const status = error instanceof DomainError ? statuses[error.code] : undefined;
      if (error instanceof DomainError && status) {
        refuse(status, error.code, error.message, {
          ...(error.field ? { field: error.field } : {}),
          ...(error.rule ? { rule: error.rule } : {}),
        });
        return;
      }
      if (isDatabaseUnavailable(error)) {
        // As the API answers: the database is away or every connection busy past the wait; worth a retry.
        response.setHeader('retry-after', String(retryAfterSeconds));
        refuse(503, 'SERVICE_UNAVAILABLE', 'The database is not answering right now; retry shortly.');
        return;
      }
      log.error({ err: error, requestId }, 'report failed');
      refuse(500, 'INTERNAL_SERVER_ERROR', `Internal server error (request ${requestId})`);
    }
  };
}
