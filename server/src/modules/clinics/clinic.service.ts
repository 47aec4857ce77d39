import type { EntityManager } from '@mikro-orm/postgresql';
import { checkInteger } from '../../common/validate.js';
import type { StaffViewer } from '../../common/viewer.js';
import { Clinic } from './clinic.entity.js';
import type { ClinicSettingsInput } from './clinic.input.js';

/**
 * A change needs two attended visits to exist at all; past a year of weekly visits the flag
 * would never come in time to matter.
 */
export const noChangeAfterSessionsRange = { min: 2, max: 52 };

/** An admin changes their own clinic's settings (the change and its audit row in one transaction). */
export async function updateClinicSettings(em: EntityManager, admin: StaffViewer, input: ClinicSettingsInput): Promise<Clinic> {
  const { min, max } = noChangeAfterSessionsRange;
  checkInteger('noChangeAfterSessions', input.noChangeAfterSessions, min, max);
  const clinic = await em.findOneOrFail(Clinic, admin.clinicId);
  if (input.noChangeAfterSessions) clinic.noChangeAfterSessions = input.noChangeAfterSessions;
  await em.flush();
  return clinic;
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
