/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file needs the DOM types.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { demoAccounts } from '@fascia/server/demo/accounts.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { scaledMs } from '../support/machine.js';
import { artifactsDir, startDemoApp, type WebApp } from '../support/web-app.js';

/**
 * The client's own record in Chromium, as the demo client: a diary entry for earlier this morning with
 * a note, the entry in the diary history's chart and table, "Who has seen my record", and the record
 * downloaded as a FHIR file (its content checked). Every portal page is checked with axe-core and
 * photographed at 1280x800 and 375x812.
 */
const viewports = [
  { width: 1280, height: 800, name: 'desktop' },
  { width: 375, height: 812, name: 'phone' },
] as const;
const pages = [
  { path: '/portal', heading: /^Hello, /, name: 'home' },
  { path: '/portal/diary', heading: 'Pain diary', name: 'diary' },
  { path: '/portal/history', heading: 'My diary history', name: 'history' },
  { path: '/portal/access', heading: 'Who has seen my record', name: 'access' },
  { path: '/portal/record', heading: 'My record', name: 'record' },
] as const;

let app: WebApp;
let clinicZone: string;
let clientId: string;

beforeAll(async () => {
  app = await startDemoApp();
  const { viewer } = await app.send<{ viewer: { client: { id: string }; clinic: { timeZone: string } } }>(
    await app.signInOverApi(demoAccounts.client),
    '{ viewer { client { id } clinic { timeZone } } }',
  );
  clientId = viewer.client.id;
  clinicZone = viewer.clinic.timeZone;
  // The demo data is written without the API, so nobody has read the record yet: the client's therapist does.
  await app.send(await app.signInOverApi(demoAccounts.therapist), `{ client(id: "${clientId}") { id } }`);
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

async function signIn(viewport: { width: number; height: number }) {
  const opened = await app.signInPage(demoAccounts.client, { viewport, acceptDownloads: true, consoleErrors: true });
  await opened.page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
  return opened;
}

/** A time earlier this morning on the clinic's clock (half an hour ago, or 08:00 once the morning is over). */
function thisMorning(): string | null {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: clinicZone,
  }).formatToParts(new Date());
  const minutes = Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
  if (minutes < 31) return null; // just after midnight there is no earlier "this morning": the entry is for now
  const at = minutes >= 12 * 60 ? 8 * 60 : minutes - 30;
  return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
}

async function checkPage(page: Page, name: string, viewport: (typeof viewports)[number]) {
  expect(await seriousAxeViolations(page), `${name} at ${viewport.name}`).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} width`).toBeLessThanOrEqual(viewport.width);
  await page.screenshot({ path: path.join(artifactsDir, `portal-${name}-${viewport.name}.png`), fullPage: true });
}

test('the client logs pain for this morning with a note, sees it in the history chart and table, sees who has seen the record, and downloads it', async () => {
  const note = `after the morning walk ${Date.now() % 10_000}`;
  const { context, page, errors } = await signIn(viewports[0]);
  try {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Pain diary' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pain diary' }).waitFor();
    expect(await page.locator('.diary-form').textContent()).toContain('0 means no pain at all. 10 means the worst pain you can imagine.');
    await page.locator('.pain-choice', { hasText: /^3$/ }).click();
    const morning = thisMorning();
    if (morning) {
      await page.getByRole('radio', { name: 'Earlier today' }).check();
      await page.getByLabel('At what time today').fill(morning);
    }
    await page.getByLabel('Note (optional)').fill(note);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: pain 3 out of 10' }).waitFor();
    // The recent list shows it with its note.
    await page.locator('.diary-entry', { hasText: note }).waitFor();

    // Diary history: the chart is drawn, and its table and list hold the entry with the note.
    await nav.getByRole('link', { name: 'Diary history' }).click();
    await page.getByRole('heading', { level: 1, name: 'My diary history' }).waitFor();
    const place = page.locator('.diary-history', { hasText: note });
    await place.waitFor();
    const chart = place.locator('canvas[role="img"]');
    expect(await chart.getAttribute('aria-label')).toMatch(/diary entr(y|ies) and \d+ values? measured at the clinic/);
    expect(await chart.evaluate((canvas: HTMLCanvasElement) => canvas.width > 0 && canvas.height > 0)).toBe(true);
    expect(await place.locator('.history-list li').first().textContent()).toContain(`3 out of 10 “${note}”`);
    await place.getByText('Show the values as a table').click();
    const row = place.locator('table tbody tr', { hasText: note });
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['Your diary', '3 out of 10', note]);
    if (morning) {
      const time = await row.locator('time').getAttribute('datetime');
      const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: clinicZone });
      expect(clock.format(new Date(time ?? ''))).toBe(morning);
    }

    // Who has seen my record: in words, the clinic's therapist named, with no operation names.
    await nav.getByRole('link', { name: 'Who has seen my record' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who has seen my record' }).waitFor();
    const table = page.locator('.access-table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Maya Chen');
    expect(text).toContain('Looked at your record');
    expect(text).not.toMatch(/Query\.|Mutation\.|Export\./);

    // Download my record: the FHIR bundle of this client, with the note on the diary Observation.
    await nav.getByRole('link', { name: 'My record', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My record' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my record (FHIR file)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`fascia-client-${clientId}.fhir.json`);
    const bundle = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as {
      resourceType: string;
      entry: {
        resource: { resourceType: string; identifier?: { value: string }[]; note?: { text: string }[]; valueQuantity?: { value: number } };
      }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource.identifier?.[0]?.value).toBe(clientId);
    const mine = bundle.entry.find((e) => e.resource.resourceType === 'Observation' && e.resource.note?.[0]?.text === note);
    expect(mine?.resource.valueQuantity?.value).toBe(3);
    // The summary says it in words.
    expect(await page.locator('.record-summary').textContent()).toContain(`3 out of 10, “${note}”`);

    // The download now shows on "Who has seen my record", as the client's own (shown when asked for).
    await nav.getByRole('link', { name: 'Who has seen my record' }).click();
    await page.getByRole('checkbox', { name: 'Show my own visits to my record too' }).check();
    await page.locator('.access-table tr', { hasText: 'Downloaded your record as a file' }).first().waitFor();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('every portal page: no serious accessibility violation, no sideways scrolling, a screenshot at both sizes', async () => {
  for (const viewport of viewports) {
    const { context, page, errors } = await signIn(viewport);
    try {
      for (const target of pages) {
        await page.goto(`${app.url}${target.path}`);
        await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
        // Each page's own content, once its data has arrived.
        const content = {
          home: '.portal-cards',
          diary: '.diary-entries',
          history: '.diary-history canvas',
          access: '.access-table',
          record: '.record-summary',
        };
        await page.locator(content[target.name]).first().waitFor();
        // The page's other parts (the next visit, the series) arrive on their own requests.
        await expect.poll(() => page.locator('.status-loading').count(), { timeout: scaledMs(10_000) }).toBe(0);
        await checkPage(page, target.name, viewport);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }
});
