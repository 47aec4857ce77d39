import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { DiaryPage } from './DiaryPage';

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi('CLIENT');
  vi.stubGlobal('fetch', api.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('a diary entry: where (own regions first), how much, save; a missing answer is pointed at, not sent', async () => {
  api.override('RecordDiaryEntry', () => ({ data: { recordObservation: { id: 'o1', value: 4, takenAt: '2026-03-20T18:05:00.000Z' } } }));
  render(<DiaryPage timeZone="UTC" />);
  const where = (await screen.findByLabelText('Where')) as HTMLSelectElement;
  expect([...where.options].map((o) => o.textContent)).toEqual(['Neck', 'Left shoulder', 'Right shoulder']);

  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect((await screen.findByRole('alert')).textContent).toContain('Choose how much it hurts, from 0 to 10.');
  expect(api.requests.some((r) => r.operationName === 'RecordDiaryEntry')).toBe(false);

  fireEvent.click(screen.getByRole('radio', { name: '4' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByText(/^Saved: pain 4 in your neck at /);
  const request = api.requests.find((r) => r.operationName === 'RecordDiaryEntry');
  expect(request?.variables.input).toMatchObject({
    clientId: 'c1',
    measureCode: 'NPRS',
    context: 'BETWEEN_SESSIONS',
    regionCode: 'NECK',
    seriesId: 'series-1',
    value: 4,
  });
  await waitFor(() => expect((screen.getByRole('radio', { name: '4' }) as HTMLInputElement).checked).toBe(false));
});

test('the saved message ends with one full stop in a locale whose time ends with one (en-CA "10:42 p.m.")', async () => {
  const RealDateTimeFormat = Intl.DateTimeFormat;
  vi.stubGlobal('Intl', {
    ...Intl,
    DateTimeFormat: class extends RealDateTimeFormat {
      constructor(_locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
        super('en-CA', options);
      }
    },
  });
  api.override('RecordDiaryEntry', () => ({ data: { recordObservation: { id: 'o1', value: 4, takenAt: '2026-03-20T22:42:00.000Z' } } }));
  render(<DiaryPage timeZone="UTC" />);
  await screen.findByLabelText('Where');
  fireEvent.click(screen.getByRole('radio', { name: '4' }));
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect((await screen.findByText(/^Saved: pain 4/)).textContent).toBe('Saved: pain 4 in your neck at 10:42 p.m.');
});
