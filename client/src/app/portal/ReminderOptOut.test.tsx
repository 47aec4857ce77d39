import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { ReminderOptOut } from './ReminderOptOut';

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi('CLIENT');
  vi.stubGlobal('fetch', api.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('the client stops reminder emails and sees the date of the opt-out; then turns them back on', async () => {
  api.override('MyReminderPreferences', () => ({ data: { myReminderPreferences: { optedOut: false, optedOutAt: null } } }));
  // The fake answers each call in turn: opted out, then back in.
  const answers = [
    { optedOut: true, optedOutAt: '2026-03-20T18:05:00.000Z' },
    { optedOut: false, optedOutAt: null },
  ];
  api.override('SetMyReminderOptOut', () => ({ data: { setMyReminderOptOut: answers.shift() } }));
  render(<ReminderOptOut timeZone="UTC" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Stop reminder emails' }));
  await screen.findByText(/^You turned reminder emails off on .*2026\./);
  expect(api.requests.find((r) => r.operationName === 'SetMyReminderOptOut')?.variables).toEqual({ optOut: true });
  fireEvent.click(screen.getByRole('button', { name: 'Turn reminder emails back on' }));
  await screen.findByRole('button', { name: 'Stop reminder emails' });
  expect(api.requests.filter((r) => r.operationName === 'SetMyReminderOptOut').map((r) => r.variables)).toEqual([
    { optOut: true },
    { optOut: false },
  ]);
});
