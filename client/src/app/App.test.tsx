import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFakeApi } from '../test/fake-api';
import { App } from './App';

let api: ReturnType<typeof createFakeApi>;

beforeEach(() => {
  api = createFakeApi();
  vi.stubGlobal('fetch', api.fetch);
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const names = () => [...document.querySelectorAll('.client-items .client-name')].map((n) => n.textContent);

describe('client list', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/clients');
  });

  test('shows the first page of clients and loads more with the cursor', async () => {
    render(<App />);
    // The role decides the layout, so the page first asks who is signed in.
    expect(screen.getByRole('status').textContent).toBe('Opening Fascia…');
    await screen.findByText('Loading clients…');
    await screen.findByText('Ada Lovelace');
    expect(names()).toHaveLength(20);
    expect(screen.getByText('Showing 20 of 25 clients')).toBeTruthy();
    expect(await screen.findByText('Demo Clinic')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more clients' }));
    await screen.findByText('Client 25');
    expect(names()).toHaveLength(25);
    expect(names()[0]).toBe('Ada Lovelace');
    expect(screen.getByText('Showing 25 of 25 clients')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more clients' })).toBeNull();
    const pages = api.requests.filter((r) => r.operationName === 'ClientList');
    expect(pages.map((r) => r.variables)).toEqual([
      { search: null, first: 20 },
      { search: null, first: 20, after: 'c20' },
    ]);
  });

  test('searches once typing settles', async () => {
    render(<App />);
    await screen.findByText('Ada Lovelace');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by name or email' }), { target: { value: ' ada ' } });
    await waitFor(() => expect(names()).toEqual(['Ada Lovelace']));
    expect(screen.getByText('Showing 1 of 1 client')).toBeTruthy();
    expect(api.requests.filter((r) => r.operationName === 'ClientList').at(-1)?.variables).toEqual({ search: 'ada', first: 20 });

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'nobody' } });
    expect(await screen.findByText('No client matches “nobody”.')).toBeTruthy();
  });

  test('a server failure is explained, with its reference, and can be retried', async () => {
    api.override('ClientList', () => ({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-7' } }],
    }));
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Something went wrong on the server. Please try again in a moment. If it keeps happening, tell support the reference req-7.',
    );
    api.clear('ClientList');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('Ada Lovelace');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('from the caseload to a client and the pain chart', () => {
  test('the caseload names each series with its flags in words and a sparkline of its headline at each visit (before, else after)', async () => {
    render(<App />);
    const link = await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(link.getAttribute('href')).toBe('/clients/c1/series/series-1');
    const flags = screen.getByRole('list', { name: 'Needs attention' });
    expect(
      within(flags)
        .getAllByRole('listitem')
        .map((f) => f.textContent),
    ).toEqual(['▼ Worsening', '● Missed sessions']);
    expect(screen.getByText('Pain intensity (NPRS 0-10) (Neck): 4 → 7 (+3), a clinically important worsening')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Pain intensity (NPRS 0-10) at each visit: 4, 6, 7' })).toBeTruthy();
    expect(api.requests.find((r) => r.operationName === 'Caseload')?.variables).toEqual({
      flag: null,
      sort: 'LAST_VISIT',
      after: null,
    });
  });

  test('"Worst change first" states its rule: change in units of each measure’s MCID, or MDC where none', async () => {
    render(<App />);
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    const order = screen.getByRole('combobox', { name: /Order/ });
    fireEvent.change(order, { target: { value: 'CHANGE' } });
    const rule = document.getElementById(order.getAttribute('aria-describedby') ?? '');
    expect(rule?.textContent).toBe(
      'Worst change first compares measures on different scales by their change in units of each measure’s MCID ' +
        '(the smallest change that matters to patients), or of its MDC (the smallest change beyond measurement error) ' +
        'where no MCID is published: NPRS +2 (1 MCID) comes before ODI +4 (0.4 MCID). Series whose headline has neither come last.',
    );
    await waitFor(() =>
      expect(api.requests.filter((r) => r.operationName === 'Caseload').at(-1)?.variables).toMatchObject({ sort: 'CHANGE' }),
    );
  });

  test('a client link opens their page; a series link charts pain per region with a table', async () => {
    window.history.replaceState(null, '', '/clients');
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: /Ada Lovelace/ }));
    await screen.findByRole('heading', { name: 'Ada Lovelace', level: 1 });
    expect(window.location.pathname).toBe('/clients/c1');
    expect(screen.getByRole('link', { name: 'Record a session' }).getAttribute('href')).toBe('/sessions/new?series=series-1');

    fireEvent.click(screen.getByRole('link', { name: 'Neck pain' }));
    const canvas = await screen.findByRole('img', { name: /Chart of Pain \(NPRS 0-10\) in Neck/ });
    expect(canvas.tagName).toBe('CANVAS');
    expect(window.location.pathname).toBe('/clients/c1/series/series-1');

    const figure = canvas.closest('figure') as HTMLElement;
    fireEvent.click(within(figure).getByText('Show the values as a table'));
    // The values' table (the expected-change band has its own, named by its caption).
    const table = await within(figure).findByRole('table', { name: /by session/ });
    const column = (name: string) => [...table.querySelectorAll(`td[data-column="${name}"]`)].map((c) => c.textContent);
    expect(column('pre')).toEqual(['7', '6', '4']);
    expect(column('post')).toEqual(['5', '4', '3']);
    // Clients like this one, from the fake API (its own request): the band by visit in its table, the sentence in the caption.
    const band = await within(figure).findByRole('table', { name: /Expected value for clients like this/ });
    expect(figure.textContent).toContain('Clients like this typically improve 1.5 points [0.0, 3.0] by visit 4');
    expect([...band.querySelectorAll('td[data-column="expected"]')].map((c) => c.textContent)).toEqual([
      '3.5 (2.0–5.0)',
      '3.0 (1.5–4.5)',
      '2.5 (1.0–4.0)',
    ]);

    // Pain in a second region: a region picker, and the chart and table follow it.
    const picker = screen.getByRole('group', { name: 'Body region' });
    fireEvent.click(within(picker).getByRole('radio', { name: 'Left shoulder' }));
    const shoulder = await screen.findByRole('img', { name: /Chart of Pain \(NPRS 0-10\) in Left shoulder/ });
    const shoulderTable = await within(shoulder.closest('figure') as HTMLElement).findByRole('table', { name: /by session/ });
    expect([...shoulderTable.querySelectorAll('td[data-column="pre"]')].map((c) => c.textContent)).toEqual(['5', '3']);
    expect([...shoulderTable.querySelectorAll('th[scope="row"]')].map((c) => c.textContent)).toEqual(['1', '3']);

    // Plan against attendance, as numbers.
    const attendance = screen.getByRole('table', { name: 'Sessions against the plan' });
    expect([...attendance.querySelectorAll('td[data-column="count"]')].map((c) => c.textContent)).toEqual(['6', '3', '3', '0', '0']);
  });

  test('a series that is gone says so instead of charting', async () => {
    window.history.replaceState(null, '', '/clients/c1/series/missing');
    api.override('SeriesPage', () => ({
      errors: [{ message: 'Treatment series missing was not found', extensions: { code: 'NOT_FOUND' } }],
    }));
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This record could not be found.');
  });

  test('an unknown address is a page of its own, with the way back', async () => {
    window.history.replaceState(null, '', '/nowhere');
    render(<App />);
    await screen.findByRole('heading', { name: 'Page not found', level: 1 });
    expect(screen.getByRole('link', { name: 'Back to the caseload' }).getAttribute('href')).toBe('/');
  });
});

describe('one layout per role', () => {
  test('a client gets the portal: their progress in words, their navigation only, and no therapist pages', async () => {
    api = createFakeApi('CLIENT');
    vi.stubGlobal('fetch', api.fetch);
    render(<App />);
    await screen.findByRole('heading', { name: 'Hello, Ada Lovelace', level: 1 });
    expect(
      screen.getByText(
        'Your neck pain is 3 points lower than at the start (on a 0 to 10 scale, lower is better), a change most people notice.',
      ),
    ).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['My progress', 'Pain diary', 'Diary history', 'Who has seen my record', 'My record', 'Reminders']);
    // The home is a set of cards, each a section with one link; the next visit loads its own data.
    await screen.findByRole('heading', { name: 'Your next visit', level: 2 });
    const cards = within(screen.getByRole('list', { name: 'Your portal' })).getAllByRole('listitem');
    expect(cards.map((card) => within(card).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Your next visit',
      'Pain diary',
      'My diary history',
      'Who has seen my record',
      'My record',
    ]);

    // A therapist's address shows nothing and asks the server for nothing.
    cleanup();
    window.history.replaceState(null, '', '/clients/c2');
    const before = api.requests.length;
    render(<App />);
    await screen.findByRole('heading', { name: 'Page not found', level: 1 });
    expect(api.requests.slice(before).map((r) => r.operationName)).toEqual(['Viewer']);
  });

  test('a researcher gets the research explorer, their API tokens and sign-out only', async () => {
    api = createFakeApi('RESEARCHER');
    vi.stubGlobal('fetch', api.fetch);
    render(<App />);
    await screen.findByRole('heading', { name: 'Research explorer', level: 1 });
    await screen.findByRole('button', { name: 'Show outcomes' });
    const links = within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Explore a cohort', '/'],
      ['Compare two cohorts', '/compare'],
      ['API tokens', '/api-tokens'],
    ]);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });
});

describe('signing in and out', () => {
  const unauthenticated = () => ({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] });

  /** The fake API, plus the two session mutations (which it does not know). */
  function withSessionMutations(answerSignIn: (variables: Record<string, unknown>) => unknown) {
    const mutations: { name: string; variables: Record<string, unknown> }[] = [];
    vi.stubGlobal('fetch', async (url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, unknown> };
      const name = /mutation (\w+)/.exec(body.query)?.[1];
      if (!name) return api.fetch(url, init);
      mutations.push({ name, variables: body.variables });
      const answer = name === 'SignIn' ? answerSignIn(body.variables) : { data: { signOut: true } };
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    return mutations;
  }

  function signedOut() {
    api.override('Viewer', unauthenticated);
    api.override('Caseload', unauthenticated);
  }

  test('the sign-in form shows when the API answers UNAUTHENTICATED; signing in opens the page', async () => {
    signedOut();
    const mutations = withSessionMutations(() => {
      api.clear('Viewer');
      api.clear('Caseload');
      return { data: { signIn: { role: 'THERAPIST', expiresAt: '2026-11-20T20:00:00.000Z' } } };
    });
    render(<App />);
    const heading = await screen.findByRole('heading', { name: 'Sign in to Fascia', level: 1 });
    expect(document.activeElement).toBe(heading);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'maya@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Ada Lovelace');
    expect(screen.getByText('Demo Clinic')).toBeTruthy();
    expect(mutations).toEqual([{ name: 'SignIn', variables: { email: 'maya@example.com', password: 'a long password' } }]);
    expect(screen.queryByRole('heading', { name: 'Sign in to Fascia' })).toBeNull();
  });

  test('a refused sign-in says why, keeps the email and empties the password', async () => {
    signedOut();
    withSessionMutations(() => ({
      errors: [{ message: 'The email or password is not right', extensions: { code: 'UNAUTHENTICATED' } }],
    }));
    render(<App />);
    const email = await screen.findByLabelText('Email');
    fireEvent.change(email, { target: { value: 'maya@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The email or password is not right.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(alert.id);
    expect((email as HTMLInputElement).value).toBe('maya@example.com');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  test('a session that ends while a page is open brings back the sign-in form', async () => {
    window.history.replaceState(null, '', '/clients/c1');
    api.override('ClientSeries', unauthenticated);
    render(<App />);
    await screen.findByRole('heading', { name: 'Sign in to Fascia', level: 1 });
  });

  test('signing out ends the session on the server and shows the form', async () => {
    const mutations = withSessionMutations(() => ({ errors: [] }));
    render(<App />);
    await screen.findByText('Ada Lovelace');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to Fascia' });
    expect(mutations.map((m) => m.name)).toEqual(['SignOut']);
  });
});
