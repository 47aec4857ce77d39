import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../common/errors.js';
import { checkClinicalTime, checkInteger, checkText } from '../../common/validate.js';
import { type ClinicViewer, ForbiddenError, type TherapistViewer } from '../../common/viewer.js';
import { linkSession } from '../appointments/appointment.service.js';
import { findBodyRegion } from '../body-regions/body-region-catalog.js';
import { clinicTimeZone, getSeries, getSession, localDate } from '../care/care.service.js';
import { TreatedRegion } from '../care/treated-region.entity.js';
import { TreatmentSession } from '../care/treatment-session.entity.js';
import { findLatestIntake, getClient, unresolvedRedFlags } from '../clients/client.service.js';
import type { SubmitQuestionnaireInput } from '../instruments/instrument.input.js';
import { type ScoredQuestionnaire, scoreQuestionnaire } from '../instruments/questionnaire.service.js';
import { QuestionnaireResponse } from '../instruments/questionnaire-response.entity.js';
import type { Observation } from '../measures/observation.entity.js';
import type { RecordObservationInput } from '../measures/observation.input.js';
import {
  addObservation,
  checkObservation,
  type ObservationOwner,
  type ReporterInput,
  recorderOf,
  reporterOf,
} from '../measures/observation.service.js';
import { refreshSeriesOutcomes } from '../progress/series-outcome.js';
import type { RecordSessionInput } from './recording.input.js';

/*
 * Recording orchestrates the clinical modules: a visit writes a session (care), its values (measures) and its
 * questionnaires (instruments, whose score is also an observation), then refreshes the stored outcomes (progress).
 * Care, measures and instruments never import it back.
 */

const noteText = 8000;

/** Every check of a session that needs no database: runs before any write. */
export function checkSessionInput(input: RecordSessionInput): void {
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
    const redFlagsAcknowledged = input.attendance === 'ATTENDED' ? await acknowledgedRedFlags(tx, viewer, series.client.id, input) : [];
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
      redFlagsAcknowledged,
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
    for (const [i, observation] of (input.observations ?? []).entries()) {
      const takenAt = observation.takenAt ?? (observation.context === 'POST_SESSION' ? endedAt : input.startedAt);
      addObservation(tx, viewer, owner, { ...observation, takenAt }, `observations[${i}]`);
    }
    for (const [i, response] of (input.questionnaireResponses ?? []).entries()) {
      addQuestionnaireResponse(tx, viewer, owner, scored[i] as ScoredQuestionnaire, response.completedAt ?? input.startedAt, {
        input: response,
        path: `questionnaireResponses[${i}]`,
      });
    }
    if (input.appointmentId !== null && input.appointmentId !== undefined) await linkSession(tx, viewer, input.appointmentId, session);
    await tx.flush();
    // An attended visit (even one without values) renumbers the later visits of its series; a cancelled or
    // missed one is not numbered and holds no values.
    if (input.attendance === 'ATTENDED') await refreshSeriesOutcomes(tx, [series.id]);
    return session;
  });
}

/**
 * A client with open red flags (not yet cleared, e.g. by their physician) is treated only when the therapist says
 * they have seen them; the session keeps the flags acknowledged.
 */
async function acknowledgedRedFlags(
  tx: EntityManager,
  viewer: TherapistViewer,
  clientId: string,
  input: RecordSessionInput,
): Promise<string[]> {
  const flags = unresolvedRedFlags(await findLatestIntake(tx, viewer, clientId));
  if (flags.length > 0 && input.acknowledgeRedFlags !== true) {
    throw new BadInputError(
      'acknowledgeRedFlags',
      'red-flags-unacknowledged',
      `the client has unresolved red flags (${flags.join('; ')}): acknowledge them to record an attended visit`,
    );
  }
  return flags;
}

/** How far ahead of the server a phone's clock may run before "now" counts as the future. */
const clockSkewMs = 5 * 60_000;

/** The calendar date before `date` (YYYY-MM-DD). */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 24 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A client's diary entry is for now, or for an earlier time today or yesterday as the clinic's calendar
 * counts days, and never ahead of now. Recalled pain drifts from momentary ratings as the recall period
 * grows (Broderick et al., Pain 2008;139:146-157), so a diary takes a missed entry back one day, no more.
 */
export function checkDiaryTime(takenAt: Date, timeZone: string, now = new Date()): void {
  if (takenAt.getTime() > now.getTime() + clockSkewMs) {
    throw new BadInputError('takenAt', 'not-in-future', 'a diary entry is for now or an earlier time, not the future');
  }
  const yesterday = dayBefore(localDate(now, timeZone));
  if (localDate(takenAt, timeZone) < yesterday) {
    throw new BadInputError('takenAt', 'not-before-yesterday', `a diary entry is for today or yesterday (${yesterday}), not earlier`);
  }
}

/** Records one value on its own, e.g. a range-of-motion retest or a diary pain score. */
export async function recordObservation(em: EntityManager, viewer: ClinicViewer, input: RecordObservationInput): Promise<Observation> {
  const recorder = recorderOf(viewer);
  checkObservation('', input);
  if (viewer.role === 'CLIENT' && (input.context !== 'BETWEEN_SESSIONS' || input.sessionId)) {
    throw new ForbiddenError('Clients record values between sessions; values taken at a session are recorded by the therapist');
  }
  // An empty id is an id that names nothing (NOT_FOUND below), not an absent one: it must never reach an insert.
  const hasSession = input.sessionId !== null && input.sessionId !== undefined;
  if (hasSession && input.context === 'BETWEEN_SESSIONS') {
    throw new BadInputError('context', 'session-context', 'a value taken at a session is PRE_SESSION or POST_SESSION');
  }
  if (!hasSession && input.context !== 'BETWEEN_SESSIONS') {
    throw new BadInputError('sessionId', 'required-for-context', `${input.context} values name the session they were taken at`);
  }
  return em.transactional(async (tx) => {
    await getClient(tx, viewer, input.clientId);
    if (viewer.role === 'CLIENT') checkDiaryTime(input.takenAt, await clinicTimeZone(tx, viewer));
    let seriesId = input.seriesId ?? null;
    if (input.sessionId !== null && input.sessionId !== undefined) {
      const session = await getSession(tx, viewer, input.sessionId);
      // As recordSession: a visit that did not take place (or was entered in error) has no measurements (progress counts on it).
      if (session.attendance !== 'ATTENDED' || session.status === 'ENTERED_IN_ERROR') {
        throw new BadInputError('sessionId', 'not-attended', 'a cancelled or missed visit records no measurements');
      }
      if (seriesId !== null && seriesId !== session.series.id) {
        throw new BadInputError('seriesId', 'session-series', 'the session belongs to another series');
      }
      seriesId = session.series.id;
    }
    if (seriesId !== null) {
      const series = await getSeries(tx, viewer, seriesId);
      if (series.client.id !== input.clientId) {
        throw new BadInputError('seriesId', 'client-series', 'the series belongs to another client');
      }
    }
    const observation = addObservation(
      tx,
      viewer,
      {
        clientId: input.clientId,
        seriesId,
        sessionId: input.sessionId ?? null,
        ...recorder,
      },
      input,
    );
    await tx.flush();
    // Only a value taken at a visit enters the stored outcomes; a diary value (most of the clients' writes) does not.
    if (input.sessionId && seriesId) await refreshSeriesOutcomes(tx, [seriesId]);
    return observation;
  });
}

/**
 * Adds a scored response and its score observation to the unit of work, so
 * analytics treat a questionnaire score like any other measure. Both carry who answered
 * (`reported`: the input's reporter fields and their path in errors; see `reporterOf`).
 */
export function addQuestionnaireResponse(
  tx: EntityManager,
  viewer: ClinicViewer,
  owner: Omit<ObservationOwner, 'questionnaireResponseId' | 'reporter'>,
  scored: ScoredQuestionnaire,
  completedAt: Date,
  reported: { input: ReporterInput; path: string },
): QuestionnaireResponse {
  const reporter = reporterOf(reported.path, viewer, { kind: 'QUESTIONNAIRE' }, reported.input);
  const response = tx.create(QuestionnaireResponse, {
    clinic: viewer.clinicId,
    client: owner.clientId,
    series: owner.seriesId,
    session: owner.sessionId,
    instrument: scored.instrument.code,
    answers: scored.answers,
    score: scored.result.score,
    subscores: scored.result.subscores,
    answeredItems: scored.result.answeredItems,
    missingItems: scored.result.missingItems,
    scoringVersion: scored.instrument.scoringVersion,
    completedAt,
    recordedByRole: owner.recordedByRole,
    recordedByTherapist: owner.recordedByTherapistId,
    reporter: reporter.reporter,
    proxyRelation: reporter.proxyRelation,
  });
  addObservation(
    tx,
    viewer,
    { ...owner, questionnaireResponseId: response.id, reporter },
    {
      measureCode: scored.instrument.scoreMeasureCode,
      value: scored.result.score,
      context: owner.sessionId ? 'PRE_SESSION' : 'BETWEEN_SESSIONS',
      takenAt: completedAt,
    },
  );
  return response;
}

export async function submitQuestionnaire(
  em: EntityManager,
  viewer: ClinicViewer,
  input: SubmitQuestionnaireInput,
): Promise<QuestionnaireResponse> {
  const recorder = recorderOf(viewer);
  checkClinicalTime('completedAt', input.completedAt);
  const scored = scoreQuestionnaire('', input.instrumentCode, input.answers);
  return em.transactional(async (tx) => {
    await getClient(tx, viewer, input.clientId);
    if (input.seriesId) {
      const series = await getSeries(tx, viewer, input.seriesId);
      if (series.client.id !== input.clientId) {
        throw new BadInputError('seriesId', 'client-series', 'the series belongs to another client');
      }
    }
    const response = addQuestionnaireResponse(
      tx,
      viewer,
      {
        clientId: input.clientId,
        seriesId: input.seriesId ?? null,
        sessionId: null,
        ...recorder,
      },
      scored,
      input.completedAt,
      { input, path: '' },
    );
    await tx.flush();
    return response;
  });
}
