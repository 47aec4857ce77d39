import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import type { RecordStatus } from '../../common/record-status.js';
import { checkText, isUuid } from '../../common/validate.js';
import { type ClinicViewer, ForbiddenError, ownClientOnly, type StaffViewer, visibleTo } from '../../common/viewer.js';
import { Account } from '../accounts/account.entity.js';
import { clinicTimeZone, localDate } from '../care/care.service.js';
import { TreatedRegion } from '../care/treated-region.entity.js';
import { TreatmentSession } from '../care/treatment-session.entity.js';
import { scoreQuestionnaire } from '../instruments/questionnaire.service.js';
import { QuestionnaireResponse } from '../instruments/questionnaire-response.entity.js';
import { Observation } from '../measures/observation.entity.js';
import { checkObservation } from '../measures/observation.service.js';
import { refreshSeriesOutcomes } from '../progress/series-outcome.js';
import { checkSessionInput } from '../recording/recording.service.js';
import type { AmendObservationInput, AmendQuestionnaireResponseInput, AmendSessionInput } from './correction.input.js';
import { type CorrectedRecordType, type CorrectionKind, RecordRevision, type StoredFieldChange } from './record-revision.entity.js';

/*
 * Corrections of recorded clinical data. Records are corrected, never overwritten: the row keeps the current
 * version (status AMENDED) or stays stored as ENTERED_IN_ERROR, and a record_revision row keeps the earlier
 * version with who, when and why. Every correction of a series' data refreshes its stored outcomes in the same
 * transaction (refreshSeriesOutcomes takes the per-series lock, as recording does).
 */

/** How long a client may void their own diary entry after entering it. */
export const clientVoidWindowMs = 24 * 60 * 60 * 1000;

/** Who corrects, as the revision keeps it (a name as it was then: accounts may later change). */
interface Corrector {
  accountId: string | null;
  role: ClinicViewer['role'];
  name: string;
}

async function correctorOf(em: EntityManager, viewer: ClinicViewer): Promise<Corrector> {
  const account = viewer.accountId ? await em.findOne(Account, viewer.accountId, { populate: ['therapist', 'client'] }) : null;
  const person = account?.therapist?.unwrap() ?? account?.client?.unwrap();
  // An admin who does not treat has no person record: the sign-in name stands for them.
  const name = person ? `${person.givenName} ${person.familyName}` : (account?.email ?? 'Fascia');
  return { accountId: viewer.accountId, role: viewer.role, name };
}

function checkReason(reason: string): void {
  checkText('reason', reason, 2000, true);
}

function checkCorrectable(record: { status: RecordStatus }): void {
  if (record.status === 'ENTERED_IN_ERROR') {
    throw new BadInputError('id', 'already-entered-in-error', 'was entered in error and can no longer be corrected');
  }
}

/** A field's value as a display string (null: empty). */
function display(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(display).join(', ');
  return String(value);
}

/** The fields of two versions that differ, in the order of the earlier one. */
function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>): StoredFieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => ({ field, before: display(before[field]), after: display(after[field]) }))
    .filter((change) => change.before !== change.after);
}

/** The correctable fields of each kind of record, as the revision keeps them. */
function observationVersion(o: Observation): Record<string, unknown> {
  return { value: o.value, regionCode: o.region?.code ?? null, side: o.side ?? null, takenAt: o.takenAt, status: o.status };
}

function responseVersion(r: QuestionnaireResponse): Record<string, unknown> {
  return {
    // One field per item, so a change reads "answers.q3: 2 -> 4".
    ...Object.fromEntries(r.answers.map((a) => [`answers.${a.itemCode}`, a.label ? `${a.value ?? ''} ${a.label}`.trim() : a.value])),
    score: r.score,
    missingItems: r.missingItems,
    scoringVersion: r.scoringVersion,
    status: r.status,
  };
}

function sessionVersion(s: TreatmentSession, regions: readonly TreatedRegion[]): Record<string, unknown> {
  return {
    startedAt: s.startedAt,
    durationMinutes: s.durationMinutes,
    modalities: s.modalities,
    regions: regions.map((r) => [r.region.code, r.side, r.minutes ? `${r.minutes} min` : null].filter(Boolean).join(' ')),
    pressure: s.pressure ?? null,
    subjective: s.subjective ?? null,
    objective: s.objective ?? null,
    assessment: s.assessment ?? null,
    plan: s.plan ?? null,
    status: s.status,
  };
}

/** The SOAP notes are staff-only; revisions shown to a client leave their changes out. */
export const staffOnlyFields: ReadonlySet<string> = new Set(['subjective', 'objective', 'assessment', 'plan']);

interface Revision {
  recordType: CorrectedRecordType;
  recordId: string;
  clientId: string;
  kind: CorrectionKind;
  previous: Record<string, unknown>;
  current: Record<string, unknown>;
}

function addRevision(tx: EntityManager, viewer: ClinicViewer, by: Corrector, reason: string, revision: Revision): void {
  tx.create(RecordRevision, {
    clinic: viewer.clinicId,
    client: revision.clientId,
    recordType: revision.recordType,
    recordId: revision.recordId,
    kind: revision.kind,
    previous: revision.previous,
    // An amendment's status change goes without saying; a void's is the whole change.
    changes: changesBetween(revision.previous, revision.current).filter(
      (change) => revision.kind !== 'AMENDED' || change.field !== 'status',
    ),
    reason: reason.trim(),
    byAccountId: by.accountId,
    byRole: by.role,
    byName: by.name,
  });
}

/** Locks the row being corrected, so two corrections of one record take turns and read each other's result. */
const locked = { lockMode: LockMode.PESSIMISTIC_WRITE } as const;

async function lockedObservation(tx: EntityManager, viewer: ClinicViewer, id: string): Promise<Observation> {
  const observation = isUuid(id) ? await tx.findOne(Observation, { id, ...visibleTo(viewer) }, locked) : null;
  if (!observation) throw new NotFoundError('Observation', id);
  return observation;
}

async function lockedResponse(tx: EntityManager, viewer: ClinicViewer, id: string): Promise<QuestionnaireResponse> {
  const response = isUuid(id) ? await tx.findOne(QuestionnaireResponse, { id, ...visibleTo(viewer) }, locked) : null;
  if (!response) throw new NotFoundError('Questionnaire response', id);
  return response;
}

async function lockedSession(tx: EntityManager, viewer: StaffViewer, id: string): Promise<TreatmentSession> {
  const session = isUuid(id) ? await tx.findOne(TreatmentSession, { id, clinic: viewer.clinicId }, locked) : null;
  if (!session) throw new NotFoundError('Session', id);
  // The series comes along: a session is shown (and audited) with the client it belongs to.
  await session.series.load();
  return session;
}

function refuseScoreObservation(observation: Observation): void {
  if (observation.questionnaireResponse) {
    throw new BadInputError('id', 'questionnaire-score', 'is the score of a questionnaire response: correct the response instead');
  }
}

/** Marks rows entered in error, each with its revision; they stay stored but count nowhere. */
function voidRecords<T extends Observation | QuestionnaireResponse | TreatmentSession>(
  tx: EntityManager,
  viewer: ClinicViewer,
  by: Corrector,
  reason: string,
  recordType: CorrectedRecordType,
  records: readonly { record: T; clientId: string; version: (record: T) => Record<string, unknown> }[],
): void {
  for (const { record, clientId, version } of records) {
    const previous = version(record);
    record.status = 'ENTERED_IN_ERROR';
    addRevision(tx, viewer, by, reason, {
      recordType,
      recordId: record.id,
      clientId,
      kind: 'ENTERED_IN_ERROR',
      previous,
      current: version(record),
    });
  }
}

async function refreshOutcomes(tx: EntityManager, seriesId: string | null | undefined): Promise<void> {
  await tx.flush();
  if (seriesId) await refreshSeriesOutcomes(tx, [seriesId]);
}

/**
 * Marks one value entered in error. Staff: any value of their clinic. A client: only their own diary entry
 * (between sessions, entered by them), within 24 hours of entering it.
 */
export async function markObservationEnteredInError(
  em: EntityManager,
  viewer: ClinicViewer,
  id: string,
  reason: string,
): Promise<Observation> {
  checkReason(reason);
  return em.transactional(async (tx) => {
    const observation = await lockedObservation(tx, viewer, id);
    if (ownClientOnly(viewer) && (observation.context !== 'BETWEEN_SESSIONS' || observation.recordedByRole !== 'CLIENT')) {
      throw new ForbiddenError('Clients may void only their own diary entries; ask your therapist to correct this value');
    }
    checkCorrectable(observation);
    refuseScoreObservation(observation);
    if (ownClientOnly(viewer) && Date.now() - observation.createdAt.getTime() > clientVoidWindowMs) {
      throw new BadInputError('id', 'void-window', 'a diary entry can be voided within 24 hours of entering it; ask your therapist');
    }
    voidRecords(tx, viewer, await correctorOf(tx, viewer), reason, 'OBSERVATION', [
      { record: observation, clientId: observation.client.id, version: observationVersion },
    ]);
    await refreshOutcomes(tx, observation.series?.id);
    return observation;
  });
}

/** Marks a questionnaire response entered in error, with its score observation. */
export async function markQuestionnaireResponseEnteredInError(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  reason: string,
): Promise<QuestionnaireResponse> {
  checkReason(reason);
  return em.transactional(async (tx) => {
    const response = await lockedResponse(tx, viewer, id);
    checkCorrectable(response);
    const scores = await tx.find(Observation, { questionnaireResponse: response.id, status: { $ne: 'ENTERED_IN_ERROR' } }, locked);
    const by = await correctorOf(tx, viewer);
    voidRecords(tx, viewer, by, reason, 'QUESTIONNAIRE_RESPONSE', [
      { record: response, clientId: response.client.id, version: responseVersion },
    ]);
    voidRecords(
      tx,
      viewer,
      by,
      reason,
      'OBSERVATION',
      scores.map((o) => ({ record: o, clientId: o.client.id, version: observationVersion })),
    );
    await refreshOutcomes(tx, response.series?.id);
    return response;
  });
}

/**
 * Marks a visit entered in error, with the values and questionnaires recorded at it (same reason): they
 * belong to a visit that did not happen as recorded.
 */
export async function markSessionEnteredInError(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  reason: string,
): Promise<TreatmentSession> {
  checkReason(reason);
  return em.transactional(async (tx) => {
    const session = await lockedSession(tx, viewer, id);
    checkCorrectable(session);
    const valid = { session: session.id, status: { $ne: 'ENTERED_IN_ERROR' as const } };
    const observations = await tx.find(Observation, valid, locked);
    const responses = await tx.find(QuestionnaireResponse, valid, locked);
    const regions = await tx.find(TreatedRegion, { session: session.id }, { orderBy: { createdAt: 'asc' } });
    const clientId = session.series.unwrap().client.id;
    const by = await correctorOf(tx, viewer);
    voidRecords(tx, viewer, by, reason, 'SESSION', [{ record: session, clientId, version: (s) => sessionVersion(s, regions) }]);
    voidRecords(
      tx,
      viewer,
      by,
      reason,
      'OBSERVATION',
      observations.map((o) => ({ record: o, clientId, version: observationVersion })),
    );
    voidRecords(
      tx,
      viewer,
      by,
      reason,
      'QUESTIONNAIRE_RESPONSE',
      responses.map((r) => ({ record: r, clientId, version: responseVersion })),
    );
    await refreshOutcomes(tx, session.attendance === 'ATTENDED' ? session.series.id : null);
    return session;
  });
}

/** Corrects a value; checked by the measure catalog's rules like a new one. */
export async function amendObservation(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  input: AmendObservationInput,
): Promise<Observation> {
  checkReason(input.reason);
  return em.transactional(async (tx) => {
    const observation = await lockedObservation(tx, viewer, id);
    checkCorrectable(observation);
    refuseScoreObservation(observation);
    const amended = {
      measureCode: observation.measure.code,
      value: input.value ?? Number(observation.value),
      regionCode: input.regionCode ?? observation.region?.code ?? null,
      side: input.side ?? observation.side ?? null,
      context: observation.context,
      takenAt: input.takenAt ?? observation.takenAt,
    };
    checkObservation('', amended);
    const previous = observationVersion(observation);
    tx.assign(observation, {
      value: amended.value,
      region: amended.regionCode,
      side: amended.side,
      takenAt: amended.takenAt,
      status: 'AMENDED',
    });
    const current = observationVersion(observation);
    refuseNoChange(previous, current);
    addRevision(tx, viewer, await correctorOf(tx, viewer), input.reason, {
      recordType: 'OBSERVATION',
      recordId: observation.id,
      clientId: observation.client.id,
      kind: 'AMENDED',
      previous,
      current,
    });
    await refreshOutcomes(tx, observation.series?.id);
    return observation;
  });
}

/** A correction must correct something (the status alone does not count). */
function refuseNoChange(previous: Record<string, unknown>, current: Record<string, unknown>): void {
  if (changesBetween(previous, current).every((change) => change.field === 'status')) {
    throw new BadInputError('input', 'no-change', 'changes nothing: give at least one corrected field');
  }
}

/** Corrects a questionnaire's answers: scored again by the instrument's rules, and its score observation amended too. */
export async function amendQuestionnaireResponse(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  input: AmendQuestionnaireResponseInput,
): Promise<QuestionnaireResponse> {
  checkReason(input.reason);
  return em.transactional(async (tx) => {
    const response = await lockedResponse(tx, viewer, id);
    checkCorrectable(response);
    const scored = scoreQuestionnaire('', response.instrument.code, input.answers);
    const previous = responseVersion(response);
    Object.assign(response, {
      answers: scored.answers,
      score: scored.result.score,
      subscores: scored.result.subscores,
      answeredItems: scored.result.answeredItems,
      missingItems: scored.result.missingItems,
      scoringVersion: scored.instrument.scoringVersion,
      status: 'AMENDED',
    });
    const current = responseVersion(response);
    refuseNoChange(previous, current);
    const by = await correctorOf(tx, viewer);
    const clientId = response.client.id;
    addRevision(tx, viewer, by, input.reason, {
      recordType: 'QUESTIONNAIRE_RESPONSE',
      recordId: response.id,
      clientId,
      kind: 'AMENDED',
      previous,
      current,
    });
    const scores = await tx.find(Observation, { questionnaireResponse: response.id, status: { $ne: 'ENTERED_IN_ERROR' } }, locked);
    for (const score of scores.filter((o) => Number(o.value) !== response.score)) {
      const before = observationVersion(score);
      score.value = response.score;
      score.status = 'AMENDED';
      addRevision(tx, viewer, by, input.reason, {
        recordType: 'OBSERVATION',
        recordId: score.id,
        clientId,
        kind: 'AMENDED',
        previous: before,
        current: observationVersion(score),
      });
    }
    await refreshOutcomes(tx, response.series?.id);
    return response;
  });
}

/** Corrects a visit: the merged version passes the same checks as recordSession. */
export async function amendSession(
  em: EntityManager,
  viewer: StaffViewer,
  id: string,
  input: AmendSessionInput,
): Promise<TreatmentSession> {
  checkReason(input.reason);
  return em.transactional(async (tx) => {
    const session = await lockedSession(tx, viewer, id);
    checkCorrectable(session);
    const series = session.series.unwrap();
    const regions = await tx.find(TreatedRegion, { session: session.id }, { orderBy: { createdAt: 'asc' } });
    // A note given as "" clears it; an omitted one stays.
    const note = (given: string | null | undefined, current: string | null | undefined) =>
      given === undefined || given === null ? (current ?? null) : given || null;
    const merged = {
      seriesId: series.id,
      startedAt: input.startedAt ?? session.startedAt,
      durationMinutes: input.durationMinutes ?? session.durationMinutes,
      attendance: session.attendance,
      modalities: input.modalities ?? session.modalities,
      regions: input.regions ?? regions.map((r) => ({ regionCode: r.region.code, side: r.side ?? null, minutes: r.minutes ?? null })),
      pressure: input.pressure ?? session.pressure ?? null,
      subjective: note(input.subjective, session.subjective),
      objective: note(input.objective, session.objective),
      assessment: note(input.assessment, session.assessment),
      plan: note(input.plan, session.plan),
    };
    checkSessionInput(merged);
    const day = localDate(merged.startedAt, await clinicTimeZone(tx, viewer));
    if (day < series.startDate) {
      throw new BadInputError('startedAt', 'before-series-start', `must not be before the series start (${series.startDate})`);
    }
    if (series.endDate && day > series.endDate) {
      throw new BadInputError('startedAt', 'after-series-end', `must not be after the series end (${series.endDate})`);
    }
    const previous = sessionVersion(session, regions);
    tx.assign(session, {
      startedAt: merged.startedAt,
      durationMinutes: merged.durationMinutes,
      modalities: merged.modalities,
      pressure: merged.pressure,
      subjective: merged.subjective,
      objective: merged.objective,
      assessment: merged.assessment,
      plan: merged.plan,
      status: 'AMENDED',
    });
    let currentRegions = regions;
    if (input.regions) {
      tx.remove(regions);
      currentRegions = input.regions.map((treated) =>
        tx.create(TreatedRegion, {
          clinic: viewer.clinicId,
          session,
          region: treated.regionCode,
          side: treated.side ?? null,
          minutes: treated.minutes ?? null,
        }),
      );
    }
    const current = sessionVersion(session, currentRegions);
    refuseNoChange(previous, current);
    addRevision(tx, viewer, await correctorOf(tx, viewer), input.reason, {
      recordType: 'SESSION',
      recordId: session.id,
      clientId: series.client.id,
      kind: 'AMENDED',
      previous,
      current,
    });
    // A new start time can reorder the visits, and so the visit numbers of the stored outcomes.
    await refreshOutcomes(tx, session.attendance === 'ATTENDED' ? series.id : null);
    return session;
  });
}

/** The revisions of these records the viewer may see, oldest first. */
export function findRevisions(em: EntityManager, viewer: ClinicViewer, recordIds: readonly string[]): Promise<RecordRevision[]> {
  return em.find(RecordRevision, { ...visibleTo(viewer), recordId: { $in: [...recordIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
}
