import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ClientSeriesQuery, SeriesPlanQuery, SessionFormQuery, StartSeriesFormQuery } from '../../graphql/generated/graphql';
import { answeringFetch, badInput } from '../../test/answering-fetch';
import { nprs } from '../../test/fixtures';
import { Router } from '../router';
import { ClientPage } from './ClientPage';
import { CloseSeriesForm } from './CloseSeriesPage';
import SeriesFormPage from './SeriesFormPage';
import { SessionForm } from './SessionFormPage';

let api: ReturnType<typeof answeringFetch>;

beforeEach(() => {
  api = answeringFetch();
  vi.stubGlobal('fetch', api.fetch);
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const flagged = (resolved: boolean): ClientSeriesQuery => ({
  client: {
    id: 'c1',
    displayName: 'Ada Lovelace',
    dateOfBirth: '1980-12-10',
    sex: 'FEMALE',
    email: 'ada@example.org',
    phone: null,
    preferredLanguage: 'fr-CA',
    referral: { source: 'PHYSICIAN', clinicianName: 'Dr Roy', organisation: null, contact: null, reason: null, referredOn: '2026-11-02' },
    unresolvedRedFlags: resolved ? [] : ['Unexplained weight loss'],
    contraindications: ['Anticoagulants'],
    intake: {
      takenAt: '2026-11-30T10:00:00.000Z',
      chiefComplaints: 'Neck stiff',
      complaints: [{ description: 'Neck stiffness', onsetDate: '2026-09-01', onset: 'GRADUAL', durationWeeks: 12 }],
      conditionCodes: ['NECK_PAIN'],
      currentConditions: null,
      pastConditions: null,
      goals: null,
      medications: 'Warfarin',
      contraindications: ['Anticoagulants'],
      redFlags: ['Unexplained weight loss'],
      redFlagsResolvedAt: resolved ? '2026-12-01T09:00:00.000Z' : null,
      redFlagsResolutionNote: resolved ? 'cleared by Dr Roy' : null,
      pressurePreference: null,
      painTolerance: null,
      consentToTreatment: true,
      consentToShareWithReferrer: true,
      researchConsent: false,
    },
    series: [],
  },
  conditions: [{ code: 'NECK_PAIN', name: 'Neck pain' }],
});

describe('red flags', () => {
  test('the client page shows unresolved red flags and contraindications in an alert; resolving needs a note and refreshes', async () => {
    api.queue('ClientSeries', { data: flagged(false) });
    render(
      <Router>
        <ClientPage clientId="c1" timeZone="UTC" canRecord />
      </Router>,
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Red flags: review before treating' })).toBeTruthy();
    expect(within(within(alert).getByRole('region', { name: 'Red flags' })).getByRole('listitem').textContent).toBe(
      'Unexplained weight loss',
    );
    expect(within(within(alert).getByRole('region', { name: 'Contraindications' })).getByRole('listitem').textContent).toBe(
      'Anticoagulants',
    );
    // The intake, read-only, with its new parts.
    expect(screen.getByText('Neck stiffness (gradual, since Sep 1, 2026, 12 weeks at intake)')).toBeTruthy();
    expect(screen.getByText(/^Physician: Dr Roy/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Mark red flags resolved' }));
    api.queue('ResolveRedFlags', badInput('note', 'required', 'must not be empty'));
    fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    const note = screen.getByLabelText('How they were resolved');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('resolve-red-flags-note-error')?.textContent).toBe('⚠ Must not be empty.');

    fireEvent.change(note, { target: { value: ' cleared by Dr Roy, 2026-11-30 ' } });
    api.queue('ResolveRedFlags', { data: { resolveRedFlags: { id: 'i1', redFlagsResolvedAt: '2026-12-01T09:00:00.000Z' } } });
    api.queue('ClientSeries', { data: flagged(true) });
    fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    await screen.findByText(/Resolved .*: cleared by Dr Roy/);
    expect(api.sent('ResolveRedFlags').at(-1)).toEqual({ clientId: 'c1', note: 'cleared by Dr Roy, 2026-11-30' });
    // Resolved: no red-flag heading; the contraindication stays in the alert.
    expect(screen.queryByRole('heading', { name: 'Red flags: review before treating' })).toBeNull();
    expect(within(screen.getByRole('alert')).getByText('Anticoagulants')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark red flags resolved' })).toBeNull();
  });

  const sessionData: SessionFormQuery = {
    series: {
      id: 'series-1',
      startDate: '2026-03-01',
      plannedMinutesPerSession: 60,
      client: { id: 'c1', displayName: 'Ada Lovelace', unresolvedRedFlags: ['Unexplained weight loss'], contraindications: [] },
      condition: { name: 'Neck pain', suggestedMeasureCodes: [], suggestedInstrumentCodes: [] },
    },
    measures: [{ ...nprs, requiresRegion: true, requiresSide: false }],
    bodyRegions: [{ code: 'NECK', name: 'Neck', lateral: false }],
    instruments: [],
  };

  test('the session form asks for the red flags to be reviewed, shows the refusal at the checkbox and sends acknowledgeRedFlags', async () => {
    window.history.replaceState(null, '', '/sessions/new?series=series-1');
    render(
      <Router>
        <SessionForm data={sessionData} />
      </Router>,
    );
    expect(within(screen.getByRole('alert')).getByText('Unexplained weight loss')).toBeTruthy();
    const box = screen.getByLabelText('I have reviewed these red flags before treating') as HTMLInputElement;
    expect(box.checked).toBe(false);
    api.queue(
      'RecordSession',
      badInput(
        'acknowledgeRedFlags',
        'red-flags-unacknowledged',
        'the client has unresolved red flags (Unexplained weight loss): review them first',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Record the session' }));
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${box.id}-error`)?.textContent).toBe(
      '⚠ The client has unresolved red flags (Unexplained weight loss): review them first.',
    );
    await waitFor(() => expect(document.activeElement).toBe(box));

    fireEvent.click(box);
    api.queue('RecordSession', { data: { recordSession: { id: 's9', seriesId: 'series-1' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the session' }));
    await waitFor(() => expect(window.location.pathname).toBe('/clients/c1/series/series-1'));
    expect(api.sent('RecordSession').map((v) => (v.input as { acknowledgeRedFlags?: boolean }).acknowledgeRedFlags)).toEqual([false, true]);
  });

  test('without red flags the session form has no checkbox and sends no acknowledgement', async () => {
    const data = { ...sessionData, series: { ...sessionData.series, client: { ...sessionData.series.client, unresolvedRedFlags: [] } } };
    render(
      <Router>
        <SessionForm data={data} />
      </Router>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByLabelText('I have reviewed these red flags before treating')).toBeNull();
    api.queue('RecordSession', { data: { recordSession: { id: 's9', seriesId: 'series-1' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the session' }));
    await waitFor(() => expect(api.sent('RecordSession')).toHaveLength(1));
    expect(api.sent('RecordSession')[0]?.input).not.toHaveProperty('acknowledgeRedFlags');
  });
});

const catalogs = {
  conditions: [
    { code: 'NECK_PAIN', name: 'Neck pain', headlineMeasureCode: 'NPRS' },
    { code: 'LOW_BACK_PAIN', name: 'Low back pain', headlineMeasureCode: 'ODI' },
  ],
  measures: [
    { code: 'NPRS', name: 'Pain intensity (NPRS 0-10)', kind: 'PAIN' as const },
    { code: 'ODI', name: 'Oswestry Disability Index', kind: 'QUESTIONNAIRE' as const },
  ],
};

describe('series plan', () => {
  test('starting a series sends the plan with the headline measure; a refusal shows at its input', async () => {
    const form: StartSeriesFormQuery = { client: { id: 'c1', displayName: 'Ada Lovelace' }, ...catalogs };
    api.queue('StartSeriesForm', { data: form });
    render(
      <Router>
        <SeriesFormPage clientId="c1" timeZone="UTC" />
      </Router>,
    );
    const condition = (await screen.findByLabelText('Condition')) as HTMLSelectElement;
    fireEvent.change(condition, { target: { value: 'LOW_BACK_PAIN' } });
    // The default headline follows the chosen condition.
    expect(screen.getByRole('option', { name: 'The condition’s own (Oswestry Disability Index)' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Sessions planned'), { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText('Sessions a week'), { target: { value: '9' } });
    fireEvent.change(screen.getByLabelText('Minutes a session'), { target: { value: '45' } });
    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '2026-12-07' } });
    fireEvent.change(screen.getByLabelText('Goals'), { target: { value: 'Lift the grandchildren' } });
    fireEvent.change(screen.getByLabelText(/^Headline measure/), { target: { value: 'NPRS' } });

    api.queue('StartSeries', badInput('plannedSessionsPerWeek', 'range', 'must be between 0.25 and 7 (got 9)'));
    fireEvent.click(screen.getByRole('button', { name: 'Start the series' }));
    const perWeek = screen.getByLabelText('Sessions a week');
    await waitFor(() => expect(perWeek.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('series-per-week-error')?.textContent).toBe('⚠ Must be between 0.25 and 7 (got 9).');

    fireEvent.change(perWeek, { target: { value: '1.5' } });
    api.queue('StartSeries', { data: { startSeries: { id: 'series-9' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the series' }));
    await waitFor(() => expect(window.location.pathname).toBe('/clients/c1/series/series-9'));
    expect(api.sent('StartSeries')[1]).toEqual({
      input: {
        clientId: 'c1',
        conditionCode: 'LOW_BACK_PAIN',
        plannedSessions: 8,
        plannedSessionsPerWeek: 1.5,
        plannedMinutesPerSession: 45,
        startDate: '2026-12-07',
        goals: 'Lift the grandchildren',
        headlineMeasureCode: 'NPRS',
      },
      idempotencyKey: expect.any(String),
    });
  });

  const plan: SeriesPlanQuery = {
    series: {
      id: 'series-1',
      status: 'ACTIVE',
      conditionCode: 'NECK_PAIN',
      plannedSessions: 6,
      plannedSessionsPerWeek: 1,
      plannedMinutesPerSession: 60,
      startDate: '2026-11-02',
      goals: null,
      headlineMeasureCode: null,
      client: { id: 'c1', displayName: 'Ada Lovelace' },
      condition: { name: 'Neck pain' },
    },
    ...catalogs,
  };

  test('editing the plan sends the changed plan to updateSeries', async () => {
    api.queue('SeriesPlan', { data: plan });
    render(
      <Router>
        <SeriesFormPage seriesId="series-1" timeZone="UTC" />
      </Router>,
    );
    const sessions = (await screen.findByLabelText('Sessions planned')) as HTMLInputElement;
    expect(sessions.value).toBe('6');
    fireEvent.change(sessions, { target: { value: '10' } });
    api.queue('UpdateSeries', { data: { updateSeries: { id: 'series-1' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));
    await waitFor(() => expect(window.location.pathname).toBe('/clients/c1/series/series-1'));
    expect(api.sent('UpdateSeries')).toEqual([
      {
        id: 'series-1',
        input: {
          conditionCode: 'NECK_PAIN',
          plannedSessions: 10,
          plannedSessionsPerWeek: 1,
          plannedMinutesPerSession: 60,
          startDate: '2026-11-02',
          // Empty, not null: an empty field clears the goals and the chosen headline (null would leave them as they were).
          goals: '',
          headlineMeasureCode: '',
        },
      },
    ]);
  });

  test('closing asks for the outcome and the reason before sending, then sends them with the summary', async () => {
    render(
      <Router>
        <CloseSeriesForm series={plan.series} today="2026-12-02" />
      </Router>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close the series' }));
    const outcome = screen.getByRole('group', { name: 'Outcome' });
    await waitFor(() => expect(outcome.getAttribute('aria-invalid')).toBe('true'));
    expect(within(outcome).getByRole('alert').textContent).toBe('⚠ Choose how the series ended.');
    expect(api.requests).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('Completed as planned'));
    fireEvent.click(screen.getByRole('button', { name: 'Close the series' }));
    await waitFor(() => expect(screen.getByRole('group', { name: 'Reason for discharge' }).getAttribute('aria-invalid')).toBe('true'));
    fireEvent.click(screen.getByLabelText('Goals met'));
    fireEvent.change(screen.getByLabelText(/^Closing summary/), { target: { value: 'Full rotation back; home stretches.' } });
    api.queue('CloseSeries', badInput('endDate', 'not-before-start', 'must not be before the start 2026-11-02'));
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Close the series' }));
    await waitFor(() => expect(screen.getByLabelText('Last day').getAttribute('aria-invalid')).toBe('true'));

    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-12-02' } });
    api.queue('CloseSeries', { data: { closeSeries: { id: 'series-1' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Close the series' }));
    await waitFor(() => expect(window.location.pathname).toBe('/clients/c1/series/series-1'));
    expect(api.sent('CloseSeries').at(-1)).toEqual({
      id: 'series-1',
      input: {
        status: 'COMPLETED',
        endDate: '2026-12-02',
        dischargeReason: 'GOALS_MET',
        dischargeNote: 'Full rotation back; home stretches.',
      },
    });
  });
});
