/*
 * The de-identified CSV export (HTTP, not GraphQL: it streams). Researchers only; audited like the
 * GraphQL research queries. Rows come from a PostgreSQL cursor and are written as they arrive, so
 * an export of a million rows never sits in memory.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { Logger } from 'pino';
import { type Answer, answerWith, crossSiteRefusal, csvLine, requestInfo } from '../../common/download.js';
import { BadInputError, DomainError } from '../../common/errors.js';
import type { Viewer } from '../../common/viewer.js';
import { heavyReads, type ReadReplicas } from '../../db/read-replicas.js';
import { writeAuditEvents } from '../audit/audit.service.js';
import { anonymize, generalizationSteps, type QuasiIdentifiers, withheld } from './k-anonymity.js';
import { ageBands, cohortFilterFromJson } from './research.input.js';
import { checkFilterSizes, researchMeasure } from './research.service.js';
import { exportParticipantsStatement, exportStatement } from './research.sql.js';
import { CohortOverlapError, checkAndRecordRelease, everyMeasure } from './research-release.js';
import { tooSmall } from './suppression.js';

/** One column of the export: its name in the header, and what the data dictionary says of it. */
interface ExportColumn {
  name: string;
  type: 'string' | 'integer' | 'number';
  description: string;
}

/** The columns, in order: the header row and the data dictionary both come from this list. */
export const exportColumns: readonly ExportColumn[] = [
  {
    name: 'participant',
    type: 'string',
    description:
      'Pseudonym of the client: 16 hex digits of a keyed SHA-256 of the internal id, with a random key per export that is never stored. ' +
      'The same client has another pseudonym in every export.',
  },
  {
    name: 'age_band',
    type: 'string',
    description: `Age at the series start in 10-year bands: AGE_0_9 ... AGE_80_89, AGE_90_PLUS; 20-year bands or ${withheld} when generalized.`,
  },
  { name: 'sex', type: 'string', description: 'Administrative sex: FEMALE, MALE, OTHER or UNKNOWN.' },
  { name: 'condition', type: 'string', description: 'Condition code of the series (conditions catalog; WHO ICD-10 code in the catalog).' },
  {
    name: 'main_modality',
    type: 'string',
    description:
      'Modality with the most hands-on minutes in the series; NONE when no visit recorded one; OTHER or WITHHELD when generalized (see below).',
  },
  { name: 'clinic', type: 'string', description: `Name of the clinic of the series; ${withheld} when generalized (see below).` },
  {
    name: 'start_month',
    type: 'string',
    description: `Calendar month the series started (YYYY-MM); the quarter (YYYY-Qn), the year (YYYY) or ${withheld} when generalized. No exact date is exported.`,
  },
  { name: 'series_minutes', type: 'integer', description: 'Total hands-on minutes of the attended visits of the series.' },
  { name: 'visit_number', type: 'integer', description: 'Number of the attended visit in the series, from 1.' },
  { name: 'day', type: 'integer', description: "Days from the series start to the visit, in the clinic's time zone (0 = start day)." },
  { name: 'visit_minutes', type: 'integer', description: 'Hands-on minutes of the visit.' },
  { name: 'measure', type: 'string', description: 'Measure code (measure catalog; a questionnaire score has the instrument code).' },
  { name: 'unit', type: 'string', description: 'UCUM unit of pre and post.' },
  { name: 'region', type: 'string', description: 'Body region of the value; empty when the measure has none.' },
  { name: 'side', type: 'string', description: 'LEFT or RIGHT; empty when not recorded.' },
  { name: 'pre', type: 'number', description: 'Value before treatment at the visit (mean when recorded twice); empty when not taken.' },
  { name: 'post', type: 'number', description: 'Value after treatment at the visit (mean when recorded twice); empty when not taken.' },
];

export { csvField } from '../../common/download.js';

/**
 * What the data dictionary says of k-anonymity besides the columns: the generalization steps an export
 * may apply (the steps applied to one export are in its X-Export-Generalization header).
 */
export const generalizationNote =
  'The file is k-anonymous over (age_band, sex, condition, clinic, main_modality, start_month): every combination holds at least k ' +
  'participants (k: the minimum cell size). To get there the export applies, only as far as needed and each step chosen as the one ' +
  `that helps most, some of: ${generalizationSteps.map((step) => step.description).join('; ')}; then leaves out the participants ` +
  'still in smaller combinations (at most 5% of them unless every step was needed). Condition is never generalized. The ' +
  'X-Export-Generalization header of each export (and the "(this export)" row the research:export command adds here) lists the steps it applied and how many participants it left out.';

interface ExportRow {
  participant: string;
  age_decade: number;
  sex: string;
  condition_code: string;
  main_modality: string;
  series_minutes: number;
  visit_number: number;
  day: number;
  visit_minutes: number;
  measure_code: string;
  unit: string;
  region_code: string | null;
  side: string | null;
  pre: number | null;
  post: number | null;
}

interface ParticipantRow {
  participant: string;
  client_id: string;
  age_decade: number;
  sex: string;
  condition_code: string;
  clinic: string;
  main_modality: string;
  start_month: string;
}

const rowFields = (row: ExportRow, q: QuasiIdentifiers) => [
  row.participant,
  q.ageBand,
  q.sex,
  q.condition,
  q.modality,
  q.clinic,
  q.startMonth,
  row.series_minutes,
  row.visit_number,
  row.day,
  row.visit_minutes,
  row.measure_code,
  row.unit,
  row.region_code,
  row.side,
  row.pre,
  row.post,
];

export interface ExportRouterOptions {
  orm: MikroORM;
  log: Logger;
  resolveViewer: (request: express.Request) => Promise<Viewer>;
  minCell: number;
  /** Streaming replicas the export reads from when one may answer (db/read-replicas.ts). */
  readReplicas?: ReadReplicas | undefined;
  /** A progress line in the server log every this many rows. */
  logEvery?: number;
}

/**
 * `POST /research/export.csv` with a JSON body `{ "measureCode"?: string, "filter"?: CohortFilterInput }`:
 * the cohort's per-client, per-visit rows. `GET /research/export-dictionary.csv`: what each column means.
 * Both need a researcher's cookie or Bearer token. The cohort's client count is sent first, in the
 * `X-Cohort-Clients` header, so a client can show progress (rows are ordered by participant).
 */
export function researchExportRouter(options: ExportRouterOptions): express.Router {
  const { orm, log } = options;
  const logEvery = options.logEvery ?? 100_000;
  const router = express.Router();

  /** The researcher, or an answer (and an audit row) refusing anyone else. */
  async function researcher(request: express.Request, answer: Answer, operation: string): Promise<Viewer | null> {
    const viewer = await options.resolveViewer(request);
    if (viewer.role === 'RESEARCHER') return viewer;
    await writeAuditEvents(orm.em.fork(), viewer, requestInfo(request), { operation, outcome: 'DENIED', clientIds: [] });
    if (viewer.role === 'ANONYMOUS') answer(401, 'UNAUTHENTICATED', 'Sign in first');
    else answer(403, 'FORBIDDEN', 'Only researchers may export research data');
    return null;
  }

  router.get('/export-dictionary.csv', async (request, response) => {
    if (!(await researcher(request, answerWith(response), 'Export.researchDictionary'))) return;
    response.type('text/csv; charset=utf-8').attachment('fascia-export-dictionary.csv');
    response.send(
      [
        csvLine(['column', 'type', 'description']),
        ...exportColumns.map((c) => csvLine([c.name, c.type, c.description])),
        csvLine(['(k-anonymity)', '', generalizationNote]),
      ].join(''),
    );
  });

  router.post('/export.csv', express.json({ limit: '64kb' }), async (request, response) => {
    const answer = answerWith(response);
    const crossSite = crossSiteRefusal(request);
    if (crossSite) {
      answer(400, 'BAD_REQUEST', crossSite);
      return;
    }
    const viewer = await researcher(request, answer, 'Export.researchCsv');
    if (!viewer) return;
    const body: unknown = request.body ?? {};
    let measureCode: string | null;
    let filter: ReturnType<typeof cohortFilterFromJson>;
    try {
      if (typeof body !== 'object' || Array.isArray(body)) throw new BadInputError('body', 'type', 'must be a JSON object');
      const { measureCode: code, filter: rawFilter, ...rest } = body as Record<string, unknown>;
      const unknown = Object.keys(rest)[0];
      if (unknown) throw new BadInputError(unknown.slice(0, 40), 'unknown-field', 'is not a field of the export request');
      if (code !== undefined && code !== null && typeof code !== 'string')
        throw new BadInputError('measureCode', 'type', 'must be a string');
      measureCode = typeof code === 'string' ? researchMeasure('measureCode', code).code : null;
      filter = cohortFilterFromJson(rawFilter);
    } catch (error) {
      if (error instanceof DomainError) {
        answer(400, error.code, error.message, { field: error.field, rule: error.rule });
        return;
      }
      throw error;
    }
    const em = orm.em.fork();
    await writeAuditEvents(em, viewer, requestInfo(request), {
      operation: 'Export.researchCsv',
      outcome: 'ALLOWED',
      clientIds: [],
      detail: { measureCode, filter },
    });
    // A fresh random key per export: pseudonyms cannot be linked across exports, and the key is never kept.
    const key = randomBytes(32).toString('hex');
    let participants: Map<string, QuasiIdentifiers>;
    let anonymized: ReturnType<typeof anonymize>;
    // The participants are listed and their rows streamed on the same server (a replica when one may answer);
    // the release is recorded on the primary.
    let readEm: EntityManager = em;
    try {
      const rows = await heavyReads(options.readReplicas, em, viewer.role === 'RESEARCHER' ? viewer.accountId : null).run(
        async (reader) => {
          await checkFilterSizes(reader, filter, options.minCell);
          // The minimum size counts the participants with at least one row of the exported measure(s).
          const list = exportParticipantsStatement(filter, key, measureCode);
          const listed = await reader.execute<ParticipantRow[]>(list.sql, list.params);
          readEm = reader;
          return listed;
        },
      );
      if (tooSmall(rows.length, options.minCell)) throw new CohortTooSmall();
      anonymized = anonymize(
        rows.map((r) => ({
          ageBand: ageBands[r.age_decade] as string,
          sex: r.sex,
          condition: r.condition_code,
          clinic: r.clinic,
          modality: r.main_modality,
          startMonth: r.start_month,
        })),
        options.minCell,
      );
      participants = new Map();
      const kept: string[] = [];
      rows.forEach((r, i) => {
        const q = anonymized.rows[i];
        if (!q) return;
        participants.set(r.participant, q);
        kept.push(r.client_id);
      });
      if (tooSmall(kept.length, options.minCell)) throw new CohortTooSmall();
      // Overlap control against every earlier export (all researchers); answers are perturbed, see research-release.ts.
      await em.transactional((tx) => checkAndRecordRelease(tx, 'export', measureCode ?? everyMeasure, kept, options.minCell));
    } catch (error) {
      if (error instanceof CohortTooSmall) {
        answer(
          400,
          'COHORT_TOO_SMALL',
          `The cohort has fewer participants with rows to export than the minimum cell size (${options.minCell}); nothing is exported.`,
        );
        return;
      }
      if (error instanceof CohortOverlapError || error instanceof DomainError) {
        answer(400, error.code, error.message, error instanceof BadInputError ? { field: error.field, rule: error.rule } : {});
        return;
      }
      throw error;
    }
    const n = participants.size;
    const statement = exportStatement(filter, key, measureCode);
    response.status(200).type('text/csv; charset=utf-8').attachment('fascia-cohort-export.csv');
    response.setHeader('X-Cohort-Clients', String(n));
    response.setHeader(
      'X-Export-Generalization',
      `${anonymized.steps.length > 0 ? anonymized.steps.join('; ') : 'none'}; participants left out: ${anonymized.suppressed}`,
    );
    response.write(csvLine(exportColumns.map((c) => c.name)));
    let rows = 0;
    let chunk = '';
    const started = Date.now();
    try {
      for await (const row of readEm.getConnection().stream<ExportRow>(statement.sql, statement.params, undefined, undefined, 2000)) {
        const q = participants.get((row as unknown as ExportRow).participant);
        if (!q) continue;
        chunk += csvLine(rowFields(row as unknown as ExportRow, q));
        rows++;
        if (chunk.length > 64_000) {
          // Waits for the client to take what was sent: a slow reader slows the cursor, not the server's memory.
          if (!response.write(chunk)) await once(response, 'drain');
          chunk = '';
        }
        if (rows % logEvery === 0) log.info({ rows, clients: n, seconds: (Date.now() - started) / 1000 }, 'research export in progress');
        if (response.destroyed) break;
      }
      response.end(chunk);
      log.info({ rows, clients: n, seconds: (Date.now() - started) / 1000 }, 'research export done');
    } catch (error) {
      log.error({ err: error, rows }, 'research export failed');
      // The status line is gone: cutting the connection is the only way to tell the client the file is incomplete.
      response.destroy();
    }
  });

  return router;
}

class CohortTooSmall extends Error {}
