import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { present } from '../../test/fixtures';
import { longPlan } from '../../test/visit-fixtures';
import { Router } from '../router';
import VisitHistoryPage from './VisitHistoryPage';
import VisitPage from './VisitPage';

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi();
  vi.stubGlobal('fetch', api.fetch);
  window.history.replaceState(null, '', '/clients/c1/series/series-1/visits');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const visitCards = () => screen.getAllByRole('article');
const cardFor = (time: RegExp) =>
  present(
    visitCards().find((card) => time.test(card.querySelector('h2')?.textContent ?? '')),
    `visit at ${time}`,
  );

describe('visit history', () => {
  test('every visit with its date and time: two visits on one day are two entries that differ by time', async () => {
    render(
      <Router>
        <VisitHistoryPage seriesId="series-1" timeZone="UTC" />
      </Router>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Visits: Ada Lovelace, Neck pain' });
    const headings = visitCards().map((card) => card.querySelector('h2')?.textContent);
    expect(headings).toHaveLength(3);
    const sameDay = headings.filter((h) => /Mar 2, 2026/.test(h ?? ''));
    expect(sameDay).toHaveLength(2);
    expect(sameDay[0]).toMatch(/09:30/);
    expect(sameDay[1]).toMatch(/04:00/);
    // Each heading links to the visit's own page.
    expect(within(cardFor(/04:00/)).getByRole('link').getAttribute('href')).toBe('/clients/c1/series/series-1/visits/s2');

    const first = cardFor(/09:30/);
    expect(within(first).getByText('Swedish, Trigger point')).toBeTruthy();
    expect(within(first).getByText('Neck, 20 min; Left shoulder, 15 min')).toBeTruthy();
    expect(within(first).getByText('3 moderate')).toBeTruthy();
    expect(within(first).getByText('Neck, before: 7/10')).toBeTruthy();
    // Questionnaires with their score on the instrument's scale; a diary entry is no visit's value.
    expect(within(cardFor(/Mar 9, 2026/)).getByText('Neck Disability Index: score 24/50')).toBeTruthy();
    expect(screen.queryByText(/: 2\/10$/)).toBeNull();
  });

  test('the SOAP note is shown in full, line breaks and all', async () => {
    render(
      <Router>
        <VisitHistoryPage seriesId="series-1" timeZone="UTC" />
      </Router>,
    );
    await screen.findByRole('heading', { level: 1 });
    const soap = within(cardFor(/09:30/)).getByRole('heading', { name: 'SOAP note' }).parentElement;
    const parts = [...(soap?.querySelectorAll('.soap-part') ?? [])].map((p) => [
      p.querySelector('dt')?.textContent,
      p.querySelector('dd')?.textContent,
    ]);
    expect(parts).toEqual([
      ['Subjective', 'Stiff neck after a long drive.'],
      ['Objective', 'Rotation limited to the left.'],
      ['Assessment', 'Mechanical neck pain.'],
      ['Plan', longPlan],
    ]);
  });

  test('filtering by a measure keeps only the visits where it was taken, and only its values', async () => {
    render(
      <Router>
        <VisitHistoryPage seriesId="series-1" timeZone="UTC" />
      </Router>,
    );
    const filter = (await screen.findByLabelText('Measure')) as HTMLSelectElement;
    expect([...filter.options].map((o) => o.text)).toEqual(['All measures', 'Pain intensity (NPRS 0-10)', 'Cervical rotation']);
    fireEvent.change(filter, { target: { value: 'CERVICAL_ROTATION' } });
    expect(visitCards()).toHaveLength(1);
    const visit = cardFor(/Mar 9, 2026/);
    expect(within(visit).getByText('Left neck, before: 55°')).toBeTruthy();
    expect(within(visit).getByText('Left neck, after: 65°')).toBeTruthy();
    expect(within(visit).queryByText(/Pain intensity/)).toBeNull();
    expect(within(visit).queryByText('Neck, before: 4/10')).toBeNull();
    expect(within(visit).queryByText(/Neck Disability Index/)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('1 of 3 visits with Cervical rotation; only its values are shown.');

    fireEvent.change(filter, { target: { value: '' } });
    expect(visitCards()).toHaveLength(3);
  });

  test('a value entered in error stays, struck through, with who, when and why; an amended one shows its earlier version', async () => {
    render(
      <Router>
        <VisitHistoryPage seriesId="series-1" timeZone="UTC" />
      </Router>,
    );
    await screen.findByRole('heading', { level: 1 });
    const voided = within(cardFor(/09:30/)).getByText('Neck, after: 5/10');
    expect(voided.tagName).toBe('DEL');
    const line = present(voided.closest('li'));
    expect(line.textContent).toContain('Entered in error');
    expect(within(line).getByText(/by Tess Therapist \(therapist\), Mar 3, 2026/).textContent).toMatch(
      /Reason: Typed for the wrong client$/,
    );

    const amended = present(within(cardFor(/04:00/)).getByText('Neck, before: 8/10').closest('li'));
    expect(within(amended).getByText('Amended')).toBeTruthy();
    expect([...amended.querySelectorAll('.revisions ul li')].map((li) => li.textContent)).toEqual(['value: 3 → 8']);
    expect(amended.textContent).toContain('Reason: Misheard the client');
    // The history is for reading and printing: corrections are made on the visit's own page.
    expect(screen.queryByRole('button', { name: /^Amend/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });
});

describe('corrections on a visit page', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/clients/c1/series/series-1/visits/s1');
  });

  test('the amend form sends the new value and the reason; a refused value is shown at its input', async () => {
    api.override('AmendObservation', () => ({
      errors: [
        {
          message: 'value: must be between 0 and 10 (got 11)',
          extensions: { code: 'BAD_USER_INPUT', field: 'value', rule: 'range' },
        },
      ],
    }));
    render(
      <Router>
        <VisitPage seriesId="series-1" sessionId="s1" timeZone="UTC" />
      </Router>,
    );
    const amend = await screen.findByRole('button', { name: 'Amend Pain intensity (NPRS 0-10), Neck, before: 7/10' });
    // A voided value is not offered for correction.
    expect(screen.queryByRole('button', { name: /Neck, after: 5\/10/ })).toBeNull();
    fireEvent.click(amend);
    expect(amend.getAttribute('aria-expanded')).toBe('true');
    const input = screen.getByLabelText('Corrected value (0-10)') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('7');
    fireEvent.change(input, { target: { value: '11' } });
    fireEvent.change(screen.getByLabelText('Reason (kept with the record)'), { target: { value: 'Read off the wrong scale' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the amendment' }));

    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('⚠ Must be between 0 and 10 (got 11).');
    expect(document.activeElement).toBe(input);
    expect(api.requests.filter((r) => r.operationName === 'AmendObservation').map((r) => r.variables)).toEqual([
      { id: 'o1', input: { value: 11, reason: 'Read off the wrong scale' } },
    ]);

    // Accepted: the page says so and reads the visit again.
    api.override('AmendObservation', () => ({ data: { amendObservation: { id: 'o1', status: 'AMENDED', value: 6 } } }));
    fireEvent.change(input, { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the amendment' }));
    await screen.findByText(/The value is amended; its earlier version is kept\./);
    await waitFor(() => expect(api.requests.filter((r) => r.operationName === 'VisitHistory')).toHaveLength(2));
  });

  test('marking the visit entered in error asks for a reason first, then sends it; Escape closes the form', async () => {
    render(
      <Router>
        <VisitPage seriesId="series-1" sessionId="s1" timeZone="UTC" />
      </Router>,
    );
    const button = await screen.findByRole('button', { name: /^Mark entered in error: the visit of/ });
    fireEvent.click(button);
    const reason = screen.getByLabelText('Reason (kept with the record)');
    expect(document.activeElement).toBe(reason);
    fireEvent.keyDown(reason, { key: 'Escape' });
    expect(screen.queryByLabelText('Reason (kept with the record)')).toBeNull();
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm: mark entered in error' }));
    const again = screen.getByLabelText('Reason (kept with the record)');
    expect(document.getElementById(again.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '⚠ Give a reason: it is kept with the record.',
    );
    expect(api.requests.some((r) => r.operationName === 'MarkSessionEnteredInError')).toBe(false);

    api.override('MarkSessionEnteredInError', () => ({ data: { markSessionEnteredInError: { id: 's1', status: 'ENTERED_IN_ERROR' } } }));
    fireEvent.change(again, { target: { value: 'Recorded on the wrong day' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm: mark entered in error' }));
    await screen.findByText(/The visit is marked entered in error\./);
    expect(api.requests.find((r) => r.operationName === 'MarkSessionEnteredInError')?.variables).toEqual({
      id: 's1',
      reason: 'Recorded on the wrong day',
    });
  });
});
