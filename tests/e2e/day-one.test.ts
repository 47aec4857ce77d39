/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file needs the DOM types.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { artifactsDir, startWebApp, type WebApp } from '../support/web-app.js';

/**
 * Issue 12, "Done when": a clinic's first day on Fascia, in Chromium, with real parts only. An empty
 * clinic made with `fascia clinic:create`; its admin invites a therapist in the page; the therapist
 * onboards a referred client with a red flag, records two visits, corrects them (one value entered in
 * error, one amended), invites the client, and closes the series; the client sees the corrected progress.
 * Every new page is photographed at 1280x800 and 375x812 into tests/artifacts/.
 */

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const desktop = { width: 1280, height: 800 };
const phone = { width: 375, height: 812 };

const admin = { email: 'owner@harbourfront.example.com', password: 'a long harbour admin passphrase' };
const therapist = { email: 'theo.tran@harbourfront.example.com', password: 'a passphrase chosen on day one' };
const clientAccount = { email: 'noor.haddad@example.org', password: 'her own passphrase for the portal' };

let app: WebApp;

/** Runs the setup command against the test database, the password piped in on stdin (never an argument). */
function fascia(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/fascia.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: app.db.url, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  app = await startWebApp(await createTestDatabase());
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

/** A fresh browser (no cookies), at desktop size in the clinic's zone, with page errors collected. */
const freshPage = () => app.newPage({ viewport: desktop, timezoneId: 'UTC', locale: 'en-CA' });

/**
 * Photographs the page at 1280x800 and at 375x812 (full page), checking at 375 px that nothing
 * scrolls sideways; the page is left at desktop size.
 */
async function shoot(page: Page, name: string) {
  await page.setViewportSize(desktop);
  await page.screenshot({ path: path.join(artifactsDir, `day-one-${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(phone);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${name} fits 375 px` })
    .toBeLessThanOrEqual(phone.width);
  await page.screenshot({ path: path.join(artifactsDir, `day-one-${name}-phone.png`), fullPage: true });
  await page.setViewportSize(desktop);
}

/** The API as the page's own signed-in account sees it (its cookie), for the numbers to compare with. */
async function api<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables },
  );
  if (!answer.data || answer.errors) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

interface SeriesAnswer {
  series: {
    status: string;
    dischargeReason: string | null;
    sessions: { id: string; startedAt: string }[];
    progress: {
      measures: { measureCode: string; regionCode: string | null; baseline: number; latest: number; change: number; points: number }[];
    };
    observations: { id: string; sessionId: string | null; context: string; value: number; status: string }[];
  };
}
const seriesQuery = `query($id: ID!) { series(id: $id) {
  status dischargeReason
  sessions { id startedAt }
  progress { measures { measureCode regionCode baseline latest change points } }
  observations(measureCode: "NPRS") { id sessionId context value status }
} }`;

/** The pain chart's section on the series page. */
function painSection(page: Page): Locator {
  return page.locator('.measure-section').filter({ has: page.getByRole('img', { name: /^Chart of Pain \(NPRS 0-10\) in / }) });
}

/** The chart's values as its table shows them: [visit, before, after] per row. */
async function chartTable(page: Page): Promise<string[][]> {
  const section = painSection(page);
  await section.waitFor();
  const details = section.locator('details.table-toggle');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await section.getByText('Show the values as a table').click();
  }
  await section.locator('table.data-table').waitFor();
  return section
    .locator('table.data-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('th')?.textContent ?? '',
        row.querySelector('[data-column="pre"]')?.textContent?.trim() ?? '',
        row.querySelector('[data-column="post"]')?.textContent?.trim() ?? '',
      ]),
    );
}

/** YYYY-MM-DD, `days` before today (UTC, the clinic's zone). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Records a visit in the session form at `start`, with NPRS at the neck before and after; the red flag is reviewed. */
async function recordVisit(page: Page, start: string, pain: { pre: string; post: string }, { refuseFirst }: { refuseFirst: boolean }) {
  await page.getByRole('link', { name: 'Record a session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Record a session' }).waitFor();
  const review = page.getByLabel('I have reviewed these red flags before treating');
  await review.waitFor();
  await page.getByLabel('Start', { exact: true }).fill(start);
  const neck = page.locator('[data-region="NECK|"]');
  await neck.click();
  await expect.poll(() => neck.getAttribute('aria-selected')).toBe('true');
  await page.getByRole('checkbox', { name: 'Swedish' }).check();
  await page.getByLabel('Neck, pain before').fill(pain.pre);
  await page.getByLabel('Neck, pain after').fill(pain.post);
  if (refuseFirst) {
    // Not yet reviewed: the server refuses, and says so at the checkbox, naming the flag.
    await page.getByRole('button', { name: 'Record the session' }).click();
    await expect.poll(() => review.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#session-acknowledge-red-flags-error').textContent()).toContain('Unexplained weight loss');
    expect(await page.getByLabel('Neck, pain before').inputValue()).toBe(pain.pre);
    await shoot(page, 'session-form-red-flag-review');
  }
  await review.check();
  await page.getByRole('button', { name: 'Record the session' }).click();
  await page.getByText('Session recorded. The charts below include it.').waitFor();
}

test('day one: an empty clinic from the setup command, a therapist invited, a referred client onboarded, visits recorded and corrected, the client sees the corrected progress', async () => {
  // 1. The operator makes the empty clinic; the password comes on stdin.
  const created = await fascia(
    [
      'clinic:create',
      '--name',
      'Harbourfront Therapeutic Massage',
      '--time-zone',
      'UTC',
      '--locale',
      'en-CA',
      '--admin-email',
      admin.email,
      '--admin-name',
      'Olive Owner',
    ],
    `${admin.password}\n`,
  );
  expect(created.code, created.stderr).toBe(0);
  expect(await app.db.count('client')).toBe(0);
  expect(await app.db.count('therapist')).toBe(0);

  // 2. The admin signs in and invites a therapist from the accounts page.
  const adminPage = await freshPage();
  await app.signIn(adminPage.page, admin);
  await adminPage.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
  await adminPage.page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  const invite = adminPage.page.getByRole('region', { name: 'Invite a therapist' });
  await invite.getByLabel('Given name').fill('Theo');
  await invite.getByLabel('Family name').fill('Tran');
  await invite.getByLabel('Their email for signing in').fill(therapist.email);
  await invite.getByLabel(/^Registration number/).fill('RMT-0042');
  await invite.getByRole('button', { name: 'Make the invite' }).click();
  const therapistLink = await adminPage.page.getByLabel('Invite link').inputValue();
  expect(therapistLink).toMatch(new RegExp(`^${app.url}/invite\\?token=`));
  expect(await adminPage.page.getByRole('status').filter({ hasText: 'Send this link to the therapist' }).textContent()).toMatch(
    /it works once, until /,
  );
  await shoot(adminPage.page, 'accounts-invite');
  expect(adminPage.errors).toEqual([]);

  // 3. The therapist opens the link in a fresh browser, chooses a password and lands signed in.
  const { page, errors } = await freshPage();
  await page.goto(therapistLink);
  await page.getByRole('heading', { level: 1, name: 'Welcome to Fascia' }).waitFor();
  await page.getByLabel('New password').fill(therapist.password);
  await page.getByLabel('The same password again').fill(therapist.password);
  await shoot(page, 'accept-invite');
  await page.getByRole('button', { name: 'Make my account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Caseload' }).waitFor();
  expect(await page.locator('.who-person').textContent()).toBe('Theo Tran');

  // 4. A client referred by a physician.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();
  await page.getByLabel('Given name').fill('Noor');
  await page.getByLabel('Family name').fill('Haddad');
  await page.getByLabel('Date of birth').fill('1979-04-18');
  await page.getByLabel('Sex', { exact: true }).selectOption('FEMALE');
  await page.getByLabel('Email').fill(clientAccount.email);
  await page.getByLabel(/^Preferred language/).fill('en');
  await page.getByLabel('Referred by').selectOption('PHYSICIAN');
  await page.getByLabel("Referring clinician's name").fill('Dr Amal Roy');
  await page.getByLabel('Organisation').fill('Harbour Family Health Team');
  await page.getByLabel("Clinician's contact").fill('+1 416 555 0100');
  await page.getByLabel('Reason for referral').fill('Chronic neck pain, for massage therapy');
  await page.getByLabel('Referral date').fill(daysAgo(10));
  await shoot(page, 'new-client');
  await page.getByRole('button', { name: 'Add the client' }).click();
  await page.getByRole('heading', { level: 1, name: 'Noor Haddad' }).waitFor();
  expect(await page.locator('.facts').first().textContent()).toContain('Physician: Dr Amal Roy');
  const clientPath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Edit details' }).click();
  await page.getByRole('heading', { level: 1, name: /Noor Haddad/ }).waitFor();
  await page.getByLabel('Phone').fill('+1 416 555 0142');
  await shoot(page, 'edit-client');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await page.waitForURL((url) => url.pathname === clientPath);
  await page.getByText('+1 416 555 0142').waitFor();

  // 5. The intake, with a red flag: shown prominently on the client.
  await page.getByRole('link', { name: 'Record intake' }).click();
  await page.getByRole('heading', { level: 1, name: 'Intake: Noor Haddad' }).waitFor();
  await page.getByLabel('Chief complaints, in the client’s words').fill('Neck pain and headaches');
  await page.getByLabel('Complaint 1').fill('Neck pain');
  await page.getByLabel('Onset').selectOption('GRADUAL');
  await page.getByRole('checkbox', { name: 'Neck pain', exact: true }).check();
  await page.getByRole('button', { name: 'Add red flag' }).click();
  await page.getByLabel('Red flag 1').fill('Unexplained weight loss');
  await page.getByLabel('The client gave informed consent to treatment').check();
  await shoot(page, 'intake-form');
  await page.getByRole('button', { name: 'Record the intake' }).click();
  await page.getByRole('alert').getByText('Unexplained weight loss').waitFor();
  await shoot(page, 'client-red-flag');

  // 6. A series with NPRS as its headline measure, started a week ago; its plan edited.
  await page.getByRole('link', { name: 'Start a series' }).click();
  await page.getByLabel('Condition').selectOption({ label: 'Neck pain' });
  await page.getByLabel('Headline measure').selectOption('NPRS');
  await page.getByLabel('Start date').fill(daysAgo(7));
  await page.getByLabel('Sessions planned').fill('6');
  await shoot(page, 'series-start');
  await page.getByRole('button', { name: 'Start the series' }).click();
  await page.getByRole('link', { name: 'Record a session' }).waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('Unexplained weight loss');
  const seriesPath = new URL(page.url()).pathname;
  const seriesId = seriesPath.split('/').at(-1) ?? '';

  await page.getByRole('link', { name: 'Edit the plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit the plan' }).waitFor();
  await page.getByLabel('Goals').fill('Sleep through the night; turn the head to drive.');
  await shoot(page, 'series-edit');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await page.waitForURL((url) => url.pathname === seriesPath);
  await page.getByRole('link', { name: 'Record a session' }).waitFor();
  // Emptied on the edit page, the goals and the chosen headline measure are cleared (the condition's own again),
  // then NPRS is chosen once more.
  const planQuery = 'query($id: ID!) { series(id: $id) { goals headlineMeasureCode } }';
  const editPlan = async (goals: string, headline: string) => {
    await page.getByRole('link', { name: 'Edit the plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit the plan' }).waitFor();
    await page.getByLabel('Goals').fill(goals);
    await page.getByLabel('Headline measure').selectOption(headline);
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.waitForURL((url) => url.pathname === seriesPath);
    await page.getByRole('link', { name: 'Record a session' }).waitFor();
    return (await api<{ series: { goals: string | null; headlineMeasureCode: string | null } }>(page, planQuery, { id: seriesId })).series;
  };
  expect(await editPlan('', '')).toEqual({ goals: null, headlineMeasureCode: null });
  expect(await editPlan('Sleep through the night.', 'NPRS')).toEqual({ goals: 'Sleep through the night.', headlineMeasureCode: 'NPRS' });

  // 7. Two visits; the first is refused until the red flag is reviewed.
  await recordVisit(page, `${daysAgo(2)}T10:00`, { pre: '7', post: '4' }, { refuseFirst: true });
  await recordVisit(page, `${daysAgo(1)}T10:00`, { pre: '5', post: '3' }, { refuseFirst: false });
  expect(await chartTable(page)).toEqual([
    [expect.any(String), '7', '4'],
    [expect.any(String), '5', '3'],
  ]);
  const recorded = (await api<SeriesAnswer>(page, seriesQuery, { id: seriesId })).series;
  const [first, second] = [...recorded.sessions].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  if (!first || !second) throw new Error('two visits were not recorded');

  // 8. On the first visit's page: its "before" value was really 8 (amended); the second visit's "after" was never taken (voided).
  await page.getByRole('link', { name: 'Every visit in full' }).click();
  await page.locator('article.visit-card').nth(1).waitFor();
  await page.locator(`article.visit-card:has(time[datetime="${first.startedAt}"]) h2 a`).click();
  await page.getByRole('heading', { level: 1, name: 'Visit: Noor Haddad, Neck pain' }).waitFor();
  await page.getByRole('button', { name: /^Amend .*Neck, before/ }).click();
  const amend = page.getByRole('form', { name: /^Amend .*Neck, before/ });
  await amend.getByLabel(/^Corrected value/).fill('8');
  await amend.getByLabel('Reason (kept with the record)').fill('Client said 8, typed 7');
  await shoot(page, 'visit-amend-form');
  await amend.getByRole('button', { name: 'Save the amendment' }).click();
  await page
    .getByText('The value is amended; its earlier version is kept. The series progress and charts count only current records.')
    .waitFor();

  await page.goto(`${app.url}${seriesPath}/visits/${second.id}`);
  await page.getByRole('heading', { level: 1, name: 'Visit: Noor Haddad, Neck pain' }).waitFor();
  await page.getByRole('button', { name: /^Entered in error: .*Neck, after/ }).click();
  const voidForm = page.getByRole('form', { name: /^Entered in error: .*Neck, after/ });
  await voidForm.getByLabel('Reason (kept with the record)').fill('Recorded for the wrong client');
  await shoot(page, 'visit-void-form');
  await voidForm.getByRole('button', { name: 'Confirm: entered in error' }).click();
  await page.getByText('The value is marked entered in error. The series progress and charts count only current records.').waitFor();

  // The API's corrected answer, and the pages against it.
  const corrected = (await api<SeriesAnswer>(page, seriesQuery, { id: seriesId })).series;
  const current = (sessionId: string, context: string) =>
    corrected.observations.find((o) => o.sessionId === sessionId && o.context === context && o.status !== 'ENTERED_IN_ERROR');
  expect(current(first.id, 'PRE_SESSION')).toMatchObject({ value: 8, status: 'AMENDED' });
  expect(current(second.id, 'POST_SESSION')).toBeUndefined();
  const nprs = corrected.progress.measures.find((m) => m.measureCode === 'NPRS');
  expect(nprs).toMatchObject({ baseline: 8, latest: 5, change: -3 });
  if (!nprs) throw new Error('no NPRS progress');

  // Visit history: the voided value struck through with its reason; the amended one marked, with its earlier version.
  await page.goto(`${app.url}${seriesPath}/visits`);
  const firstCard = page.locator(`article.visit-card:has(time[datetime="${first.startedAt}"])`);
  const secondCard = page.locator(`article.visit-card:has(time[datetime="${second.startedAt}"])`);
  await firstCard.waitFor();
  const amendedValue = firstCard.locator('.visit-values li').filter({ hasText: 'Neck, before' });
  expect(await amendedValue.locator('.badge-amended').textContent()).toBe('Amended');
  expect(await amendedValue.textContent()).toContain('Neck, before: 8');
  expect(await amendedValue.locator('.revisions').textContent()).toMatch(/Reason: Client said 8, typed 7.*7 → 8/s);
  const voidedValue = secondCard.locator('.visit-values li.record-voided');
  expect(await voidedValue.locator('del').textContent()).toContain('Neck, after: 3');
  expect(await voidedValue.locator('.voided-note').textContent()).toContain('Reason: Recorded for the wrong client');
  await shoot(page, 'visit-history');

  // The chart's table: the amended value, and no voided one; equal to the API's current values.
  await page.goto(`${app.url}${seriesPath}`);
  // A current value is shown as it is; a voided one leaves its cell without a number.
  const shown = (value: number | undefined) => (value === undefined ? expect.not.stringMatching(/\d/) : String(value));
  expect(await chartTable(page)).toEqual(
    [first, second].map((visit) => [
      expect.any(String),
      shown(current(visit.id, 'PRE_SESSION')?.value),
      shown(current(visit.id, 'POST_SESSION')?.value),
    ]),
  );
  expect((await chartTable(page)).map((row) => row.slice(1))).toEqual([
    ['8', '4'],
    ['5', expect.not.stringMatching(/\d/)],
  ]);

  // 9. The client is invited to the portal from the client page.
  await page.goto(`${app.url}${clientPath}`);
  await page.getByRole('button', { name: 'Invite to the portal' }).click();
  await page.getByRole('button', { name: 'Make the invite' }).click();
  const clientLink = await page.getByLabel('Invite link').inputValue();
  expect(await page.getByRole('status').filter({ hasText: 'Send this link to the client' }).count()).toBe(1);

  // 10. The therapist closes the series with a discharge reason.
  await page.goto(`${app.url}${seriesPath}`);
  await page.getByRole('link', { name: 'Close the series' }).click();
  await page.getByRole('heading', { level: 1, name: 'Close the series' }).waitFor();
  await page.getByLabel('Completed as planned').check();
  await page.getByLabel('Goals met').check();
  await page.getByLabel(/^Closing summary/).fill('Neck pain down; home stretches given.');
  await shoot(page, 'series-close');
  await page.getByRole('button', { name: 'Close the series' }).click();
  await page.getByText('Reason for discharge').waitFor();
  expect(await page.locator('.discharge').textContent()).toContain('Goals met');
  expect(await page.locator('.discharge').textContent()).toContain('Neck pain down; home stretches given.');
  await shoot(page, 'series-closed');
  expect((await api<SeriesAnswer>(page, seriesQuery, { id: seriesId })).series).toMatchObject({
    status: 'COMPLETED',
    dischargeReason: 'GOALS_MET',
  });
  expect(errors).toEqual([]);

  // 11. The client accepts in a fresh browser and sees the corrected progress.
  const portal = await freshPage();
  await portal.page.goto(clientLink);
  await portal.page.getByLabel('New password').fill(clientAccount.password);
  await portal.page.getByLabel('The same password again').fill(clientAccount.password);
  await portal.page.getByRole('button', { name: 'Make my account' }).click();
  await portal.page.getByRole('heading', { level: 1, name: 'Hello, Noor Haddad' }).waitFor();
  const mine = await api<{
    viewer: {
      client: { series: { progress: { measures: { measureCode: string; change: number; baseline: number; latest: number }[] } }[] };
    };
  }>(portal.page, '{ viewer { client { series { progress { measures { measureCode baseline latest change } } } } } }');
  expect(mine.viewer.client.series[0]?.progress.measures.find((m) => m.measureCode === 'NPRS')).toMatchObject({
    baseline: nprs.baseline,
    latest: nprs.latest,
    change: nprs.change,
  });
  const sentences = await portal.page.locator('.plain-list li').allTextContents();
  expect(
    sentences.some((s) => s.includes(`${Math.abs(nprs.change)} points lower than at the start`)),
    sentences.join(' | '),
  ).toBe(true);
  await shoot(portal.page, 'portal');
  expect(portal.errors).toEqual([]);
}, 600_000);
