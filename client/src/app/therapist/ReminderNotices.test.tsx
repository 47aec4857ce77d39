import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { Router } from '../router';
import { ReminderNotices } from './ReminderNotices';

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi('THERAPIST');
  vi.stubGlobal('fetch', api.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const refused = {
  id: 'r1',
  clientId: 'c7',
  clientName: 'Grace Hopper',
  kind: 'APPOINTMENT',
  status: 'REFUSED',
  recipient: 'grace@example.invalid',
  problem: 'The mail server refused grace@example.invalid: 550 Mailbox does not exist',
  dueAt: '2026-03-09T17:30:00.000Z',
};

test('an address refused for good is named with its client and reason until the therapist dismisses it', async () => {
  const notices = [[refused], []];
  api.override('ReminderNotices', () => ({ data: { reminderNotices: notices.shift() ?? [] } }));
  api.override('AcknowledgeReminderNotice', () => ({ data: { acknowledgeReminderNotice: { id: 'r1' } } }));
  render(
    <Router>
      <ReminderNotices timeZone="UTC" />
    </Router>,
  );
  const notice = await screen.findByRole('region', { name: 'Reminder emails not delivered' });
  expect(notice.querySelector('li')?.textContent).toMatch(
    /^Grace Hopper: the appointment reminder of Mar 9, 2026 was refused by the mail server for grace@example\.invalid: check the address\. \(The mail server refused grace@example\.invalid: 550 Mailbox does not exist\)/,
  );
  expect(screen.getByRole('link', { name: 'Grace Hopper' }).getAttribute('href')).toBe('/clients/c7');
  fireEvent.click(screen.getByRole('button', { name: 'Dismiss the notice about Grace Hopper' }));
  await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Reminder emails not delivered' })).toBeNull());
  expect(api.requests.find((r) => r.operationName === 'AcknowledgeReminderNotice')?.variables).toEqual({ id: 'r1' });
});

test('nothing is shown while every reminder was delivered', async () => {
  render(
    <Router>
      <ReminderNotices timeZone="UTC" />
    </Router>,
  );
  await vi.waitFor(() => expect(api.requests.some((r) => r.operationName === 'ReminderNotices')).toBe(true));
  expect(screen.queryByRole('region', { name: 'Reminder emails not delivered' })).toBeNull();
});
