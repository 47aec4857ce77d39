/// <reference lib="dom" />
// Callbacks passed to locator.evaluate run in the browser, so this file needs the DOM types.
import path from 'node:path';
import { demoAccounts, demoProxyAccount, demoProxyChild } from '@fascia/server/demo/accounts.js';
import { findMeasure } from '@fascia/server/modules/measures/measure-catalog.js';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Account, artifactsDir, startDemoApp, type WebApp } from '../support/web-app.js';

/**
 * The demo clients of the wider scope (issue 20) in Chromium: the therapist's series page of the child whose parent
 * reports r-FLACC, the pregnant client, the palliative client (ESAS-r) and the headache diary, and the parent's own
 * portal view of the child, each photographed at 1280 and 375 px into tests/artifacts. Every page is checked against
 * the API's values for the same series: the condition, the latest scores and their counts, the diary figures.
 */
const viewports = [
  { width: 1280, height: 800, name: 'desktop' },
  { width: 375, height: 812, name: 'phone' },
] as const;

interface SeriesData {
  id: string;
  status: string;
  condition: { name: string };
  questionnaireResponses: { instrumentCode: string; score: number; completedAt: string; reporter: string; proxyRelation: string | null }[];
  observations: { measureCode: string; value: number; sessionId: string | null; takenAt: string; reporter: string }[];
}
interface ScopeClientData {
  id: string;
  displayName: string;
  series: SeriesData[];
}

let app: WebApp;
const scope = new Map<string, ScopeClientData>();

beforeAll(async () => {
  app = await startDemoApp();
  const therapist = await app.tokenOf(demoAccounts.therapist);
  for (const familyName of ['Lindqvist', 'Moreau', 'Novak', 'Varga']) {
    const { clients } = await app.send<{ clients: { edges: { node: ScopeClientData }[] } }>(
      therapist,
      `{ clients(search: "${familyName}") { edges { node { id displayName series { id status condition { name }
        questionnaireResponses { instrumentCode score completedAt reporter proxyRelation }
        observations { measureCode value sessionId takenAt reporter } } } } } }`,
    );
    const [edge, ...others] = clients.edges;
    if (!edge || others.length > 0) throw new Error(`expected one demo client named ${familyName}, got ${clients.edges.length}`);
    scope.set(familyName, edge.node);
  }
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

/** A page signed in through the form at the viewport's size, collecting console errors too. */
function signedIn(account: Account, viewport: { width: number; height: number }) {
  return app.signInPage(account, { viewport, consoleErrors: true });
}

function activeSeries(familyName: string): { client: ScopeClientData; series: SeriesData } {
  const client = scope.get(familyName);
  const series = client?.series.find((s) => s.status === 'ACTIVE');
  if (!client || !series) throw new Error(`${familyName} has no active series`);
  return { client, series };
}

/** The chart figure titled with the measure's catalog name. */
function figureOf(page: Page, measureCode: string): Locator {
  const name = findMeasure(measureCode)?.name ?? measureCode;
  return page.locator('figure.measure-chart').filter({ has: page.locator('.figure-title', { hasText: name }) });
}

/** A questionnaire's chart says its latest score (at the measure's precision) and how many responses it holds. */
async function expectScores(page: Page, series: SeriesData, instrumentCode: string): Promise<SeriesData['questionnaireResponses']> {
  const responses = series.questionnaireResponses
    .filter((r) => r.instrumentCode === instrumentCode)
    .sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
  expect(responses.length, instrumentCode).toBeGreaterThanOrEqual(1);
  const latest = responses.at(-1)?.score as number;
  const decimals = findMeasure(instrumentCode)?.decimals ?? 1;
  const figure = figureOf(page, instrumentCode);
  await figure.waitFor();
  const summary = (await figure.locator('.figure-summary').textContent()) ?? '';
  expect(summary).toContain(`Latest score ${latest.toFixed(decimals)}`);
  expect(summary).toContain(`${responses.length} ${responses.length === 1 ? 'response' : 'responses'}`);
  return responses;
}

async function openSeriesPage(page: Page, familyName: string) {
  const { client, series } = activeSeries(familyName);
  await page.goto(`${app.url}/clients/${client.id}/series/${series.id}`);
  // The page heading names the client and the condition of the series.
  await page.getByRole('heading', { level: 1, name: `${client.displayName}: ${series.condition.name}`, exact: true }).waitFor();
  return { client, series };
}

async function shoot(page: Page, name: string, viewport: (typeof viewports)[number]) {
  // The charts animate nothing under reduced motion; wait until every canvas has been drawn at its size.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('canvas')).every((c) => c.width > 0));
  await page.screenshot({ path: path.join(artifactsDir, `scope-${name}-${viewport.name}.png`), fullPage: true });
}

describe.each(viewports)('scope demo clients at $width px', (viewport) => {
  test("therapist: the child's r-FLACC reported by the parent and the FPS-R faces, no NPRS", async () => {
    const { context, page, errors } = await signedIn(demoAccounts.therapist, viewport);
    try {
      const { series } = await openSeriesPage(page, demoProxyChild.familyName);
      expect(series.condition.name).toBe('Autism spectrum (child)');
      const parent = await expectScores(page, series, 'RFLACC');
      // The values the chart draws are the parent's: every r-FLACC of this series is reported by a parent (proxy).
      expect(new Set(parent.map((r) => `${r.reporter}/${r.proxyRelation}`))).toEqual(new Set(['PROXY/PARENT']));
      // … and the page says so: the chart's summary names the source of its answers.
      await expect
        .poll(() => figureOf(page, 'RFLACC').locator('.figure-summary').textContent())
        .toContain('Answers: reported by a parent (proxy).');
      const faces = await expectScores(page, series, 'FPSR');
      expect(new Set(faces.map((r) => r.reporter))).toEqual(new Set(['CLIENT']));
      await page.getByRole('region', { name: 'Pain' }).getByText('No pain recorded at a session yet.').waitFor();
      await shoot(page, 'child-series', viewport);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('therapist: the pregnant client with her positioning precaution, NPRS and ODI', async () => {
    const { context, page, errors } = await signedIn(demoAccounts.therapist, viewport);
    try {
      const { series } = await openSeriesPage(page, 'Moreau');
      expect(series.condition.name).toBe('Pregnancy-related low back and pelvic girdle pain');
      await page.getByText('Pregnancy: side-lying or semi-reclined positioning', { exact: false }).first().waitFor();
      // Pain is charted per region under the measure's heading, before and after each visit.
      await page.getByRole('heading', { level: 3, name: findMeasure('NPRS')?.name, exact: true }).waitFor();
      await expectScores(page, series, 'ODI');
      await shoot(page, 'pregnancy-series', viewport);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('therapist: the palliative client answering the ESAS-r', async () => {
    const { context, page, errors } = await signedIn(demoAccounts.therapist, viewport);
    try {
      const { series } = await openSeriesPage(page, 'Novak');
      expect(series.condition.name).toBe('Cancer / palliative care');
      const esas = await expectScores(page, series, 'ESAS_R');
      expect(new Set(esas.map((r) => r.reporter))).toEqual(new Set(['CLIENT']));
      await shoot(page, 'palliative-series', viewport);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("therapist: the headache diary's 4-week summaries charted with their values", async () => {
    const { context, page, errors } = await signedIn(demoAccounts.therapist, viewport);
    try {
      const { series } = await openSeriesPage(page, 'Varga');
      expect(series.condition.name).toBe('Tension-type headache');
      const diary = page.getByRole('region', { name: 'Diary summaries' });
      await diary.waitFor();
      for (const code of ['HEADACHE_DAYS', 'HEADACHE_INTENSITY', 'HEADACHE_HOURS']) {
        const values = series.observations
          .filter((o) => o.measureCode === code && o.sessionId)
          .sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
        expect(values.length, code).toBeGreaterThanOrEqual(2);
        expect(new Set(values.map((o) => o.reporter))).toEqual(new Set(['CLIENT']));
        const figure = figureOf(page, code);
        await figure.getByText('Show the values as a table').click();
        // The table is rendered once the disclosure's toggle event has run.
        await figure.locator('table td').first().waitFor();
        const cells = await figure.locator('table td').allInnerTexts();
        const decimals = findMeasure(code)?.decimals ?? 0;
        // Every value of the series appears in the table, in visit order.
        let at = 0;
        for (const o of values) {
          const found = cells.indexOf(o.value.toFixed(decimals), at);
          expect(found, `${code} ${o.value}`).toBeGreaterThanOrEqual(at);
          at = found + 1;
        }
      }
      await shoot(page, 'headache-diary-series', viewport);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("the parent's proxy portal: the child's progress, by condition", async () => {
    const { context, page, errors } = await signedIn(demoProxyAccount, viewport);
    try {
      const { client, series } = activeSeries(demoProxyChild.familyName);
      await page.getByRole('heading', { level: 1, name: `${client.displayName}'s progress`, exact: true }).waitFor();
      const section = page.locator('section.portal-series').filter({ has: page.getByRole('heading', { name: series.condition.name }) });
      await section.waitFor();
      const sentences = await section.locator('li').allInnerTexts();
      expect(
        sentences.some((s) => s.includes('FLACC')),
        sentences.join(' | '),
      ).toBe(true);
      expect(
        sentences.some((s) => s.includes('Faces')),
        sentences.join(' | '),
      ).toBe(true);
      // The page speaks about the child to the parent, not to the child: "Theo Lindqvist's ... score".
      expect(sentences.filter((s) => !s.startsWith(`${client.displayName}'s `))).toEqual([]);
      // The account is the parent's: it acts as a proxy for the child.
      const token = await app.tokenOf(demoProxyAccount);
      const { viewer } = await app.send<{ viewer: { role: string; client: { id: string } } }>(token, '{ viewer { role client { id } } }');
      expect(viewer).toEqual({ role: 'CLIENT', client: { id: client.id } });
      await shoot(page, 'parent-portal', viewport);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
