/*
 * Scale data for the research benchmark: 20,000 clients in 4 clinics, one series each, 6-14 attended
 * weekly or twice-weekly visits, 5 observations a visit (NPRS and VAS before and after, cervical
 * rotation before): about 1,000,000 observations. Written with COPY (pg-copy-streams), table by
 * table, so foreign keys always find their rows. Deterministic: a seeded generator.
 */

import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type RunSql, withoutKeysAndIndexes } from '@fascia/server/demo/bulk-load.js';
import { seriesOutcomeSql } from '@fascia/server/modules/progress/series-outcome.js';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { reporterOfMeasure } from '../support/reporter.js';
import { generator } from './bench-data.js';

export const researchShape = { clients: 20_000, clinics: 4, therapistsPerClinic: 5, minVisits: 6, maxVisits: 14 } as const;

const conditions = ['NECK_PAIN', 'CHRONIC_LOW_BACK_PAIN', 'TENSION_TYPE_HEADACHE', 'POSTURAL_PAIN', 'WHIPLASH'];
const modalities = ['SWEDISH', 'DEEP_TISSUE', 'TRIGGER_POINT', 'MYOFASCIAL_RELEASE', 'SPORTS', 'SHIATSU'];
const zones = ['America/Toronto', 'Europe/London', 'Australia/Sydney', 'America/Vancouver'];
const dayMs = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Ids in the order they are made, laid out like a UUIDv7 (RFC 9562: a rising prefix, version 7,
 * variant 10): each COPY appends to the primary key's B-tree instead of inserting at random pages,
 * which is what slows a random-UUID load down once the index outgrows shared buffers.
 */
function sequentialIds(): () => string {
  const tag = randomBytes(9).toString('hex');
  let next = 0;
  return () => {
    const n = (next++).toString(16).padStart(12, '0');
    return `${n.slice(0, 8)}-${n.slice(8)}-7${tag.slice(0, 3)}-8${tag.slice(3, 6)}-${tag.slice(6)}`;
  };
}

/** What is measured at every visit: start level, change per visit when improving, bounds, and whether a post value is taken. */
const visitMeasures = [
  { code: 'NPRS', region: 'NECK', side: null, start: 6.5, perVisit: -0.3, min: 0, max: 10, post: true },
  { code: 'VAS_PAIN', region: 'NECK', side: null, start: 62, perVisit: -3, min: 0, max: 100, post: true },
  { code: 'CERVICAL_ROTATION', region: null, side: 'LEFT', start: 55, perVisit: 1, min: 0, max: 90, post: false },
] as const;

interface Visit {
  id: string;
  startedAt: number;
  minutes: number;
  modalities: string[];
}
interface PlannedClient {
  id: string;
  clinic: number;
  therapistId: string;
  seriesId: string;
  trend: number;
  visits: Visit[];
}

/** One COPY ... FROM STDIN in text format: tab-separated, \N for null. */
async function copy(client: pg.Client, table: string, columns: string[], lines: Iterable<string>): Promise<void> {
  const sql = `copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`;
  await pipeline(Readable.from(batched(lines)), client.query(copyFrom(sql)));
}

/** The benchmark's pg client as the shared bulk loader's statement runner. */
const runOn =
  (client: pg.Client): RunSql =>
  async <T extends object>(sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as T[];

/** Lines joined into chunks of about 64 kB: one stream write per line would dominate the load. */
function* batched(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const row = (values: unknown[]) => `${values.map((v) => (v === null ? '\\N' : String(v))).join('\t')}\n`;

export interface LoadFigures {
  observations: number;
  /** Seconds of the whole load (every table), and of the observation COPY alone. */
  seconds: number;
  observationSeconds: number;
  counts: Record<string, number>;
}

/** Loads the data set into an empty, migrated database, printing progress through `say`. */
export async function loadResearchData(
  client: pg.Client,
  say: (line: string) => void,
  clients: number = researchShape.clients,
): Promise<LoadFigures> {
  const random = generator(20261122);
  const newId = sequentialIds();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const stamp = new Date().toISOString();
  const started = Date.now();

  const clinicIds = zones.slice(0, researchShape.clinics).map(() => newId());
  const therapists = clinicIds.map(() => Array.from({ length: researchShape.therapistsPerClinic }, () => newId()));
  for (const [c, clinicId] of clinicIds.entries()) {
    await client.query(
      'insert into clinic (id, created_at, updated_at, name, time_zone, research_opted_in_at) values ($1, $2, $2, $3, $4, $2)',
      [clinicId, stamp, `Research bench clinic ${c + 1}`, zones[c]],
    );
    for (const [t, id] of (therapists[c] as string[]).entries()) {
      await client.query(
        `insert into therapist (id, created_at, updated_at, clinic_id, given_name, family_name, registration_number)
         values ($1, $2, $2, $3, 'Bench', $4, $5)`,
        [id, stamp, clinicId, `Therapist ${t}`, `LMT-R${c}${t}`],
      );
    }
  }

  // The plan of every client first (small), then each table in one COPY.
  const planned: PlannedClient[] = [];
  const clientLines: string[] = [];
  const intakeLines: string[] = [];
  const seriesLines: string[] = [];
  for (let i = 0; i < clients; i++) {
    const clinic = i % researchShape.clinics;
    const clinicId = clinicIds[clinic] as string;
    const therapistId = pick(therapists[clinic] as string[]);
    const id = newId();
    const seriesId = newId();
    const birth = Date.UTC(1935 + Math.floor(random() * 70), Math.floor(random() * 12), 1 + Math.floor(random() * 28));
    clientLines.push(row([id, stamp, stamp, clinicId, 'Bench', `Client ${i}`, isoDate(birth), random() < 0.6 ? 'FEMALE' : 'MALE']));
    const start = Date.UTC(2024, 0, 1) + Math.floor(random() * 880) * dayMs;
    intakeLines.push(
      row([
        newId(),
        stamp,
        stamp,
        clinicId,
        id,
        therapistId,
        new Date(start).toISOString(),
        'Pain',
        '{}',
        '{}',
        't',
        random() < 0.8 ? 't' : 'f',
      ]),
    );
    const perWeek = random() < 0.6 ? 1 : 2;
    const count = researchShape.minVisits + Math.floor(random() * (researchShape.maxVisits - researchShape.minVisits + 1));
    seriesLines.push(
      row([
        seriesId,
        stamp,
        stamp,
        clinicId,
        id,
        therapistId,
        pick(conditions),
        count,
        perWeek,
        60,
        isoDate(start),
        'COMPLETED',
        isoDate(start + count * (7 / perWeek) * dayMs),
      ]),
    );
    const minutes = pick([30, 45, 60, 60, 90]);
    const visits = Array.from({ length: count }, (_, v) => {
      const used = [pick(modalities), pick(modalities)];
      return {
        id: newId(),
        startedAt: start + Math.round((v * 7) / perWeek) * dayMs + (9 + Math.floor(random() * 8)) * 3_600_000,
        minutes,
        modalities: used[0] === used[1] ? [used[0] as string] : used,
      };
    });
    // Most clients improve, some plateau, some worsen.
    const trend = random() < 0.7 ? 1 : random() < 0.5 ? 0 : -0.6;
    planned.push({ id, clinic, therapistId, seriesId, trend, visits });
  }
  const sessionCount = planned.reduce((n, c) => n + c.visits.length, 0);
  let observations = 0;
  let observationStart = 0;
  let observationSeconds = 0;
  const tables = ['client', 'intake', 'treatment_series', 'treatment_session', 'observation'];
  const rebuildSeconds = await withoutKeysAndIndexes(runOn(client), tables, async () => {
    await copy(
      client,
      'client',
      ['id', 'created_at', 'updated_at', 'clinic_id', 'given_name', 'family_name', 'date_of_birth', 'sex'],
      clientLines,
    );
    await copy(
      client,
      'intake',
      [
        'id',
        'created_at',
        'updated_at',
        'clinic_id',
        'client_id',
        'recorded_by_id',
        'taken_at',
        'chief_complaints',
        'contraindications',
        'red_flags',
        'consent_to_treatment',
        'research_consent',
      ],
      intakeLines,
    );
    await copy(
      client,
      'treatment_series',
      [
        'id',
        'created_at',
        'updated_at',
        'clinic_id',
        'client_id',
        'therapist_id',
        'condition_code',
        'planned_sessions',
        'planned_sessions_per_week',
        'planned_minutes_per_session',
        'start_date',
        'status',
        'end_date',
      ],
      seriesLines,
    );
    say(`  ${planned.length.toLocaleString('en')} clients, intakes and series copied (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    function* sessions(): Generator<string> {
      for (const c of planned) {
        for (const v of c.visits) {
          yield row([
            v.id,
            stamp,
            stamp,
            clinicIds[c.clinic],
            c.seriesId,
            c.therapistId,
            new Date(v.startedAt).toISOString(),
            v.minutes,
            'ATTENDED',
            `{${v.modalities.join(',')}}`,
            3,
          ]);
        }
      }
    }
    await copy(
      client,
      'treatment_session',
      [
        'id',
        'created_at',
        'updated_at',
        'clinic_id',
        'series_id',
        'therapist_id',
        'started_at',
        'duration_minutes',
        'attendance',
        'modalities',
        'pressure',
      ],
      sessions(),
    );
    say(`  ${sessionCount.toLocaleString('en')} sessions copied (${((Date.now() - started) / 1000).toFixed(1)} s)`);

    observationStart = Date.now();
    function* observationLines(): Generator<string> {
      for (const c of planned) {
        for (const [v, visit] of c.visits.entries()) {
          for (const m of visitMeasures) {
            const level = m.start + m.perVisit * v * c.trend + (random() - 0.5) * Math.abs(m.perVisit) * 6;
            const clamp = (x: number) => Math.round(Math.min(m.max, Math.max(m.min, x)));
            const values: [string, number, number][] = [['PRE_SESSION', clamp(level), 60_000]];
            if (m.post) values.push(['POST_SESSION', clamp(level + m.perVisit * 3), (visit.minutes + 2) * 60_000]);
            for (const [context, value, offset] of values) {
              observations++;
              yield row([
                newId(),
                stamp,
                stamp,
                clinicIds[c.clinic],
                c.id,
                c.seriesId,
                visit.id,
                m.code,
                value,
                m.region,
                m.side,
                context,
                new Date(visit.startedAt + offset).toISOString(),
                'THERAPIST',
                c.therapistId,
                reporterOfMeasure(m.code),
              ]);
              if (observations % 100_000 === 0) {
                const seconds = (Date.now() - observationStart) / 1000;
                say(
                  `  ${observations.toLocaleString('en')} observations (${seconds.toFixed(1)} s, ${Math.round(observations / seconds).toLocaleString('en')}/s)`,
                );
              }
            }
          }
        }
      }
    }
    await copy(
      client,
      'observation',
      [
        'id',
        'created_at',
        'updated_at',
        'clinic_id',
        'client_id',
        'series_id',
        'session_id',
        'measure_code',
        'value',
        'region_code',
        'side',
        'context',
        'taken_at',
        'recorded_by_role',
        'recorded_by_therapist_id',
        'reporter',
      ],
      observationLines(),
    );
    observationSeconds = (Date.now() - observationStart) / 1000;
  });
  say(`  indexes built and foreign keys added back (every row checked) in ${rebuildSeconds.toFixed(1)} s`);
  say('  analyzing tables');
  await client.query('analyze');
  // COPY goes around the services, which keep each series' outcomes as they write: compute them all, as the
  // migration that introduced them does for data already there. Part of the load's time.
  const outcomesStart = Date.now();
  await client.query(seriesOutcomeSql('true', { everySeries: true }));
  await client.query('analyze series_measure_outcome');
  say(`  series outcomes computed in ${((Date.now() - outcomesStart) / 1000).toFixed(1)} s`);
  const seconds = (Date.now() - started) / 1000;
  return {
    observations,
    seconds,
    observationSeconds,
    counts: { clinics: clinicIds.length, clients: planned.length, series: planned.length, sessions: sessionCount, observations },
  };
}
