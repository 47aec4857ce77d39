import type { ComplaintOnset } from '../modules/clients/intake.entity.js';
import { findCondition } from '../modules/conditions/condition-catalog.js';
import type { DemoPlan, PlannedClient, PlannedSeries } from './plan.js';
import { Random } from './random.js';
import { addDays, localDateOf } from './time.js';

/*
 * Onboarding details of the demo data: referrals, preferred languages, complaints with their onset, condition codes,
 * consent to share with the referrer, headline measures, and what became of the red flags found at intake.
 *
 * A pass over a finished plan with its own random generator, so the visits, values and questionnaires of the plan
 * (and the seed tests that pin them) stay exactly as they were.
 */

/** Salt of this pass's generator: any constant, as long as it stays the same. */
const onboardingSalt = 0x0b0a;

/** The red flag of the clients whose flag is still open: the therapist treats them only after acknowledging it. */
export const openRedFlag = 'Unexplained weight loss (6 kg in 3 months): referred to family physician, review pending.';
/** How many clients of the first clinic keep an open red flag. */
const openRedFlagClients = 2;

const physicians = ['Dr Amelia Roy', 'Dr Samuel Okafor', 'Dr Priya Nair', 'Dr Jonas Weber'];
const physiotherapists = ['Lena Fischer, PT', 'Marc Tremblay, PT', 'Aisha Rahman, PT'];
const chiropractors = ['Dr Tom Keller, DC'];
const practices = ['Harbour Family Health Team', 'Riverside Medical Centre', 'Kingsway Physiotherapy', 'Northgate Sports Clinic'];

/** Conditions that mostly follow an event. */
const injuryConditions = new Set(['WHIPLASH', 'SPORTS_INJURY']);

function complaintOf(series: PlannedSeries, rng: Random, timeZone: string) {
  const takenOn = localDateOf(series.intake.takenAt, timeZone);
  const condition = series.start.conditionCode;
  const onset: ComplaintOnset = injuryConditions.has(condition)
    ? 'AFTER_INJURY'
    : rng.weighted<ComplaintOnset>([
        ['GRADUAL', 6],
        ['SUDDEN', 2],
        ['UNKNOWN', 1],
      ]);
  return {
    description: series.intake.chiefComplaints.slice(0, 500),
    onsetDate: onset === 'UNKNOWN' ? null : addDays(takenOn, -7 * rng.int(1, 104) - rng.int(0, 6)),
    onset,
  };
}

function referralOf(client: PlannedClient, rng: Random, timeZone: string) {
  const first = client.series[0];
  if (!first) return null;
  const referredOn = addDays(localDateOf(first.intake.takenAt, timeZone), -rng.int(3, 30));
  const source = rng.weighted<'PHYSICIAN' | 'PHYSIOTHERAPIST' | 'CHIROPRACTOR' | 'SELF' | null>([
    ['PHYSICIAN', 4],
    ['PHYSIOTHERAPIST', 2],
    ['CHIROPRACTOR', 1],
    ['SELF', 3],
    [null, 2],
  ]);
  if (source === null) return null;
  if (source === 'SELF') return { source, reason: 'Found the clinic online.', referredOn };
  const clinicianName = rng.pick(source === 'PHYSICIAN' ? physicians : source === 'PHYSIOTHERAPIST' ? physiotherapists : chiropractors);
  const organisation = rng.pick(practices);
  return {
    source,
    clinicianName,
    organisation,
    contact: `referrals@${organisation.toLowerCase().replaceAll(' ', '-')}.example.com`,
    reason: `Massage therapy for ${findCondition(first.start.conditionCode)?.name.toLowerCase() ?? 'pain'}.`,
    referredOn,
  };
}

/** Adds the onboarding details to `plan` in place. */
export function addOnboardingDetails(plan: DemoPlan): void {
  const rng = new Random(plan.seed).derive(onboardingSalt);
  // The first clinic's clients by name, as the demo accounts pick them: the portal's client (the first) keeps no open flag.
  const firstClinic = plan.clients
    .filter((client) => client.clinic === 0)
    .sort((a, b) => a.client.familyName.localeCompare(b.client.familyName) || a.client.givenName.localeCompare(b.client.givenName));
  const openFlagClients = new Set(
    firstClinic
      .slice(1)
      .filter((client) => client.series.at(-1)?.close === null)
      .slice(0, openRedFlagClients),
  );

  for (const client of plan.clients) {
    const clinic = plan.clinics[client.clinic];
    if (!clinic) throw new Error(`the plan has no clinic ${client.clinic}`);
    const london = clinic.timeZone === 'Europe/London';
    client.client.preferredLanguage = london ? 'en-GB' : rng.chance(0.2) ? 'fr-CA' : 'en-CA';
    const referral = referralOf(client, rng, clinic.timeZone);
    if (referral) client.client.referral = referral;

    for (const series of client.series) {
      const intake = series.intake;
      series.start.headlineMeasureCode = findCondition(series.start.conditionCode)?.headlineMeasureCode ?? null;
      intake.conditionCodes = [series.start.conditionCode];
      if (rng.chance(0.75)) intake.complaints = [complaintOf(series, rng, clinic.timeZone)];
      intake.consentToShareWithReferrer = referral !== null && referral.source !== 'SELF' && rng.chance(0.8);
      const open = openFlagClients.has(client) && series === client.series.at(-1);
      if (open) intake.redFlags = [...(intake.redFlags ?? []), openRedFlag];
      // The flags found at screening were cleared before treatment (demo-content.ts says how).
      series.redFlagsClearedNote =
        !open && (intake.redFlags ?? []).length > 0 ? `Cleared before treatment: ${(intake.redFlags ?? []).join(' ')}` : null;
      if (open) {
        for (const session of series.sessions) if (session.attendance === 'ATTENDED') session.acknowledgeRedFlags = true;
      }
    }
  }
}
