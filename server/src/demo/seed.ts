import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { TherapistViewer } from '../common/viewer.js';
import { closeSeries, startSeries } from '../modules/care/care.service.js';
import { createClient, recordIntake, resolveRedFlags } from '../modules/clients/client.service.js';
import { Clinic } from '../modules/clinics/clinic.entity.js';
import { Therapist } from '../modules/clinics/therapist.entity.js';
import { refitExpectedChange } from '../modules/expected-change/expected-change.service.js';
import { recordObservation, recordSession } from '../modules/recording/recording.service.js';
import { seedDemoAccounts } from './accounts.js';
import { addDemoAppointments, type Bookings } from './appointments.js';
import { clinicContents } from './demo-content.js';
import { type DemoPlan, planDemoData } from './plan.js';
import { type NetworkSummary, seedResearchNetwork } from './research-network.js';
import { isCalendarDate, localDateOf } from './time.js';

/*
 * The demo data set: 2 clinics, 4 therapists, 40 generated clients and 8 hand-made clients of the wider
 * scope (children, pregnancy, palliative care, a headache diary; `scopeClients`) with intakes, treatment
 * series, visits, pre/post measurements, questionnaires and pain diaries, and one account per role and a
 * parent's proxy account (accounts.ts).
 *
 * Deterministic: the data follow from a seed (mulberry32) and an anchor date, the "today"
 * of the data set. Active series have their last visit in the days up to the anchor, closed
 * ones ended in the weeks before it. Seeding twice with one anchor gives the same clinical data
 * (ids and entry times aside). The server and the seed command anchor the data on the day they
 * first seed (`demoAnchorDate`: FASCIA_DEMO_ANCHOR, else today in the first clinic's zone), so the
 * demo looks current; called without an anchor (tests), the seed uses DEFAULT_ANCHOR_DATE.
 *
 * Everything clinical is written through the services, so it is validated exactly like API
 * input. It all happens in one transaction: a failed seed leaves the database as it was.
 */

export const DEFAULT_SEED = 2026;
export const DEFAULT_CLIENTS = 40;
/** The "today" of the demo data when the caller gives no anchor. */
export const DEFAULT_ANCHOR_DATE = '2026-11-20';

/** The anchor of a demo data set seeded now: `fixed` (FASCIA_DEMO_ANCHOR) if given, else today in the first demo clinic's zone. */
export function demoAnchorDate(fixed: string | undefined, now = new Date()): string {
  return fixed ?? localDateOf(now, (clinicContents[0] as { timeZone: string }).timeZone);
}

export interface SeedOptions {
  seed?: number;
  clients?: number;
  /** YYYY-MM-DD, at the latest today (in the first clinic's zone), so that no visit lies days in the future. */
  anchorDate?: string;
  /** Clients of the synthetic research network written besides (research-network.ts); 0 for none. Default 1,600. */
  researchNetwork?: number;
}

export interface SeedSummary {
  seed: number;
  anchorDate: string;
  clinics: number;
  therapists: number;
  clients: number;
  intakes: number;
  series: number;
  activeSeries: number;
  completedSeries: number;
  discontinuedSeries: number;
  sessions: number;
  attendedSessions: number;
  cancelledSessions: number;
  noShowSessions: number;
  treatedRegions: number;
  /** Every observation: pre/post values, diary entries and questionnaire scores. */
  observations: number;
  questionnaireResponses: number;
  /** The synthetic research network's figures (not counted above), or null when none was written. */
  researchNetwork: NetworkSummary | null;
  seconds: number;
}

/** Any constant will do: it only has to be the same for every process that seeds. */
const seedLockKey = 7_140_313;

/** Clients of the research network by default: enough for the explorer to show most cells at k = 11. */
export const DEFAULT_NETWORK_CLIENTS = 1600;

function resolveOptions(options: SeedOptions): Required<SeedOptions> {
  const seed = options.seed ?? DEFAULT_SEED;
  const clients = options.clients ?? DEFAULT_CLIENTS;
  const anchorDate = options.anchorDate ?? DEFAULT_ANCHOR_DATE;
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  if (!Number.isInteger(clients) || clients < 1 || clients > 1000) {
    throw new Error(`clients must be a whole number from 1 to 1000, got ${clients}`);
  }
  const latest = demoAnchorDate(undefined);
  if (!isCalendarDate(anchorDate)) throw new Error(`anchorDate must be a date YYYY-MM-DD, got "${anchorDate}"`);
  if (anchorDate > latest) {
    throw new Error(
      `anchorDate ${anchorDate} is too late: at most ${latest} (today in the first clinic's zone), or visits would lie in the future`,
    );
  }
  const researchNetwork = options.researchNetwork ?? DEFAULT_NETWORK_CLIENTS;
  if (!Number.isInteger(researchNetwork) || researchNetwork < 0 || researchNetwork > 100_000) {
    throw new Error(`researchNetwork must be a whole number from 0 to 100000, got ${researchNetwork}`);
  }
  return { seed, clients, anchorDate, researchNetwork };
}

/** What the plan will write, counted from the plan itself. */
function countPlan(plan: DemoPlan): Omit<SeedSummary, 'seconds' | 'researchNetwork'> {
  const series = plan.clients.flatMap((client) => client.series);
  const sessions = series.flatMap((s) => s.sessions);
  const responses = sessions.reduce((n, s) => n + (s.questionnaireResponses?.length ?? 0), 0);
  return {
    seed: plan.seed,
    anchorDate: plan.anchorDate,
    clinics: plan.clinics.length,
    therapists: plan.clinics.reduce((n, clinic) => n + clinic.therapists.length, 0),
    clients: plan.clients.length,
    intakes: series.length,
    series: series.length,
    activeSeries: series.filter((s) => s.close === null).length,
    completedSeries: series.filter((s) => s.close?.status === 'COMPLETED').length,
    discontinuedSeries: series.filter((s) => s.close?.status === 'DISCONTINUED').length,
    sessions: sessions.length,
    attendedSessions: sessions.filter((s) => s.attendance === 'ATTENDED').length,
    cancelledSessions: sessions.filter((s) => s.attendance === 'CANCELLED').length,
    noShowSessions: sessions.filter((s) => s.attendance === 'NO_SHOW').length,
    treatedRegions: sessions.reduce((n, s) => n + (s.regions?.length ?? 0), 0),
    observations:
      sessions.reduce((n, s) => n + (s.observations?.length ?? 0), 0) + responses + series.reduce((n, s) => n + s.diary.length, 0),
    questionnaireResponses: responses,
  };
}

async function writePlan(tx: EntityManager, log: Logger, plan: DemoPlan): Promise<void> {
  // Clinics and therapists have no service yet. Entry times are spaced by a millisecond so
  // "the first therapist of the first clinic" (the default viewer) is always the same person.
  const entryTime = Date.now();
  let order = 0;
  const viewers: TherapistViewer[][] = [];
  for (const clinicPlan of plan.clinics) {
    const clinic = tx.create(Clinic, {
      name: clinicPlan.name,
      timeZone: clinicPlan.timeZone,
      // The demo clinics take part in research (new clinics start opted out).
      researchOptedInAt: new Date(entryTime),
      createdAt: new Date(entryTime + order++),
    });
    const therapists = clinicPlan.therapists.map((therapist) =>
      tx.create(Therapist, {
        clinic,
        ...therapist,
        createdAt: new Date(entryTime + order++),
      }),
    );
    await tx.flush();
    viewers.push(
      therapists.map((therapist) => ({
        role: 'THERAPIST',
        accountId: null,
        therapistId: therapist.id,
        clinicId: clinic.id,
      })),
    );
  }

  // Each service call gets a fresh, empty EntityManager inside the one transaction, so no
  // identity map grows with the data set (the services open savepoints for their own transactions).
  const unit = () => tx.fork({ keepTransactionContext: true });
  const bookings: Bookings = new Map();
  // All appointments go in at the end, in one flush: a few hundred rows, no round trip per series.
  const booking = unit();
  const clinicZones = plan.clinics.map((clinic) => clinic.timeZone);
  const total = plan.clients.length;
  for (const [index, planned] of plan.clients.entries()) {
    const clinicViewers = viewers[planned.clinic] as TherapistViewer[];
    const client = await createClient(unit(), clinicViewers[planned.series[0]?.therapist ?? 0] as TherapistViewer, planned.client);
    for (const plannedSeries of planned.series) {
      const viewer = clinicViewers[plannedSeries.therapist] as TherapistViewer;
      await recordIntake(unit(), viewer, client.id, plannedSeries.intake);
      if (plannedSeries.redFlagsClearedNote) await resolveRedFlags(unit(), viewer, client.id, plannedSeries.redFlagsClearedNote);
      const series = await startSeries(unit(), viewer, {
        ...plannedSeries.start,
        clientId: client.id,
      });
      const sessions = [];
      for (const session of plannedSeries.sessions) {
        sessions.push(
          await recordSession(unit(), viewer, {
            ...session,
            seriesId: series.id,
          }),
        );
      }
      addDemoAppointments(booking, bookings, series, sessions, {
        timeZone: clinicZones[planned.clinic] as string,
        anchorDate: plan.anchorDate,
        active: !plannedSeries.close,
      });
      for (const entry of plannedSeries.diary) {
        await recordObservation(unit(), viewer, {
          ...entry,
          clientId: client.id,
          seriesId: series.id,
        });
      }
      if (plannedSeries.close) await closeSeries(unit(), viewer, series.id, plannedSeries.close);
    }
    const done = index + 1;
    if (done % 10 === 0 || done === total) log.info(`seeding clients ${done}/${total}`);
  }
  await booking.flush();
}

async function seed(em: EntityManager, log: Logger, options: SeedOptions, onlyIfEmpty: boolean): Promise<SeedSummary | null> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const plan = planDemoData(resolved);
  const counts = countPlan(plan);
  let network: NetworkSummary | null = null;
  const seeded = await em.transactional(async (tx) => {
    // Two processes starting on an empty database at once must not both seed it.
    await tx.execute('select pg_advisory_xact_lock(?)', [seedLockKey]);
    if (onlyIfEmpty && (await tx.count(Clinic, {})) > 0) return false;
    log.info(
      {
        seed: resolved.seed,
        anchorDate: resolved.anchorDate,
        clients: counts.clients,
        sessions: counts.sessions,
      },
      'seeding demo data',
    );
    await writePlan(tx, log, plan);
    await seedDemoAccounts(tx, log);
    network =
      resolved.researchNetwork > 0
        ? await seedResearchNetwork(tx, log, { clients: resolved.researchNetwork, anchorDate: resolved.anchorDate, seed: resolved.seed })
        : null;
    // The expected-change models are otherwise fitted nightly: a newcomer's first look already shows the bands.
    const models = await refitExpectedChange(tx);
    log.info({ models }, `expected-change models fitted: ${models}`);
    return true;
  });
  if (!seeded) {
    log.info('the database already has a clinic: demo data not seeded');
    return null;
  }
  const summary: SeedSummary = {
    ...counts,
    researchNetwork: network as NetworkSummary | null,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  log.info(
    summary,
    `demo data seeded in ${summary.seconds} s: ${summary.clinics} clinics, ${summary.therapists} therapists, ` +
      `${summary.clients} clients, ${summary.series} series, ${summary.sessions} sessions, ` +
      `${summary.observations} observations, ${summary.questionnaireResponses} questionnaire responses` +
      (summary.researchNetwork
        ? `; research network: ${summary.researchNetwork.clinics} clinics, ${summary.researchNetwork.clients} clients (${summary.researchNetwork.consenting} consenting)`
        : ''),
  );
  return summary;
}

/** Writes the demo data set, whatever the database already holds. */
export async function seedDemoData(em: EntityManager, log: Logger, options: SeedOptions = {}): Promise<SeedSummary> {
  return (await seed(em, log, options, false)) as SeedSummary;
}

/** Writes the demo data set only into a database without any clinic; otherwise does nothing and returns null. */
export async function seedDemoDataIfEmpty(em: EntityManager, log: Logger, options: SeedOptions = {}): Promise<SeedSummary | null> {
  return seed(em, log, options, true);
}
