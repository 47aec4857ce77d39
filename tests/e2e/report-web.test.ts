/// <reference lib="dom" />
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { demoAccounts } from '@fascia/server/demo/accounts.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousAxeViolations } from '../support/axe.js';
import { pdfLines, pdfPages } from '../support/pdf.js';
import { artifactsDir, startDemoApp, type WebApp } from '../support/web-app.js';

/*
 * The progress report in Chromium, on the demo data: the therapist downloads it from the series page (and
 * opens its print view), the client downloads their own from the portal. The PDFs are read back with
 * pdftotext and their attendance checked against the progress API; the demo report's pages are saved as
 * images in tests/artifacts/ (report-demo-*.png).
 */

let app: WebApp;
let therapistToken: string;
const target = {} as { clientId: string; seriesId: string; displayName: string };

async function attendanceOf(token: string, seriesId: string) {
  const { series } = await app.send<{ series: { progress: { attendance: { attended: number; plannedSessions: number } } } }>(
    token,
    'query($id: ID!) { series(id: $id) { progress { attendance { attended plannedSessions } } } }',
    { id: seriesId },
  );
  return series.progress.attendance;
}

const signInPage = (account: { email: string; password: string }) =>
  app.signInPage(account, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });

/** Clicks what starts a download and returns the file's bytes. */
async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return readFile(file);
}

beforeAll(async () => {
  app = await startDemoApp();
  therapistToken = await app.signInOverApi(demoAccounts.therapist);
  // A client of the demo therapist who consented to sharing with their referrer, with an active series.
  const { clients } = await app.send<{
    clients: {
      edges: {
        node: {
          id: string;
          displayName: string;
          intake: { consentToShareWithReferrer: boolean } | null;
          series: { id: string; status: string }[];
        };
      }[];
    };
  }>(
    therapistToken,
    '{ clients(first: 100) { edges { node { id displayName intake { consentToShareWithReferrer } series { id status } } } } }',
  );
  const chosen = clients.edges.find((e) => e.node.intake?.consentToShareWithReferrer && e.node.series.some((s) => s.status === 'ACTIVE'));
  if (!chosen) throw new Error('no demo client consented to sharing with the referrer');
  Object.assign(target, {
    clientId: chosen.node.id,
    displayName: chosen.node.displayName,
    seriesId: chosen.node.series.find((s) => s.status === 'ACTIVE')?.id,
  });
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

describe('progress report', () => {
  test('the therapist downloads it from the series page and opens the print view', async () => {
    const { context, page, errors } = await signInPage(demoAccounts.therapist);
    try {
      await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
      await page.goto(`${app.url}/clients/${target.clientId}/series/${target.seriesId}`);
      const panel = page.getByRole('region', { name: 'Progress report' });
      await panel.waitFor();
      await panel.getByLabel('Recipient').fill('Dr. Jane Roe, Harbour Physiotherapy');
      // The assessment and plan written for this report replace the latest visit's SOAP note in it.
      const summary = panel.getByRole('form', { name: 'Assessment and plan for the report' });
      await summary.getByLabel('Assessment').fill('Pain halved since the referral; head turns nearly fully.');
      await summary.getByLabel('Plan').fill('Two more visits, then a home programme.');
      await summary.getByRole('button', { name: 'Save for the report' }).click();
      await summary
        .getByRole('status')
        .filter({ hasText: /^Saved .* by Maya Chen\.$/ })
        .waitFor();
      const pdf = await downloadFrom(page, () => panel.getByRole('link', { name: 'Download report' }).click());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const lines = pdfLines(pdf).map((line) => line.replace(/\s+/g, ' ').trim());
      expect(lines).toContain('Progress report');
      expect(lines).toContain("For Dr. Jane Roe, Harbour Physiotherapy. Shared with the client's consent to report to their referrer.");
      expect(lines).toContainEqual(expect.stringMatching(/^Written for this report \d{4}-\d{2}-\d{2} by Maya Chen$/));
      expect(lines).toContain('Assessment Pain halved since the referral; head turns nearly fully.');
      expect(lines).toContain('Plan Two more visits, then a home programme.');
      const attendance = await attendanceOf(therapistToken, target.seriesId);
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^Attended ${attendance.attended} of ${attendance.plannedSessions} planned `)),
      );
      // The demo report's pages, for a person to look at.
      for (const old of (await readdir(artifactsDir)).filter((name) => name.startsWith('report-demo-')))
        await rm(path.join(artifactsDir, old));
      expect(pdfPages(pdf, artifactsDir, 'report-demo', 90).length).toBeGreaterThan(0);

      await panel.getByRole('link', { name: 'Print view' }).click();
      await page.getByRole('heading', { level: 1, name: 'Progress report' }).waitFor();
      await expect.poll(() => page.getByRole('row', { name: new RegExp(`^Attended ${attendance.attended} of `) }).count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(artifactsDir, 'report-print-view-desktop.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 812 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      // The print stylesheet hides the page's buttons.
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the client downloads their own from the portal', async () => {
    const { context, page, errors } = await signInPage(demoAccounts.client);
    try {
      const link = page.getByRole('link', { name: /^Download my progress report/ }).first();
      await link.waitFor();
      const pdf = await downloadFrom(page, () => link.click());
      const lines = pdfLines(pdf).map((line) => line.replace(/\s+/g, ' ').trim());
      expect(lines).toContain('Your own copy, from the client portal.');
      expect(lines.join('\n')).toContain("The therapist's clinical notes are not part of your copy");
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
