/*
 * The progress report of a series for the referring clinician (or the client's own copy). Its numbers
 * are the `progress` API's: the report calls the same `findProgress` with the same range, and only adds
 * words, labels and the values its charts draw. Every generation is audited as a disclosure.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, DomainError } from '../../common/errors.js';
import { type ReporterKind, reporterInWords } from '../../common/reporter.js';
import { isMalformedText } from '../../common/text.js';
import { checkLocalDate, checkText } from '../../common/validate.js';
import { type ClinicViewer, ForbiddenError, type Viewer } from '../../common/viewer.js';
import { writeAttemptsOnRecords, writeAuditEvents } from '../audit/audit.service.js';
import { findBodyRegion } from '../body-regions/body-region-catalog.js';
import { findSessionsBySeries, getSeries, localDate } from '../care/care.service.js';
import { findLatestIntake, getClient } from '../clients/client.service.js';
import { ReferralNode } from '../clients/client.type.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';
import { findCondition } from '../conditions/condition-catalog.js';
import { findMeasure } from '../measures/measure-catalog.js';
import { changeAgainstThreshold, type MeasureDefinition } from '../measures/measure-definition.js';
import { findObservationsBySeries } from '../measures/observation.service.js';
import { checkRange, findProgress } from '../progress/progress.service.js';
import type { DoseItemNode, MeasureProgressNode } from '../progress/progress.type.js';
import type { RequestInfo } from '../request/request-context.js';
import { type ReportAudience, ReportDoseItemNode, ReportMeasureNode, ReportPointNode, SeriesReportNode } from './report.type.js';
import { formatNumber } from './report-format.js';
import { findReportSummaries, type ReportSummaryRow } from './report-summary.service.js';

/** The audit trail's name of a report generation (a disclosure: the detail names the recipient). */
export const reportOperation = 'Report.seriesReport';

/** Longest recipient accepted: a name, a practice and a town fit. */
export const maxRecipientLength = 200;

export interface ReportRequest {
  seriesId: string;
  /** First and last day (clinic calendar, both included); null: from the start / up to today or the end. */
  from: string | null;
  to: string | null;
  /** Whom staff send it to; the client's own copy needs none. */
  recipient: string | null;
  /** How it leaves the server, for the audit trail. */
  format: 'PDF' | 'PRINT';
}

/** Who may generate a report: the clinic's staff, and a client their own. Researchers never. */
function reporter(viewer: Viewer): ClinicViewer {
  if (viewer.role === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'Sign in to get a report');
  if (viewer.role === 'RESEARCHER') throw new ForbiddenError('Researchers see aggregates only');
  return viewer;
}

function checkArguments(viewer: ClinicViewer, request: ReportRequest): void {
  for (const [field, value] of [
    ['seriesId', request.seriesId],
    ['recipient', request.recipient],
  ] as const) {
    if (value !== null && isMalformedText(value))
      throw new BadInputError(field, 'unicode', 'must be well-formed Unicode text without NUL characters');
  }
  if (request.from !== null) checkLocalDate('from', request.from);
  if (request.to !== null) checkLocalDate('to', request.to, 366);
  checkRange({ from: request.from, to: request.to });
  // Staff disclose to someone: the audit trail (and the client's "who has seen my record") names them.
  checkText('recipient', request.recipient, maxRecipientLength, viewer.role !== 'CLIENT');
}

/**
 * A measure in words: its catalog name, region and side, then who reported the values, e.g. "Pain intensity
 * (NPRS 0-10), neck, left, self-report" or "…, reported by a proxy": each reporter's values are a measure of their own.
 */
export function measureLabel(measure: MeasureDefinition, regionCode: string | null, side: string | null, reporter: ReporterKind): string {
  const region = regionCode ? (findBodyRegion(regionCode)?.name ?? regionCode).toLowerCase() : null;
  return [measure.name, region, side?.toLowerCase(), reporterInWords({ reporter, proxyRelation: null })].filter(Boolean).join(', ');
}

/** The threshold statement of one measure (MCID or MDC, in the unit or relative), in words a physician reads at a glance. */
function thresholdStatement(progress: MeasureProgressNode, measure: MeasureDefinition): string {
  if (progress.points < 2) return 'one value only, no change yet';
  return changeAgainstThreshold(
    measure,
    { change: progress.change, threshold: progress.mcid, percentOfBaseline: progress.mcidPercentOfBaseline, kind: progress.thresholdKind },
    (value) => formatNumber(value, measure.decimals),
  );
}

function bandOf(measure: MeasureDefinition, value: number): string | null {
  return measure.severityBands.find((band) => value >= band.min && value <= band.max)?.label ?? null;
}

/** What the reader should know is missing, in sentences. */
function missingNotes(measures: ReportMeasureNode[], expectedCodes: readonly string[], attended: number): string[] {
  const notes: string[] = [];
  if (attended === 0) notes.push('No attended visit in the reported days.');
  const recorded = new Set(measures.map((m) => m.progress.measureCode));
  for (const code of expectedCodes) {
    const measure = findMeasure(code);
    if (measure && !recorded.has(code)) notes.push(`${measure.name}: not recorded in the reported days.`);
  }
  for (const m of measures) {
    if (m.progress.points < 2) notes.push(`${m.label}: one value only, so no change can be given.`);
    // A questionnaire is answered once per visit: only measures taken before and after treatment pair up.
    if (m.progress.unpairedSessions > 0 && findMeasure(m.progress.measureCode)?.kind !== 'QUESTIONNAIRE') {
      const visits = m.progress.unpairedSessions === 1 ? 'one visit has' : `${m.progress.unpairedSessions} visits have`;
      notes.push(`${m.label}: ${visits} a value before or after treatment but not both (left out of the change within visits).`);
    }
  }
  return notes;
}

const modalityNames: Record<string, string> = {
  SWEDISH: 'Swedish',
  DEEP_TISSUE: 'Deep tissue',
  TRIGGER_POINT: 'Trigger point',
  MYOFASCIAL_RELEASE: 'Myofascial release',
  SPORTS: 'Sports',
  SHIATSU: 'Shiatsu',
  REFLEXOLOGY: 'Reflexology',
  LYMPHATIC_DRAINAGE: 'Lymphatic drainage',
  OTHER: 'Other',
};

function doseItems(items: DoseItemNode[], label: (item: DoseItemNode) => string): ReportDoseItemNode[] {
  return items.map((item) =>
    Object.assign(new ReportDoseItemNode(), { label: label(item), minutes: item.minutes, sessions: item.sessions }),
  );
}

/**
 * Builds the report of a series for whoever may have it, and writes the disclosure to the audit trail.
 * Refusals: another clinic's series answers NOT_FOUND exactly like a missing one; staff get FORBIDDEN
 * (rule `consent-to-share`) when the client has not agreed that the clinic reports to the referrer.
 */
export async function seriesReport(
  em: EntityManager,
  viewer: Viewer,
  info: RequestInfo,
  request: ReportRequest,
): Promise<SeriesReportNode> {
  let clientId: string | null = null;
  try {
    const reader = reporter(viewer);
    checkArguments(reader, request);
    const series = await getSeries(em, reader, request.seriesId);
    clientId = series.client.id;
    const [client, intake, clinic, therapist] = await Promise.all([
      getClient(em, reader, series.client.id),
      findLatestIntake(em, reader, series.client.id),
      em.findOneOrFail(Clinic, { id: reader.clinicId }),
      em.findOneOrFail(Therapist, { id: series.therapist.id, clinic: reader.clinicId }),
    ]);
    const audience: ReportAudience = reader.role === 'CLIENT' ? 'CLIENT' : 'CLINICIAN';
    // The client's own copy is their right of access; a report to anyone else needs their consent from the intake.
    if (audience === 'CLINICIAN' && !intake?.consentToShareWithReferrer) {
      throw new DomainError(
        'FORBIDDEN',
        'The client has not consented to sharing their record with the referrer (intake): record their consent before sending a report.',
        'seriesId',
        'consent-to-share',
      );
    }
    const now = new Date();
    const today = localDate(now, clinic.timeZone);
    const last = series.endDate && series.endDate < today ? series.endDate : today;
    if (request.to !== null && request.to < series.startDate)
      throw new BadInputError('to', 'outside-series', `must not be before the series start (${series.startDate})`);
    if (request.from !== null && request.from > last)
      throw new BadInputError('from', 'outside-series', `must not be after the series' last day (${last})`);
    const from = request.from && request.from > series.startDate ? request.from : series.startDate;
    const to = request.to && request.to < last ? request.to : last;
    const range = { from: request.from, to: request.to };

    const progress = (await findProgress(em, reader, [series.id], now, range)).get(series.id);
    if (!progress) throw new DomainError('NOT_FOUND', `Treatment series ${request.seriesId} was not found`);
    if (progress.measures.length + progress.diary.length === 0) {
      throw new BadInputError(
        'seriesId',
        'no-values',
        'the series has no values recorded in the reported days: there is nothing to report yet',
      );
    }
    const condition = findCondition(series.condition.code);
    if (!condition) throw new Error(`condition ${series.condition.code} is missing from the catalog`);

    const inDays = (at: Date) => {
      const day = localDate(at, clinic.timeZone);
      return day >= from && day <= to;
    };
    const [observations, sessions, summaries] = await Promise.all([
      findObservationsBySeries(em, reader, [series.id]),
      audience === 'CLINICIAN' ? findSessionsBySeries(em, reader, [series.id]) : Promise.resolve([]),
      audience === 'CLINICIAN' ? findReportSummaries(em, reader, [series.id]) : Promise.resolve(new Map<string, ReportSummaryRow>()),
    ]);
    const valid = observations.filter((o) => o.status !== 'ENTERED_IN_ERROR' && inDays(o.takenAt));
    const reportMeasure = (p: MeasureProgressNode, diary: boolean): ReportMeasureNode => {
      const measure = findMeasure(p.measureCode);
      if (!measure) throw new Error(`measure ${p.measureCode} is missing from the catalog`);
      const points = valid
        .filter(
          (o) =>
            o.measure.code === p.measureCode &&
            (o.region?.code ?? null) === p.regionCode &&
            (o.side ?? null) === p.side &&
            o.reporter === p.reporter &&
            (o.context === 'BETWEEN_SESSIONS') === diary,
        )
        .map((o) => Object.assign(new ReportPointNode(), { takenAt: o.takenAt, value: o.value, context: o.context }));
      return Object.assign(new ReportMeasureNode(), {
        label: measureLabel(measure, p.regionCode, p.side, p.reporter),
        unitLabel: measure.unitLabel,
        decimals: measure.decimals,
        mcidInWords: thresholdStatement(p, measure),
        baselineBand: bandOf(measure, p.baseline),
        latestBand: bandOf(measure, p.latest),
        progress: p,
        points,
      });
    };
    const measures = progress.measures.map((p) => reportMeasure(p, false));
    const diary = progress.diary.map((p) => reportMeasure(p, true));
    // The latest attended visit of the reported days with an assessment or a plan written …
    const notes = sessions
      .filter((s) => s.status !== 'ENTERED_IN_ERROR' && s.attendance === 'ATTENDED' && inDays(s.startedAt) && (s.assessment || s.plan))
      .at(-1);
    // … or the summary written for the report when it is newer, unless written after the last reported day
    // (it would speak of a later state than the numbers).
    const written = summaries.get(series.id);
    const summary =
      written && localDate(written.writtenAt, clinic.timeZone) <= to && (!notes || written.writtenAt > notes.startedAt) ? written : null;

    const report = Object.assign(new SeriesReportNode(), {
      seriesId: series.id,
      audience,
      recipient: request.recipient?.trim() || null,
      generatedAt: now,
      from,
      to,
      partial: from !== series.startDate || to !== last,
      clinicName: clinic.name,
      therapistName: `${therapist.givenName} ${therapist.familyName}`,
      therapistRegistration: therapist.registrationNumber ?? null,
      clientName: `${client.givenName} ${client.familyName}`,
      clientDateOfBirth: client.dateOfBirth,
      referral: ReferralNode.from(client),
      conditionName: condition.name,
      icd10: condition.icd10,
      goals: series.goals ?? null,
      plannedSessions: series.plannedSessions,
      plannedSessionsPerWeek: series.plannedSessionsPerWeek,
      plannedMinutesPerSession: series.plannedMinutesPerSession,
      seriesStartDate: series.startDate,
      seriesEndDate: series.endDate ?? null,
      seriesStatus: series.status,
      progress,
      measures,
      diary,
      doseByModality: doseItems(progress.dose.byModality, (item) => modalityNames[item.code] ?? item.code),
      doseByRegion: doseItems(progress.dose.byRegion, (item) =>
        [findBodyRegion(item.code)?.name ?? item.code, item.side?.toLowerCase()].filter(Boolean).join(', '),
      ),
      missing: missingNotes(
        measures,
        [condition.headlineMeasureCode, ...condition.suggestedInstrumentCodes.filter((c) => c !== condition.headlineMeasureCode)],
        progress.attendance.attended,
      ),
      assessment: (summary ?? notes)?.assessment ?? null,
      plan: (summary ?? notes)?.plan ?? null,
      notesVisitAt: summary ? null : (notes?.startedAt ?? null),
      summaryWrittenAt: summary?.writtenAt ?? null,
      summaryWrittenBy: summary?.writtenBy ?? null,
      clientId: client.id,
      timeZone: clinic.timeZone,
    });
    await writeAuditEvents(em, viewer, info, {
      operation: reportOperation,
      outcome: 'ALLOWED',
      clientIds: [client.id],
      detail: { disclosure: true, seriesId: series.id, recipient: report.recipient, audience, format: request.format, from, to },
    });
    return report;
  } catch (error) {
    const refused = error instanceof DomainError && error.code !== 'BAD_USER_INPUT' ? error.code : null;
    if (refused) {
      const entry = {
        operation: reportOperation,
        outcome: refused === 'NOT_FOUND' ? ('NOT_FOUND' as const) : ('DENIED' as const),
        clientIds: clientId ? [clientId] : [],
        detail: {
          seriesId: request.seriesId.slice(0, 64),
          recipient: request.recipient?.slice(0, maxRecipientLength) ?? null,
          format: request.format,
        },
      };
      await writeAuditEvents(em, viewer, info, entry);
      // An attempt on a record that exists is also filed under its client, wherever it came from.
      if (!clientId && refused === 'NOT_FOUND') await writeAttemptsOnRecords(em, viewer, info, entry, [request.seriesId]);
    }
    throw error;
  }
}
