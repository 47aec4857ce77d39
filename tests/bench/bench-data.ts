/*
 * Bulk data for the progress benchmark: 2 clinics, 2,000 clients x 2 series (one completed, one
 * active) x 20 attended sessions x 8 observations (and 2 treated regions per session), written with
 * multi-row `insert ... select from unnest(...)` statements. One therapist of the first clinic
 * treats 200 active series (the caseload target). Deterministic: a seeded generator.
 */

import { randomUUID } from 'node:crypto';
import { seriesHeadlineSql } from '@fascia/server/modules/progress/series-outcome.js';
import type pg from 'pg';
import { reporterOfMeasure } from '../support/reporter.js';

export interface BenchData {
  clinicId: string;
  /** The therapist with the 200 active series. */
  therapistId: string;
  /** Every series of the first clinic (what the therapist may read). */
  seriesIds: string[];
  /** The therapist's active series. */
  caseloadSeriesIds: string[];
  counts: Record<string, number>;
}

export const benchShape = {
  clients: 2_000,
  seriesPerClient: 2,
  sessionsPerSeries: 20,
  observationsPerSession: 8,
  treatedRegionsPerSession: 2,
  caseloadSeries: 200,
  therapistsPerClinic: 5,
} as const;

/** Measures written at every visit: 8 values in 4 groups (measure, region, side), pre and post. */
const visitMeasures = [
  { code: 'NPRS', region: 'NECK', side: null, start: 7, perVisit: -0.2, min: 0, max: 10 },
  { code: 'VAS_PAIN', region: 'NECK', side: null, start: 68, perVisit: -2, min: 0, max: 100 },
  { code: 'CERVICAL_FLEXION', region: null, side: null, start: 35, perVisit: 0.8, min: 0, max: 90 },
  { code: 'CERVICAL_ROTATION', region: null, side: 'LEFT', start: 55, perVisit: 0.9, min: 0, max: 90 },
] as const;
/** Measure groups per series (what a progress answer holds). */
export const measureGroupsPerSeries = visitMeasures.length;

/** Conditions whose headline measure (NPRS) the benchmark records, so every caseload item has a headline. */
const conditions = ['OSTEOARTHRITIS', 'TENSION_TYPE_HEADACHE', 'POSTURAL_PAIN', 'TMJ_DISORDER', 'CANCER_PALLIATIVE'];
const modalities = ['SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE', 'SPORTS', 'SHIATSU'];
const regions = ['NECK', 'UPPER_BACK', 'LOWER_BACK'];
const givenNames = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam'];
const familyNames = ['Ahmed', 'Brown', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hall', 'Ito', 'Jensen', 'Khan', 'Lopez'];

/** mulberry32: a small deterministic generator. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Column = [name: string, type: string, cast?: string];

/** Rows collected per table and written `chunk` at a time with one `insert ... select from unnest` each. */
class BulkWriter {
  private rows: unknown[][] = [];
  written = 0;
  constructor(
    private readonly client: pg.Client,
    private readonly table: string,
    private readonly columns: Column[],
    /** Tables this one refers to: flushed first, so foreign keys always find their rows. */
    private readonly before: BulkWriter[] = [],
    private readonly chunk = 10_000,
  ) {}

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    for (const writer of this.before) await writer.flush();
    const rows = this.rows;
    this.rows = [];
    const names = this.columns.map(([name]) => `"${name}"`).join(', ');
    const select = this.columns.map(([, , cast], i) => (cast ? `c${i}::${cast}` : `c${i}`)).join(', ');
    const unnest = this.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const aliases = this.columns.map((_, i) => `c${i}`).join(', ');
    await this.client.query(
      `insert into "${this.table}" (${names}) select ${select} from unnest(${unnest}) as u(${aliases})`,
      this.columns.map((_, i) => rows.map((row) => row[i])),
    );
    this.written += rows.length;
  }
}

const dayMs = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Loads the data set into an empty, migrated database; `progress` receives a line now and then. */
export async function loadBenchData(client: pg.Client, progress: (line: string) => void): Promise<BenchData> {
  const random = generator(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const stamp = now.toISOString();

  const clinics = [
    { id: randomUUID(), name: 'Bench Harbourfront', tz: 'America/Toronto' },
    { id: randomUUID(), name: 'Bench Riverside', tz: 'Europe/London' },
  ];
  for (const clinic of clinics) {
    await client.query('insert into clinic (id, created_at, updated_at, name, time_zone) values ($1, $2, $2, $3, $4)', [
      clinic.id,
      stamp,
      clinic.name,
      clinic.tz,
    ]);
  }
  const therapists = new Map<string, string[]>();
  for (const clinic of clinics) {
    const ids: string[] = [];
    for (let t = 0; t < benchShape.therapistsPerClinic; t++) {
      const id = randomUUID();
      ids.push(id);
      await client.query(
        `insert into therapist (id, created_at, updated_at, clinic_id, given_name, family_name, registration_number)
         values ($1, $2, $2, $3, $4, $5, $6)`,
        [id, stamp, clinic.id, pick(givenNames), pick(familyNames), `LMT-B${t}`],
      );
    }
    therapists.set(clinic.id, ids);
  }
  const [first] = clinics as [(typeof clinics)[number]];
  const firstTherapists = therapists.get(first.id) as string[];
  const caseloadTherapist = firstTherapists[0] as string;

  const clientWriter = new BulkWriter(client, 'client', [
    ['id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['clinic_id', 'uuid'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['date_of_birth', 'date'],
    ['sex', 'text'],
  ]);
  const seriesWriter = new BulkWriter(
    client,
    'treatment_series',
    [
      ['id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['clinic_id', 'uuid'],
      ['client_id', 'uuid'],
      ['therapist_id', 'uuid'],
      ['condition_code', 'text'],
      ['planned_sessions', 'int2'],
      ['planned_sessions_per_week', 'float8'],
      ['planned_minutes_per_session', 'int2'],
      ['start_date', 'date'],
      ['status', 'text'],
      ['end_date', 'date'],
    ],
    [clientWriter],
  );
  const sessionWriter = new BulkWriter(
    client,
    'treatment_session',
    [
      ['id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['clinic_id', 'uuid'],
      ['series_id', 'uuid'],
      ['therapist_id', 'uuid'],
      ['started_at', 'timestamptz'],
      ['duration_minutes', 'int2'],
      ['attendance', 'text'],
      ['modalities', 'text', 'text[]'],
      ['pressure', 'int2'],
    ],
    [seriesWriter],
  );
  const regionWriter = new BulkWriter(
    client,
    'treated_region',
    [
      ['id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['clinic_id', 'uuid'],
      ['session_id', 'uuid'],
      ['region_code', 'text'],
      ['side', 'text'],
      ['minutes', 'int2'],
    ],
    [sessionWriter],
  );
  const observationWriter = new BulkWriter(
    client,
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
    [sessionWriter],
  );

  const seriesIds: string[] = [];
  const caseloadSeriesIds: string[] = [];
  const clientsPerClinic = benchShape.clients / clinics.length;
  const started = Date.now();
  for (let c = 0; c < benchShape.clients; c++) {
    const clinic = clinics[Math.floor(c / clientsPerClinic)] as (typeof clinics)[number];
    const local = c % clientsPerClinic;
    const clinicTherapists = therapists.get(clinic.id) as string[];
    const clientId = randomUUID();
    const birth = Date.UTC(1950 + Math.floor(random() * 50), Math.floor(random() * 12), 1 + Math.floor(random() * 28));
    await clientWriter.add([
      clientId,
      stamp,
      stamp,
      clinic.id,
      pick(givenNames),
      pick(familyNames),
      isoDate(birth),
      pick(['FEMALE', 'MALE']),
    ]);
    // Most clients improve, some plateau, some worsen.
    const trend = random() < 0.7 ? 1 : random() < 0.5 ? 0 : -0.6;
    for (let s = 0; s < benchShape.seriesPerClient; s++) {
      const active = s === 1;
      const therapistId =
        clinic === first && active && local < benchShape.caseloadSeries
          ? caseloadTherapist
          : (clinicTherapists[1 + ((local + s) % (clinicTherapists.length - 1))] as string);
      // 20 visits twice a week take 10 weeks: the active series started 75 days ago, the completed one a year before.
      const start = today - (active ? 75 : 440) * dayMs - Math.floor(random() * 5) * dayMs;
      const seriesId = randomUUID();
      if (clinic === first) seriesIds.push(seriesId);
      if (therapistId === caseloadTherapist) caseloadSeriesIds.push(seriesId);
      await seriesWriter.add([
        seriesId,
        stamp,
        stamp,
        clinic.id,
        clientId,
        therapistId,
        pick(conditions),
        benchShape.sessionsPerSeries,
        2,
        60,
        isoDate(start),
        active ? 'ACTIVE' : 'COMPLETED',
        active ? null : isoDate(start + 72 * dayMs),
      ]);
      for (let v = 0; v < benchShape.sessionsPerSeries; v++) {
        const sessionId = randomUUID();
        const startedAt = start + Math.round(v * 3.5 * dayMs) + (14 + Math.floor(random() * 5)) * 3_600_000;
        const two = [pick(modalities), pick(modalities)];
        const used = two[0] === two[1] ? [two[0]] : two;
        await sessionWriter.add([
          sessionId,
          stamp,
          stamp,
          clinic.id,
          seriesId,
          therapistId,
          new Date(startedAt).toISOString(),
          60,
          'ATTENDED',
          `{${used.join(',')}}`,
          3,
        ]);
        for (let r = 0; r < benchShape.treatedRegionsPerSession; r++) {
          await regionWriter.add([randomUUID(), stamp, stamp, clinic.id, sessionId, regions[(v + r) % regions.length], null, 20]);
        }
        for (const m of visitMeasures) {
          const level = m.start + m.perVisit * v * trend + (random() - 0.5) * Math.abs(m.perVisit) * 4;
          const pre = Math.round(Math.min(m.max, Math.max(m.min, level)));
          const post = Math.round(Math.min(m.max, Math.max(m.min, level + m.perVisit * 3)));
          for (const [context, value, offset] of [
            ['PRE_SESSION', pre, 60_000],
            ['POST_SESSION', post, 55 * 60_000],
          ] as const) {
            await observationWriter.add([
              randomUUID(),
              stamp,
              stamp,
              clinic.id,
              clientId,
              seriesId,
              sessionId,
              m.code,
              value,
              m.region,
              m.side,
              context,
              new Date(startedAt + offset).toISOString(),
              'THERAPIST',
              therapistId,
              reporterOfMeasure(m.code),
            ]);
          }
        }
      }
    }
    if ((c + 1) % 250 === 0) {
      progress(
        `  ${c + 1}/${benchShape.clients} clients, ${observationWriter.written.toLocaleString('en')} observations written (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
  for (const writer of [clientWriter, seriesWriter, sessionWriter, regionWriter, observationWriter]) await writer.flush();
  progress('  analyzing tables');
  await client.query('analyze');
  // COPY goes around the services, which keep each series' caseload headlines as they write: compute them all, as
  // the migration that introduced them does for data already there.
  const headlinesStart = Date.now();
  await client.query(seriesHeadlineSql('true', { everySeries: true }));
  await client.query('analyze series_headline');
  progress(`  caseload headlines computed in ${((Date.now() - headlinesStart) / 1000).toFixed(1)} s`);
  return {
    clinicId: first.id,
    therapistId: caseloadTherapist,
    seriesIds,
    caseloadSeriesIds,
    counts: {
      clinics: clinics.length,
      therapists: clinics.length * benchShape.therapistsPerClinic,
      clients: clientWriter.written,
      series: seriesWriter.written,
      sessions: sessionWriter.written,
      treatedRegions: regionWriter.written,
      observations: observationWriter.written,
    },
  };
}
