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
