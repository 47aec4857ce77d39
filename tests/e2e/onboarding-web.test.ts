/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file needs the DOM types.
import { demoAccounts } from '@fascia/server/demo/accounts.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDemoApp, type WebApp } from '../support/web-app.js';

let app: WebApp;

beforeAll(async () => {
  app = await startDemoApp();
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

/** A phone-sized page, with page errors collected (they should stay empty). */
const phone = () => app.newPage({ viewport: { width: 375, height: 812 } });

/** The page is no wider than the phone: nothing scrolls sideways. */
async function expectFits(page: Page, what: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(375);
}

test('phone: a therapist adds a client with a referral, records the intake with a red flag, plans a series, records a visit after reviewing the flag, resolves it, invites the client and closes the series', async () => {
  const { page, errors } = await phone();
  await app.signIn(page, demoAccounts.therapist);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('link', { name: 'New client' }).click();
  await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();
  await expectFits(page, 'new client');
  await page.getByLabel('Given name').fill('Noor');
  await page.getByLabel('Family name').fill('Haddad');
  await page.getByLabel('Date of birth').fill('1979-04-18');
  await page.getByLabel('Sex', { exact: true }).selectOption('FEMALE');
  await page.getByLabel('Email').fill('noor.haddad@example.org');
  await page.getByLabel(/^Preferred language/).fill('fr-CA');
  await page.getByLabel('Referred by').selectOption('PHYSICIAN');
  // The server's rule: a physician's referral names the physician.
  await page.getByRole('button', { name: 'Add the client' }).click();
  const clinician = page.getByLabel("Referring clinician's name");
  await expect.poll(() => clinician.getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('client-clinicianName');
  await clinician.fill('Dr Amal Roy');
  await page.getByRole('button', { name: 'Add the client' }).click();
  await page.getByRole('heading', { level: 1, name: 'Noor Haddad' }).waitFor();
  expect(await page.locator('.facts').first().textContent()).toContain('Physician: Dr Amal Roy');

  await page.getByRole('link', { name: 'Record intake' }).click();
  await page.getByRole('heading', { level: 1, name: 'Intake: Noor Haddad' }).waitFor();
  await expectFits(page, 'intake');
  await page.getByLabel('Chief complaints, in the client’s words').fill('Neck pain and headaches');
  await page.getByLabel('Complaint 1').fill('Neck pain');
  await page.getByLabel('Onset').selectOption('GRADUAL');
  await page.getByRole('button', { name: 'Add red flag' }).click();
  await page.getByLabel('Red flag 1').fill('Unexplained weight loss');
  await page.getByLabel('The client gave informed consent to treatment').check();
  await page.getByRole('button', { name: 'Record the intake' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText('Unexplained weight loss').waitFor();
  await expectFits(page, 'client page');

  await page.getByRole('link', { name: 'Start a series' }).click();
  await page.getByLabel('Condition').waitFor();
  await expectFits(page, 'start series');
  await page.getByRole('button', { name: 'Start the series' }).click();
  await page.getByRole('link', { name: 'Record a session' }).waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('Unexplained weight loss');
  await page.getByRole('link', { name: 'Record a session' }).click();

  // Recording without reviewing the red flags: the server refuses, and says so at the checkbox.
  const review = page.getByLabel('I have reviewed these red flags before treating');
  await review.waitFor();
  await expectFits(page, 'session form');
  await page.getByRole('button', { name: 'Record the session' }).click();
  await expect.poll(() => review.getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#session-acknowledge-red-flags-error').textContent()).toContain('Unexplained weight loss');
  await review.check();
  await page.getByRole('button', { name: 'Record the session' }).click();
  await page.getByText('Session recorded. The charts below include it.').waitFor();

  await page.getByRole('link', { name: '← Noor Haddad' }).click();
  await page.getByRole('button', { name: 'Mark red flags resolved' }).click();
  await page.getByLabel('How they were resolved').fill('Cleared by Dr Roy, bloods normal');
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await page.getByText(/Resolved .*: Cleared by Dr Roy, bloods normal/).waitFor();
  expect(await page.getByRole('heading', { name: 'Red flags: review before treating' }).count()).toBe(0);

  await page.getByRole('button', { name: 'Invite to the portal' }).click();
  await page.getByRole('button', { name: 'Make the invite' }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  expect(link).toMatch(new RegExp(`^${app.url}/invite\\?token=`));
  await expectFits(page, 'client page with the invite');

  // Closing, by keyboard: focus a radio, Space chooses it; Tab then Enter sends the form.
  // The series started with the form's first condition; the client has only this one.
  await page.locator('.series-name').click();
  await page.getByRole('link', { name: 'Close the series' }).click();
  await page.getByRole('heading', { level: 1, name: 'Close the series' }).waitFor();
  await expectFits(page, 'close series');
  await page.getByLabel('Completed as planned').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Goals met').focus();
  await page.keyboard.press('Space');
  await page.getByLabel(/^Closing summary/).fill('Pain gone; home stretches given.');
  await page.getByLabel(/^Closing summary/).press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Reason for discharge').waitFor();
  expect(await page.locator('.discharge').textContent()).toContain('Goals met');
  expect(await page.locator('.discharge').textContent()).toContain('Pain gone; home stretches given.');
  expect(errors).toEqual([]);

  // The client opens the link, chooses a password and lands in their portal.
  const invitee = await phone();
  await invitee.page.goto(link);
  await invitee.page.getByLabel('New password').fill('a long enough passphrase');
  await invitee.page.getByLabel('The same password again').fill('a long enough passphrase');
  await expectFits(invitee.page, 'accept invite');
  await invitee.page.getByRole('button', { name: 'Make my account' }).click();
  await invitee.page.getByRole('heading', { level: 1, name: 'Hello, Noor Haddad' }).waitFor();
  expect(new URL(invitee.page.url()).pathname).toBe('/');
  expect(invitee.errors).toEqual([]);
}, 120_000);

test('phone: the admin changes the clinic settings; the page says recorded times do not move', async () => {
  const { page, errors } = await phone();
  await app.signIn(page, demoAccounts.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clinic settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Clinic settings' }).waitFor();
  await expectFits(page, 'clinic settings');
  expect(await page.getByText(/does not move any recorded time/).count()).toBe(1);
  await page.getByLabel(/^Locale/).fill('fr-CA');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await page.getByText('Settings saved.').waitFor();
  await page.getByLabel(/^Locale/).fill('not a locale!');
  await page.getByRole('button', { name: 'Save the settings' }).click();
  await expect.poll(() => page.getByLabel(/^Locale/).getAttribute('aria-invalid')).toBe('true');
  expect(errors).toEqual([]);
}, 60_000);
