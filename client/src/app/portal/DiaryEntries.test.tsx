import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { myDiaryEntries } from '../../test/visit-fixtures';
import { DiaryEntries, recentEntries, removable } from './DiaryEntries';

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi('CLIENT');
  vi.stubGlobal('fetch', api.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('the last days: own diary entries only, newest first; removable within 24 hours of saving', () => {
  const now = Date.parse('2026-03-20T12:00:00Z');
  const data = myDiaryEntries(now);
  const others = [
    // A value the therapist took at a visit, and an entry older than the list goes back.
    {
      ...data.viewer.client?.series[0]?.observations[0],
      id: 'visit',
      context: 'PRE_SESSION' as const,
      recordedByRole: 'THERAPIST' as const,
    },
    { ...data.viewer.client?.series[0]?.observations[0], id: 'old', takenAt: '2026-03-10T12:00:00Z' },
  ];
  const series = { id: 'series-1', observations: [...(data.viewer.client?.series[0]?.observations ?? []), ...others] };
  const entries = recentEntries({ ...data, viewer: { client: { id: 'c1', series: [series] } } } as typeof data, now);
  expect(entries.map((e) => e.id)).toEqual(['d1', 'd2']);
  expect(entries.map((e) => removable(e, now))).toEqual([true, false]);
  expect(removable({ recordedAt: '2026-03-19T12:00:01Z' }, now)).toBe(true);
  expect(removable({ recordedAt: '2026-03-19T12:00:00Z' }, now)).toBe(false);
});

test('"Remove this entry" asks for a reason, sends it, and the list is read again', async () => {
  api.override('MarkObservationEnteredInError', () => ({
    data: { markObservationEnteredInError: { id: 'd1', status: 'ENTERED_IN_ERROR' } },
  }));
  render(<DiaryEntries measureCode="NPRS" timeZone="UTC" />);
  const items = await screen.findAllByRole('listitem');
  expect(items.map((li) => li.querySelector('span')?.textContent)).toEqual([
    expect.stringMatching(/^Pain 6 out of 10 in your neck, /),
    expect.stringMatching(/^Pain 3 out of 10 in your neck, /),
  ]);
  // Two days old: no longer removable by the client.
  expect(within(items[1] as HTMLElement).queryByRole('button')).toBeNull();
  fireEvent.click(within(items[0] as HTMLElement).getByRole('button', { name: /^Remove this entry: Pain 6 out of 10/ }));
  fireEvent.change(screen.getByLabelText('Reason (kept with the record)'), { target: { value: 'Tapped the wrong number' } });
  fireEvent.click(screen.getByRole('button', { name: 'Confirm: remove this entry' }));
  await screen.findByText('Entry removed. Your progress no longer counts it.');
  expect(api.requests.find((r) => r.operationName === 'MarkObservationEnteredInError')?.variables).toEqual({
    id: 'd1',
    reason: 'Tapped the wrong number',
  });
  expect(api.requests.filter((r) => r.operationName === 'MyDiaryEntries')).toHaveLength(2);
});

test('a refusal (the 24 hours have passed meanwhile) is shown in the form, which stays open', async () => {
  api.override('MarkObservationEnteredInError', () => ({
    errors: [
      {
        message: 'id: a diary entry can be removed within 24 hours of entering it',
        extensions: { code: 'BAD_USER_INPUT', field: 'id', rule: 'void-window' },
      },
    ],
  }));
  render(<DiaryEntries measureCode="NPRS" timeZone="UTC" />);
  fireEvent.click(await screen.findByRole('button', { name: /^Remove this entry/ }));
  fireEvent.change(screen.getByLabelText('Reason (kept with the record)'), { target: { value: 'Wrong' } });
  fireEvent.click(screen.getByRole('button', { name: 'Confirm: remove this entry' }));
  expect((await screen.findByRole('alert')).textContent).toContain('can be removed within 24 hours');
  expect(screen.getByLabelText('Reason (kept with the record)')).toBeTruthy();
});
