/*
 * The clinic admin's audit trail as a CSV download (HTTP, not GraphQL: it streams). The same filters and
 * the same statement as the `auditTrail` query; the download is itself audited.
 */
import { once } from 'node:events';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Logger } from 'pino';
import { answerWith, crossSiteRefusal, csvLine, requestInfo } from '../../common/download.js';
import { BadInputError, DomainError } from '../../common/errors.js';
import type { Viewer } from '../../common/viewer.js';
import { type AuditTrailRow, auditTrailStatement, requestedIdsOf, writeAttemptsOnRecords, writeAuditEvents } from './audit.service.js';
import { type AuditFilterInput, checkAuditFilter } from './audit-filter.js';

/** The columns of the download, in order. */
export const auditCsvColumns = [
  'time_utc',
  'time_clinic',
  'account_email',
  'account_id',
  'role',
  'action',
  'client_id',
  'outcome',
  'address',
  'requested_ids',
] as const;

const operation = 'Export.auditCsv';

/** The body's filters, each checked for its type; unknown fields are refused. */
function filterOf(body: unknown): AuditFilterInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadInputError('body', 'type', 'must be a JSON object');
  const input: AuditFilterInput = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined || value === '') continue;
    if (key === 'refused') {
      if (typeof value !== 'boolean') throw new BadInputError('refused', 'type', 'must be true or false');
      input.refused = value;
    } else if (key === 'clientId' || key === 'accountId' || key === 'operation' || key === 'fromDate' || key === 'toDate') {
      if (typeof value !== 'string') throw new BadInputError(key, 'type', 'must be a string');
      input[key] = value;
    } else throw new BadInputError(key.slice(0, 40), 'unknown-field', 'is not a filter of the audit trail');
  }
  return input;
}

/**
 * `POST /audit/export.csv` with a JSON body of the `auditTrail` query's filters (`clientId`, `accountId`,
 * `operation`, `refused`, `fromDate`, `toDate`): every matching row of the admin's clinic, newest first.
 * Clinic admins only; refusals answer JSON errors like the GraphQL API's and are audited.
 */
export function auditExportRouter(options: {
  orm: MikroORM;
  log: Logger;
  resolveViewer: (request: express.Request) => Promise<Viewer>;
}): express.Router {
  const router = express.Router();
  router.post('/export.csv', express.json({ limit: '16kb' }), async (request, response) => {
    const answer = answerWith(response);
    response.setHeader('cache-control', 'no-store');
    const crossSite = crossSiteRefusal(request);
    if (crossSite) {
      answer(400, 'BAD_REQUEST', crossSite);
      return;
    }
    const viewer = await options.resolveViewer(request);
    const info = requestInfo(request);
    const em = options.orm.em.fork();
    if (viewer.role !== 'ADMIN') {
      await writeAuditEvents(em, viewer, info, { operation, outcome: 'DENIED', clientIds: [] });
      if (viewer.role === 'ANONYMOUS') answer(401, 'UNAUTHENTICATED', 'Sign in first');
      else answer(403, 'FORBIDDEN', 'Only the clinic admin downloads the audit trail');
      return;
    }
    let filter: Awaited<ReturnType<typeof checkAuditFilter>>;
    try {
      filter = await checkAuditFilter(em, viewer, filterOf(request.body ?? {}));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'NOT_FOUND') {
        // Another clinic's client: refused like a missing one, and filed where that client's admin sees it.
        const clientId = String((request.body as { clientId?: unknown }).clientId).slice(0, 64);
        const entry = { operation, outcome: 'NOT_FOUND', clientIds: [], detail: { requestedIds: [clientId] } } as const;
        await writeAuditEvents(em, viewer, info, entry);
        await writeAttemptsOnRecords(em, viewer, info, entry, [clientId]);
        answer(404, 'NOT_FOUND', error.message);
      } else answer(400, error.code, error.message, { field: error.field, rule: error.rule });
      return;
    }
    const { clinicId: _clinic, timeZone: _zone, ...asked } = filter;
    await writeAuditEvents(em, viewer, info, {
      operation,
      outcome: 'ALLOWED',
      clientIds: filter.clientId ? [filter.clientId] : [],
      detail: { filter: asked },
    });
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: filter.timeZone, dateStyle: 'short', timeStyle: 'medium' });
    const statement = auditTrailStatement(filter);
    response.status(200).type('text/csv; charset=utf-8').attachment('fascia-audit-trail.csv');
    response.write(csvLine(auditCsvColumns));
    let chunk = '';
    let rows = 0;
    try {
      for await (const raw of em.getConnection().stream<AuditTrailRow>(statement.sql, statement.params, undefined, undefined, 1000)) {
        const row = raw as unknown as AuditTrailRow;
        const at = new Date(row.at);
        const asked = requestedIdsOf(row);
        const requested = [...asked.ids, ...(asked.more > 0 ? [`(+${asked.more} more)`] : [])].join(' ');
        chunk += csvLine([
          at.toISOString(),
          local.format(at),
          row.account_email,
          row.account_id,
          row.role,
          row.operation,
          row.client_id,
          row.outcome,
          row.address,
          requested,
        ]);
        rows++;
        if (chunk.length > 64_000) {
          // A slow reader slows the cursor, not the server's memory.
          if (!response.write(chunk)) await once(response, 'drain');
          chunk = '';
        }
        if (response.destroyed) break;
      }
      response.end(chunk);
    } catch (error) {
      options.log.error({ err: error, rows, requestId: info.requestId }, 'audit export failed');
      // The status line is gone: cutting the connection is the only way to tell the client the file is incomplete.
      response.destroy();
    }
  });
  return router;
}
