import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
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
  await screen.findByText(/^Saved: pain 4 out of 10 in your neck at /);
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
  expect((await screen.findByText(/^Saved: pain 4/)).textContent).toBe('Saved: pain 4 out of 10 in your neck at 10:42 p.m.');
});

test('the form says what 0 and 10 mean, in words', async () => {
  render(<DiaryPage timeZone="UTC" />);
  const scale = await screen.findByRole('group', { name: /How much/ });
  expect(scale.getAttribute('aria-describedby')).toBe('diary-scale-ends');
  expect(document.getElementById('diary-scale-ends')?.textContent).toBe('0: no pain at all10: the worst pain you can imagine');
  expect(screen.getByText(/0 means no pain at all\. 10 means the worst pain you can imagine\./)).toBeTruthy();
  // No acronym on its own: the scale is named.
  expect(scale.querySelector('legend')?.textContent).toBe('How much (Pain intensity (Numeric Pain Rating Scale, 0 to 10))');
});

describe('an entry for earlier today, with a note', () => {
  beforeEach(() => {
    // Only the clock is faked: it is 14:00 in Toronto (19:00 UTC) on 20 March 2026.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-03-20T18:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('sends the clinic-time instant of the chosen time and the note', async () => {
    api.override('RecordDiaryEntry', () => ({
      data: { recordObservation: { id: 'o1', value: 3, takenAt: '2026-03-20T12:30:00.000Z', note: 'after gardening' } },
    }));
    render(<DiaryPage timeZone="America/Toronto" />);
    await screen.findByLabelText('Where');
    fireEvent.click(screen.getByRole('radio', { name: '3' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Earlier today' }));
    fireEvent.change(screen.getByLabelText('At what time today'), { target: { value: '08:30' } });
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: ' after gardening ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved: pain 3 out of 10 in your neck at /);
    const request = api.requests.find((r) => r.operationName === 'RecordDiaryEntry');
    // 08:30 in Toronto (UTC-4 in March, after the clock change) is 12:30 UTC.
    expect(request?.variables.input).toMatchObject({ takenAt: '2026-03-20T12:30:00.000Z', note: 'after gardening', value: 3 });
  });

  test('yesterday is the day before on the clinic’s calendar', async () => {
    api.override('RecordDiaryEntry', () => ({
      data: { recordObservation: { id: 'o1', value: 2, takenAt: '2026-03-20T02:15:00.000Z', note: null } },
    }));
    render(<DiaryPage timeZone="America/Toronto" />);
    await screen.findByLabelText('Where');
    fireEvent.click(screen.getByRole('radio', { name: '2' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Yesterday' }));
    fireEvent.change(screen.getByLabelText('At what time yesterday'), { target: { value: '22:15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved: pain 2 out of 10 in your neck yesterday at /);
    const request = api.requests.find((r) => r.operationName === 'RecordDiaryEntry');
    expect(request?.variables.input).toMatchObject({ takenAt: '2026-03-20T02:15:00.000Z' });
    expect(request?.variables.input).not.toHaveProperty('note');
  });

  test('a time later than now today is pointed at and not sent; the server’s refusal lands at the time too', async () => {
    render(<DiaryPage timeZone="America/Toronto" />);
    await screen.findByLabelText('Where');
    fireEvent.click(screen.getByRole('radio', { name: '5' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Earlier today' }));
    const time = screen.getByLabelText('At what time today');
    fireEvent.change(time, { target: { value: '16:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('diary-time-error')?.textContent).toContain('That time has not come yet today');
    expect(api.requests.some((r) => r.operationName === 'RecordDiaryEntry')).toBe(false);

    api.override('RecordDiaryEntry', () => ({
      errors: [
        {
          message: 'takenAt: a diary entry is for today or yesterday (2026-03-19), not earlier',
          extensions: { code: 'BAD_USER_INPUT', field: 'takenAt', rule: 'not-before-yesterday' },
        },
      ],
    }));
    fireEvent.change(time, { target: { value: '09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(document.getElementById('diary-time-error')?.textContent).toContain('A diary entry is for today or yesterday'),
    );
  });
});
