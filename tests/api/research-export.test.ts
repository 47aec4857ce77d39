import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { csvField, exportColumns } from '@fascia/server/modules/research/research-export.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';
import { addResearchClient } from '../support/research-data.js';

/** RFC 4180, written here so the export is read back by something other than its writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

let db: TestDatabase;
let api: TestApi;
let researcher: TestAccount;
let therapist: TherapistAccount;
const clientIds: string[] = [];

/** 12 consenting clients with 3 weekly visits; client i: NPRS pre 6 + i % 3, then -1 a visit; post 1 lower (none at visit 2). */
beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'A', timeZone: 'America/Toronto', research: true });
  for (let i = 0; i < 13; i++) {
    clientIds.push(
      await addResearchClient(db, {
        clinicId: therapist.clinicId,
        therapistId: therapist.therapistId,
        sex: i % 2 === 0 ? 'FEMALE' : 'MALE',
        consents: [i < 12],
        series: [
          {
            startDate: '2026-02-02',
            visits: [0, 7, 14].map((day, v) => ({
              day: day + (i % 2),
              minutes: 45 + 15 * (i % 2),
              pre: 6 + (i % 3) - v + (i === 5 ? 0.5 : 0),
              post: v === 1 ? null : 5 + (i % 3) - v,
            })),
          },
        ],
      }),
    );
  }
  researcher = await createTestAccount(db, { role: 'RESEARCHER' });
  api = await startApi(db, null);
});
afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

/**
 * Overlap control (refusing a cohort a few participants away from an earlier release) is the subject of
 * research-attacks.test.ts; here each export stands on its own.
 */
async function forgetReleases() {
  await db.orm.em.fork().execute('delete from research_release');
}

async function exportCsv(body: unknown, token: string | null = researcher.token) {
  await forgetReleases();
  const response = await fetch(`${api.url}/research/export.csv`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('CSV export', () => {
  test('one row per client, visit and measure, with a header; values as in the database, read back by an RFC 4180 parser', async () => {
    const { status, headers, text } = await exportCsv({ measureCode: 'NPRS' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('x-cohort-clients')).toBe('12');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(exportColumns.map((c) => c.name));
    expect(rows).toHaveLength(36);
    const records = rows.map((row) => Object.fromEntries(row.map((value, i) => [header?.[i], value])));
    expect(new Set(records.map((r) => r.participant)).size).toBe(12);
    expect(records.every((r) => /^[0-9a-f]{16}$/.test(r.participant as string))).toBe(true);
    expect(new Set(records.map((r) => r.age_band))).toEqual(new Set(['AGE_40_49']));
    // k-anonymity (k = 11): 6 women and 6 men, so sex is withheld, and that is enough: one combination of 12.
    expect(headers.get('x-export-generalization')).toBe('sex withheld (WITHHELD); participants left out: 0');
    expect(new Set(records.map((r) => `${r.age_band}|${r.sex}|${r.condition}|${r.clinic}|${r.main_modality}|${r.start_month}`)).size).toBe(
      1,
    );
    expect(records[0]).toMatchObject({ sex: 'WITHHELD', clinic: 'A', start_month: '2026-02' });
    // Post is missing at visit 2: an empty field, which R's read.csv reads as NA and pandas as NaN.
    expect(records.filter((r) => r.visit_number === '2').every((r) => r.post === '')).toBe(true);
    expect(records.some((r) => r.pre === '6.5')).toBe(true);

    // Each participant's visits (day, minutes, pre, post) are exactly one consenting client's, by a direct SQL query.
    const fromSql = await db.orm.em.fork().execute<{ visits: string }[]>(
      `select string_agg(v, ';' order by d) as visits from (
         select o.client_id, (se.started_at at time zone 'America/Toronto')::date - ts.start_date as d,
           concat_ws('|', (se.started_at at time zone 'America/Toronto')::date - ts.start_date, se.duration_minutes,
             max(o.value) filter (where o.context = 'PRE_SESSION'), max(o.value) filter (where o.context = 'POST_SESSION')) as v
         from observation o join treatment_session se on se.id = o.session_id join treatment_series ts on ts.id = se.series_id
         where o.client_id in (select client_id from intake where research_consent)
         group by o.client_id, se.id, se.started_at, ts.start_date) x
       group by client_id order by 1`,
    );
    const byParticipant = new Map<string, string[]>();
    for (const r of records) {
      const visit = [r.day, r.visit_minutes, r.pre, r.post].filter((x) => x !== '').join('|');
      byParticipant.set(r.participant as string, [...(byParticipant.get(r.participant as string) ?? []), visit]);
    }
    expect([...byParticipant.values()].map((visits) => visits.join(';')).sort()).toEqual(fromSql.map((r) => r.visits).sort());
  });

  test('pseudonyms differ between exports, and no identifier leaves', async () => {
    const first = await exportCsv({});
    const second = await exportCsv({});
    const participants = (text: string) =>
      new Set(
        parseCsv(text)
          .slice(1)
          .map((row) => row[0]),
      );
    const [a, b] = [participants(first.text), participants(second.text)];
    expect(a.size).toBe(12);
    expect([...a].filter((p) => b.has(p))).toEqual([]);
    for (const secret of [
      ...clientIds,
      therapist.clinicId,
      therapist.therapistId,
      'Research',
      'Subject',
      'example.com',
      '555-',
      '1980',
      'Private',
    ]) {
      expect(first.text).not.toContain(secret);
    }
    // No absolute date: the start month and days since the start only.
    expect(first.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test("python's csv module (a reader written by others) reads the same table", async () => {
    const script = [
      'import csv, io, sys',
      "rows = list(csv.DictReader(io.StringIO(sys.stdin.read(), newline='')))",
      "pre = [float(r['pre']) for r in rows if r['pre'] != '']",
      'print(len(rows), len(rows[0]) if rows else 0, round(sum(pre), 6))',
    ].join('\n');
    const all = await exportCsv({ measureCode: 'NPRS' });
    const output = execFileSync('python3', ['-c', script], { input: all.text }).toString().trim();
    const rows = parseCsv(all.text).slice(1);
    const pre = exportColumns.findIndex((c) => c.name === 'pre');
    const preSum = rows.reduce((sum, row) => sum + (row[pre] === '' ? 0 : Number(row[pre])), 0);
    expect(output).toBe(`36 ${exportColumns.length} ${Math.round(preSum * 1e6) / 1e6}`);
  });

  test('the minimum size counts participants with rows of the exported measure: 12 in the cohort, none with ODI', async () => {
    const response = await exportCsv({ measureCode: 'ODI' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe('COHORT_TOO_SMALL');
  });

  test('a filter matching fewer than k clients on its own is refused before anything is counted', async () => {
    const response = await exportCsv({ filter: { sex: 'MALE' } });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'matches-fewer-than-k' });
  });

  test('CSRF: a POST that a browser could send cross-site without a preflight (text/plain, a form) is refused', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${api.url}/research/export.csv`, {
        method: 'POST',
        headers: { 'content-type': contentType, authorization: `Bearer ${researcher.token}` },
        body: '{}',
      });
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    await forgetReleases();
    const preflighted = await fetch(`${api.url}/research/export.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true', authorization: `Bearer ${researcher.token}` },
      body: '{}',
    });
    expect(preflighted.status).toBe(200);
  });

  test.each([
    [{ measureCode: 'NOPE' }, 'measureCode', 'unknown-code'],
    [{ measureCode: 3 }, 'measureCode', 'type'],
    [{ filter: { sex: 'NOPE' } }, 'filter.sex', 'type'],
    [{ filter: { ageBands: ['AGE_1_2'] } }, 'filter.ageBands', 'type'],
    [{ filter: { minAttendedSessions: '3' } }, 'filter.minAttendedSessions', 'type'],
    [{ filter: { minAttendedSessions: 4, maxAttendedSessions: 1 } }, 'filter.minAttendedSessions', 'min-not-above-max'],
    [{ filter: { clientId: 'x' } }, 'filter.clientId', 'unknown-field'],
    [{ extra: 1 }, 'extra', 'unknown-field'],
    [[], 'body', 'type'],
  ])('bad request %j names %s and %s', async (body, field, rule) => {
    const response = await exportCsv(body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });

  test('researchers only: signed out 401, staff 403, each refusal audited; an export is audited with its filter', async () => {
    expect((await exportCsv({}, null)).status).toBe(401);
    expect((await exportCsv({}, therapist.token)).status).toBe(403);
    // A cohort of 6: refused as too small, but the query is in the trail all the same.
    expect((await exportCsv({ measureCode: 'NPRS', filter: { sex: 'FEMALE' } })).status).toBe(400);
    const rows = await db.orm.em
      .fork()
      .execute<{ role: string; outcome: string; detail: any }[]>(
        `select role, outcome, detail from audit_event where operation = 'Export.researchCsv' order by at`,
      );
    expect(rows.filter((r) => r.outcome === 'DENIED').map((r) => r.role)).toEqual(expect.arrayContaining(['ANONYMOUS', 'THERAPIST']));
    expect(rows.at(-1)).toMatchObject({
      role: 'RESEARCHER',
      outcome: 'ALLOWED',
      detail: { measureCode: 'NPRS', filter: { sex: 'FEMALE' } },
    });
  });

  test('the data dictionary lists every column', async () => {
    const response = await fetch(`${api.url}/research/export-dictionary.csv`, { headers: { authorization: `Bearer ${researcher.token}` } });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(['column', 'type', 'description']);
    expect(rows.map((row) => row[0])).toEqual([...exportColumns.map((c) => c.name), '(k-anonymity)']);
    const anonymous = await fetch(`${api.url}/research/export-dictionary.csv`);
    expect(anonymous.status).toBe(401);
  });

  test('the research:export command writes the export and its dictionary, printing progress', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'fascia-export-'));
    try {
      const cli = fileURLToPath(new URL('../../server/src/modules/research/export-cli.ts', import.meta.url));
      const { stderr } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', cli, '--out', 'cohort.csv', '--measure', 'NPRS', '--filter', '{"minAttendedSessions":3}', '--url', api.url],
        { cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, FASCIA_TOKEN: researcher.token, INIT_CWD: folder } },
      );
      expect(stderr).toContain('done: 36 rows of 12 participants');
      const rows = parseCsv(await readFile(path.join(folder, 'cohort.csv'), 'utf8'));
      expect(rows).toHaveLength(37);
      const dictionary = parseCsv(await readFile(path.join(folder, 'cohort.dictionary.csv'), 'utf8'));
      expect(dictionary.slice(1, -2).map((row) => row[0])).toEqual(rows[0]);
      expect(dictionary.at(-1)?.slice(0, 3)).toEqual([
        '(this export)',
        '',
        'generalization: sex withheld (WITHHELD); participants left out: 0',
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('fields with commas, quotes or line breaks are quoted; missing values are empty', () => {
    expect(['a', 'b,c', 'say "hi"', 'two\r\nlines', null, 2.5, 0].map(csvField)).toEqual([
      'a',
      '"b,c"',
      '"say ""hi"""',
      '"two\r\nlines"',
      '',
      '2.5',
      '0',
    ]);
  });
});
