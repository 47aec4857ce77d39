import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Logger } from 'pino';
import { DomainError } from '../../common/errors.js';
import type { Viewer } from '../../common/viewer.js';
import type { OperationOutcome } from './fhir.types.js';
import { systems } from './fhir-codes.js';
import { exportFhirBundle, exportScope } from './fhir-export.service.js';

/** The FHIR JSON media type (hl7.org/fhir/R4/http.html#mime-type), with the FHIR version it conforms to. */
export const fhirJson = 'application/fhir+json; fhirVersion=4.0';

/** HTTP status and OperationOutcome issue code of each refusal. */
const refusals = {
  UNAUTHENTICATED: [401, 'login'],
  FORBIDDEN: [403, 'forbidden'],
  NOT_FOUND: [404, 'not-found'],
  BAD_USER_INPUT: [400, 'invalid'],
} as const satisfies Partial<Record<DomainError['code'], readonly [number, OperationOutcome['issue'][0]['code']]>>;

function isRefusal(code: DomainError['code']): code is keyof typeof refusals {
  return code in refusals;
}

/**
 * `GET /fhir/export?client=<id>` or `?series=<id>`: the FHIR R4 Bundle as a download, for the account
 * of the request's cookie or Bearer token (the same credentials as the GraphQL API). Refusals answer an
 * OperationOutcome with the matching status.
 */
export function fhirExportHandler(
  orm: MikroORM,
  resolveViewer: (request: express.Request) => Promise<Viewer>,
  log: Logger,
): express.RequestHandler {
  return async (request, response) => {
    const requestId = randomUUID();
    response.setHeader('x-request-id', requestId);
    response.setHeader('cache-control', 'no-store');
    // Written as is: express's `type()` would lower-case the parameter name.
    const answer = (status: number, body: unknown) => response.status(status).setHeader('content-type', fhirJson).end(JSON.stringify(body));
    try {
      const viewer = await resolveViewer(request);
      const scope = exportScope(request.query);
      const bundle = await exportFhirBundle(orm.em.fork(), viewer, { requestId, address: request.ip ?? '' }, scope);
      const name = 'seriesId' in scope ? `series-${scope.seriesId}` : `client-${scope.clientId}`;
      response.setHeader('content-disposition', `attachment; filename="fascia-${name}.fhir.json"`);
      answer(200, bundle);
    } catch (error) {
      if (error instanceof DomainError && isRefusal(error.code)) {
        const [status, code] = refusals[error.code];
        const issue = {
          severity: 'error' as const,
          code,
          // Bad input names the parameter and the rule it broke, like the GraphQL API's extensions.field and .rule.
          ...(error.rule ? { details: { coding: [{ system: systems.inputRule, code: error.rule }] } } : {}),
          diagnostics: error.message,
          ...(error.field ? { expression: [error.field] } : {}),
        };
        answer(status, { resourceType: 'OperationOutcome', issue: [issue] } satisfies OperationOutcome);
        return;
      }
      log.error({ err: error, requestId }, 'FHIR export failed');
      const issue = { severity: 'error' as const, code: 'exception' as const, diagnostics: `Internal server error (request ${requestId})` };
      answer(500, { resourceType: 'OperationOutcome', issue: [issue] } satisfies OperationOutcome);
    }
  };
}
