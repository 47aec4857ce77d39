import { randomUUID } from 'node:crypto';
import { refreshSeriesOutcomes } from '@fascia/server/modules/progress/series-outcome.js';
import type { TestDatabase } from './database.js';

/** One attended visit: day from the series start, minutes, modalities, and NPRS (neck) before and after. */
export interface VisitSpec {
  day: number;
  minutes?: number;
  modalities?: string[];
  pre?: number | null;
  post?: number | null;
}

export interface SeriesSpec {
  conditionCode?: string;
  startDate: string;
  plannedSessionsPerWeek?: number;
  visits: VisitSpec[];
}

export interface ClientSpec {
  clinicId: string;
  therapistId: string;
  dateOfBirth?: string;
  sex?: 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
  /** Research consent of each intake, oldest first (the latest counts). */
  consents?: boolean[];
  series: SeriesSpec[];
}

const dayMs = 86_400_000;

/**
 * Writes a client with intakes, series, attended visits (at 15:00 UTC) and NPRS pre/post values straight
 * into the database: research tests need dozens of clients with exactly known values.
 */
export async function addResearchClient(db: TestDatabase, spec: ClientSpec): Promise<string> {
  const em = db.orm.em.fork();
  const now = new Date().toISOString();
  const clientId = randomUUID();
  await em.execute(
    `insert into client (id, created_at, updated_at, clinic_id, given_name, family_name, date_of_birth, sex, email, phone)
     values (?, ?, ?, ?, 'Research', 'Subject', ?, ?, 'subject@example.com', '555-0199')`,
    [clientId, now, now, spec.clinicId, spec.dateOfBirth ?? '1980-06-15', spec.sex ?? 'FEMALE'],
  );
  for (const [i, consent] of (spec.consents ?? [true]).entries()) {
    await em.execute(
      `insert into intake (id, created_at, updated_at, clinic_id, client_id, recorded_by_id, taken_at, chief_complaints,
         contraindications, red_flags, consent_to_treatment, consent_to_treatment_at, research_consent, research_consent_at)
       values (?, ?, ?, ?, ?, ?, ?, 'Neck pain', '{}', '{}', true, ?, ?, ?)`,
      [
        randomUUID(),
        now,
        now,
        spec.clinicId,
        clientId,
        spec.therapistId,
        new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
        now,
        consent,
        consent ? now : null,
      ],
    );
  }
  for (const series of spec.series) {
    const seriesId = randomUUID();
    await em.execute(
      `insert into treatment_series (id, created_at, updated_at, clinic_id, client_id, therapist_id, condition_code, planned_sessions,
         planned_sessions_per_week, planned_minutes_per_session, start_date, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 60, ?, 'ACTIVE')`,
      [
        seriesId,
        now,
        now,
        spec.clinicId,
        clientId,
        spec.therapistId,
        series.conditionCode ?? 'NECK_PAIN',
        Math.max(series.visits.length, 1),
        series.plannedSessionsPerWeek ?? 1,
        series.startDate,
      ],
    );
    for (const visit of series.visits) {
      const sessionId = randomUUID();
      const startedAt = new Date(Date.parse(`${series.startDate}T15:00:00Z`) + visit.day * dayMs);
      await em.execute(
        `insert into treatment_session (id, created_at, updated_at, clinic_id, series_id, therapist_id, started_at, duration_minutes,
           attendance, modalities, pressure, subjective)
         values (?, ?, ?, ?, ?, ?, ?, ?, 'ATTENDED', ?::text[], 3, 'Private note about the client')`,
        [
          sessionId,
          now,
          now,
          spec.clinicId,
          seriesId,
          spec.therapistId,
          startedAt.toISOString(),
          visit.minutes ?? 60,
          `{${(visit.modalities ?? ['SWEDISH']).join(',')}}`,
        ],
      );
      for (const [context, value, offset] of [
        ['PRE_SESSION', visit.pre, 60_000],
        ['POST_SESSION', visit.post, 50 * 60_000],
      ] as const) {
        if (value === null || value === undefined) continue;
        await em.execute(
          `insert into observation (id, created_at, updated_at, clinic_id, client_id, series_id, session_id, measure_code, value,
             region_code, context, taken_at, recorded_by_role, recorded_by_therapist_id, reporter)
           values (?, ?, ?, ?, ?, ?, ?, 'NPRS', ?, 'NECK', ?, ?, 'THERAPIST', ?, 'CLIENT')`,
          [
            randomUUID(),
            now,
            now,
            spec.clinicId,
            clientId,
            seriesId,
            sessionId,
            value,
            context,
            new Date(startedAt.getTime() + offset).toISOString(),
            spec.therapistId,
          ],
        );
      }
    }
    // Written around the services, so the stored outcomes are brought up to date as the services do.
    await refreshSeriesOutcomes(em, [seriesId]);
  }
  return clientId;
}
