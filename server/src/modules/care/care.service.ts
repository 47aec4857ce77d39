import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { validOnly } from '../../common/record-status.js';
import { checkInteger, checkLocalDate, checkNumber, checkText, isUuid } from '../../common/validate.js';
import { type ClinicViewer, ownClientOnly, type TherapistViewer, visibleTo } from '../../common/viewer.js';
import { getClient } from '../clients/client.service.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { findCondition } from '../conditions/condition-catalog.js';
import type { CloseSeriesInput, StartSeriesInput, UpdateSeriesInput } from './care.input.js';
import { TreatedRegion } from './treated-region.entity.js';
import { TreatmentSeries } from './treatment-series.entity.js';
import { TreatmentSession } from './treatment-session.entity.js';

const longText = 4000;

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

/** The measure table mirrors the measure catalog (synced at start); care reads it because measures imports care. */
async function checkHeadlineMeasure(em: EntityManager, code: string): Promise<void> {
  const [known] = await em.execute<{ code: string }[]>('select code from measure where code = ?', [code]);
  if (!known) throw new BadInputError('headlineMeasureCode', 'unknown-measure', `unknown measure "${code}"`);
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
    if (input.headlineMeasureCode) await checkHeadlineMeasure(tx, input.headlineMeasureCode);
    const series = tx.create(TreatmentSeries, {
      clinic: viewer.clinicId,
      client: input.clientId,
      therapist: viewer.therapistId,
      condition: input.conditionCode,
      goals: input.goals || null,
      plannedSessions: input.plannedSessions,
      plannedSessionsPerWeek: input.plannedSessionsPerWeek,
      plannedMinutesPerSession: input.plannedMinutesPerSession,
      startDate: input.startDate,
      status: 'ACTIVE',
      headlineMeasureCode: input.headlineMeasureCode || null,
    });
    await tx.flush();
    return series;
  });
}

/** The date of an instant as a calendar day in the clinic's time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export async function clinicTimeZone(em: EntityManager, viewer: ClinicViewer): Promise<string> {
  const clinic = await em.findOneOrFail(Clinic, viewer.clinicId);
  return clinic.timeZone;
}

export async function updateSeries(
  em: EntityManager,
  viewer: TherapistViewer,
  id: string,
  input: UpdateSeriesInput,
): Promise<{ series: TreatmentSeries; headlineChanged: boolean }> {
  if (input.conditionCode) checkCondition('conditionCode', input.conditionCode);
  checkPlan(input);
  return em.transactional(async (tx) => {
    const series = await getSeries(tx, viewer, id);
    const headlineBefore = series.headlineMeasureCode ?? null;
    if (input.headlineMeasureCode) await checkHeadlineMeasure(tx, input.headlineMeasureCode);
    if (input.headlineMeasureCode !== undefined && input.headlineMeasureCode !== null) {
      series.headlineMeasureCode = input.headlineMeasureCode || null;
    }
    if (input.startDate) {
      const first = await tx.findOne(TreatmentSession, { series: id, ...validOnly }, { orderBy: { startedAt: 'asc' } });
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
    // The stored caseload headline follows the chosen measure: the caller rewrites it only when that changed.
    return { series, headlineChanged: (series.headlineMeasureCode ?? null) !== headlineBefore };
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
    const last = await tx.findOne(TreatmentSession, { series: id, ...validOnly }, { orderBy: { startedAt: 'desc' } });
    const lastDay = last && localDate(last.startedAt, await clinicTimeZone(tx, viewer));
    if (lastDay && input.endDate < lastDay) {
      throw new BadInputError('endDate', 'before-last-session', `must not be before the last recorded session (${lastDay})`);
    }
    series.status = input.status;
    series.endDate = input.endDate;
    series.dischargeNote = input.dischargeNote ?? null;
    series.dischargeReason = input.dischargeReason;
    await tx.flush();
    return series;
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
