import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { checkClinicalTime, checkInteger, checkLocalDate, checkNumber, checkText, isUuid } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly, type TherapistViewer, visibleTo } from '../../graphql/viewer.js';
import { findBodyRegion } from '../body-regions/body-region-catalog.js';
import { getClient } from '../clients/client.service.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { findCondition } from '../conditions/condition-catalog.js';
import { addQuestionnaireResponse, type ScoredQuestionnaire, scoreQuestionnaire } from '../instruments/questionnaire.service.js';
import { addObservation, checkObservation } from '../measures/observation.service.js';
import { refreshSeriesOutcomes } from '../progress/series-outcome.js';
import type { CloseSeriesInput, RecordSessionInput, StartSeriesInput, UpdateSeriesInput } from './care.input.js';
import { TreatedRegion } from './treated-region.entity.js';
import { TreatmentSeries } from './treatment-series.entity.js';
import { TreatmentSession } from './treatment-session.entity.js';

const longText = 4000;
const noteText = 8000;

export async function getSeries(em: EntityManager, viewer: ClinicViewer, id: string): Promise<TreatmentSeries> {
  const series = isUuid(id) ? await em.findOne(TreatmentSeries, { id, ...visibleTo(viewer) }) : null;
  if (!series) throw new NotFoundError('Treatment series', id);
  return series;
}

export async function getSession(em: EntityManager, viewer: ClinicViewer, id: string): Promise<TreatmentSession> {
  const own = ownClientOnly(viewer);
  const where = { id, clinic: viewer.clinicId, ...(own ? { series: { client: own } } : {}) };
  // The series comes along: a session is shown with the client it belongs to.
  const session = isUuid(id) ? await em.findOne(TreatmentSession, where, { populate: ['series'] }) : null;
  if (!session) throw new NotFoundError('Session', id);
  return session;
}

function checkCondition(field: string, code: string): void {
  if (!findCondition(code)) throw new BadInputError(field, 'unknown-condition', `unknown condition "${code}"`);
}

function checkPlan(input: StartSeriesInput | UpdateSeriesInput): void {
  checkText('goals', input.goals, longText);
  checkInteger('plannedSessions', input.plannedSessions, 1, 200);
  if (input.plannedSessionsPerWeek !== undefined && input.plannedSessionsPerWeek !== null) {
    checkNumber('plannedSessionsPerWeek', input.plannedSessionsPerWeek, 0.25, 7);
  }
  checkInteger('plannedMinutesPerSession', input.plannedMinutesPerSession, 5, 240);
  if (input.startDate) checkLocalDate('startDate', input.startDate, 365);
}

export async function startSeries(em: EntityManager, viewer: TherapistViewer, input: StartSeriesInput): Promise<TreatmentSeries> {
  checkCondition('conditionCode', input.conditionCode);
  checkPlan(input);
  return em.transactional(async (tx) => {
    await getClient(tx, viewer, input.clientId);
    const series = tx.create(TreatmentSeries, {
      clinic: viewer.clinicId,
      client: input.clientId,
      therapist: viewer.therapistId,
      condition: input.conditionCode,
      goals: input.goals ?? null,
      plannedSessions: input.plannedSessions,
      plannedSessionsPerWeek: input.plannedSessionsPerWeek,
      plannedMinutesPerSession: input.plannedMinutesPerSession,
      startDate: input.startDate,
      status: 'ACTIVE',
    });
    await tx.flush();
    return series;
  });
}

/** The date of an instant as a calendar day in the clinic's time zone. */
function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

async function clinicTimeZone(em: EntityManager, viewer: ClinicViewer): Promise<string> {
  const clinic = await em.findOneOrFail(Clinic, viewer.clinicId);
  return clinic.timeZone;
}

export async function updateSeries(
  em: EntityManager,
  viewer: TherapistViewer,
  id: string,
  input: UpdateSeriesInput,
): Promise<TreatmentSeries> {
  if (input.conditionCode) checkCondition('conditionCode', input.conditionCode);
  checkPlan(input);
  return em.transactional(async (tx) => {
    const series = await getSeries(tx, viewer, id);
    if (input.startDate) {
      const first = await tx.findOne(TreatmentSession, { series: id }, { orderBy: { startedAt: 'asc' } });
      if (first && localDate(first.startedAt, await clinicTimeZone(tx, viewer)) < input.startDate) {
        throw new BadInputError('startDate', 'after-first-session', 'must not be after the first recorded session');
      }
      series.startDate = input.startDate;
    }
    if (input.conditionCode) tx.assign(series, { condition: input.conditionCode });
    if (input.goals !== undefined && input.goals !== null) series.goals = input.goals || null;
    if (input.plannedSessions) series.plannedSessions = input.plannedSessions;
    if (input.plannedSessionsPerWeek) series.plannedSessionsPerWeek = input.plannedSessionsPerWeek;
    if (input.plannedMinutesPerSession) series.plannedMinutesPerSession = input.plannedMinutesPerSession;
    await tx.flush();
    return series;
  });
}

export async function closeSeries(
  em: EntityManager,
  viewer: TherapistViewer,
  id: string,
  input: CloseSeriesInput,
): Promise<TreatmentSeries> {
  if (input.status === 'ACTIVE') throw new BadInputError('status', 'closing-status', 'must be COMPLETED or DISCONTINUED');
  checkLocalDate('endDate', input.endDate);
  checkText('dischargeNote', input.dischargeNote, longText);
  return em.transactional(async (tx) => {
    const series = await getSeries(tx, viewer, id);
    if (series.status !== 'ACTIVE') throw new BadInputError('id', 'already-closed', 'the series is already closed');
    if (input.endDate < series.startDate) {
      throw new BadInputError('endDate', 'before-start', `must not be before the series start (${series.startDate})`);
    }
    const last = await tx.findOne(TreatmentSession, { series: id }, { orderBy: { startedAt: 'desc' } });
    const lastDay = last && localDate(last.startedAt, await clinicTimeZone(tx, viewer));
    if (lastDay && input.endDate < lastDay) {
      throw new BadInputError('endDate', 'before-last-session', `must not be before the last recorded session (${lastDay})`);
    }
    series.status = input.status;
    series.endDate = input.endDate;
    series.dischargeNote = input.dischargeNote ?? null;
    await tx.flush();
    return series;
  });
}

/** Every check of a session that needs no database: runs before any write. */
function checkSessionInput(input: RecordSessionInput): void {
  checkClinicalTime('startedAt', input.startedAt);
  const attended = input.attendance === 'ATTENDED';
  if (!Number.isInteger(input.durationMinutes)) {
    throw new BadInputError('durationMinutes', 'integer', 'must be a whole number of minutes');
  }
  if (input.durationMinutes < 0) throw new BadInputError('durationMinutes', 'non-negative', 'must not be negative');
  if (attended) checkInteger('durationMinutes', input.durationMinutes, 1, 480);
  else if (input.durationMinutes !== 0) {
    throw new BadInputError('durationMinutes', 'zero-when-not-attended', 'must be 0 for a cancelled or missed visit');
  }
  checkInteger('pressure', input.pressure, 1, 5);
  for (const field of ['subjective', 'objective', 'assessment', 'plan'] as const) checkText(field, input[field], noteText);
  const modalities = input.modalities ?? [];
  if (new Set(modalities).size !== modalities.length) {
    throw new BadInputError('modalities', 'duplicate', 'lists a modality twice');
  }
  const treatedKeys = new Set<string>();
  let regionMinutes = 0;
  (input.regions ?? []).forEach((treated, i) => {
    const region = findBodyRegion(treated.regionCode);
    if (!region) throw new BadInputError(`regions[${i}].regionCode`, 'unknown-region', `unknown body region "${treated.regionCode}"`);
    if (region.lateral && !treated.side) {
      throw new BadInputError(`regions[${i}].side`, 'required-for-lateral-region', `${region.name} needs LEFT, RIGHT or BOTH`);
    }
    if (!region.lateral && treated.side) throw new BadInputError(`regions[${i}].side`, 'not-applicable', `${region.name} has no side`);
    checkInteger(`regions[${i}].minutes`, treated.minutes, 1, 480);
    const key = `${treated.regionCode}/${treated.side ?? ''}`;
    if (treatedKeys.has(key)) throw new BadInputError(`regions[${i}]`, 'duplicate', `${region.name} is listed twice`);
    treatedKeys.add(key);
    regionMinutes += treated.minutes ?? 0;
  });
  if (regionMinutes > input.durationMinutes) {
    throw new BadInputError(
      'regions',
      'exceeds-duration',
      `minutes per region add up to ${regionMinutes}, more than the ${input.durationMinutes}-minute session`,
    );
  }
  if (!attended) {
    for (const field of ['modalities', 'regions', 'observations', 'questionnaireResponses'] as const) {
      if ((input[field] ?? []).length > 0) {
        throw new BadInputError(field, 'not-attended', 'a cancelled or missed visit records no treatment or measurements');
      }
    }
    if (input.pressure) throw new BadInputError('pressure', 'not-attended', 'a cancelled or missed visit has no pressure');
  }
  (input.observations ?? []).forEach((observation, i) => {
    if (observation.context === 'BETWEEN_SESSIONS') {
      throw new BadInputError(`observations[${i}].context`, 'session-context', 'must be PRE_SESSION or POST_SESSION');
    }
    checkObservation(`observations[${i}]`, {
      ...observation,
      takenAt: observation.takenAt ?? input.startedAt,
    });
  });
  (input.questionnaireResponses ?? []).forEach((response, i) => {
    if (response.completedAt) checkClinicalTime(`questionnaireResponses[${i}].completedAt`, response.completedAt);
  });
}

/**
 * Records a visit with its treated regions, its pre/post values and its
 * questionnaires in one transaction: all of it is stored, or none.
 */
export async function recordSession(em: EntityManager, viewer: TherapistViewer, input: RecordSessionInput): Promise<TreatmentSession> {
  checkSessionInput(input);
  const scored = (input.questionnaireResponses ?? []).map((response, i) =>
    scoreQuestionnaire(`questionnaireResponses[${i}]`, response.instrumentCode, response.answers),
  );
  return em.transactional(async (tx) => {
    const series = await getSeries(tx, viewer, input.seriesId);
    if (series.status !== 'ACTIVE') throw new BadInputError('seriesId', 'series-closed', `the series is ${series.status.toLowerCase()}`);
    if (localDate(input.startedAt, await clinicTimeZone(tx, viewer)) < series.startDate) {
      throw new BadInputError('startedAt', 'before-series-start', `must not be before the series start (${series.startDate})`);
    }
    const session = tx.create(TreatmentSession, {
      clinic: viewer.clinicId,
      series: series.id,
      therapist: viewer.therapistId,
      startedAt: input.startedAt,
      durationMinutes: input.durationMinutes,
      attendance: input.attendance,
      modalities: input.modalities ?? [],
      pressure: input.pressure ?? null,
      subjective: input.subjective ?? null,
      objective: input.objective ?? null,
      assessment: input.assessment ?? null,
      plan: input.plan ?? null,
    });
    for (const treated of input.regions ?? []) {
      tx.create(TreatedRegion, {
        clinic: viewer.clinicId,
        session,
        region: treated.regionCode,
        side: treated.side ?? null,
        minutes: treated.minutes ?? null,
      });
    }
    const owner = {
      clientId: series.client.id,
      seriesId: series.id,
      sessionId: session.id,
      recordedByRole: 'THERAPIST' as const,
      recordedByTherapistId: viewer.therapistId,
    };
    const endedAt = new Date(input.startedAt.getTime() + input.durationMinutes * 60_000);
    for (const observation of input.observations ?? []) {
      const takenAt = observation.takenAt ?? (observation.context === 'POST_SESSION' ? endedAt : input.startedAt);
      addObservation(tx, viewer, owner, { ...observation, takenAt });
    }
    for (const [i, response] of (input.questionnaireResponses ?? []).entries()) {
      addQuestionnaireResponse(tx, viewer, owner, scored[i] as ScoredQuestionnaire, response.completedAt ?? input.startedAt);
    }
    await tx.flush();
    // An attended visit (even one without values) renumbers the later visits of its series; a cancelled or
    // missed one is not numbered and holds no values.
    if (input.attendance === 'ATTENDED') await refreshSeriesOutcomes(tx, [series.id]);
    return session;
  });
}

export function findSeriesByClients(em: EntityManager, viewer: ClinicViewer, clientIds: readonly string[]): Promise<TreatmentSeries[]> {
  return em.find(
    TreatmentSeries,
    { ...visibleTo(viewer), client: { $in: [...clientIds].filter((id) => !ownClientOnly(viewer) || id === ownClientOnly(viewer)) } },
    { orderBy: { startDate: 'desc', createdAt: 'desc' } },
  );
}

export function findSessionsBySeries(em: EntityManager, viewer: ClinicViewer, seriesIds: readonly string[]): Promise<TreatmentSession[]> {
  return em.find(
    TreatmentSession,
    { clinic: viewer.clinicId, series: { id: { $in: [...seriesIds] }, ...visibleTo(viewer) } },
    { orderBy: { startedAt: 'asc', createdAt: 'asc' } },
  );
}

export function findTreatedRegionsBySessions(
  em: EntityManager,
  viewer: ClinicViewer,
  sessionIds: readonly string[],
): Promise<TreatedRegion[]> {
  return em.find(
    TreatedRegion,
    { clinic: viewer.clinicId, session: { id: { $in: [...sessionIds] }, series: visibleTo(viewer) } },
    { orderBy: { createdAt: 'asc' } },
  );
}
