import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { validRecord } from '../../common/record-status.js';
import type { RecorderRole } from '../../common/recorder-role.js';
import { type ProxyRelation, type Reporter, type ReporterKind, reporterInWords } from '../../common/reporter.js';
import { checkClinicalTime, checkNumber, checkText, isUuid } from '../../common/validate.js';
import { actingTherapist, type ClinicViewer, ownClientOnly, visibleTo } from '../../common/viewer.js';
import type { Side } from '../body-regions/body-region-catalog.js';
import { findBodyRegion } from '../body-regions/body-region-catalog.js';
import { findMeasure } from './measure-catalog.js';
import { defaultReporter, type MeasureDefinition } from './measure-definition.js';
import { Observation } from './observation.entity.js';
import { type ObservationContext, observationNoteLength } from './observation-values.js';

/** Who reported a value, as an input states it (both optional: see `reporterOf`). */
export interface ReporterInput {
  reporter?: ReporterKind | null;
  proxyRelation?: ProxyRelation | null;
}

/** A value to record, before it is attached to a client, series or session. */
export interface ObservationDraft extends ReporterInput {
  measureCode: string;
  value: number;
  regionCode?: string | null;
  side?: Side | null;
  context: ObservationContext;
  takenAt: Date;
  note?: string | null;
}

/** Where an observation belongs and who entered it. */
export interface ObservationOwner {
  clientId: string;
  seriesId: string | null;
  sessionId: string | null;
  recordedByRole: RecorderRole;
  recordedByTherapistId: string | null;
  questionnaireResponseId?: string | null;
  /** Who reported the value when it is settled already (a questionnaire's score: its response's reporter). */
  reporter?: Reporter;
}

/**
 * Who reported a value. A portal account reports as itself: the client, or their proxy with the account's
 * relation (an input naming anyone else is refused). Staff say who, or the measure's default applies: the
 * client for pain and questionnaires, the therapist for what they measure (measure-definition.ts).
 * `path` prefixes field names in errors.
 */
export function reporterOf(path: string, viewer: ClinicViewer, measure: Pick<MeasureDefinition, 'kind'>, input: ReporterInput): Reporter {
  const field = (name: string) => (path ? `${path}.${name}` : name);
  if (viewer.role === 'CLIENT') {
    const own: Reporter = viewer.proxyRelation
      ? { reporter: 'PROXY', proxyRelation: viewer.proxyRelation }
      : { reporter: 'CLIENT', proxyRelation: null };
    if ((input.reporter && input.reporter !== own.reporter) || (input.proxyRelation && input.proxyRelation !== own.proxyRelation)) {
      throw new BadInputError(field('reporter'), 'set-by-account', `a portal account reports as itself (${reporterInWords(own)})`);
    }
    return own;
  }
  const reporter = input.reporter ?? defaultReporter(measure);
  if (reporter === 'PROXY' && !input.proxyRelation) {
    throw new BadInputError(field('proxyRelation'), 'required', "a proxy's relation to the client is required");
  }
  if (reporter !== 'PROXY' && input.proxyRelation) {
    throw new BadInputError(field('proxyRelation'), 'not-applicable', 'only a proxy has a relation to the client');
  }
  return { reporter, proxyRelation: input.proxyRelation ?? null };
}

/**
 * Checks a value against its measure's catalog entry: known measure, valid range
 * and precision, region and side where the measure or region needs them.
 * `path` prefixes field names in errors, e.g. `observations[2]`.
 */
export function checkObservation(path: string, draft: ObservationDraft): MeasureDefinition {
  const field = (name: string) => (path ? `${path}.${name}` : name);
  const measure = findMeasure(draft.measureCode);
  if (!measure) throw new BadInputError(field('measureCode'), 'unknown-measure', `unknown measure "${draft.measureCode}"`);
  checkNumber(field('value'), draft.value, measure.min, measure.max);
  const scaled = draft.value * 10 ** measure.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-9) {
    throw new BadInputError(
      field('value'),
      'precision',
      measure.decimals === 0
        ? `${measure.name} takes whole numbers only`
        : `${measure.name} takes at most ${measure.decimals} decimal places`,
    );
  }
  const region = draft.regionCode ? findBodyRegion(draft.regionCode) : undefined;
  if (draft.regionCode && !region) {
    throw new BadInputError(field('regionCode'), 'unknown-region', `unknown body region "${draft.regionCode}"`);
  }
  if (measure.requiresRegion && !region) {
    throw new BadInputError(field('regionCode'), 'required-by-measure', `${measure.name} is recorded per body region`);
  }
  if (!measure.requiresRegion && region) {
    throw new BadInputError(field('regionCode'), 'not-applicable', `${measure.name} does not take a body region`);
  }
  const needsSide = measure.requiresSide || (region?.lateral ?? false);
  if (needsSide && !draft.side) {
    throw new BadInputError(
      field('side'),
      measure.requiresSide ? 'required-by-measure' : 'required-for-lateral-region',
      measure.requiresSide ? `${measure.name} is recorded for one side` : `${region?.name} needs a side (LEFT or RIGHT)`,
    );
  }
  if (!needsSide && draft.side) {
    throw new BadInputError(field('side'), 'not-applicable', 'takes no side here');
  }
  checkClinicalTime(field('takenAt'), draft.takenAt);
  checkText(field('note'), draft.note, observationNoteLength);
  return measure;
}

/**
 * Adds an observation (checked by `checkObservation`) to the unit of work; the caller flushes inside its
 * transaction. `path` names the value in errors about its reporter.
 */
export function addObservation(
  tx: EntityManager,
  viewer: ClinicViewer,
  owner: ObservationOwner,
  draft: ObservationDraft,
  path = '',
): Observation {
  const measure = findMeasure(draft.measureCode);
  if (!measure)
    throw new BadInputError(path ? `${path}.measureCode` : 'measureCode', 'unknown-measure', `unknown measure "${draft.measureCode}"`);
  const reported = owner.reporter ?? reporterOf(path, viewer, measure, draft);
  return tx.create(Observation, {
    clinic: viewer.clinicId,
    client: owner.clientId,
    series: owner.seriesId,
    session: owner.sessionId,
    measure: draft.measureCode,
    value: draft.value,
    region: draft.regionCode ?? null,
    side: draft.side ?? null,
    context: draft.context,
    takenAt: draft.takenAt,
    note: draft.note?.trim() || null,
    recordedByRole: owner.recordedByRole,
    recordedByTherapist: owner.recordedByTherapistId,
    reporter: reported.reporter,
    proxyRelation: reported.proxyRelation,
    questionnaireResponse: owner.questionnaireResponseId ?? null,
  });
}

/** Who is entering a value: a therapist, or the client in their own diary. */
export function recorderOf(viewer: ClinicViewer): Pick<ObservationOwner, 'recordedByRole' | 'recordedByTherapistId'> {
  if (viewer.role === 'CLIENT') return { recordedByRole: 'CLIENT', recordedByTherapistId: null };
  return { recordedByRole: 'THERAPIST', recordedByTherapistId: actingTherapist(viewer).therapistId };
}

export async function getObservation(em: EntityManager, viewer: ClinicViewer, id: string): Promise<Observation> {
  const observation = isUuid(id) ? await em.findOne(Observation, { id, ...visibleTo(viewer) }) : null;
  if (!observation) throw new NotFoundError('Observation', id);
  return observation;
}

const clinicalOrder = { takenAt: 'asc', createdAt: 'asc' } as const;

export function findObservationsBySeries(em: EntityManager, viewer: ClinicViewer, seriesIds: readonly string[]): Promise<Observation[]> {
  return em.find(Observation, { ...visibleTo(viewer), series: { $in: [...seriesIds] } }, { orderBy: clinicalOrder });
}

/** Every value of the clients, diary values and values outside any series included. */
export function findObservationsByClients(em: EntityManager, viewer: ClinicViewer, clientIds: readonly string[]): Promise<Observation[]> {
  const own = ownClientOnly(viewer);
  return em.find(
    Observation,
    { ...visibleTo(viewer), client: { $in: clientIds.filter((id) => !own || id === own) } },
    { orderBy: clinicalOrder },
  );
}

export function findObservationsBySessions(em: EntityManager, viewer: ClinicViewer, sessionIds: readonly string[]): Promise<Observation[]> {
  return em.find(Observation, { ...visibleTo(viewer), session: { $in: [...sessionIds] } }, { orderBy: clinicalOrder });
}

/**
 * The latest value of each measure (per region and side) for each client, in one
 * query whatever the number of clients.
 */
export async function findLatestObservations(
  em: EntityManager,
  viewer: ClinicViewer,
  clientIds: readonly string[],
): Promise<Observation[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select distinct on (client_id, measure_code, region_code, side) id from observation
      where clinic_id = ? and client_id in (?) and (?::uuid is null or client_id = ?) and ${validRecord('observation')}
      order by client_id, measure_code, region_code, side, taken_at desc, created_at desc`,
    [viewer.clinicId, clientIds, ownClientOnly(viewer), ownClientOnly(viewer)],
  );
  if (rows.length === 0) return [];
  return em.find(Observation, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { measure: 'asc', takenAt: 'desc' } });
}
