import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Chart } from 'chart.js';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CohortOutcomesQuery } from '../../graphql/generated/graphql';
import { createFakeApi } from '../../test/fake-api';
import { hiddenMeanCell, hiddenOutcomeCell } from '../../test/fixtures';
import { Router } from '../router';
import ResearchApp from './ResearchApp';

function outcome(overallShown: boolean): CohortOutcomesQuery {
  return {
    cohortOutcomes: {
      measureCode: 'NPRS',
      unit: '{score}',
      direction: -1,
      mcid: 2,
      minCellSize: 11,
      overall: overallShown
        ? {
            suppressed: false,
            n: 26,
            baselineMean: 5.7,
            baselineSd: 1.8,
            meanChange: -1.96,
            meanChangeCiLow: -2.68,
            meanChangeCiHigh: -1.24,
            changeSd: 1.78,
            effectSize: -1.09,
            standardizedResponseMean: -1.1,
            responderRate: null,
            responderRateCiLow: null,
            responderRateCiHigh: null,
          }
        : hiddenOutcomeCell,
      withinSession: overallShown ? { suppressed: false, n: 26, mean: -0.9, sd: 0.5, ciLow: -1.1, ciHigh: -0.8 } : hiddenMeanCell,
      visits: [
        { visitNumber: 1, value: { suppressed: false, n: 26, mean: 5.7, sd: 1.8, ciLow: 5.0, ciHigh: 6.4 } },
        { visitNumber: 2, value: hiddenMeanCell },
      ],
      histogram: [
        { from: -10, to: -9, n: 0, suppressed: false },
        { from: -2, to: -1, n: null, suppressed: true },
      ],
      doseResponse: {
        totalMinutes: [{ key: 'MINUTES_0_239', label: 'under 240 min', outcome: hiddenOutcomeCell }],
        sessionsPerWeek: [],
        mainModality: [],
        minutesSlope: { suppressed: true, n: null, slopePerMinute: null, ciLow: null, ciHigh: null },
      },
    },
  };
}

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi('RESEARCHER');
  vi.stubGlobal('fetch', api.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const viewer = { role: 'RESEARCHER' as const, proxyRelation: null, therapist: null, client: null, clinic: null };

function renderExplorer() {
  render(
    <Router>
      <ResearchApp viewer={viewer} onSignOut={() => {}} />
    </Router>,
  );
}

describe('research explorer', () => {
  test('a range the wrong way round is pointed at its input and nothing is asked; corrected, the filter is sent', async () => {
    api.override('CohortOutcomes', () => ({ data: outcome(true) }));
    renderExplorer();
    fireEvent.change(await screen.findByLabelText('Attended visits, at least'), { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText('Attended visits, at most'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Condition'), { target: { value: 'NECK_PAIN' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '40-49' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show outcomes' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The most attended visits must not be below the fewest.');
    expect(screen.getByLabelText('Attended visits, at most').getAttribute('aria-invalid')).toBe('true');
    expect(api.requests.some((r) => r.operationName === 'CohortOutcomes')).toBe(false);

    fireEvent.change(screen.getByLabelText('Attended visits, at most'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show outcomes' }));
    await screen.findByRole('heading', { name: 'Whole cohort' });
    expect(api.requests.find((r) => r.operationName === 'CohortOutcomes')?.variables).toEqual({
      measureCode: 'NPRS',
      filter: { conditionCode: 'NECK_PAIN', ageBands: ['AGE_40_49'], minAttendedSessions: 8, maxAttendedSessions: 12 },
    });
  });

  test('results: the figures in words, a chart with a table per output, suppressed cells in words', async () => {
    api.override('CohortOutcomes', () => ({ data: outcome(true) }));
    renderExplorer();
    fireEvent.click(await screen.findByRole('button', { name: 'Show outcomes' }));
    const overall = (await screen.findByRole('heading', { name: 'Whole cohort' })).closest('section') as HTMLElement;
    const facts = Object.fromEntries(
      [...overall.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']),
    );
    expect(facts.Clients).toBe('26');
    expect(facts['Mean change']).toBe('−2.0 (95% CI −2.7 to −1.2) (/10); lower is better');
    expect(facts.Responders).toBe('suppressed (a group of fewer than 11 clients)');
    // Why figures are withheld or perturbed, in words.
    const note = screen.getByTestId('protection-note').textContent ?? '';
    expect(note).toContain('withheld');
    expect(note).toContain('perturbed');
    expect(facts['Change per hour of treatment']).toBe('suppressed (a group of fewer than 11 clients)');

    const timeCourse = (await screen.findByRole('img', { name: /^Time course: mean Pain intensity/ })).closest('figure') as HTMLElement;
    const chart = Chart.getChart(within(timeCourse).getByRole('img') as HTMLCanvasElement);
    expect(chart?.data.datasets[0]?.data).toEqual([5.7, null]);
    expect(chart?.data.labels).toEqual(['Visit 1', 'Visit 2 (suppressed)']);
    fireEvent.click(within(timeCourse).getByText('Show the values as a table'));
    const table = await within(timeCourse).findByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Visit 1', '26', '5.7', '5.0 to 6.4'],
      ['Visit 2', 'suppressed (a group of fewer than 11 clients)'],
    ]);
  });

  test('a whole cohort under the minimum cell size says so instead of numbers', async () => {
    api.override('CohortOutcomes', () => ({ data: outcome(false) }));
    renderExplorer();
    fireEvent.click(await screen.findByRole('button', { name: 'Show outcomes' }));
    await waitFor(() =>
      expect(screen.getByText(/^The whole cohort is suppressed/).textContent).toBe(
        'The whole cohort is suppressed (a group of fewer than 11 clients): choose a broader cohort.',
      ),
    );
    // The export is off, and says why in words (it would hand out the rows of fewer than k clients).
    const exportButton = screen.getByRole('button', { name: 'Export this cohort as CSV' }) as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    expect(document.getElementById(exportButton.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /^The export is off for this cohort: it has fewer than 11 clients \(the minimum cell size\)/,
    );
  });

  test('compare: two filter sets, the difference with its interval, both cohorts and a chart with a table', async () => {
    const shown = outcome(true).cohortOutcomes.overall;
    api.override('CohortComparison', () => ({
      data: {
        cohortComparison: {
          measureCode: 'NPRS',
          minCellSize: 11,
          a: shown,
          b: { ...shown, n: 30, meanChange: -3.1, meanChangeCiLow: -3.9, meanChangeCiHigh: -2.3 },
          difference: { suppressed: false, estimate: -1.14, ciLow: -2.2, ciHigh: -0.08 },
        },
      },
    }));
    window.history.replaceState(null, '', '/compare');
    renderExplorer();
    fireEvent.change(await screen.findByLabelText('Outcome measure'), { target: { value: 'NPRS' } });
    fireEvent.change(document.getElementById('a-cohort-sex') as HTMLSelectElement, { target: { value: 'FEMALE' } });
    fireEvent.change(document.getElementById('b-cohort-sex') as HTMLSelectElement, { target: { value: 'MALE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare the cohorts' }));
    const verdict = await screen.findByText(/^Mean change in cohort B minus cohort A/);
    expect(verdict.textContent).toBe(
      'Mean change in cohort B minus cohort A (/10): −1.1 (95% CI −2.2 to −0.1). The interval excludes 0: cohort B improved more.',
    );
    const sent = api.requests.find((r) => r.operationName === 'CohortComparison')?.variables;
    expect(sent).toEqual({ measureCode: 'NPRS', a: { sex: 'FEMALE' }, b: { sex: 'MALE' } });
    const table = screen.getByRole('table', { name: /^Both cohorts' results/ });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe('Clients2630');
    expect(screen.getByRole('img', { name: /^Mean change in .+: cohort A, cohort B and the difference/ })).toBeTruthy();
    window.history.replaceState(null, '', '/');
  });
});
