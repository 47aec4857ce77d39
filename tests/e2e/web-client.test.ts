/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file needs the DOM types.
import path from 'node:path';
import { demoAccounts } from '@fascia/server/demo/accounts.js';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Account, artifactsDir, type PageOptions, startDemoApp, type WebApp } from '../support/web-app.js';

type GraphQL = <Data>(query: string, variables?: Record<string, unknown>) => Promise<Data>;

interface ChartSeries {
  sessions: { id: string; startedAt: string }[];
  observations: {
    sessionId: string | null;
    context: string;
    regionCode: string | null;
    side: 'LEFT' | 'RIGHT' | null;
    value: number;
  }[];
}

interface Target {
  clientId: string;
  displayName: string;
  seriesId: string;
  /** Position of the series in the client's list (newest first, as the API orders it). */
  seriesIndex: number;
  conditionName: string;
  series: ChartSeries;
}

let app: WebApp;
let graphql: GraphQL;
let target: Target;
let measureDecimals: number;
let regionNames: Map<string, string>;

/** The demo therapist (Maya Chen of the first clinic): the page signs in as her. */
const therapist = demoAccounts.therapist;

/** Signs in over the API and returns a new session token of a demo account (the therapist unless said). */
const signInOverApi = (account: Account = therapist) => app.signInOverApi(account);

const pageSize = 20;

/** "Load more" only shows with more clients than one page: add a few when the clinic is small. */
async function ensureMoreThanOnePage(): Promise<void> {
  const { clients } = await graphql<{ clients: { totalCount: number } }>(`{ clients { totalCount } }`);
  for (let i = clients.totalCount; i <= pageSize + 2; i++) {
    await graphql(`mutation($input: CreateClientInput!) { createClient(input: $input) { id } }`, {
      input: {
        givenName: 'Extra',
        familyName: `Client ${String(i).padStart(2, '0')}`,
        dateOfBirth: '1990-01-01',
        sex: 'UNKNOWN',
      },
    });
  }
}

const seriesQuery = `query($id: ID!) {
  series(id: $id) {
    sessions { id startedAt }
    observations(measureCode: "NPRS") { sessionId context regionCode side value }
  }
}`;

/** A client with a unique name and a series with pain recorded at sessions: what the page should chart. */
async function findTarget(): Promise<Target> {
  const { clients } = await graphql<{
    clients: {
      edges: {
        node: {
          id: string;
          displayName: string;
          series: { id: string; status: string; condition: { name: string } }[];
        };
      }[];
    };
  }>(`{ clients(first: 100) { edges { node { id displayName series { id status condition { name } } } } } }`);
  const nameCounts = new Map<string, number>();
  for (const { node } of clients.edges) nameCounts.set(node.displayName, (nameCounts.get(node.displayName) ?? 0) + 1);
  let best: Target | undefined;
  for (const { node } of clients.edges) {
    if (nameCounts.get(node.displayName) !== 1) continue;
    for (const [seriesIndex, series] of node.series.entries()) {
      // An active series: the session form records into it.
      if (series.status !== 'ACTIVE') continue;
      const { series: data } = await graphql<{ series: ChartSeries }>(seriesQuery, { id: series.id });
      const sessionValues = data.observations.filter((o) => o.sessionId !== null && o.context !== 'BETWEEN_SESSIONS');
      const regions = new Set(sessionValues.map((o) => `${o.regionCode}|${o.side}`)).size;
      if (sessionValues.length < 4) continue;
      const candidate = {
        clientId: node.id,
        displayName: node.displayName,
        seriesId: series.id,
        seriesIndex,
        conditionName: series.condition.name,
        series: data,
      };
      // Prefer a series with pain in several regions: it exercises the region picker.
      if (!best || regions > 1) best = candidate;
      if (regions > 1) return candidate;
    }
  }
  if (!best) throw new Error('no client has a series with pain values at sessions');
  return best;
}

/** As the page names a region: "Neck", "Right lower arm (forearm)". */
function regionLabel(regionCode: string | null, side: 'LEFT' | 'RIGHT' | null): string {
  const name = regionCode === null ? 'All regions' : (regionNames.get(regionCode) ?? regionCode);
  return side ? `${side === 'LEFT' ? 'Left' : 'Right'} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}

/** The rows the table should show for one region, straight from the API's answer. */
function expectedRows(label: string): string[][] {
  const sessions = [...target.series.sessions].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const rows: string[][] = [];
  for (const [index, session] of sessions.entries()) {
    const values = target.series.observations.filter((o) => o.sessionId === session.id && regionLabel(o.regionCode, o.side) === label);
    if (values.length === 0) continue;
    // The API lists values in clinical-time order: the last one of a kind counts.
    const pick = (context: string) =>
      values
        .filter((o) => o.context === context)
        .at(-1)
        ?.value.toFixed(measureDecimals) ?? 'not recorded';
    rows.push([String(index + 1), pick('PRE_SESSION'), pick('POST_SESSION')]);
  }
  return rows;
}

/** The pain section of a series page: the NPRS chart, its region picker and its table. */
function painSection(page: Page): Locator {
  return page.locator('.measure-section').filter({ has: page.getByRole('img', { name: /^Chart of Pain \(NPRS 0-10\) in / }) });
}

async function tableRows(scope: Locator): Promise<string[][]> {
  const details = scope.locator('details.table-toggle');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await scope.getByText('Show the values as a table').click();
  }
  // The table is rendered once the disclosure is open.
  await scope.locator('table.data-table').waitFor();
  return scope
    .locator('table.data-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')?.textContent ?? '',
        row.querySelector('[data-column="pre"]')?.textContent ?? '',
        row.querySelector('[data-column="post"]')?.textContent ?? '',
      ]),
    );
}

/** Resolves once chart.js has painted something on the canvas. */
async function waitForPaintedChart(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('figure.measure-chart canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return false;
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
    return painted > 2000;
  });
}

/** A page in a fresh browser, its page errors and console errors collected (they should stay empty). */
const newPage = (options: Omit<PageOptions, 'consoleErrors'>) => app.newPage({ ...options, consoleErrors: true });

beforeAll(async () => {
  app = await startDemoApp();
  const token = await signInOverApi();
  graphql = (query, variables) => app.send(token, query, variables);
  await ensureMoreThanOnePage();

  const catalogs = await graphql<{
    measures: { code: string; decimals: number }[];
    bodyRegions: { code: string; name: string }[];
  }>(`{ measures { code decimals } bodyRegions { code name } }`);
  measureDecimals = catalogs.measures.find((m) => m.code === 'NPRS')?.decimals ?? 0;
  regionNames = new Map(catalogs.bodyRegions.map((r) => [r.code, r.name]));
  target = await findTarget();
}, 900_000);

afterAll(async () => {
  await app?.stop();
});

describe('therapist: caseload, clients, a series and its pain chart', () => {
  test('desktop: list, load more, search, choose a client and a series, chart and table', async () => {
    const { context, page, errors } = await newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(app.url);

      // Signed out, the page asks for email and password, and the session cookie does the rest.
      await page.getByRole('heading', { level: 1, name: 'Sign in to Fascia' }).waitFor();
      await page.screenshot({ path: path.join(artifactsDir, 'sign-in-desktop.png') });
      await page.getByLabel('Email').fill(therapist.email);
      await page.getByLabel('Password').fill(therapist.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.who-person', { hasText: 'Maya Chen' }).waitFor();
      // A therapist lands on the caseload: their active series, with flags and a sparkline each.
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      await page.locator('.caseload-item').first().waitFor();
      const { caseload } = await graphql<{ caseload: { totalCount: number } }>('{ caseload(first: 100) { totalCount } }');
      expect(await page.locator('.caseload-item').count()).toBe(Math.min(caseload.totalCount, 20));
      expect(await page.getByRole('img', { name: / at each visit: / }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(artifactsDir, 'caseload-desktop.png'), fullPage: true });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
      const cookie = (await context.cookies()).find((c) => c.name === 'fascia_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

      // The list shows the API's first page, in its order.
      const firstPage = await graphql<{
        clients: {
          totalCount: number;
          edges: { node: { displayName: string } }[];
        };
      }>(`query($first: Int!) { clients(first: $first) { totalCount edges { node { displayName } } } }`, { first: pageSize });
      const names = page.locator('.client-items .client-name');
      await expect.poll(() => names.allTextContents(), { timeout: 10_000 }).toEqual(firstPage.clients.edges.map((e) => e.node.displayName));
      await page.screenshot({ path: path.join(artifactsDir, 'clients-desktop.png'), fullPage: true });
      await expect(page.locator('.list-count').textContent()).resolves.toBe(
        `Showing ${firstPage.clients.edges.length} of ${firstPage.clients.totalCount} clients`,
      );

      // The next page is appended, in the API's order.
      expect(firstPage.clients.totalCount).toBeGreaterThan(pageSize);
      await page.getByRole('button', { name: 'Load more clients' }).click();
      const twoPages = await graphql<{
        clients: { edges: { node: { displayName: string } }[] };
      }>(`query($first: Int!) { clients(first: $first) { edges { node { displayName } } } }`, { first: 2 * pageSize });
      await expect.poll(() => names.allTextContents(), { timeout: 10_000 }).toEqual(twoPages.clients.edges.map((e) => e.node.displayName));

      await page.getByRole('searchbox', { name: 'Search by name or email' }).fill(target.displayName);
      const clientButton = page.locator('.client-item').filter({
        has: page.locator('.client-name', { hasText: target.displayName }),
      });
      await expect.poll(() => names.allTextContents(), { timeout: 10_000 }).toContain(target.displayName);
      await expect.poll(() => names.count(), { timeout: 10_000 }).toBeLessThan(firstPage.clients.edges.length + 1);
      await clientButton.first().click();
      await page.getByRole('heading', { level: 1, name: target.displayName }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/clients/${target.clientId}`);
      await page.screenshot({ path: path.join(artifactsDir, 'client-desktop.png'), fullPage: true });

      const seriesButton = page.locator('.series-entry .series-name').nth(target.seriesIndex);
      await expect(seriesButton.textContent()).resolves.toContain(target.conditionName);
      await seriesButton.click();

      const canvas = page.getByRole('img', {
        name: /^Chart of Pain \(NPRS 0-10\) in /,
      });
      await canvas.waitFor();
      await waitForPaintedChart(page);
      const pain = painSection(page);

      // Every region the API has values for: the table lists exactly the API's numbers.
      const picker = pain.getByRole('group', { name: 'Body region' });
      const regionLabels =
        (await picker.count()) > 0
          ? await picker.getByRole('radio').evaluateAll((inputs) => inputs.map((i) => i.parentElement?.textContent ?? ''))
          : [];
      const apiRegions = new Set(
        target.series.observations
          .filter((o) => o.sessionId && o.context !== 'BETWEEN_SESSIONS')
          .map((o) => regionLabel(o.regionCode, o.side)),
      );
      if (apiRegions.size > 1) expect(new Set(regionLabels)).toEqual(apiRegions);
      for (const label of apiRegions.size > 1 ? regionLabels : [...apiRegions]) {
        if (apiRegions.size > 1) await picker.getByRole('radio', { name: label }).check();
        await page
          .getByRole('img', {
            name: new RegExp(`in ${label.replace(/[()]/g, '\\$&')} before and after`),
          })
          .waitFor();
        const rows = await tableRows(pain);
        expect(rows, `table for ${label}`).toEqual(expectedRows(label));
        expect(rows.length).toBeGreaterThan(0);
      }
      if (apiRegions.size > 1) await picker.getByRole('radio').first().check();
      await waitForPaintedChart(page);
      await page.screenshot({
        path: path.join(artifactsDir, 'series-desktop.png'),
        fullPage: true,
      });

      // Signing out ends the session on the server; the form is back and the cookie gone.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Fascia' }).waitFor();
      expect((await context.cookies()).some((c) => c.name === 'fascia_session')).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('phone (375 px): the chart and its table fit the width', async () => {
    // A phone's touch screen, and reduced motion: charts then draw at once (the app honours the setting), so
    // screenshots never catch an animation.
    const { context, page, errors } = await newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
    // Signed in already: the session cookie of a sign-in made over the API.
    await app.addSessionCookie(context, therapist);
    try {
      // A link to a client's series opens it directly.
      await page.goto(`${app.url}/clients/${target.clientId}/series/${target.seriesId}`);
      await page.getByRole('img', { name: /^Chart of Pain \(NPRS 0-10\) in / }).waitFor();
      await waitForPaintedChart(page);
      const box = await painSection(page).locator('canvas').boundingBox();
      expect(box?.width).toBeGreaterThan(250);
      expect(box?.width).toBeLessThanOrEqual(375);
      await page.screenshot({
        path: path.join(artifactsDir, 'series-phone.png'),
        fullPage: true,
      });

      await tableRows(painSection(page));
      // Nothing makes the page scroll sideways (a wide table scrolls inside its own box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await painSection(page).locator('table.data-table').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: path.join(artifactsDir, 'series-phone-table.png'),
        fullPage: true,
      });

      // The other main pages fit the phone too.
      for (const [name, address, ready] of [
        ['caseload', '/', page.locator('.caseload-item').first()],
        ['clients', '/clients', page.locator('.client-items .client-name').first()],
        ['client', `/clients/${target.clientId}`, page.getByRole('heading', { level: 1, name: target.displayName })],
        ['session-form', `/sessions/new?series=${target.seriesId}`, page.getByRole('heading', { level: 1, name: 'Record a session' })],
      ] as const) {
        await page.goto(`${app.url}${address}`);
        await ready.waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(375);
        await page.screenshot({ path: path.join(artifactsDir, `${name}-phone.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Signs in through the form in a fresh context (photographing the form first when `shot` names a file); the caller closes the context. */
async function signInPage(account: Account, viewport = { width: 1280, height: 800 }, shot?: string) {
  const opened = await newPage({ viewport });
  if (shot) {
    await opened.page.goto(app.url);
    await opened.page.getByRole('heading', { level: 1, name: 'Sign in to Fascia' }).waitFor();
    await opened.page.screenshot({ path: path.join(artifactsDir, shot) });
  }
  await app.signIn(opened.page, account);
  return opened;
}

/** The region of the target series with the most pain values at sessions, as the body map keys it. */
function busiestRegion(): { key: string; label: string } {
  const counts = new Map<string, { count: number; regionCode: string | null; side: 'LEFT' | 'RIGHT' | null }>();
  for (const o of target.series.observations) {
    if (!o.sessionId || o.context === 'BETWEEN_SESSIONS') continue;
    const key = `${o.regionCode ?? ''}|${o.side ?? ''}`;
    counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, regionCode: o.regionCode, side: o.side });
  }
  const [key, best] = [...counts].sort((a, b) => b[1].count - a[1].count)[0] ?? [];
  if (!key || !best) throw new Error('the target series has no pain values');
  return { key, label: regionLabel(best.regionCode, best.side) };
}

describe('therapist records a session', () => {
  test('a value out of range is refused at its input with nothing typed lost; the corrected session shows in the chart table', async () => {
    const { context, page, errors } = await signInPage(therapist);
    try {
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      await page.goto(`${app.url}/sessions/new?series=${target.seriesId}`);
      await page.getByRole('heading', { level: 1, name: 'Record a session' }).waitFor();
      await page.screenshot({ path: path.join(artifactsDir, 'session-form-desktop.png'), fullPage: true });

      // The body map: an area is chosen by pointing at it (the keyboard walkthrough is in accessibility.test.ts).
      const region = busiestRegion();
      const area = page.locator(`[data-region="${region.key}"]`);
      await area.click();
      await expect(area.getAttribute('aria-selected')).resolves.toBe('true');
      await page.getByRole('checkbox', { name: 'Swedish' }).check();
      await page.getByRole('radio', { name: '3 moderate' }).check();

      const inputId = `pain-${region.key.replace('|', '-')}`;
      const before = page.locator(`#${inputId}-pre`);
      const after = page.locator(`#${inputId}-post`);
      await before.fill('11');
      await after.fill('3');
      await page.getByLabel('Subjective: what the client reports').fill('Neck stiff after a long drive.');
      await page.getByRole('button', { name: 'Record the session' }).click();

      // The server's range error lands at the input, which keeps what was typed.
      await expect.poll(() => before.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      await expect(page.locator(`#${inputId}-pre-error`).textContent()).resolves.toMatch(/10/);
      expect(await before.inputValue()).toBe('11');
      expect(await after.inputValue()).toBe('3');
      expect(await page.getByLabel('Subjective: what the client reports').inputValue()).toBe('Neck stiff after a long drive.');
      await page.screenshot({ path: path.join(artifactsDir, 'session-form-error-desktop.png'), fullPage: true });

      await before.fill('2');
      await page.getByRole('button', { name: 'Record the session' }).click();
      await page.waitForURL((url) => url.pathname === `/clients/${target.clientId}/series/${target.seriesId}`);
      await page.getByRole('status').filter({ hasText: 'Session recorded' }).waitFor();
      const pain = painSection(page);
      const picker = pain.getByRole('group', { name: 'Body region' });
      if ((await picker.count()) > 0) await picker.getByRole('radio', { name: region.label, exact: true }).check();
      await expect.poll(async () => (await tableRows(pain)).at(-1)?.slice(1), { timeout: 10_000 }).toEqual(['2', '3']);

      // Recorded once, with what the form said.
      const { series } = await graphql<{ series: { sessions: { modalities: string[]; pressure: number | null }[] } }>(
        'query($id: ID!) { series(id: $id) { sessions { modalities pressure } } }',
        { id: target.seriesId },
      );
      expect(series.sessions.length).toBe(target.series.sessions.length + 1);
      expect(series.sessions.at(-1)).toEqual({ modalities: ['SWEDISH'], pressure: 3 });
      expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('other roles', () => {
  test("a client sees only their own progress and diary; another client's address shows no data", async () => {
    const token = await signInOverApi(demoAccounts.client);
    const { viewer } = await app.send<{ viewer: { client: { id: string; displayName: string } } }>(
      token,
      '{ viewer { client { id displayName } } }',
    );
    const { clients } = await graphql<{ clients: { edges: { node: { id: string; displayName: string } }[] } }>(
      '{ clients(first: 30) { edges { node { id displayName } } } }',
    );
    const others = clients.edges.map((e) => e.node).filter((c) => c.id !== viewer.client.id);
    const other = others[0];
    if (!other) throw new Error('the clinic has one client only');

    for (const viewport of [
      { width: 1280, height: 800, name: 'desktop' },
      { width: 375, height: 812, name: 'phone' },
    ]) {
      const { context, page, errors } = await signInPage(demoAccounts.client, viewport, `sign-in-${viewport.name}.png`);
      try {
        await page.getByRole('heading', { level: 1, name: `Hello, ${viewer.client.displayName}` }).waitFor();
        await page.locator('.plain-list li').first().waitFor();
        expect(await page.locator('.plain-list li').first().textContent()).toMatch(/^Your .+ (than|the same as|has one)/);
        const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
        expect(nav).toEqual(['My progress', 'Pain diary', 'Diary history', 'Who has seen my record', 'My record', 'Reminders']);
        const text = (await page.locator('body').textContent()) ?? '';
        for (const c of others) expect(text).not.toContain(c.displayName);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: path.join(artifactsDir, `portal-${viewport.name}.png`), fullPage: true });

        await page.getByRole('link', { name: 'Pain diary' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Pain diary' }).waitFor();
        await page.locator('.pain-choice', { hasText: /^4$/ }).click();
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByRole('status').filter({ hasText: 'Saved: pain 4' }).waitFor();
        await page.screenshot({ path: path.join(artifactsDir, `diary-${viewport.name}.png`), fullPage: true });

        // A therapist's address for another client: not a page here, and none of their data.
        for (const address of [`/clients/${other.id}`, `/clients/${other.id}/series/${target.seriesId}`]) {
          await page.goto(`${app.url}${address}`);
          await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
          expect((await page.locator('body').textContent()) ?? '').not.toContain(other.displayName);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  test('an admin gets the caseload layout', async () => {
    const admin = await signInPage(demoAccounts.admin);
    try {
      await admin.page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      await admin.page.locator('.caseload-item').first().waitFor();
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });

  test('a researcher builds a cohort, sees its outcomes, time course and suppressed cells, exports it, and reaches no person', async () => {
    // What the page must show, from the API at the same minimum cell size (11, the default).
    const researcherToken = await signInOverApi(demoAccounts.researcher);
    const { cohortOutcomes: expected } = await app.send<{
      cohortOutcomes: {
        minCellSize: number;
        overall: { n: number; meanChange: number; meanChangeCiLow: number; meanChangeCiHigh: number };
        visits: { visitNumber: number; value: { suppressed: boolean; mean: number | null } }[];
        histogram: { suppressed: boolean }[];
      };
    }>(
      researcherToken,
      `{ cohortOutcomes(measureCode: "NPRS") { minCellSize overall { n meanChange meanChangeCiLow meanChangeCiHigh }
         visits { visitNumber value { suppressed mean } } histogram { suppressed } } }`,
    );
    expect(expected.minCellSize).toBe(11);
    // The demo data at k = 11: the whole cohort and its first visits are shown, some histogram bins hidden.
    expect(expected.overall.n).toBeGreaterThanOrEqual(11);
    const suppressedBins = expected.histogram.filter((bin) => bin.suppressed).length;
    expect(suppressedBins).toBeGreaterThan(0);
    const firstVisit = expected.visits[0];
    expect(firstVisit?.value.suppressed).toBe(false);
    const oneDecimal = (value: number) => value.toFixed(1).replace('-', '−');

    for (const viewport of [
      { width: 1280, height: 800, name: 'desktop' },
      { width: 375, height: 812, name: 'phone' },
    ]) {
      const researcher = await signInPage(demoAccounts.researcher, viewport);
      const { page } = researcher;
      try {
        await page.getByRole('heading', { level: 1, name: 'Research explorer' }).waitFor();
        // The researcher's navigation: the explorer, the comparison and their API tokens, nothing about a person.
        expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual([
          'Explore a cohort',
          'Compare two cohorts',
          'API tokens',
        ]);
        await page.getByLabel('Outcome measure').selectOption('NPRS');
        await page.getByRole('button', { name: 'Show outcomes' }).click();

        const overall = page.locator('section[aria-labelledby="overall-heading"]');
        await overall.waitFor();
        const facts = await overall
          .locator('dt')
          .evaluateAll((terms) =>
            Object.fromEntries(terms.map((term) => [term.textContent ?? '', term.nextElementSibling?.textContent ?? ''])),
          );
        expect(facts.Clients).toBe(String(expected.overall.n));
        expect(facts['Mean change']).toContain(
          `${oneDecimal(expected.overall.meanChange)} (95% CI ${oneDecimal(expected.overall.meanChangeCiLow)} to ${oneDecimal(expected.overall.meanChangeCiHigh)})`,
        );

        // The time course: a painted chart, and its table with visit 1's mean and, past the last shown visit, none.
        const timeCourse = page.locator('figure').filter({ has: page.getByRole('img', { name: /^Time course/ }) });
        await waitForPaintedChart(page);
        await timeCourse.getByText('Show the values as a table').click();
        await timeCourse.locator('tbody tr').first().waitFor();
        const visitRows = await timeCourse
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
        expect(visitRows.length).toBe(expected.visits.length);
        expect(visitRows[0]?.[0]).toBe('Visit 1');
        expect(visitRows[0]?.[2]).toBe(oneDecimal(firstVisit?.value.mean ?? Number.NaN));

        // Suppressed bins read as suppressed, in words, never as 0.
        const histogram = page.locator('figure').filter({ has: page.getByRole('img', { name: /^Distribution of change/ }) });
        await histogram.getByText('Show the values as a table').click();
        await expect
          .poll(() => histogram.locator('td.suppressed-cell', { hasText: 'suppressed (a group of fewer than 11 clients)' }).count())
          .toBe(suppressedBins);
        await page.screenshot({ path: path.join(artifactsDir, `research-explorer-${viewport.name}.png`), fullPage: true });

        if (viewport.name === 'desktop') {
          // The export streams with progress, then offers the file: every participant of the cohort, the header first.
          await page.getByRole('button', { name: 'Export this cohort as CSV' }).click();
          const ready = page.getByText(/^Export ready:/);
          await ready.waitFor();
          const progress = /(\d+) of (\d+) participants, (\d+) rows/.exec((await ready.textContent()) ?? '');
          const [participants, cohortSize, rows] = [Number(progress?.[1]), Number(progress?.[2]), Number(progress?.[3])];
          // The file is k-anonymous: at most 5% of the participants are left out (k-anonymity.ts), and the
          // answer's n carries cell-key noise of at most 2.
          expect(participants).toBeGreaterThanOrEqual(Math.floor((expected.overall.n - 2) * 0.95));
          expect(participants).toBeLessThanOrEqual(cohortSize);
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('link', { name: /^Save fascia-cohort-nprs\.csv/ }).click(),
          ]);
          const stream = await download.createReadStream();
          let text = '';
          for await (const chunk of stream) text += String(chunk);
          expect(text.split('\r\n')[0]).toBe(
            'participant,age_band,sex,condition,main_modality,clinic,start_month,series_minutes,visit_number,day,visit_minutes,measure,unit,region,side,pre,post',
          );
          expect(text.trimEnd().split('\r\n').length - 1).toBe(rows);
          expect(text).not.toContain(target.displayName);
        }

        // No person: a client's address still shows the explorer, with no name on it.
        await page.goto(`${app.url}/clients/${target.clientId}`);
        await page.getByRole('heading', { level: 1, name: 'Research explorer' }).waitFor();
        expect((await page.locator('body').textContent()) ?? '').not.toContain(target.displayName);
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { level: 1, name: 'Sign in to Fascia' }).waitFor();
        expect(researcher.errors).toEqual([]);
      } finally {
        await researcher.context.close();
      }
    }
  });
});

describe('researcher compares two cohorts', () => {
  test('women against men on NPRS: the difference with its interval, both cohorts, a chart with a table, as the API says', async () => {
    const token = await signInOverApi(demoAccounts.researcher);
    const { cohortComparison: expected } = await app.send<{
      cohortComparison: {
        a: { suppressed: boolean; n: number | null };
        b: { suppressed: boolean; n: number | null };
        difference: { suppressed: boolean; estimate: number | null; ciLow: number | null; ciHigh: number | null };
      };
    }>(
      token,
      `{ cohortComparison(measureCode: "NPRS", a: { sex: FEMALE }, b: { sex: MALE }) {
         a { suppressed n } b { suppressed n } difference { suppressed estimate ciLow ciHigh } } }`,
    );
    // As a reader writes it: a minus sign, and none on a value that rounds to zero (−0.04 is "0.0").
    const oneDecimal = (value: number | null) => {
      const text = (value ?? Number.NaN).toFixed(1);
      return Number(text) === 0 ? text.replace('-', '') : text.replace('-', '−');
    };
    for (const viewport of [
      { width: 1280, height: 800, name: 'desktop' },
      { width: 375, height: 812, name: 'phone' },
    ]) {
      const researcher = await signInPage(demoAccounts.researcher, viewport);
      const { page } = researcher;
      try {
        await page.getByRole('heading', { level: 1, name: 'Research explorer' }).waitFor();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare two cohorts' }).click();
        await page.getByRole('heading', { level: 2, name: 'Compare two cohorts' }).waitFor();
        await page.getByLabel('Outcome measure').selectOption('NPRS');
        await page.locator('#a-cohort-sex').selectOption('FEMALE');
        await page.locator('#b-cohort-sex').selectOption('MALE');
        await page.getByRole('button', { name: 'Compare the cohorts' }).click();
        const result = page.locator('.comparison-result');
        await result.waitFor();

        const verdict = (await result.locator('.comparison-verdict').textContent()) ?? '';
        if (expected.difference.suppressed) expect(verdict).toMatch(/^The difference is withheld/);
        else {
          expect(verdict).toContain(
            `${oneDecimal(expected.difference.estimate)} (95% CI ${oneDecimal(expected.difference.ciLow)} to ${oneDecimal(expected.difference.ciHigh)})`,
          );
        }
        const clients = await result
          .locator('table.comparison-table tbody tr')
          .first()
          .evaluate((row) => Array.from(row.children, (cell) => cell.textContent ?? ''));
        expect(clients).toEqual([
          'Clients',
          ...[expected.a, expected.b].map((cell) => (cell.suppressed ? 'suppressed (a group of fewer than 11 clients)' : String(cell.n))),
        ]);
        // The chart of the three and its table: cohort A, cohort B, the difference.
        const chart = result.locator('figure');
        await chart.getByText('Show the values as a table').click();
        await chart.locator('tbody th').first().waitFor();
        const labels = await chart.locator('tbody th').allTextContents();
        expect(labels).toEqual(['Cohort A', 'Cohort B', 'Difference (B − A)']);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: path.join(artifactsDir, `research-compare-${viewport.name}.png`), fullPage: true });
        expect(researcher.errors).toEqual([]);
      } finally {
        await researcher.context.close();
      }
    }
  });
});
