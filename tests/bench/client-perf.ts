/// <reference lib="dom" />
/*
 * Web client performance (run: `npx -y pnpm@12.21.0 bench:client`; a script, not a test).
 *
 * Builds the client, serves it from a bare static server (the GraphQL answers are fixtures given to
 * Chromium through page.route, so the figures are the page's own, not the API's), and prints:
 *
 * 1. First-page JavaScript: the gzip size (zlib level 9, as a server's static gzip would send it) of every
 *    script the sign-in page loads, and, for the code split per role, what a therapist's caseload and a
 *    client's portal and a researcher's explorer add after sign-in. Target: first page <= 300 KB.
 * 2. Render time of a client's series page holding a year of data: 5 measures x 365 daily sessions (a
 *    pre and a post value each), from the moment its data arrives (fetch resolved, marked in the page)
 *    until all 5 charts have been drawn and a frame has passed; median of CLIENT_PERF_RUNS (7) runs.
 *    Target: < 200 ms in Chromium.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildClient, chromiumArgs, chromiumPath } from '../support/chromium.js';

const runs = Number(process.env.CLIENT_PERF_RUNS || 7);
const targets = { firstPageKb: 300, renderMs: 200 };
const sessionsPerYear = 365;
const say = (line: string) => console.log(line);

// ---- fixtures ----

const clinic = { id: 'k1', name: 'Bench Clinic', timeZone: 'UTC' };
const catalogMeasure = (code: string, name: string, kind: string, unitLabel: string, max: number, direction: string, mcid: number) => ({
  code,
  name,
  kind,
  unit: unitLabel,
  unitLabel,
  min: 0,
  max,
  decimals: 0,
  direction,
  mcid,
  severityBands: [],
});
/** The five measures of the year: two pain scales, two ranges of motion and grip strength. */
const yearMeasures = [
  catalogMeasure('NPRS', 'Pain intensity (NPRS 0-10)', 'PAIN', '/10', 10, 'LOWER_IS_BETTER', 2),
  catalogMeasure('VAS_PAIN', 'Pain (VAS 0-100 mm)', 'PAIN', 'mm', 100, 'LOWER_IS_BETTER', 20),
  catalogMeasure('CERVICAL_ROTATION', 'Cervical rotation', 'RANGE_OF_MOTION', '°', 90, 'HIGHER_IS_BETTER', 10),
  catalogMeasure('CERVICAL_FLEXION', 'Cervical flexion', 'RANGE_OF_MOTION', '°', 80, 'HIGHER_IS_BETTER', 10),
  catalogMeasure('GRIP_STRENGTH', 'Grip strength', 'STRENGTH', 'kg', 90, 'HIGHER_IS_BETTER', 6),
];

function yearOfSeries() {
  const start = Date.UTC(2025, 10, 20, 9, 0);
  const sessions = Array.from({ length: sessionsPerYear }, (_, i) => ({
    id: `s${i}`,
    startedAt: new Date(start + i * 86_400_000).toISOString(),
    attendance: 'ATTENDED',
  }));
  const observations = yearMeasures.flatMap((measure, m) =>
    sessions.flatMap((session, i) => {
      // A slow improvement with some noise, within the measure's range.
      const trend = measure.direction === 'LOWER_IS_BETTER' ? 1 - i / (2 * sessionsPerYear) : 0.5 + i / (2 * sessionsPerYear);
      const pre = Math.round(Math.min(measure.max, Math.max(0, measure.max * trend * (0.9 + 0.2 * Math.abs(Math.sin(i * 1.7 + m))))));
      const post = Math.max(0, Math.min(measure.max, pre + (measure.direction === 'LOWER_IS_BETTER' ? -1 : 1)));
      const base = {
        sessionId: session.id,
        measureCode: measure.code,
        regionCode: measure.kind === 'PAIN' ? 'NECK' : null,
        side: measure.kind === 'PAIN' ? null : 'LEFT',
      };
      return [
        { ...base, id: `o${m}-${i}-pre`, context: 'PRE_SESSION', value: pre, takenAt: session.startedAt },
        { ...base, id: `o${m}-${i}-post`, context: 'POST_SESSION', value: post, takenAt: session.startedAt },
      ];
    }),
  );
  return {
    series: {
      id: 'year',
      status: 'ACTIVE',
      startDate: '2025-11-20',
      endDate: null,
      goals: null,
      plannedSessions: sessionsPerYear,
      plannedSessionsPerWeek: 7,
      dischargeReason: null,
      dischargeNote: null,
      headlineMeasure: null,
      client: { id: 'c1', displayName: 'Bench Client', unresolvedRedFlags: [], contraindications: [] },
      condition: { name: 'Neck pain' },
      sessions,
      observations,
      questionnaireResponses: [],
      progress: {
        attendance: {
          attended: sessionsPerYear,
          cancelled: 0,
          noShows: 0,
          expectedByNow: sessionsPerYear,
          plannedSessions: sessionsPerYear,
          plannedPerWeek: 7,
          weeksElapsed: sessionsPerYear / 7,
        },
      },
    },
    measures: yearMeasures,
    bodyRegions: [{ code: 'NECK', name: 'Neck' }],
  };
}

type BenchRole = 'THERAPIST' | 'CLIENT' | 'RESEARCHER' | null;

const viewerOf = (role: BenchRole) =>
  role === null
    ? { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }
    : {
        data: {
          viewer: {
            role,
            therapist: role === 'THERAPIST' ? { id: 't1', givenName: 'Bench', familyName: 'Therapist' } : null,
            client: role === 'CLIENT' ? { id: 'c1', displayName: 'Bench Client' } : null,
            clinic: role === 'RESEARCHER' ? null : clinic,
          },
        },
      };

const emptyCaseload = {
  data: {
    caseload: { totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false }, edges: [] },
    measures: [],
    bodyRegions: [],
  },
};
const researchCatalogs = { data: { measures: yearMeasures, conditions: [], researchClinics: [] } };
const emptyPortal = { data: { viewer: { client: { id: 'c1', displayName: 'Bench Client', series: [] } }, measures: [], bodyRegions: [] } };

/** Answers /graphql in the page from fixtures, by operation name. */
async function answerGraphQL(page: Page, role: BenchRole, year: string) {
  await page.route('**/graphql', async (route) => {
    const query = (route.request().postDataJSON() as { query: string }).query;
    const name = /(?:query|mutation) (\w+)/.exec(query)?.[1];
    const body =
      name === 'Viewer'
        ? JSON.stringify(viewerOf(role))
        : name === 'SeriesPage'
          ? year
          : name === 'Caseload'
            ? JSON.stringify(emptyCaseload)
            : name === 'MyProgress'
              ? JSON.stringify(emptyPortal)
              : name === 'ResearchCatalogs'
                ? JSON.stringify(researchCatalogs)
                : JSON.stringify({ errors: [{ message: `no fixture for ${name}`, extensions: { code: 'BAD_REQUEST' } }] });
    await route.fulfill({ status: 200, contentType: 'application/json', body });
  });
}

// ---- static server: the built client with the SPA fallback the real server has ----

async function serve(dist: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    let file = path.join(dist, path.normalize(url.pathname));
    if (!file.startsWith(dist) || !existsSync(file) || (await stat(file)).isDirectory()) file = path.join(dist, 'index.html');
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    response.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// ---- measurements ----

async function gzipKb(dist: string, urls: Iterable<string>): Promise<number> {
  let bytes = 0;
  for (const url of urls) bytes += gzipSync(await readFile(path.join(dist, new URL(url).pathname)), { level: 9 }).length;
  return bytes / 1024;
}

/** The scripts a page loads until `ready` resolves. */
async function scriptsOf(browser: Browser, base: string, address: string, role: BenchRole, ready: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(response.url());
  });
  await answerGraphQL(page, role, '{}');
  await page.goto(`${base}${address}`);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await context.close();
  return scripts;
}

async function renderYear(browser: Browser, base: string, year: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await answerGraphQL(page, 'THERAPIST', year);
  // Mark when the series' data has arrived: what follows is the page's own work.
  await page.addInitScript(() => {
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      if (typeof init?.body === 'string' && init.body.includes('query SeriesPage')) performance.mark('series-data');
      return response;
    };
  });
  await page.goto(`${base}/clients/c1/series/year`);
  const ms = await page.waitForFunction(
    (count) => {
      const canvases = document.querySelectorAll('figure.measure-chart canvas');
      const mark = performance.getEntriesByName('series-data')[0];
      if (!mark || canvases.length < count) return false;
      return performance.now() - mark.startTime;
    },
    yearMeasures.length,
    { polling: 'raf', timeout: 60_000 },
  );
  const elapsed = (await ms.jsonValue()) as number;
  // Every chart really drew its year: ink on each canvas.
  const painted = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLCanvasElement>('figure.measure-chart canvas')).every((canvas) => {
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let ink = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) ink++;
      return ink > 2000;
    }),
  );
  const first = page.locator('figure.measure-chart').first();
  await first.getByText('Show the values as a table').click();
  // The table renders once the disclosure's toggle event has run: wait for its first row before counting.
  await first.locator('tbody tr').first().waitFor();
  const rows = await first.locator('tbody tr').count();
  await context.close();
  if (!painted) throw new Error('a chart of the year stayed blank');
  if (rows !== sessionsPerYear) throw new Error(`the first chart's table has ${rows} rows, not ${sessionsPerYear}`);
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function main() {
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: run \`node tests/ensure-chromium.mjs\` or set CHROMIUM_PATH`);
  const dist = await mkdtemp(path.join(os.tmpdir(), 'fascia-client-perf-'));
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  try {
    say('Building the web client…');
    await buildClient(dist);
    server = await serve(dist);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

    const signIn = await scriptsOf(browser, server.url, '/', null, (page) =>
      page.getByRole('heading', { name: 'Sign in to Fascia' }).waitFor(),
    );
    const therapist = await scriptsOf(browser, server.url, '/', 'THERAPIST', (page) =>
      page.getByRole('heading', { name: 'Caseload' }).waitFor(),
    );
    const client = await scriptsOf(browser, server.url, '/portal', 'CLIENT', (page) =>
      page.getByRole('heading', { name: /^Hello/ }).waitFor(),
    );
    const researcher = await scriptsOf(browser, server.url, '/', 'RESEARCHER', (page) =>
      page.getByRole('button', { name: 'Show outcomes' }).waitFor(),
    );
    const firstPage = await gzipKb(dist, signIn);
    const added = async (scripts: Set<string>) =>
      gzipKb(
        dist,
        [...scripts].filter((s) => !signIn.has(s)),
      );

    const year = JSON.stringify({ data: yearOfSeries() });
    await renderYear(browser, server.url, year); // warm-up: the first run also compiles the page's code
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await renderYear(browser, server.url, year));

    const ok = (met: boolean) => (met ? 'met' : 'MISSED');
    say('');
    say(
      `First-page JavaScript (sign-in page, ${signIn.size} scripts): ${firstPage.toFixed(1)} KB gzip (target <= ${targets.firstPageKb} KB: ${ok(firstPage <= targets.firstPageKb)})`,
    );
    say(
      `  + therapist caseload after sign-in: ${(await added(therapist)).toFixed(1)} KB gzip; + client portal: ${(await added(client)).toFixed(1)} KB gzip; + research explorer: ${(await added(researcher)).toFixed(1)} KB gzip`,
    );
    say(
      `Series page with a year of data (${yearMeasures.length} measures x ${sessionsPerYear} sessions, pre and post): render ${median(times).toFixed(0)} ms median of ${runs} (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms; target < ${targets.renderMs} ms: ${ok(median(times) < targets.renderMs)})`,
    );
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await rm(dist, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
