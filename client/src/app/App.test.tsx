import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
  test('shows the first page of clients and loads more with the cursor', async () => {
    render(<App />);
    expect(screen.getByRole('status').textContent).toBe('Loading clients…');
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

describe('from a client to the pain chart', () => {
  test('choosing a client lists their series; choosing a series charts pain per region with a table', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
    const heading = await screen.findByRole('heading', { name: 'Ada Lovelace', level: 2 });
    expect(document.activeElement).toBe(heading);
    expect(new URLSearchParams(window.location.search).get('client')).toBe('c1');

    fireEvent.click(screen.getByRole('button', { name: /Neck pain/ }));
    const canvas = await screen.findByRole('img', { name: /Chart of Pain \(NPRS 0-10\) in Neck/ });
    expect(canvas.tagName).toBe('CANVAS');
    expect(new URLSearchParams(window.location.search).get('series')).toBe('series-1');

    const table = screen.getByRole('table');
    const column = (name: string) => [...table.querySelectorAll(`td[data-column="${name}"]`)].map((c) => c.textContent);
    expect(column('pre')).toEqual(['7', '6', '4']);
    expect(column('post')).toEqual(['5', '4', '3']);

    // Pain in a second region: a region picker, and the chart and table follow it.
    const picker = screen.getByRole('group', { name: 'Body region' });
    fireEvent.click(within(picker).getByRole('radio', { name: 'Left shoulder' }));
    await screen.findByRole('img', { name: /Chart of Pain \(NPRS 0-10\) in Left shoulder/ });
    expect(column('pre')).toEqual(['5', '3']);
    expect([...screen.getByRole('table').querySelectorAll('th[scope="row"]')].map((c) => c.textContent)).toEqual(['1', '3']);
  });

  test('a series that is gone says so instead of charting', async () => {
    window.history.replaceState(null, '', '/?client=c1&series=missing');
    api.override('SeriesMeasureChart', () => ({
      errors: [{ message: 'Treatment series missing was not found', extensions: { code: 'NOT_FOUND' } }],
    }));
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This record could not be found.');
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
    api.override('ClientList', unauthenticated);
  }

  test('the sign-in form shows when the API answers UNAUTHENTICATED; signing in opens the page', async () => {
    signedOut();
    const mutations = withSessionMutations(() => {
      api.clear('Viewer');
      api.clear('ClientList');
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

  test('signing out ends the session on the server and shows the form', async () => {
    const mutations = withSessionMutations(() => ({ errors: [] }));
    render(<App />);
    await screen.findByText('Ada Lovelace');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to Fascia' });
    expect(mutations.map((m) => m.name)).toEqual(['SignOut']);
  });
});
