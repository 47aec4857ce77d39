import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ColumnSet } from '../../common/selection.js';
import type { ClinicViewer } from '../../common/viewer.js';
import type { HeavyReads } from '../../db/read-replicas.js';
import { readNextAppointmentsByClient, readNextAppointmentsBySeries } from '../appointments/appointment.reads.js';
import { findAppointmentsBySeries } from '../appointments/calendar.service.js';
import { staffNames } from '../audit/audit.service.js';
import { readSeriesByClients, readSeriesByIds, readSessionsBySeries } from '../care/care.reads.js';
import { findTreatedRegionsBySessions } from '../care/care.service.js';
import { readClientsByIds } from '../clients/client.reads.js';
import { findLatestIntakes } from '../clients/client.service.js';
import { findClinicTherapists, findViewerClinics } from '../clinics/clinic.service.js';
import { TherapistNode } from '../clinics/clinic.type.js';
import { findRevisions } from '../corrections/corrections.service.js';
import { bandKey, type ExpectedChange, findExpectedChanges } from '../expected-change/expected-change.service.js';
import { findResponsesBySeries, findResponsesBySessions } from '../instruments/questionnaire.service.js';
import { readLatestObservations, readObservationsBySeries, readObservationsBySessions } from '../measures/observation.reads.js';
import { findProgress } from '../progress/progress.service.js';
import type { SeriesProgressNode } from '../progress/progress.type.js';
import { findReportSummaries } from '../reports/report-summary.service.js';

/**
 * A loader that collects the keys asked for in one tick, fetches all their rows
 * in one query and hands each key its rows (in the query's order).
 */
function groupLoader<Row>(fetch: (keys: readonly string[]) => Promise<Row[]>, keyOf: (row: Row) => string): DataLoader<string, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A loader of rows by their id, one statement per batch; an id with no row answers an error naming what is missing. */
function byIdLoader<Row extends { id: string }>(what: string, fetch: (ids: readonly string[]) => Promise<Row[]>): DataLoader<string, Row> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? new Error(`${what} ${id} was not found`));
  });
}

/**
 * A loader per column set of a lean read (see `columnSetFor`), each made when first asked for: the same field asked
 * for with only lean fields in one place and with more in another is read once in each set.
 */
function perColumnSet<L>(make: (columns: ColumnSet) => L): (columns: ColumnSet) => L {
  const made: Partial<Record<ColumnSet, L>> = {};
  return (columns) => {
    made[columns] ??= make(columns);
    return made[columns];
  };
}

/**
 * Per-request batch loaders for every list field, so nested queries cost a fixed number of statements.
 * Clients, series, visits and values are read lean (`*.reads.ts`): plain rows as GraphQL objects, prepared
 * statements with array parameters whose plans each connection reuses.
 */
export function createLoaders(em: EntityManager, scope: () => ClinicViewer, reads: HeavyReads, researchMinCell: number) {
  return {
    clientById: perColumnSet((columns) => byIdLoader('Client', (ids) => readClientsByIds(em, scope(), ids, columns))),
    latestIntakeByClient: groupLoader(
      (ids) => findLatestIntakes(em, scope(), ids),
      (intake) => intake.client.id,
    ),
    seriesById: byIdLoader('Treatment series', (ids) => readSeriesByIds(em, scope(), ids)),
    seriesByClient: groupLoader(
      (ids) => readSeriesByClients(em, scope(), ids),
      (series) => series.clientId,
    ),
    latestObservationsByClient: perColumnSet((columns) =>
      groupLoader(
        (ids) => readLatestObservations(em, scope(), ids, columns),
        (o) => o.clientId,
      ),
    ),
    sessionsBySeries: perColumnSet((columns) =>
      groupLoader(
        (ids) => readSessionsBySeries(em, scope(), ids, columns),
        (session) => session.seriesId,
      ),
    ),
    observationsBySeries: perColumnSet((columns) =>
      groupLoader(
        (ids) => readObservationsBySeries(em, scope(), ids, columns),
        (o) => o.seriesId ?? '',
      ),
    ),
    responsesBySeries: groupLoader(
      (ids) => findResponsesBySeries(em, scope(), ids),
      (r) => r.series?.id ?? '',
    ),
    treatedRegionsBySession: groupLoader(
      (ids) => findTreatedRegionsBySessions(em, scope(), ids),
      (r) => r.session.id,
    ),
    observationsBySession: perColumnSet((columns) =>
      groupLoader(
        (ids) => readObservationsBySessions(em, scope(), ids, columns),
        (o) => o.sessionId ?? '',
      ),
    ),
    progressBySeries: new DataLoader<string, SeriesProgressNode>(async (ids) => {
      const byId = await reads.run((readEm) => findProgress(readEm, scope(), ids, new Date()));
      return ids.map((id) => byId.get(id) ?? new Error(`Treatment series ${id} was not found`));
    }),
    // Expected-change bands of (series, measure) pairs: a caseload page's in one statement.
    expectedChange: new DataLoader<{ seriesId: string; measureCode: string }, ExpectedChange, string>(
      async (pairs) => {
        const found = await reads.run((readEm) => findExpectedChanges(readEm, scope().clinicId, pairs, researchMinCell));
        return pairs.map((pair) => found.get(bandKey(pair.seriesId, pair.measureCode)) as ExpectedChange);
      },
      { cacheKeyFn: (pair) => bandKey(pair.seriesId, pair.measureCode) },
    ),
    revisionsByRecord: groupLoader(
      (ids) => findRevisions(em, scope(), ids),
      (revision) => revision.recordId,
    ),
    responsesBySession: groupLoader(
      (ids) => findResponsesBySessions(em, scope(), ids),
      (r) => r.session?.id ?? '',
    ),
    appointmentsBySeries: groupLoader(
      (ids) => findAppointmentsBySeries(em, scope(), ids),
      (a) => a.series.id,
    ),
    nextAppointmentBySeries: groupLoader(
      (ids) => readNextAppointmentsBySeries(em, scope(), ids),
      (a) => a.seriesId,
    ),
    nextAppointmentByClient: groupLoader(
      (ids) => readNextAppointmentsByClient(em, scope(), ids),
      (a) => a.clientId,
    ),
    therapistById: byIdLoader('Therapist', async (ids) => (await findClinicTherapists(em, scope(), ids)).map((t) => TherapistNode.from(t))),
    // The assessment written for each series' report (null where none is in force).
    reportSummaryBySeries: new DataLoader(async (ids: readonly string[]) => {
      const found = await findReportSummaries(em, scope(), ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    // The names of the staff accounts an audit trail lists (null for an account without one).
    staffNameByAccount: new DataLoader(async (ids: readonly string[]) => {
      const names = await staffNames(em, scope().clinicId, ids);
      return ids.map((id) => names.get(id) ?? null);
    }),
    clinicById: byIdLoader('Clinic', (ids) => findViewerClinics(em, scope(), ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
