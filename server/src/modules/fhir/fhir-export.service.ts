import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, DomainError } from '../../common/errors.js';
import { isMalformedText } from '../../common/text.js';
import { type ClinicViewer, ForbiddenError, type Viewer } from '../../common/viewer.js';
import { writeAuditEvents } from '../audit/audit.service.js';
import { findSeriesByClients, findSessionsBySeries, findTreatedRegionsBySessions, getSeries } from '../care/care.service.js';
import { getClient } from '../clients/client.service.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { findResponsesByClients, findResponsesBySeries } from '../instruments/questionnaire.service.js';
import { findObservationsByClients, findObservationsBySeries } from '../measures/observation.service.js';
import { findProgress } from '../progress/progress.service.js';
import type { RequestInfo } from '../request/request-context.js';
import type { Bundle } from './fhir.types.js';
import { buildFhirBundle } from './fhir-bundle.js';

/** One client's whole record, or one of their treatment series. */
export type FhirExportScope = { clientId: string } | { seriesId: string };

/** The audit trail's name for an export. */
export const fhirExportOperation = 'Export.fhirBundle';

/**
 * Who may export: the staff of the client's clinic, and a client their own record (their right to
 * a copy of their data in a portable format, e.g. GDPR art. 20; nothing in the bundle is hidden
 * from them elsewhere: SOAP notes, which are staff-only, are not exported). Researchers never:
 * they see aggregates only.
 */
function exporter(viewer: Viewer): ClinicViewer {
  if (viewer.role === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'Sign in to export records');
  if (viewer.role === 'RESEARCHER') throw new ForbiddenError('Researchers see aggregates only');
  return viewer;
}

async function recordsOf(em: EntityManager, viewer: ClinicViewer, scope: FhirExportScope) {
  if ('seriesId' in scope) {
    const series = await getSeries(em, viewer, scope.seriesId);
    const client = await getClient(em, viewer, series.client.id);
    const [observations, responses] = await Promise.all([
      findObservationsBySeries(em, viewer, [series.id]),
      findResponsesBySeries(em, viewer, [series.id]),
    ]);
    return { client, series: [series], observations, responses };
  }
  const client = await getClient(em, viewer, scope.clientId);
  const [series, observations, responses] = await Promise.all([
    findSeriesByClients(em, viewer, [client.id]),
    findObservationsByClients(em, viewer, [client.id]),
    findResponsesByClients(em, viewer, [client.id]),
  ]);
  return { client, series, observations, responses };
}

/**
 * The FHIR R4 Bundle of a client or a series, for whoever may read it (another clinic's record answers
 * NOT_FOUND, exactly like a missing one). Every export, and every refusal, writes an audit row.
 */
export async function exportFhirBundle(em: EntityManager, viewer: Viewer, request: RequestInfo, scope: FhirExportScope): Promise<Bundle> {
  try {
    const reader = exporter(viewer);
    const { client, series, observations, responses } = await recordsOf(em, reader, scope);
    const sessions = await findSessionsBySeries(
      em,
      reader,
      series.map((s) => s.id),
    );
    const treatedRegions = await findTreatedRegionsBySessions(
      em,
      reader,
      sessions.map((s) => s.id),
    );
    const therapistIds = new Set([
      ...series.map((s) => s.therapist.id),
      ...sessions.map((s) => s.therapist.id),
      ...[...observations, ...responses].flatMap((row) => (row.recordedByTherapist ? [row.recordedByTherapist.id] : [])),
    ]);
    const [clinic, therapists] = await Promise.all([
      em.findOneOrFail(Clinic, { id: reader.clinicId }),
      em.find(Therapist, { id: { $in: [...therapistIds] }, clinic: reader.clinicId }),
    ]);
    const now = new Date();
    const progress = await findProgress(
      em,
      reader,
      series.map((s) => s.id),
      now,
    );
    const bundle = buildFhirBundle(
      { clinic, client, series, sessions, treatedRegions, observations, responses, therapists, progress },
      now,
    );
    await writeAuditEvents(em, viewer, request, {
      operation: fhirExportOperation,
      outcome: 'ALLOWED',
      clientIds: [client.id],
      detail: { scope: 'seriesId' in scope ? 'series' : 'client', resources: bundle.entry.length },
    });
    return bundle;
  } catch (error) {
    const refused = error instanceof DomainError && error.code !== 'BAD_USER_INPUT' ? error.code : null;
    if (refused) {
      await writeAuditEvents(em, viewer, request, {
        operation: fhirExportOperation,
        outcome: refused === 'NOT_FOUND' ? 'NOT_FOUND' : 'DENIED',
        clientIds: [],
        detail: { requestedIds: [Object.values(scope)[0]?.slice(0, 64)] },
      });
    }
    throw error;
  }
}

/** The scope from the query string: exactly one of `client` and `series`, each given once. */
export function exportScope(query: Record<string, unknown>): FhirExportScope {
  const { client, series } = query;
  if (client !== undefined && series !== undefined)
    throw new BadInputError('series', 'exclusive', 'give either client or series, not both');
  const [field, id] = series !== undefined ? (['series', series] as const) : (['client', client] as const);
  if (Array.isArray(id)) throw new BadInputError(field, 'single', `give one ${field} id`);
  if (typeof id !== 'string' || id === '') throw new BadInputError(field, 'required', 'give one client or series id');
  if (isMalformedText(id)) throw new BadInputError(field, 'unicode', 'must be well-formed Unicode text without NUL characters');
  return field === 'series' ? { seriesId: id } : { clientId: id };
}
