/*
 * A synthetic research network for the demo: several more clinics, opted in to research, with
 * 1,600 clients (about 85% research-consenting) who each have one series of one of the demo's
 * conditions, NPRS before and after every attended visit, and the condition's questionnaire at the
 * first and last visits. Dose and outcome are related as in the massage literature's pattern: more
 * hands-on minutes (up to a plateau) and regular visits go with more improvement; conditions differ in
 * how much they respond (palliative care and fibromyalgia least); some clients plateau or worsen.
 * So the research explorer, at k = 11, shows time courses, dose bands and responder rates.
 *
 * Written in bulk, table by table, in the seed's transaction: each table's rows go in batches as one
 * JSON document per statement (`insert ... select from json_to_recordset`), a few statements for tens
 * of thousands of rows instead of a statement per row; the stored series outcomes are then computed
 * for the network's series in one statement, as the migration that introduced them does. Progress is
 * logged per table. Deterministic: a seeded generator and ids derived from it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { findMeasure } from '../modules/measures/measure-catalog.js';
import { seriesHeadlineSql, seriesOutcomeSql } from '../modules/progress/series-outcome.js';
import { type RunSql, withoutKeysAndIndexes } from './bulk-load.js';
import { conditionProfiles } from './demo-content.js';
import { Random } from './random.js';

export interface NetworkOptions {
  clients?: number;
  /** The last day any series may start on (the demo's anchor date), YYYY-MM-DD. */
  anchorDate: string;
  seed?: number;
  /** Clinic names start with this (the attack tests generate several networks). */
  namePrefix?: string;
}

export interface NetworkSummary {
  clinics: number;
  clients: number;
  consenting: number;
  sessions: number;
  observations: number;
  seconds: number;
}

const zones = ['America/Toronto', 'America/Vancouver', 'Europe/London', 'Australia/Sydney', 'America/Chicago'];
const modalities = ['SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE', 'SPORTS', 'SHIATSU'];
/** How much each condition improves with treatment (1 = typical), a rough reading of the trial literature. */
const responsiveness: Record<string, number> = {
  FIBROMYALGIA: 0.5,
  CANCER_PALLIATIVE: 0.4,
  OSTEOARTHRITIS: 0.7,
  FROZEN_SHOULDER: 0.8,
  TENSION_TYPE_HEADACHE: 1.1,
  NECK_PAIN: 1.0,
  CHRONIC_LOW_BACK_PAIN: 0.9,
};
const dayMs = 86_400_000;

/** Deterministic UUID-shaped ids (version 4 layout) from the generator. */
function idMaker(random: Random): () => string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random.next() * 4)]}${hex(3)}-${hex(12)}`;
}

/** The one method of the SQL driver's transaction (Kysely's) that runs a statement with real parameters. */
interface RawExecutor {
  executeQuery(query: { sql: string; parameters: readonly unknown[]; query: unknown; queryId: unknown }): Promise<unknown>;
}

/**
 * Inserts `rows` into `table` in batches of 10,000, each batch one JSON document
 * (`json_to_recordset` with the column types) sent as one real statement parameter ($1) on the seed's
 * transaction. Not `em.execute`: MikroORM formats parameters into the SQL text in JavaScript (and logs
 * it), which takes seconds for megabytes of JSON.
 */
async function insertRows(em: EntityManager, table: string, columns: [string, string][], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  const tx = em.getTransactionContext<RawExecutor>();
  if (!tx) throw new Error('the research network is written inside a transaction');
  const sql = `insert into ${table} (${names}) select ${names} from json_to_recordset($1::json) as x(${types})`;
  for (let at = 0; at < rows.length; at += 10_000) {
    const batch = JSON.stringify(rows.slice(at, at + 10_000).map((row) => Object.fromEntries(columns.map(([name], i) => [name, row[i]]))));
    // A compiled raw query as Kysely's CompiledQuery.raw makes it (the driver reads sql and parameters).
    await tx.executeQuery({
      sql,
      parameters: [batch],
      query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] },
      queryId: { queryId: table },
    });
  }
}

/** Writes the network into the database (inside the caller's transaction), logging progress. */
export async function seedResearchNetwork(em: EntityManager, log: Logger, options: NetworkOptions): Promise<NetworkSummary> {
  const started = performance.now();
  const random = new Random(options.seed ?? 20261202);
  const newId = idMaker(random);
  const clientCount = options.clients ?? 1600;
  const prefix = options.namePrefix ?? 'Research network';
  const anchor = Date.parse(`${options.anchorDate}T00:00:00Z`);
  const stamp = new Date().toISOString();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());

  const clinics = zones.slice(0, 4).map((zone, c) => ({ id: newId(), zone, name: `${prefix} clinic ${c + 1}` }));
  const therapists = clinics.flatMap((clinic, c) =>
    [0, 1].map((t) => ({ id: newId(), clinicId: clinic.id, family: `Network ${c + 1}${'AB'[t]}` })),
  );
  await insertRows(
    em,
    'clinic',
    [
      ['id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['name', 'text'],
      ['time_zone', 'text'],
      ['research_opted_in_at', 'timestamptz'],
    ],
    clinics.map((c) => [c.id, stamp, stamp, c.name, c.zone, stamp]),
  );
  await insertRows(
    em,
    'therapist',
    [
      ['id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['clinic_id', 'uuid'],
      ['given_name', 'text'],
      ['family_name', 'text'],
      ['registration_number', 'text'],
    ],
    therapists.map((t, i) => [t.id, stamp, stamp, t.clinicId, 'Network', t.family, `LMT-N${i}`]),
  );

  const clientRows: unknown[][] = [];
  const intakeRows: unknown[][] = [];
  const seriesRows: unknown[][] = [];
  const sessionRows: unknown[][] = [];
  const observationRows: unknown[][] = [];
  let consenting = 0;
  for (let i = 0; i < clientCount; i++) {
    const clinicIndex = i % clinics.length;
    const clinic = clinics[clinicIndex] as (typeof clinics)[number];
    const therapist = therapists[clinicIndex * 2 + (i % 2)] as (typeof therapists)[number];
    const profile = conditionProfiles[i % conditionProfiles.length] as (typeof conditionProfiles)[number];
    const clientId = newId();
    const seriesId = newId();
    const female = random.next() < profile.femaleShare;
    const age = 20 + Math.floor(random.next() * 60);
    const perWeek = random.next() < 0.55 ? 1 : random.next() < 0.8 ? 2 : 0.5;
    const visits = 4 + Math.floor(random.next() * 11);
    // Every visit before the anchor (the demo's "today"): the series ended 1 to 700 days before it.
    const start = anchor - (Math.round((visits * 7) / perWeek) + 2 + Math.floor(random.next() * 700)) * dayMs;
    const birth = new Date(start - (age * 365.25 + random.next() * 300) * dayMs).toISOString().slice(0, 10);
    clientRows.push([clientId, stamp, stamp, clinic.id, 'Network', `Client ${i + 1}`, birth, female ? 'FEMALE' : 'MALE']);
    const consent = random.next() < 0.85;
    if (consent) consenting++;
    const takenAt = new Date(start).toISOString();
    intakeRows.push([
      newId(),
      stamp,
      stamp,
      clinic.id,
      clientId,
      therapist.id,
      takenAt,
      `Referred for ${profile.code.toLowerCase().replaceAll('_', ' ')}`,
      '{}',
      '{}',
      true,
      takenAt,
      consent,
      consent ? takenAt : null,
    ]);
    const minutes = pick([30, 45, 60, 60, 60, 90]);
    seriesRows.push([
      seriesId,
      stamp,
      stamp,
      clinic.id,
      clientId,
      therapist.id,
      profile.code,
      visits,
      perWeek,
      minutes,
      new Date(start).toISOString().slice(0, 10),
      'COMPLETED',
      new Date(start + Math.round((visits * 7) / perWeek) * dayMs).toISOString().slice(0, 10),
    ]);
    // The client's course: improvement grows with total minutes up to a plateau (about 900 min), more for
    // responsive conditions and regular visits; 15% plateau, 8% worsen.
    const course = random.next();
    const kind = course < 0.77 ? 1 : course < 0.92 ? 0 : -0.5;
    const dose = 1 - Math.exp(-(visits * minutes) / 450);
    const regular = perWeek >= 1 ? 1 : 0.75;
    const gain = kind * (responsiveness[profile.code] ?? 1) * dose * regular * (0.7 + 0.6 * random.next());
    const mainModality = pick(modalities);
    const painStart = profile.pain[0] + random.next() * (profile.pain[1] - profile.pain[0]);
    const instrument = profile.instrument ? findMeasure(profile.instrument) : undefined;
    const severity = profile.severity[0] + random.next() * (profile.severity[1] - profile.severity[0]);
    for (let v = 0; v < visits; v++) {
      const sessionId = newId();
      const at = start + Math.round((v * 7) / perWeek) * dayMs + (9 + Math.floor(random.next() * 8)) * 3_600_000;
      const used = random.next() < 0.7 ? [mainModality] : [mainModality, pick(modalities)];
      sessionRows.push([
        sessionId,
        stamp,
        stamp,
        clinic.id,
        seriesId,
        therapist.id,
        new Date(at).toISOString(),
        minutes,
        'ATTENDED',
        `{${[...new Set(used)].join(',')}}`,
        3,
      ]);
      const progress = visits > 1 ? v / (visits - 1) : 0;
      const pain = Math.min(10, Math.max(0, Math.round(painStart - gain * 4.5 * progress + gauss() * 0.7)));
      const observation = (measure: string, value: number, context: string, offsetMinutes: number) =>
        observationRows.push([
          newId(),
          stamp,
          stamp,
          clinic.id,
          clientId,
          seriesId,
          sessionId,
          measure,
          value,
          null,
          null,
          context,
          new Date(at + offsetMinutes * 60_000).toISOString(),
          'THERAPIST',
          therapist.id,
          // NPRS and questionnaire scores: the client's own report, entered by the therapist.
          'CLIENT',
        ]);
      observation('NPRS', pain, 'PRE_SESSION', 1);
      observation('NPRS', Math.max(0, pain - (random.next() < 0.8 ? 1 : random.next() < 0.5 ? 2 : 0)), 'POST_SESSION', minutes + 2);
      if (instrument && (v === 0 || v === visits - 1)) {
        const span = instrument.max - instrument.min;
        const level = severity - (v === 0 ? 0 : gain * 0.35) + gauss() * 0.05;
        const value = Math.round((instrument.min + Math.min(1, Math.max(0, level)) * span) * 10) / 10;
        observation(instrument.code, value, 'PRE_SESSION', 0);
      }
    }
    if ((i + 1) % 400 === 0) log.info(`research network: ${i + 1}/${clientCount} clients planned`);
  }

  // The shared bulk loader (bulk-load.ts, as the research benchmark): keys and indexes rebuilt once after.
  const run: RunSql = async <T extends object>(sql: string, params: unknown[] = []) => {
    const tx = em.getTransactionContext<RawExecutor>();
    if (!tx) throw new Error('the research network is written inside a transaction');
    const result = (await tx.executeQuery({
      sql,
      parameters: params,
      query: { kind: 'RawNode', sqlFragments: [sql], parameters: [] },
      queryId: { queryId: 'bulk' },
    })) as { rows: T[] };
    return result.rows;
  };
  const rebuildSeconds = await withoutKeysAndIndexes(
    run,
    ['client', 'intake', 'treatment_series', 'treatment_session', 'observation'],
    async () => {
      await insertRows(
        em,
        'client',
        [
          ['id', 'uuid'],
          ['created_at', 'timestamptz'],
          ['updated_at', 'timestamptz'],
          ['clinic_id', 'uuid'],
          ['given_name', 'text'],
          ['family_name', 'text'],
          ['date_of_birth', 'date'],
          ['sex', 'text'],
        ],
        clientRows,
      );
      await insertRows(
        em,
        'intake',
        [
          ['id', 'uuid'],
          ['created_at', 'timestamptz'],
          ['updated_at', 'timestamptz'],
          ['clinic_id', 'uuid'],
          ['client_id', 'uuid'],
          ['recorded_by_id', 'uuid'],
          ['taken_at', 'timestamptz'],
          ['chief_complaints', 'text'],
          ['contraindications', 'text[]'],
          ['red_flags', 'text[]'],
          ['consent_to_treatment', 'boolean'],
          ['consent_to_treatment_at', 'timestamptz'],
          ['research_consent', 'boolean'],
          ['research_consent_at', 'timestamptz'],
        ],
        intakeRows,
      );
      await insertRows(
        em,
        'treatment_series',
        [
          ['id', 'uuid'],
          ['created_at', 'timestamptz'],
          ['updated_at', 'timestamptz'],
          ['clinic_id', 'uuid'],
          ['client_id', 'uuid'],
          ['therapist_id', 'uuid'],
          ['condition_code', 'text'],
          ['planned_sessions', 'int'],
          ['planned_sessions_per_week', 'float8'],
          ['planned_minutes_per_session', 'int'],
          ['start_date', 'date'],
          ['status', 'text'],
          ['end_date', 'date'],
        ],
        seriesRows,
      );
      log.info(`research network: ${clientRows.length} clients, intakes and series written`);
      await insertRows(
        em,
        'treatment_session',
        [
          ['id', 'uuid'],
          ['created_at', 'timestamptz'],
          ['updated_at', 'timestamptz'],
          ['clinic_id', 'uuid'],
          ['series_id', 'uuid'],
          ['therapist_id', 'uuid'],
          ['started_at', 'timestamptz'],
          ['duration_minutes', 'int'],
          ['attendance', 'text'],
          ['modalities', 'text[]'],
          ['pressure', 'int'],
        ],
        sessionRows,
      );
      log.info(`research network: ${sessionRows.length} sessions written`);
      await insertRows(
        em,
        'observation',
        [
          ['id', 'uuid'],
          ['created_at', 'timestamptz'],
          ['updated_at', 'timestamptz'],
          ['clinic_id', 'uuid'],
          ['client_id', 'uuid'],
          ['series_id', 'uuid'],
          ['session_id', 'uuid'],
          ['measure_code', 'text'],
          ['value', 'float8'],
          ['region_code', 'text'],
          ['side', 'text'],
          ['context', 'text'],
          ['taken_at', 'timestamptz'],
          ['recorded_by_role', 'text'],
          ['recorded_by_therapist_id', 'uuid'],
          ['reporter', 'text'],
        ],
        observationRows,
      );
      log.info(`research network: ${observationRows.length} observations written`);
    },
  );
  log.info(`research network: indexes and foreign keys rebuilt (every row checked) in ${rebuildSeconds.toFixed(1)} s`);
  // Fresh statistics for the planner, then the stored per-series outcomes and headlines of the network's series (the
  // services keep them for writes through them), each in one statement over every series' visits.
  for (const table of ['client', 'intake', 'treatment_series', 'treatment_session', 'observation']) await em.execute(`analyze ${table}`);
  await em.execute(`set local statement_timeout = '120s'`);
  await em.execute(seriesOutcomeSql('ts.clinic_id in (?)', { everySeries: true }), [clinics.map((c) => c.id)]);
  await em.execute(seriesHeadlineSql('ts.clinic_id in (?)', { everySeries: true }), [clinics.map((c) => c.id)]);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  log.info(`research network: series outcomes computed; done in ${seconds} s`);
  return {
    clinics: clinics.length,
    clients: clientRows.length,
    consenting,
    sessions: sessionRows.length,
    observations: observationRows.length,
    seconds,
  };
}
