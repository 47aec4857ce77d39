/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApi, type TestApi } from '../support/api.js';
import { seriousAxeViolations } from '../support/axe.js';
import { clinicApi, neckVisit } from '../support/clinic-api.js';
import { createTestDatabase } from '../support/database.js';
import { createClinicWithTherapist, createTestAccount, type TestAccount, type TherapistAccount } from '../support/factories.js';
import { artifactsDir, startWebApp, type WebApp } from '../support/web-app.js';

/**
 * Issue 15, "Done when", the admin's part: in Chromium, the clinic admin invites a therapist and a client on
 * the accounts page, changes the "no meaningful change" threshold and sees the caseload change, finds the
 * therapist's last read of a client in the audit trail viewer and downloads it as CSV, and makes and revokes
 * an API token. Each admin page has no serious axe violation at 1280x800 and 375x812, does not scroll
 * sideways at 375 px, and is photographed at both sizes into tests/artifacts/.
 */

const desktop = { width: 1280, height: 800 };
const phone = { width: 375, height: 812 };

let app: WebApp;
let setupApi: TestApi | undefined;
let therapist: TherapistAccount;
let admin: TestAccount;
let clientId: string;

beforeAll(async () => {
  app = await startWebApp(await createTestDatabase());
  const { db } = app;
  therapist = await createClinicWithTherapist(db, { clinicName: 'Harbourfront Therapeutic Massage' });
  admin = await createTestAccount(db, {
    role: 'ADMIN',
    clinicId: therapist.clinicId,
    email: 'owner@harbourfront.example.com',
    password: 'a long harbour admin passphrase',
  });
  // The therapist's client: three attended visits, neck pain unchanged (6 before each), so "no meaningful
  // change" depends only on the clinic's threshold (6 attended sessions when the clinic was made).
  setupApi = await startApi(db, therapist);
  const clinic = clinicApi(setupApi);
  clientId = await clinic.createClient({ givenName: 'Noor', familyName: 'Haddad' });
  const seriesId = await clinic.startSeries(clientId, { startDate: new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10) });
  for (const daysAgo of [20, 13, 6]) {
    await clinic.recordSession(neckVisit(seriesId, new Date(Date.now() - daysAgo * 86_400_000).toISOString(), 6, 5));
  }
}, 180_000);

afterAll(async () => {
  await setupApi?.stop().catch(() => {});
  await app?.stop();
});

/** At both sizes: nothing scrolls sideways at 375 px, no serious axe violation, a full-page screenshot. */
async function checkPage(page: Page, name: string) {
  for (const [size, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    await page.setViewportSize(viewport);
    // What sticks out past the right edge, innermost first, to name in the failure.
    const sticksOut = () =>
      page.evaluate(
        (width) =>
          Array.from(document.querySelectorAll('body *'))
            .filter((element) => element.getBoundingClientRect().right > width + 1 && element.children.length === 0)
            .slice(0, 5)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`),
        viewport.width,
      );
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${name} fits ${viewport.width} px` })
      .toBeLessThanOrEqual(viewport.width)
      .catch(async (error: Error) => {
        throw new Error(`${error.message}; past the edge: ${(await sticksOut()).join(', ')}`);
      });
    expect(await seriousAxeViolations(page), `${name} at ${size}`).toEqual([]);
    await page.screenshot({ path: path.join(artifactsDir, `admin-${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(desktop);
}

async function open(page: Page, link: string, heading: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** RFC 4180 lines without quoted line breaks (none of the audit CSV's fields holds one). */
const csvRows = (text: string) =>
  text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

test('the clinic admin: invites, the caseload threshold, the audit trail and its CSV, API tokens', async () => {
  const { page, errors } = await app.signInPage(admin, { viewport: desktop, timezoneId: 'UTC', locale: 'en-CA' });

  // 1. Accounts: invite a therapist and a client; both are listed as invited, each link shown once.
  await open(page, 'Accounts', 'Accounts');
  const table = page.locator('table.accounts-table');
  await table.getByRole('rowheader', { name: therapist.email }).waitFor();
  const therapistRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: therapist.email }) });
  expect(await therapistRow.getByRole('cell').allTextContents()).toEqual(
    expect.arrayContaining(['Therapist', 'Tess Therapist (therapist record)', 'Active']),
  );
  const therapistInvite = page.getByRole('region', { name: 'Invite a therapist' });
  await therapistInvite.getByLabel('Given name').fill('Theo');
  await therapistInvite.getByLabel('Family name').fill('Tran');
  await therapistInvite.getByLabel('Their email for signing in').fill('theo.tran@harbourfront.example.com');
  await therapistInvite.getByRole('button', { name: 'Make the invite' }).click();
  expect(await therapistInvite.getByLabel('Invite link').inputValue()).toMatch(new RegExp(`^${app.url}/invite\\?token=[\\w-]{43}$`));
  expect(await therapistInvite.getByRole('status').textContent()).toMatch(/it works once, until .+\.$/);

  const clientInvite = page.getByRole('region', { name: 'Invite a client to the portal' });
  await clientInvite.getByLabel('Client: find by name').fill('Haddad');
  await clientInvite.getByRole('button', { name: 'Find clients' }).click();
  await clientInvite.getByRole('button', { name: /^Choose Noor Haddad/ }).click();
  await clientInvite.getByRole('button', { name: 'Invite to the portal' }).click();
  await clientInvite.getByLabel('The client’s email for signing in').fill('noor.haddad@example.org');
  await clientInvite.getByRole('button', { name: 'Make the invite' }).click();
  expect(await clientInvite.getByLabel('Invite link').inputValue()).toMatch(new RegExp(`^${app.url}/invite\\?token=`));
  // The list reloads with both invites (the forms above keep their links on screen).
  await table.getByRole('rowheader', { name: 'noor.haddad@example.org' }).waitFor();
  for (const email of ['theo.tran@harbourfront.example.com', 'noor.haddad@example.org']) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: email }) });
    expect(await row.getByRole('cell').nth(2).textContent()).toMatch(/^Invited, until /);
  }
  await checkPage(page, 'accounts');

  // 2. The caseload before and after the threshold changes: 3 attended visits without a clinically important change.
  const noChange = page.locator('.flag-no_meaningful_change');
  await open(page, 'Caseload', 'Caseload');
  await page.getByText('Noor Haddad').first().waitFor();
  expect(await noChange.count()).toBe(0);
  await open(page, 'Clinic settings', 'Clinic settings');
  await page.getByLabel('Flag “no meaningful change” after this many attended sessions').fill('3');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await page.getByText('Settings saved.').waitFor();
  await checkPage(page, 'clinic-settings');
  await open(page, 'Caseload', 'Caseload');
  await noChange.first().waitFor();
  expect(await noChange.count()).toBe(1);

  // 3. The therapist reads the client's record (their own browser elsewhere); the admin finds that read.
  const read = await setupApi?.graphql('query($id: ID!) { client(id: $id) { displayName } }', { id: clientId });
  expect(read?.errors).toBeUndefined();
  await open(page, 'Audit trail', 'Audit trail');
  await page.locator('table.audit-table').waitFor();
  const filters = page.getByRole('form', { name: 'Filter the audit trail' });
  await filters.getByLabel('Client: find by name').fill('Haddad');
  await filters.getByRole('button', { name: 'Find clients' }).click();
  await filters.getByRole('button', { name: /^Choose Noor Haddad/ }).click();
  await filters.getByLabel('Who (account)').selectOption({ label: `${therapist.email} (Therapist)` });
  await filters.getByLabel(/^Action/).fill('Query.client');
  await filters.getByRole('button', { name: 'Show the events' }).click();
  const rows = page.locator('table.audit-table tbody tr');
  await expect.poll(() => rows.count()).toBe(1);
  const cells = await rows.first().getByRole('cell').allTextContents();
  expect(cells.slice(1, 5)).toEqual([`${therapist.email} Therapist`, 'Opened a client’s record Query.client', 'Noor Haddad', 'Allowed']);
  expect(cells[5]).toMatch(/127\.0\.0\.1/);
  await checkPage(page, 'audit-trail');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download these events as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('fascia-audit-trail.csv');
  const [header, ...csv] = csvRows(await readFile(await download.path(), 'utf8'));
  expect(header?.slice(0, 8)).toEqual(['time_utc', 'time_clinic', 'account_email', 'account_id', 'role', 'action', 'client_id', 'outcome']);
  expect(csv).toHaveLength(1);
  expect(csv[0]?.slice(2, 8)).toEqual([therapist.email, therapist.accountId, 'THERAPIST', 'Query.client', clientId, 'ALLOWED']);
  await page.getByText('CSV ready: 1 event.').waitFor();

  // 4. The admin's own API tokens: the rules in words, a token made (secret shown once), then revoked.
  await open(page, 'API tokens', 'API tokens');
  expect(await page.getByText('A token of your role lasts at most 90 days.').count()).toBe(1);
  expect(await page.getByText('A token not used for 30 days stops working by itself.').count()).toBe(1);
  await page.getByLabel('What it is for').fill('monthly audit export');
  await page.getByLabel('Days until it stops working').fill('30');
  await page.getByRole('button', { name: 'Make the token' }).click();
  const secret = await page.getByLabel('The secret of “monthly audit export”').inputValue();
  expect(secret).toMatch(/^[\w-]{43}$/);
  await page.getByRole('rowheader', { name: 'monthly audit export' }).waitFor();
  await checkPage(page, 'api-tokens');
  await page.getByRole('button', { name: 'Revoke monthly audit export' }).click();
  await page.getByText('“monthly audit export” is revoked: it stopped working at once.').waitFor();
  const revoked = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  });
  expect((await revoked.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');

  expect(errors).toEqual([]);
}, 240_000);
