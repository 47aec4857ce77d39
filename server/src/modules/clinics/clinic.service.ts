import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalLanguageTag, checkInteger, checkLanguageTag, checkText, checkTimeZone } from '../../common/validate.js';
import type { ClinicViewer, StaffViewer } from '../../common/viewer.js';
import { Clinic } from './clinic.entity.js';
import type { ClinicSettingsInput } from './clinic.input.js';
import { Therapist } from './therapist.entity.js';

/**
 * A change needs two attended visits to exist at all; past a year of weekly visits the flag
 * would never come in time to matter.
 */
export const noChangeAfterSessionsRange = { min: 2, max: 52 };

/** Name, time zone and locale of a clinic, as the settings mutation and the command line take them. */
export function checkClinicFields(input: { name?: string | null; timeZone?: string | null; locale?: string | null }): void {
  if (input.name !== undefined && input.name !== null) checkText('name', input.name, 200, true);
  if (input.timeZone !== undefined && input.timeZone !== null) checkTimeZone('timeZone', input.timeZone);
  if (input.locale !== undefined && input.locale !== null) checkLanguageTag('locale', input.locale);
}

/** An admin changes their own clinic's settings (the change and its audit row in one transaction). */
export async function updateClinicSettings(em: EntityManager, admin: StaffViewer, input: ClinicSettingsInput): Promise<Clinic> {
  const { min, max } = noChangeAfterSessionsRange;
  checkInteger('noChangeAfterSessions', input.noChangeAfterSessions, min, max);
  checkClinicFields(input);
  const clinic = await em.findOneOrFail(Clinic, admin.clinicId);
  if (input.noChangeAfterSessions) clinic.noChangeAfterSessions = input.noChangeAfterSessions;
  if (input.name) clinic.name = input.name.trim();
  // Only the zone name changes: instants are stored as timestamptz, and calendar days are computed from them on read.
  if (input.timeZone) clinic.timeZone = input.timeZone;
  if (input.locale) clinic.locale = canonicalLanguageTag(input.locale);
  if (typeof input.clientApiTokensAllowed === 'boolean') clinic.clientApiTokensAllowed = input.clientApiTokensAllowed;
  await em.flush();
  return clinic;
}

/** The viewer's own clinic among `ids` (no one reads another clinic's settings). */
export function findViewerClinics(em: EntityManager, viewer: ClinicViewer, ids: readonly string[]): Promise<Clinic[]> {
  return em.find(Clinic, { id: { $in: ids.filter((id) => id === viewer.clinicId) } });
}

/** The therapists among `ids` who work in the viewer's clinic (for the batch loader of an appointment's therapist). */
export function findClinicTherapists(em: EntityManager, viewer: ClinicViewer, ids: readonly string[]): Promise<Therapist[]> {
  return em.find(Therapist, { id: { $in: [...ids] }, clinic: viewer.clinicId });
}

/** A new clinic (its catalogs are shared; its first admin is made with it, by the caller, in the same transaction). */
export async function createClinic(em: EntityManager, input: { name: string; timeZone: string; locale?: string | null }): Promise<Clinic> {
  checkText('name', input.name, 200, true);
  checkClinicFields(input);
  const clinic = em.create(Clinic, {
    name: input.name.trim(),
    timeZone: input.timeZone,
    ...(input.locale ? { locale: canonicalLanguageTag(input.locale) } : {}),
  });
  await em.flush();
  return clinic;
}

export interface ClinicSummary {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  accounts: number;
  clients: number;
}

/** Every clinic with how many accounts and clients it has, by name (for the command line). */
export function listClinicsWithCounts(em: EntityManager): Promise<ClinicSummary[]> {
  return em.execute<ClinicSummary[]>(
    `select c.id, c.name, c.time_zone as "timeZone", c.locale,
        (select count(*)::int from account a where a.clinic_id = c.id) as accounts,
        (select count(*)::int from client cl where cl.clinic_id = c.id) as clients
      from clinic c order by c.name, c.id`,
  );
}

/**
 * An admin opts their clinic in to research (its research-consenting clients then count in researchers'
 * cohorts) or out (they stop counting at once). Opting in again keeps the first date. Audited like
 * every mutation (the audit row is written in the same transaction).
 */
export async function setResearchParticipation(em: EntityManager, admin: StaffViewer, optIn: boolean): Promise<Clinic> {
  const clinic = await em.findOneOrFail(Clinic, admin.clinicId);
  clinic.researchOptedInAt = optIn ? (clinic.researchOptedInAt ?? new Date()) : null;
  await em.flush();
  return clinic;
}
