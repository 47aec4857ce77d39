/*
 * The assessment and plan a therapist writes for a series' progress report, instead of the latest visit's
 * SOAP note. Each save is a new row; reads take the newest per series.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkText } from '../../common/validate.js';
import type { ClinicViewer, TherapistViewer } from '../../common/viewer.js';
import { getSeries } from '../care/care.service.js';
import type { TreatmentSeries } from '../care/treatment-series.entity.js';
import { ReportSummary } from './report-summary.entity.js';

/** Longest assessment or plan: as long as a visit's SOAP fields. */
export const maxSummaryLength = 4000;

export interface ReportSummaryInput {
  assessment?: string | null;
  plan?: string | null;
}

/** The summary in force for a series: what was written, when and by whom (the staff member's name). */
export interface ReportSummaryRow {
  seriesId: string;
  assessment: string | null;
  plan: string | null;
  writtenAt: Date;
  writtenBy: string;
}

/** Blank text is no text: the report would otherwise print an empty assessment. */
const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * Saves the summary for the series' report (both texts empty: withdraws it). Any therapist of the series'
 * clinic may write it, as they may change its plan; another clinic's series is NOT_FOUND.
 */
export async function writeReportSummary(
  em: EntityManager,
  viewer: TherapistViewer,
  seriesId: string,
  input: ReportSummaryInput,
): Promise<TreatmentSeries> {
  checkText('assessment', input.assessment, maxSummaryLength);
  checkText('plan', input.plan, maxSummaryLength);
  return em.transactional(async (tx) => {
    const series = await getSeries(tx, viewer, seriesId);
    tx.create(ReportSummary, {
      clinic: viewer.clinicId,
      series,
      assessment: textOrNull(input.assessment),
      plan: textOrNull(input.plan),
      writtenBy: viewer.accountId,
    });
    await tx.flush();
    return series;
  });
}

/** The summary in force of each series of the viewer's clinic that has one (a withdrawn one counts as none). */
export async function findReportSummaries(
  em: EntityManager,
  viewer: ClinicViewer,
  seriesIds: readonly string[],
): Promise<Map<string, ReportSummaryRow>> {
  if (seriesIds.length === 0) return new Map();
  const rows = await em.execute<
    { series_id: string; assessment: string | null; plan: string | null; created_at: Date; written_by: string }[]
  >(
    `select distinct on (s.series_id) s.series_id, s.assessment, s.plan, s.created_at,
            coalesce(t.given_name || ' ' || t.family_name, a.name, 'Fascia (demo data)') as written_by
       from report_summary s
       left join account a on a.id = s.written_by_id
       left join therapist t on t.id = a.therapist_id
      where s.clinic_id = ? and s.series_id in (?)
      order by s.series_id, s.created_at desc`,
    [viewer.clinicId, seriesIds],
  );
  return new Map(
    rows
      .filter((row) => row.assessment !== null || row.plan !== null)
      .map((row) => [
        row.series_id,
        {
          seriesId: row.series_id,
          assessment: row.assessment,
          plan: row.plan,
          writtenAt: new Date(row.created_at),
          writtenBy: row.written_by,
        },
      ]),
  );
}
