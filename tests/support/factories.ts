import type { TherapistViewer } from '@fascia/server/graphql/viewer.js';
import { Clinic } from '@fascia/server/modules/clinics/clinic.entity.js';
import { Therapist } from '@fascia/server/modules/clinics/therapist.entity.js';
import type { TestDatabase } from './database.js';

/** A clinic with one therapist, and the viewer that acts as that therapist. */
export async function createClinicWithTherapist(
  db: TestDatabase,
  options: { clinicName?: string; timeZone?: string } = {},
): Promise<TherapistViewer> {
  const em = db.orm.em.fork();
  const clinic = em.create(Clinic, {
    name: options.clinicName ?? 'Test clinic',
    timeZone: options.timeZone ?? 'UTC',
  });
  const therapist = em.create(Therapist, {
    clinic,
    givenName: 'Tess',
    familyName: 'Therapist',
    registrationNumber: 'LMT-1',
  });
  await em.flush();
  return { role: 'THERAPIST', accountId: null, therapistId: therapist.id, clinicId: clinic.id };
}
