/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file needs the DOM types.
import path from 'node:path';
import { demoAccounts, demoProxyAccount, demoProxyChild } from '@fascia/server/demo/accounts.js';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { artifactsDir, startDemoApp, type WebApp } from '../support/web-app.js';

/**
 * Every page of every role, at 1280x800 and 375x812: no serious or critical axe-core violation
 * (WCAG 2.0-2.2 A and AA) and nothing that makes the page scroll sideways. Then the session form,
 * keyboard only, records a visit.
 */

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

/** The demo's accounts, and the parent who holds a child's portal (a proxy). */
const accounts = { ...demoAccounts, parent: demoProxyAccount };
type Account = keyof typeof accounts;
const proxyChild = `${demoProxyChild.givenName} ${demoProxyChild.familyName}`;

/** Ids of the demo data the addresses need. */
interface Ids {
  clientId: string;
  seriesId: string;
  sessionId: string;
}

interface PageCheck {
  /** Who looks at it (a demo account), or null for signed out. */
  as: Account | null;
  name: string;
  address: (ids: Ids) => string;
  /** What shows once the page has loaded. */
  ready: (page: Page) => Locator;
  /** Opens what the page hides until asked (a form row, the results), checked as part of the page. */
  open?: (page: Page) => Promise<void>;
  /** A screenshot of it into tests/artifacts/ at both sizes. */
  screenshot?: string;
}

const h1 = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });

/**
 * The pages. Other branches add theirs here, one line each (e.g. the admin console, the client's
 * record pages).
 */
const pages: PageCheck[] = [
  { as: null, name: 'sign-in', address: () => '/', ready: h1('Sign in to Fascia') },
  { as: null, name: 'invite', address: () => '/invite?token=not-a-token', ready: h1('Welcome to Fascia') },
  { as: 'therapist', name: 'caseload', address: () => '/', ready: (p) => p.locator('.caseload-item').first() },
  { as: 'therapist', name: 'clients', address: () => '/clients', ready: (p) => p.locator('.client-items .client-name').first() },
  { as: 'therapist', name: 'client-new', address: () => '/clients/new', ready: h1(/client/i) },
  { as: 'therapist', name: 'client', address: (i) => `/clients/${i.clientId}`, ready: (p) => p.locator('.series-entry').first() },
  { as: 'therapist', name: 'client-edit', address: (i) => `/clients/${i.clientId}/edit`, ready: h1(/.+/) },
  { as: 'therapist', name: 'intake', address: (i) => `/clients/${i.clientId}/intake`, ready: h1(/^Intake: /) },
  { as: 'therapist', name: 'series-new', address: (i) => `/clients/${i.clientId}/series/new`, ready: h1(/^Start a treatment series/) },
  {
    as: 'therapist',
    name: 'series',
    address: (i) => `/clients/${i.clientId}/series/${i.seriesId}`,
    ready: (p) => p.locator('figure.measure-chart canvas').first(),
  },
  { as: 'therapist', name: 'series-edit', address: (i) => `/clients/${i.clientId}/series/${i.seriesId}/edit`, ready: h1('Edit the plan') },
  { as: 'therapist', name: 'series-close', address: (i) => `/clients/${i.clientId}/series/${i.seriesId}/close`, ready: h1(/[Cc]lose/) },
  { as: 'therapist', name: 'visits', address: (i) => `/clients/${i.clientId}/series/${i.seriesId}/visits`, ready: h1(/.+/) },
  {
    as: 'therapist',
    name: 'visit',
    address: (i) => `/clients/${i.clientId}/series/${i.seriesId}/visits/${i.sessionId}`,
    ready: h1(/.+/),
  },
  {
    as: 'therapist',
    name: 'session-form',
    address: (i) => `/sessions/new?series=${i.seriesId}`,
    ready: h1('Record a session'),
    open: async (page) => {
      // Defect 3: a measurement row made the page 395 px wide at 375.
      await page.getByRole('button', { name: 'Add a measurement' }).click();
      await page.getByRole('combobox', { name: /^Questionnaire/ }).selectOption({ index: 1 });
    },
    screenshot: 'a11y-session-form',
  },
  { as: 'therapist', name: 'questionnaire', address: (i) => `/clients/${i.clientId}/questionnaire`, ready: h1('Enter a questionnaire') },
  { as: 'therapist', name: 'not-found', address: () => '/no-such-page', ready: h1('Page not found') },
  { as: 'admin', name: 'admin-caseload', address: () => '/', ready: (p) => p.locator('.caseload-item').first() },
  { as: 'admin', name: 'settings', address: () => '/settings', ready: h1('Clinic settings') },
  { as: 'therapist', name: 'calendar', address: () => '/calendar', ready: h1(/^Calendar/) },
  { as: 'therapist', name: 'api-tokens', address: () => '/api-tokens', ready: h1(/^API tokens/) },
  { as: 'admin', name: 'accounts', address: () => '/admin/accounts', ready: h1(/^Accounts/) },
  { as: 'admin', name: 'audit-trail', address: () => '/admin/audit', ready: h1(/^Audit trail/) },
  { as: 'client', name: 'diary-history', address: () => '/portal/history', ready: h1('My diary history') },
  { as: 'client', name: 'record-access', address: () => '/portal/access', ready: h1('Who has seen my record') },
  { as: 'client', name: 'my-record', address: () => '/portal/record', ready: h1('My record') },
  { as: 'client', name: 'portal', address: () => '/portal', ready: (p) => p.locator('.plain-list li').first() },
  { as: 'client', name: 'diary', address: () => '/portal/diary', ready: h1('Pain diary') },
  { as: 'parent', name: 'proxy-portal', address: () => '/portal', ready: h1(`${proxyChild}'s progress`), screenshot: 'a11y-proxy-portal' },
  { as: 'parent', name: 'proxy-record-access', address: () => '/portal/access', ready: h1(`Who has seen ${proxyChild}'s record`) },
  {
    as: 'researcher',
    name: 'research-explorer',
    address: () => '/',
    ready: h1('Research explorer'),
    open: async (page) => {
      await page.getByLabel('Outcome measure').selectOption('NPRS');
      await page.getByRole('button', { name: 'Show outcomes' }).click();
      await page.locator('section[aria-labelledby="overall-heading"]').waitFor();
    },
  },
  {
    as: 'researcher',
    name: 'research-compare',
    address: () => '/compare',
    ready: h1('Research explorer'),
    open: async (page) => {
      await page.getByRole('button', { name: 'Compare the cohorts' }).click();
      await page.locator('.comparison-result').waitFor();
    },
    screenshot: 'a11y-research-compare',
  },
];

let app: WebApp;
let ids: Ids;

const tokenOf = (account: Account) => app.tokenOf(accounts[account]);

beforeAll(async () => {
  // The mode users run: its stricter headers (CSP, secure cookies) must not break any page.
  app = await startDemoApp({ production: true });
  // An active series with visits: the series, visit and session-form pages open it.
  const { caseload } = await app.send<{ caseload: { edges: { node: { series: { id: string; client: { id: string } } } }[] } }>(
    await tokenOf('therapist'),
    '{ caseload(first: 20) { edges { node { series { id client { id } } } } } }',
  );
  const first = caseload.edges[0]?.node.series;
  if (!first) throw new Error('the demo caseload is empty');
  const { series } = await app.send<{ series: { sessions: { id: string }[] } }>(
    await tokenOf('therapist'),
    'query($id: ID!) { series(id: $id) { sessions { id } } }',
    { id: first.id },
  );
  const sessionId = series.sessions[0]?.id;
  if (!sessionId) throw new Error('the first caseload series has no visit');
  ids = { clientId: first.client.id, seriesId: first.id, sessionId };
}, 900_000);

afterAll(async () => {
  await app?.stop();
});

async function openAs(account: Account | null, viewport: { width: number; height: number }) {
  // Production's Content-Security-Policy reports what it blocks only to the page: collect it there.
  const opened = await app.newPage({ viewport, consoleErrors: (text) => text.startsWith('CSP blocked') });
  if (account) await app.addSessionCookie(opened.context, accounts[account]);
  await opened.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP blocked ${event.blockedURI || 'an inline resource'} (${event.violatedDirective})`);
    });
  });
  return opened;
}

describe.each(viewports)('every page at $width x $height', (viewport) => {
  test.each(pages.map((p) => [`${p.as ?? 'signed out'}: ${p.name}`, p] as const))('%s', async (_name, check) => {
    const { context, page, errors } = await openAs(check.as, viewport);
    try {
      await page.goto(`${app.url}${check.address(ids)}`);
      await check.ready(page).waitFor();
      await check.open?.(page);
      // Nothing still loading: axe looks at the finished page.
      await expect.poll(() => page.locator('.status-loading').count()).toBe(0);
      expect(await seriousAxeViolations(page), `${check.name} at ${viewport.width} px`).toEqual([]);
      // Too wide: the message names the innermost elements that reach past the viewport.
      const wide = await page.evaluate((width) => {
        const past = Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > width + 0.5);
        const innermost = past.filter((e) => !past.some((other) => other !== e && e.contains(other)));
        return {
          scrollWidth: document.documentElement.scrollWidth,
          elements: innermost
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} "${(e.textContent ?? '').slice(0, 40)}"`),
        };
      }, viewport.width);
      expect(wide.scrollWidth, `${check.name} fits ${viewport.width} px: ${wide.elements.join('; ')}`).toBeLessThanOrEqual(viewport.width);
      if (check.screenshot) {
        await page.screenshot({ path: path.join(artifactsDir, `${check.screenshot}-${viewport.name}.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Presses Tab until the focused element matches `selector`; fails after 80 presses. Returns the presses. */
async function tabTo(page: Page, selector: string): Promise<number> {
  for (let presses = 1; presses <= 80; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('keyboard only', () => {
  test('a therapist records a session with Tab, arrows, Space, Enter and typing: no pointer', async () => {
    const { context, page, errors } = await openAs('therapist', { width: 1280, height: 800 });
    try {
      const before = await app.send<{ series: { sessions: { id: string }[] } }>(
        await tokenOf('therapist'),
        'query($id: ID!) { series(id: $id) { sessions { id } } }',
        { id: ids.seriesId },
      );
      await page.goto(`${app.url}/sessions/new?series=${ids.seriesId}`);
      await h1('Record a session')(page).waitFor();
      if ((await page.locator('#session-acknowledge-red-flags').count()) > 0) {
        await tabTo(page, '#session-acknowledge-red-flags');
        await page.keyboard.press('Space');
      }
      // Techniques: the first checkbox is Swedish.
      await tabTo(page, 'fieldset input[type="checkbox"]');
      await page.keyboard.press('Space');
      // Pressure: Tab enters the group at its first radio; the arrows move and choose.
      await tabTo(page, 'input[name="pressure"]');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('3');
      // The body map is the next Tab stop, and one stop only.
      expect(await tabTo(page, '[role="listbox"]')).toBe(1);
      // Typing a name's first letter moves there ("N": the neck, the only area starting with it).
      await page.keyboard.type('N');
      await page.keyboard.press('Enter');
      const neck = page.getByRole('option', { name: 'Neck (back)' });
      await expect.poll(() => neck.getAttribute('aria-selected')).toBe('true');
      // The pain inputs of the chosen area follow the map directly.
      expect(await tabTo(page, '#pain-NECK--pre')).toBe(1);
      await page.keyboard.type('4');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2');
      await tabTo(page, '#soap-subjective');
      await page.keyboard.type('Recorded without a mouse.');
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/clients/${ids.clientId}/series/${ids.seriesId}`);
      await page.getByRole('status').filter({ hasText: 'Session recorded' }).waitFor();

      const after = await app.send<{
        series: {
          sessions: { id: string; modalities: string[]; pressure: number | null }[];
          observations: { sessionId: string | null; context: string; regionCode: string | null; value: number }[];
        };
      }>(
        await tokenOf('therapist'),
        `query($id: ID!) { series(id: $id) { sessions { id modalities pressure }
           observations(measureCode: "NPRS") { sessionId context regionCode value } } }`,
        { id: ids.seriesId },
      );
      expect(after.series.sessions.length).toBe(before.series.sessions.length + 1);
      const recorded = after.series.sessions.find((s) => !before.series.sessions.some((b) => b.id === s.id));
      expect(recorded).toMatchObject({ modalities: ['SWEDISH'], pressure: 3 });
      const values = after.series.observations
        .filter((o) => o.sessionId === recorded?.id)
        .map((o) => [o.regionCode, o.context, o.value])
        .sort();
      expect(values).toEqual([
        ['NECK', 'POST_SESSION', 2],
        ['NECK', 'PRE_SESSION', 4],
      ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
