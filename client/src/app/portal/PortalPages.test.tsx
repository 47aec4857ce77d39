import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFakeApi } from '../../test/fake-api';
import { myDiaryEntries } from '../../test/visit-fixtures';
import { Router } from '../router';
import { DiaryHistoryPage } from './DiaryHistoryPage';
import { historyPlaces, toHistoryChartData } from './diary-history';
import { dateIn, diaryInstant, instantIn } from './diary-time';
import { MyRecordPage } from './MyRecordPage';
import PortalApp from './PortalApp';
import { RecordAccessPage } from './RecordAccessPage';

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi('CLIENT');
  vi.stubGlobal('fetch', api.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('diary history', () => {
  test('the diary and the clinic’s values of a place, in time order', () => {
    const data = myDiaryEntries(Date.parse('2026-03-20T12:00:00Z'));
    const [place] = historyPlaces(data);
    expect(place?.label).toBe('Neck');
    expect(place?.points.map((p) => [p.id, p.source])).toEqual([
      ['v1', 'BEFORE_VISIT'],
      ['d2', 'DIARY'],
      ['d1', 'DIARY'],
    ]);
    const chart = toHistoryChartData(place as NonNullable<typeof place>);
    expect(chart.datasets.map((d) => [d.label, d.data.map((p) => p.y)])).toEqual([
      ['Your diary', [3, 6]],
      ['At the clinic', [7]],
    ]);
  });

  test('a chart per place, its table with every value and note, and the list of entries', async () => {
    render(
      <Router>
        <DiaryHistoryPage timeZone="UTC" />
      </Router>,
    );
    const section = await screen.findByRole('region', { name: 'Neck' });
    expect(within(section).getByRole('img').getAttribute('aria-label')).toContain('2 diary entries and 1 value measured at the clinic');
    expect(screen.getByText(/Numeric Pain Rating Scale, 0 to 10\): on a 0 to 10 scale, lower is better\./)).toBeTruthy();
    fireEvent.click(within(section).getByText('Show the values as a table'));
    const rows = within(await within(section).findByRole('table'))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['At the clinic, before the visit', '7 out of 10', ''],
      ['Your diary', '3 out of 10', ''],
      ['Your diary', '6 out of 10', 'after gardening'],
    ]);
    const list = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(list[0]).toMatch(/: 6 out of 10 “after gardening”$/);
    expect(list).toHaveLength(2);
  });
});

describe('who has seen my record', () => {
  test('who, role, when and what in words; refusals as attempts; my own visits only when asked', async () => {
    render(<RecordAccessPage timeZone="UTC" />);
    const table = await screen.findByRole('table');
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows()).toEqual([
      ['A therapist of another clinic', 'Therapist', 'Refused attempt: Tried to look at your record and was refused'],
      ['Tess Therapist', 'Therapist', 'Recorded a visit'],
    ]);
    expect(screen.getByRole('status').textContent).toBe('2 entries, 1 refused.');
    expect(table.textContent).not.toMatch(/Query\.|Mutation\./);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show my own visits to my record too' }));
    expect(rows()[0]).toEqual(['You', 'You', 'Looked at your record']);
  });
});

describe('my record', () => {
  test('downloads the FHIR file of exactly my own record, and prints a summary in words', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<MyRecordPage timeZone="UTC" clinicName="Harbourfront" />);
    const download = await screen.findByRole('link', { name: 'Download my record (FHIR file)' });
    expect(download.getAttribute('href')).toBe('/fhir/export?client=c1');
    expect(download.hasAttribute('download')).toBe(true);
    const summary = screen.getByRole('region', { name: 'Summary of my record' });
    expect(summary.textContent).toContain('Ada Lovelace, Harbourfront.');
    expect(summary.textContent).toContain('Neck pain: ongoing');
    expect(summary.textContent).toContain(
      'Your neck pain is 3 points lower than at the start (on a 0 to 10 scale, lower is better), a change most people notice.',
    );
    expect(summary.textContent).toMatch(/6 out of 10, “after gardening”/);
    fireEvent.click(screen.getByRole('button', { name: 'Print this summary' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});

describe('clinic time', () => {
  test('a wall-clock time on a date names its instant in the clinic’s zone, across a clock change', () => {
    expect(new Date(instantIn('2026-03-07', '08:30', 'America/Toronto')).toISOString()).toBe('2026-03-07T13:30:00.000Z');
    // Toronto moves to summer time on 8 March 2026.
    expect(new Date(instantIn('2026-03-09', '08:30', 'America/Toronto')).toISOString()).toBe('2026-03-09T12:30:00.000Z');
    expect(dateIn(Date.parse('2026-03-20T02:00:00Z'), 'America/Toronto')).toBe('2026-03-19');
  });

  test('"earlier today" refuses a time still to come; "yesterday" is the clinic’s yesterday', () => {
    const now = Date.parse('2026-03-20T03:00:00Z'); // 23:00 on 19 March in Toronto
    expect(diaryInstant('TODAY', '23:30', 'America/Toronto', now)).toHaveProperty('problem');
    expect(diaryInstant('TODAY', '22:00', 'America/Toronto', now)).toEqual({ at: Date.parse('2026-03-20T02:00:00Z') });
    expect(diaryInstant('YESTERDAY', '22:00', 'America/Toronto', now)).toEqual({ at: Date.parse('2026-03-19T02:00:00Z') });
    expect(diaryInstant('YESTERDAY', '', 'America/Toronto', now)).toEqual({ problem: 'Choose the time, for example 08:30.' });
  });
});

describe('a portal held by a proxy', () => {
  const viewer = (proxyRelation: 'PARENT' | null) => ({
    role: 'CLIENT' as const,
    proxyRelation,
    therapist: null,
    client: { id: 'c1', displayName: 'Sam Child' },
    clinic: { id: 'k1', name: 'Demo Clinic', timeZone: 'UTC', clientApiTokensAllowed: false },
  });

  test('a parent sees the child’s progress with a note that what they enter is recorded as theirs', async () => {
    render(
      <Router>
        <PortalApp viewer={viewer('PARENT')} onSignOut={() => {}} />
      </Router>,
    );
    expect(screen.getByRole('note').textContent).toBe(
      'You are signed in for Sam Child as their parent. What you enter is recorded as reported by a parent and shown apart from what Sam Child reports.',
    );
  });

  test('its pages, cards and next visit speak of the child by name; the client’s own speak to the client', async () => {
    const words = async (relation: 'PARENT' | null) => {
      const { unmount } = render(
        <Router>
          <PortalApp viewer={viewer(relation)} onSignOut={() => {}} />
        </Router>,
      );
      // The home's cards come with the progress; the next visit card loads its own query.
      await screen.findByRole('heading', { level: 2, name: /next visit$/ });
      const nav = screen.getAllByRole('link').map((link) => link.textContent);
      const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
      const noVisit = screen.getByText(/^No visit is booked/).textContent;
      const header = screen.getByRole('banner').textContent;
      const report = screen.queryAllByRole('link', { name: /progress report/ }).map((link) => link.textContent);
      unmount();
      return { nav, headings, noVisit, header, report };
    };
    const parent = await words('PARENT');
    // The page's progress names the child as its query does (the fake API's client), the menu as the viewer does.
    expect(parent.nav).toEqual(expect.arrayContaining(["Sam Child's progress", "Who has seen Sam Child's record", "Sam Child's record"]));
    expect(parent.headings).toEqual(
      expect.arrayContaining([
        "Ada Lovelace's next visit",
        "Ada Lovelace's diary history",
        "Who has seen Ada Lovelace's record",
        "Ada Lovelace's record",
      ]),
    );
    expect(parent.headings.filter((h) => /\b(my|your)\b/i.test(h ?? ''))).toEqual([]);
    expect(parent.noVisit).toBe('No visit is booked for Ada Lovelace. The therapist books the visits with you.');
    expect(parent.header).toContain('For Sam Child');
    expect(parent.report.length).toBeGreaterThan(0);
    expect(parent.report.every((text) => text?.startsWith("Download Ada Lovelace's progress report"))).toBe(true);

    const own = await words(null);
    expect(own.nav).toEqual(expect.arrayContaining(['My progress', 'Who has seen my record', 'My record']));
    expect(own.headings).toEqual(expect.arrayContaining(['Your next visit', 'My diary history', 'Who has seen my record', 'My record']));
    expect(own.noVisit).toBe('No visit is booked. Your therapist books your visits with you.');
    expect(own.header).not.toContain('For ');
    expect(own.report.every((text) => text?.startsWith('Download my progress report'))).toBe(true);
  });

  test('the client’s own portal has no such note', () => {
    render(
      <Router>
        <PortalApp viewer={viewer(null)} onSignOut={() => {}} />
      </Router>,
    );
    expect(screen.queryByRole('note')).toBeNull();
  });
});
