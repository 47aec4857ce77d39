import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { findMeasure } from '@fascia/server/modules/measures/measure-catalog.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TherapistAccount } from '../support/factories.js';
import { pdfFonts, pdfInfo, pdfLines, pdfPages } from '../support/pdf.js';

/*
 * The progress report over real HTTP: a neck-pain series of a Toronto clinic with three visits (pain before
 * and after on the neck, cervical rotation, an NDI), a cancellation, a no-show and a diary value, for a
 * client referred by a physician who consented to sharing. The PDF is read back with pdftotext and every
 * number in its outcome, attendance and dose sections is checked against the `progress` API of the series.
 */

let db: TestDatabase;
let api: TestApi;
let therapist: TherapistAccount;
const ids = {} as Record<'client' | 'neck' | 'noConsentSeries' | 'emptySeries' | 'otherClinicSeries' | 'lastVisit', string>;
const accounts = {} as Record<'admin' | 'client' | 'otherClient' | 'researcher' | 'otherTherapist', { token: string }>;
const recipient = 'Dr. Jane Roe, Harbour Physiotherapy';

const progressFields = `measures { ...m } diary { ...m }
  attendance { plannedSessions attended cancelled noShows weeksElapsed expectedByNow plannedPerWeek attendedPerWeek }
  dose { totalMinutes byModality { code side minutes sessions } byRegion { code side minutes sessions } }`;
const measureFragment = `fragment m on MeasureProgressNode { measureCode regionCode side reporter unit baseline baselineAt latest latestAt change percentChange
  mcid mcidPercentOfBaseline thresholdKind mcidReached points slopePerWeek trendPoints meanSessionChange unpairedSessions sessionChanges { visitNumber } }`;

async function progressOf(seriesId: string, range: { from?: string; to?: string } = {}) {
  const response = await api.graphql(
    `query($id: ID!, $from: LocalDate, $to: LocalDate) { series(id: $id) { progress(from: $from, to: $to) { ${progressFields} } } } ${measureFragment}`,
    { id: seriesId, ...range },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.series.progress;
}

/** A GET on a connection of its own (no keep-alive reuse to race a server-side close between tests). */
function download(seriesId: string, query: Record<string, string>, as: { token: string } | null, headers: Record<string, string> = {}) {
  const url = `${api.url}/reports/series/${encodeURIComponent(seriesId)}.pdf?${new URLSearchParams(query)}`;
  return new Promise<{ status: number; type: string; disposition: string; body: Buffer; json: () => any }>((resolve, reject) => {
    const request = http.get(
      url,
      { agent: false, headers: { ...(as ? { authorization: `Bearer ${as.token}` } : {}), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type'] ?? ''),
            disposition: String(response.headers['content-disposition'] ?? ''),
            body,
            json: () => JSON.parse(body.toString('utf8')),
          });
        });
      },
    );
    request.on('error', reject);
  });
}

async function pdfOf(seriesId: string, query: Record<string, string> = {}, as: { token: string } = therapist) {
  const response = await download(seriesId, { recipient, ...query }, as);
  if (response.status !== 200) throw new Error(`report answered ${response.status}: ${response.body.toString('utf8')}`);
  expect(response.type).toBe('application/pdf');
  return response.body;
}

// The report's printing rules (docs/api.md#progress-report), written out again here.
const fixed = (value: number, decimals: number) => {
  const text = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
};
const signed = (value: number, decimals: number) => {
  const text = fixed(value, decimals);
  return text.startsWith('-') || /^0(\.0+)?$/.test(text) ? text : `+${text}`;
};
const short = (value: number) => fixed(value, Number.isInteger(Math.round(value * 10) / 10) ? 0 : 1);
const torontoDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(new Date(iso));
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** Every row a measure block must hold, from the API's numbers. */
function expectedMeasureRows(m: any): string[] {
  const measure = findMeasure(m.measureCode);
  if (!measure) throw new Error(`no measure ${m.measureCode}`);
  const d = measure.decimals;
  const unit = ` ${measure.unitLabel}`;
  const rows = [
    `Baseline ${fixed(m.baseline, d)}${unit} on ${torontoDay(m.baselineAt)}`,
    `Latest ${fixed(m.latest, d)}${unit} on ${torontoDay(m.latestAt)}`,
    `Change ${signed(m.change, d)}${unit}${m.percentChange === null ? '' : ` (${signed(m.percentChange, 0)}%)`}`,
    m.slopePerWeek === null
      ? `Trend per week none (${plural(m.trendPoints, 'value')})`
      : `Trend per week ${signed(m.slopePerWeek, 2)}${unit} (${plural(m.trendPoints, 'value')})`,
  ];
  if (m.points >= 2 && m.mcid !== null) {
    // An MDC (most range-of-motion thresholds) is worded as detectable, never as clinically important.
    const relative = m.mcidPercentOfBaseline === null ? '' : ` (${m.mcidPercentOfBaseline}% of baseline)`;
    const threshold = `Threshold ${m.thresholdKind} ${fixed(m.mcid, d)}${unit}${relative}`;
    const words = m.thresholdKind === 'MDC' ? 'minimal detectable change' : 'clinically important change';
    rows.push(m.mcidReached ? `${threshold} reached: ${words}, improved` : `${threshold} not reached`);
  }
  if (m.meanSessionChange !== null)
    rows.push(`Within visits ${signed(m.meanSessionChange, d + 1)}${unit} mean (${plural(m.sessionChanges.length, 'visit')})`);
  return rows;
}

/**
 * The lines of the PDF with a wrapped value joined to its row (pdftotext -layout indents a continuation),
 * footers (page x of y) left out.
 */
function rowsOf(pdf: Buffer): string[] {
  const rows: string[] = [];
  for (const raw of pdfLines(pdf)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line || / · page \d+ of \d+$/.test(line)) continue;
    // A value wrapped onto the next line starts far right, under the value column.
    if (/^ {12,}\S/.test(raw) && rows.length > 0) rows[rows.length - 1] += ` ${line}`;
    else rows.push(line);
  }
  return rows;
}

/** The numbers of a line: dates first taken out whole, then every signed decimal. */
const numbersIn = (line: string) =>
  (
    line
      .replace(/\d{4}-\d{2}-\d{2}/g, 'DATE')
      // A unit such as "/10" or "/50" is the scale's top, not a figure.
      .replace(/\/\d+/g, '/N')
      .match(/[+-]?\d+(\.\d+)?/g) ?? []
  ).map(Number);

function checkAgainstProgress(pdf: Buffer, progress: any): void {
  const lines = rowsOf(pdf);
  const text = lines.join('\n');
  for (const m of [...progress.measures, ...progress.diary]) {
    for (const row of expectedMeasureRows(m)) expect(text, `${m.measureCode} ${m.regionCode ?? ''}`).toContain(row);
  }
  const a = progress.attendance;
  expect(lines).toContain(`Attended ${a.attended} of ${a.plannedSessions} planned (${a.expectedByNow} expected by now)`);
  expect(lines).toContain(`Cancelled ${a.cancelled}`);
  expect(lines).toContain(`No-shows ${a.noShows}`);
  expect(lines).toContain(`Weeks ${short(a.weeksElapsed)} weeks, ${fixed(a.attendedPerWeek, 2)} visits per week`);
  expect(lines).toContain(`Hands-on minutes ${progress.dose.totalMinutes}`);
  // Every number printed in the dose section is one of the API's dose figures.
  const doseNumbers = new Set(
    [...progress.dose.byModality, ...progress.dose.byRegion].flatMap((item: any) => [Number(short(item.minutes)), item.sessions]),
  );
  const start = lines.indexOf('Treatment given');
  const end = lines.indexOf('Outcomes');
  const doseLines = lines.slice(start + 2, end).filter((line) => line !== 'By region');
  expect(doseLines.length).toBeGreaterThan(0);
  for (const line of doseLines) for (const n of numbersIn(line)) expect(doseNumbers, line).toContain(n);
  // And in the outcome blocks, every number is one of the API's (rounded for print), a unit's /10, or a count.
  const apiNumbers = new Set<number>();
  for (const m of [...progress.measures, ...progress.diary]) {
    const d = findMeasure(m.measureCode)?.decimals ?? 0;
    for (const value of [m.baseline, m.latest, m.change, m.mcid].filter((v) => v !== null)) apiNumbers.add(Number(fixed(value, d)));
    if (m.percentChange !== null) apiNumbers.add(Number(fixed(m.percentChange, 0)));
    if (m.slopePerWeek !== null) apiNumbers.add(Number(fixed(m.slopePerWeek, 2)));
    if (m.meanSessionChange !== null) apiNumbers.add(Number(fixed(m.meanSessionChange, d + 1)));
    apiNumbers.add(m.trendPoints).add(m.sessionChanges.length);
  }
  const outcomes = lines.slice(lines.indexOf('Outcomes') + 1, lines.indexOf('What is missing'));
  // Measure names carry their scale ("NPRS 0-10", "VAS 0-100 mm"): headings are not checked, rows are.
  const rowLines = outcomes.filter((line) => /^(Baseline|Latest|Change|Trend per week|MCID|Within visits) /.test(line));
  expect(rowLines.length).toBeGreaterThanOrEqual(4 * (progress.measures.length + progress.diary.length));
  for (const line of rowLines) for (const n of numbersIn(line)) expect(apiNumbers, line).toContain(n);
}

beforeAll(async () => {
  db = await createTestDatabase();
  therapist = await createClinicWithTherapist(db, { clinicName: 'Harbour A', timeZone: 'America/Toronto' });
  const other = await createClinicWithTherapist(db, { clinicName: 'Clinic B' });
  api = await startApi(db, therapist);
  const clinic = clinicApi(api);
  ids.client = await clinic.createClient({
    referral: {
      source: 'PHYSICIAN',
      clinicianName: 'Dr. Jane Roe',
      organisation: 'Harbour Family Practice',
      reason: 'Mechanical neck pain after a fall',
      referredOn: '2025-12-20',
    },
  });
  const intake = await api.graphql(
    `mutation($id: ID!) { recordIntake(clientId: $id, input: { takenAt: "2026-01-05T14:00:00Z", chiefComplaints: "Neck",
      consentToTreatment: true, consentToShareWithReferrer: true }) { id } }`,
    { id: ids.client },
  );
  expect(intake.errors).toBeUndefined();
  ids.neck = await clinic.startSeries(ids.client, { goals: 'Turn the head to drive without pain' });
  await clinic.recordSession(neckVisit(ids.neck, '2026-01-05T15:00:00Z', 7, 4));
  await clinic.recordSession({ seriesId: ids.neck, startedAt: '2026-01-12T15:00:00Z', durationMinutes: 0, attendance: 'CANCELLED' });
  const second = neckVisit(ids.neck, '2026-01-19T15:00:00Z', 5, 3);
  // Only a value before treatment for rotation, none after: the pair is incomplete on purpose.
  await clinic.recordSession(second);
  await clinic.recordSession({ seriesId: ids.neck, startedAt: '2026-01-26T15:00:00Z', durationMinutes: 0, attendance: 'NO_SHOW' });
  const last = neckVisit(ids.neck, '2026-02-02T15:00:00Z', 3, 2);
  (last.observations as object[]).push({ measureCode: 'CERVICAL_ROTATION', value: 70, side: 'LEFT', context: 'POST_SESSION' });
  last.plan = 'Two more visits, then home exercise.';
  ids.lastVisit = await clinic.recordSession(last);
  const diary = await api.graphql('mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }', {
    input: {
      clientId: ids.client,
      seriesId: ids.neck,
      measureCode: 'NPRS',
      value: 4,
      regionCode: 'NECK',
      context: 'BETWEEN_SESSIONS',
      takenAt: '2026-01-22T20:00:00Z',
    },
  });
  expect(diary.errors).toBeUndefined();

  const noConsent = await clinic.createClient({ givenName: 'Nora', familyName: 'Noconsent' });
  ids.noConsentSeries = await clinic.startSeries(noConsent);
  await clinic.recordSession(neckVisit(ids.noConsentSeries, '2026-01-06T15:00:00Z', 6, 4));
  const empty = await clinic.createClient({ givenName: 'Evan', familyName: 'Empty' });
  await api.graphql(
    `mutation($id: ID!) { recordIntake(clientId: $id, input: { takenAt: "2026-01-05T14:00:00Z", chiefComplaints: "Neck", consentToTreatment: true, consentToShareWithReferrer: true }) { id } }`,
    { id: empty },
  );
  ids.emptySeries = await clinic.startSeries(empty);

  api.actAs(other);
  const otherClient = await clinicApi(api).createClient({ givenName: 'Olga', familyName: 'Other' });
  ids.otherClinicSeries = await clinicApi(api).startSeries(otherClient);
  await clinicApi(api).recordSession(neckVisit(ids.otherClinicSeries, '2026-01-06T15:00:00Z', 6, 4));
  api.actAs(therapist);

  accounts.admin = await createTestAccount(db, { role: 'ADMIN', clinicId: therapist.clinicId });
  accounts.client = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId: ids.client });
  accounts.otherClient = await createTestAccount(db, { role: 'CLIENT', clinicId: therapist.clinicId, clientId: noConsent });
  accounts.researcher = await createTestAccount(db, { role: 'RESEARCHER' });
  accounts.otherTherapist = other;
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

describe('the PDF', () => {
  test('every number in it equals the progress API of the series', async () => {
    const pdf = await pdfOf(ids.neck);
    const progress = await progressOf(ids.neck);
    expect(progress.measures.length).toBeGreaterThanOrEqual(3);
    expect(progress.diary).toHaveLength(1);
    checkAgainstProgress(pdf, progress);
    const text = rowsOf(pdf).join('\n');
    expect(text).toContain('Client Ada Lovelace');
    expect(text).toContain('Date of birth 1980-12-10');
    expect(text).toContain('Referred by Dr. Jane Roe, Harbour Family Practice (physician)');
    expect(text).toContain('Reason Mechanical neck pain after a fall');
    expect(text).toContain('(ICD-10 M54.2)');
    expect(text).toContain(`For ${recipient}.`);
    expect(text).toContain('Plan Two more visits, then home exercise.');
    expect(text).toContain('Assessment Upper trapezius trigger points, improving.');
  });

  test('after a value is marked entered in error, the report follows progress', async () => {
    const before = await progressOf(ids.neck);
    const values = await api.graphql('query($id: ID!) { series(id: $id) { observations { id sessionId measureCode context } } }', {
      id: ids.neck,
    });
    const pre = values.data?.series.observations.find(
      (o: any) => o.sessionId === ids.lastVisit && o.measureCode === 'NPRS' && o.context === 'PRE_SESSION',
    );
    const voided = await api.graphql(
      'mutation($id: ID!) { markObservationEnteredInError(id: $id, reason: "Typed into the wrong visit") { id } }',
      {
        id: pre.id,
      },
    );
    expect(voided.errors).toBeUndefined();
    const after = await progressOf(ids.neck);
    const neckPain = (p: any) => p.measures.find((m: any) => m.measureCode === 'NPRS' && m.regionCode === 'NECK');
    // The latest pain is now the visit's value after treatment (2), no longer the voided 3 before it.
    expect(neckPain(before).latest).toBe(3);
    expect(neckPain(after).latest).toBe(2);
    const pdf = await pdfOf(ids.neck);
    checkAgainstProgress(pdf, after);
    expect(rowsOf(pdf).join('\n')).not.toContain(`Latest 3 /10 on 2026-02-02`);
  });

  test('a range of days reports what progress gives for the same days', async () => {
    const range = { from: '2026-01-10', to: '2026-02-05' };
    const pdf = await pdfOf(ids.neck, range);
    const progress = await progressOf(ids.neck, range);
    expect(progress.attendance.attended).toBe(2);
    expect(progress.attendance.cancelled).toBe(1);
    checkAgainstProgress(pdf, progress);
    expect(rowsOf(pdf)).toContain('Reported days 2026-01-10 to 2026-02-05 (part of the series)');
  });

  test('says what is missing', async () => {
    const text = rowsOf(await pdfOf(ids.neck)).join('\n');
    expect(text).toMatch(
      /Cervical rotation \(active ROM\), left, observed by the therapist: (one visit has|\d visits have) a value before or after\streatment but not both/,
    );
  });

  test('is tagged, embeds its fonts, and comes in A4 and Letter; page images are saved', async () => {
    const a4 = await pdfOf(ids.neck, { paper: 'A4' });
    const letter = await pdfOf(ids.neck, { paper: 'LETTER' });
    expect(pdfInfo(a4)['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    expect(pdfInfo(letter)['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
    expect(pdfInfo(a4).Tagged).toBe('yes');
    expect(pdfInfo(a4).Title).toMatch(/^Progress report: Ada Lovelace, Neck pain/);
    const fonts = pdfFonts(a4);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    const dir = path.resolve(import.meta.dirname, '../artifacts');
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir).filter((name) => name.startsWith('report-api-'))) rmSync(path.join(dir, old));
    const pages = pdfPages(a4, dir, 'report-api-a4', 70);
    expect(pages.length).toBe(Number(pdfInfo(a4).Pages));
  });
});

describe('who reported the values', () => {
  test('self-report, a parent’s and the therapist’s pain are blocks of their own, each labelled with its source', async () => {
    const clinic = clinicApi(api);
    const child = await clinic.createClient({ givenName: 'Sam', familyName: 'Child', dateOfBirth: '2018-03-02', sex: 'MALE' });
    const intake = await api.graphql(
      `mutation($id: ID!) { recordIntake(clientId: $id, input: { takenAt: "2026-01-05T14:00:00Z", chiefComplaints: "Neck",
        consentToTreatment: true, consentToShareWithReferrer: true }) { id } }`,
      { id: child },
    );
    expect(intake.errors).toBeUndefined();
    const series = await clinic.startSeries(child);
    // Before each visit: the child says 7 then 5, the parent 8 then 6, the therapist observes 6 then 5.
    for (const [startedAt, self, parent, observed] of [
      ['2026-01-05T15:00:00Z', 7, 8, 6],
      ['2026-01-19T15:00:00Z', 5, 6, 5],
    ] as const) {
      const visit = neckVisit(series, startedAt, self, self - 2);
      (visit.observations as object[]).push(
        { measureCode: 'NPRS', value: parent, regionCode: 'NECK', context: 'PRE_SESSION', reporter: 'PROXY', proxyRelation: 'PARENT' },
        { measureCode: 'NPRS', value: observed, regionCode: 'NECK', context: 'PRE_SESSION', reporter: 'THERAPIST' },
      );
      await clinic.recordSession(visit);
    }
    const pdf = await pdfOf(series);
    const progress = await progressOf(series);
    // Three rows of neck pain in progress, one per reporter, and every number of the PDF is one of theirs.
    const neckPain = progress.measures.filter((m: any) => m.measureCode === 'NPRS' && m.regionCode === 'NECK');
    expect(neckPain.map((m: any) => [m.reporter, m.baseline, m.latest]).sort()).toEqual([
      ['CLIENT', 7, 5],
      ['PROXY', 8, 6],
      ['THERAPIST', 6, 5],
    ]);
    checkAgainstProgress(pdf, progress);
    const rows = rowsOf(pdf);
    const block = (heading: string) => rows.slice(rows.indexOf(heading) + 1, rows.indexOf(heading) + 3);
    expect(block('Pain intensity (NPRS 0-10), neck, self-report')).toEqual(['Baseline 7 /10 on 2026-01-05', 'Latest 5 /10 on 2026-01-19']);
    expect(block('Pain intensity (NPRS 0-10), neck, reported by a proxy')).toEqual([
      'Baseline 8 /10 on 2026-01-05',
      'Latest 6 /10 on 2026-01-19',
    ]);
    expect(block('Pain intensity (NPRS 0-10), neck, observed by the therapist')).toEqual([
      'Baseline 6 /10 on 2026-01-05',
      'Latest 5 /10 on 2026-01-19',
    ]);
  });
});

describe('who may have it', () => {
  test('staff of the clinic: the therapist and the admin', async () => {
    expect((await download(ids.neck, { recipient }, therapist)).status).toBe(200);
    expect((await download(ids.neck, { recipient }, accounts.admin)).status).toBe(200);
  });

  test("the client, their own copy without the therapist's notes and without a recipient", async () => {
    const response = await download(ids.neck, {}, accounts.client);
    expect(response.status).toBe(200);
    const text = rowsOf(response.body).join('\n');
    expect(text).toContain('Your own copy, from the client portal.');
    expect(text).not.toContain('Upper trapezius');
    checkAgainstProgress(response.body, await progressOf(ids.neck));
  });

  test('another client, another clinic, a researcher and nobody are refused', async () => {
    const otherClient = await download(ids.neck, {}, accounts.otherClient);
    expect(otherClient.status).toBe(404);
    expect(otherClient.json().errors[0].extensions.code).toBe('NOT_FOUND');
    const otherClinic = await download(ids.neck, { recipient }, accounts.otherTherapist);
    expect(otherClinic.status).toBe(404);
    const researcher = await download(ids.neck, { recipient }, accounts.researcher);
    expect(researcher.status).toBe(403);
    expect(researcher.json().errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await download(ids.neck, { recipient }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('a request another site started is refused', async () => {
    const response = await download(ids.neck, { recipient }, therapist, { 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect((await download(ids.neck, { recipient }, therapist, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  test("without the client's consent to share, staff are refused with the reason", async () => {
    const response = await download(ids.noConsentSeries, { recipient }, therapist);
    expect(response.status).toBe(403);
    const error = response.json().errors[0];
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'consent-to-share' });
    expect(error.message).toMatch(/has not consented to sharing/);
  });
});

describe('bad input', () => {
  const refusal = async (seriesId: string, query: Record<string, string>) => {
    const response = await download(seriesId, query, therapist);
    return { status: response.status, ...response.json().errors[0].extensions, message: response.json().errors[0].message };
  };

  test("an unknown series and another clinic's answer alike", async () => {
    const unknown = await refusal('00000000-0000-4000-8000-000000000000', { recipient });
    const foreign = await refusal(ids.otherClinicSeries, { recipient });
    expect(unknown).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(foreign.status).toBe(404);
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.message.replace(ids.otherClinicSeries, 'ID')).toBe(
      unknown.message.replace('00000000-0000-4000-8000-000000000000', 'ID'),
    );
    expect(await refusal('not-an-id', { recipient })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  test('ranges outside the series or backwards, a missing recipient, an unknown paper', async () => {
    expect(await refusal(ids.neck, { recipient, to: '2025-12-31' })).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      field: 'to',
      rule: 'outside-series',
    });
    expect(await refusal(ids.neck, { recipient, from: '2026-02-01', to: '2026-01-01' })).toMatchObject({ field: 'to', rule: 'order' });
    expect(await refusal(ids.neck, { recipient, from: '2026-02-30' })).toMatchObject({ field: 'from', rule: 'date' });
    expect(await refusal(ids.neck, {})).toMatchObject({ status: 400, field: 'recipient', rule: 'required' });
    expect(await refusal(ids.neck, { recipient: 'x'.repeat(201) })).toMatchObject({ field: 'recipient', rule: 'max-length' });
    expect(await refusal(ids.neck, { recipient, paper: 'A3' })).toMatchObject({ field: 'paper', rule: 'enum' });
  });

  test('a series without any values, and days without any', async () => {
    expect(await refusal(ids.emptySeries, { recipient })).toMatchObject({ status: 400, field: 'seriesId', rule: 'no-values' });
    expect(await refusal(ids.neck, { recipient, from: '2026-01-06', to: '2026-01-10' })).toMatchObject({ rule: 'no-values' });
  });
});

describe('audit and the GraphQL print view', () => {
  test('each generation is a disclosure in the audit trail and in the client’s "who has seen my record"', async () => {
    const marker = `Dr. Audit ${Date.now()}`;
    expect((await download(ids.neck, { recipient: marker }, therapist)).status).toBe(200);
    const rows = await db.orm.em
      .fork()
      .execute(
        `select account_id, client_ids, outcome, detail from audit_event where operation = 'Report.seriesReport' and detail->>'recipient' = ?`,
        [marker],
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ account_id: therapist.accountId, client_ids: [ids.client], outcome: 'ALLOWED' });
    expect(rows[0]?.detail).toMatchObject({ disclosure: true, seriesId: ids.neck, format: 'PDF', audience: 'CLINICIAN' });
    const seen = await api.request('{ myRecordAccess(first: 200) { operation outcome disclosedTo } }', undefined, { as: accounts.client });
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.myRecordAccess).toContainEqual({ operation: 'Report.seriesReport', outcome: 'ALLOWED', disclosedTo: marker });
    // The refusal for lack of consent is filed under that client too.
    await download(ids.noConsentSeries, { recipient: marker }, therapist);
    const refusedRows = await db.orm.em
      .fork()
      .execute(
        `select outcome from audit_event where operation = 'Report.seriesReport' and detail->>'recipient' = ? and outcome = 'DENIED'`,
        [marker],
      );
    expect(refusedRows).toHaveLength(1);
  });

  test('series.report gives the same numbers as progress, for staff with a recipient and for the client', async () => {
    const query = `query($id: ID!, $recipient: String) { series(id: $id) { report(recipient: $recipient) {
      audience recipient clientName icd10 missing assessment progress { ${progressFields} }
      measures { label mcidInWords points { value } progress { measureCode baseline latest } } } } } ${measureFragment}`;
    const staff = await api.graphql(query, { id: ids.neck, recipient });
    expect(staff.errors).toBeUndefined();
    const report = staff.data?.series.report;
    expect(report).toMatchObject({ audience: 'CLINICIAN', recipient, clientName: 'Ada Lovelace', icd10: 'M54.2' });
    expect(report.progress).toEqual(await progressOf(ids.neck));
    expect(report.measures[0].points.length).toBeGreaterThan(1);
    const own = await api.request(query, { id: ids.neck }, { as: accounts.client });
    expect(own.errors).toBeUndefined();
    expect(own.data?.series.report).toMatchObject({ audience: 'CLIENT', recipient: null, assessment: null });
    const refused = await api.graphql(query, { id: ids.noConsentSeries, recipient });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'consent-to-share' });
    const noRecipient = await api.graphql(query, { id: ids.neck });
    expect(noRecipient.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recipient', rule: 'required' });
  });
});

describe('the assessment and plan written for the report', () => {
  const write = (seriesId: string, input: Record<string, unknown>, as: { token: string } = therapist) =>
    api.request(
      'mutation($id: ID!, $input: ReportSummaryInput!) { writeReportSummary(seriesId: $id, input: $input) { id reportSummary { assessment plan writtenAt writtenBy } } }',
      { id: seriesId, input },
      { as },
    );
  const assessment = 'Neck pain down from 7 to 2 /10 over four weeks; rotation near full.';
  const plan = 'Two visits more, then a home programme; review in six weeks.';

  test('the PDF prints it instead of the SOAP note, says when and by whom; the client’s copy leaves it out', async () => {
    const written = await write(ids.neck, { assessment: `  ${assessment} `, plan });
    expect(written.errors).toBeUndefined();
    const summary = written.data?.writeReportSummary.reportSummary;
    // Surrounding blanks are not the therapist's words.
    expect(summary).toMatchObject({ assessment, plan, writtenBy: 'Tess Therapist' });
    const text = rowsOf(await pdfOf(ids.neck)).join('\n');
    expect(text).toContain(`Written for this report ${torontoDay(summary.writtenAt)} by Tess Therapist`);
    expect(text).toContain(`Assessment ${assessment}`);
    expect(text).toContain(`Plan ${plan}`);
    expect(text).not.toContain('Upper trapezius trigger points');
    expect(text).not.toContain('From the visit of');
    const own = rowsOf((await download(ids.neck, {}, accounts.client)).body).join('\n');
    expect(own).not.toContain(assessment);
    // The print view's data says the same.
    const view = await api.graphql(
      'query($id: ID!) { series(id: $id) { report(recipient: "Dr. Roe") { assessment plan notesVisitAt summaryWrittenAt summaryWrittenBy } } }',
      { id: ids.neck },
    );
    expect(view.data?.series.report).toEqual({
      assessment,
      plan,
      notesVisitAt: null,
      summaryWrittenAt: summary.writtenAt,
      summaryWrittenBy: 'Tess Therapist',
    });
  });

  test('a report of days that end before it was written keeps the SOAP note of those days', async () => {
    const text = rowsOf(await pdfOf(ids.neck, { to: '2026-02-05' })).join('\n');
    expect(text).toContain('From the visit of 2026-02-02');
    expect(text).toContain('Plan Two more visits, then home exercise.');
    expect(text).not.toContain(assessment);
  });

  test('each save is kept with who and when, and is audited under the client', async () => {
    const first = await write(ids.neck, { assessment: 'First wording', plan });
    const second = await write(ids.neck, { assessment, plan });
    expect(second.errors).toBeUndefined();
    const rows = await db.orm.em
      .fork()
      .execute(`select assessment, written_by_id from report_summary where series_id = ? order by created_at`, [ids.neck]);
    expect(rows.map((r: any) => r.assessment)).toEqual([assessment, 'First wording', assessment]);
    expect(new Set(rows.map((r: any) => r.written_by_id))).toEqual(new Set([therapist.accountId]));
    expect(first.data?.writeReportSummary.reportSummary.assessment).toBe('First wording');
    const audited = await db.orm.em
      .fork()
      .execute(
        `select count(*)::int as n from audit_event where operation = 'Mutation.writeReportSummary' and client_ids @> array[?::uuid] and outcome = 'ALLOWED'`,
        [ids.client],
      );
    expect(audited[0]?.n).toBe(3);
  });

  test('bad input is refused with its field and rule, and nothing is stored', async () => {
    const count = async () => (await db.orm.em.fork().execute(`select count(*)::int as n from report_summary`))[0]?.n as number;
    const before = await count();
    const tooLong = await write(ids.neck, { assessment: 'x'.repeat(4001) });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assessment', rule: 'max-length' });
    const nul = await write(ids.neck, { plan: 'a\u0000b' });
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'unicode' });
    for (const seriesId of [ids.otherClinicSeries, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect((await write(seriesId, { assessment })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await write(ids.neck, { assessment }, accounts.client)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await write(ids.neck, { assessment }, accounts.researcher)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  test('a later visit’s SOAP note takes over; both empty withdraws the summary', async () => {
    const withdrawn = await write(ids.neck, { assessment: ' ', plan: null });
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.writeReportSummary.reportSummary).toBeNull();
    let text = rowsOf(await pdfOf(ids.neck)).join('\n');
    expect(text).toContain('Plan Two more visits, then home exercise.');
    expect(text).not.toContain(assessment);

    expect((await write(ids.neck, { assessment, plan })).errors).toBeUndefined();
    const visit = neckVisit(ids.neck, new Date(Date.now() + 60_000).toISOString(), 2, 1);
    visit.assessment = 'Seen again: pain-free at rest.';
    visit.plan = 'Discharge at the next visit.';
    await clinicApi(api).recordSession(visit);
    text = rowsOf(await pdfOf(ids.neck)).join('\n');
    expect(text).toContain('Plan Discharge at the next visit.');
    expect(text).toContain('From the visit of');
    expect(text).not.toContain(assessment);
  });
});
