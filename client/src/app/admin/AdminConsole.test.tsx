import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AdminAccountsQuery, AuditTrailQuery, MyApiTokensQuery } from '../../graphql/generated/graphql';
import { answeringFetch } from '../../test/answering-fetch';
import { ApiTokens } from '../account/ApiTokensPage';
import { Router } from '../router';
import { Accounts } from './AccountsPage';
import AuditTrailPage from './AuditTrailPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const token = {
  id: 't1',
  name: 'nightly export',
  createdAt: '2026-11-01T10:00:00Z',
  expiresAt: '2027-01-30T10:00:00Z',
  lastUsedAt: '2026-12-01T09:00:00Z',
};
const policy = (allowed: boolean): MyApiTokensQuery['apiTokenPolicy'] => ({
  allowed,
  reason: allowed ? null : 'Your clinic does not allow client accounts to make API tokens',
  maxDays: allowed ? 180 : 30,
  defaultDays: allowed ? 90 : 30,
  idleDays: 30,
});

describe('API tokens page', () => {
  test('a client whose clinic does not allow tokens is told why, and has no form', () => {
    render(<ApiTokens data={{ apiTokens: [], apiTokenPolicy: policy(false) }} timeZone="UTC" />);
    expect(screen.getByText('Your clinic does not allow client accounts to make API tokens')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Make the token' })).toBeNull();
    expect(screen.getByText('A token of your role lasts at most 30 days.')).toBeTruthy();
  });

  test('makes a token (the secret shown once, the row added) and revokes one', async () => {
    const api = answeringFetch();
    vi.stubGlobal('fetch', api.fetch);
    render(<ApiTokens data={{ apiTokens: [token], apiTokenPolicy: policy(true) }} timeZone="UTC" />);
    expect(screen.getByText('A token of your role lasts at most 180 days.')).toBeTruthy();
    expect((screen.getByLabelText(/^Days until it stops working/) as HTMLInputElement).value).toBe('90');
    fireEvent.change(screen.getByLabelText(/^What it is for/), { target: { value: ' weekly sync ' } });
    api.queue('CreateApiToken', {
      data: { createApiToken: { token: 'SECRET-once', apiToken: { ...token, id: 't2', name: 'weekly sync' } } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Make the token' }));
    expect(((await screen.findByLabelText('The secret of “weekly sync”')) as HTMLInputElement).value).toBe('SECRET-once');
    expect(api.sent('CreateApiToken')).toEqual([{ name: 'weekly sync', expiresInDays: 90 }]);
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['weekly sync', 'nightly export']);

    api.queue('RevokeApiToken', { data: { revokeApiToken: { id: 't1' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Revoke nightly export' }));
    await screen.findByText('“nightly export” is revoked: it stopped working at once.');
    expect(api.sent('RevokeApiToken')).toEqual([{ id: 't1' }]);
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['weekly sync']);
  });
});

const account = (over: Partial<AdminAccountsQuery['accounts'][number]>): AdminAccountsQuery['accounts'][number] => ({
  id: 'a1',
  email: 'tess@clinic.example.com',
  name: null,
  role: 'THERAPIST',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00Z',
  lastSignInAt: '2026-12-01T15:30:00Z',
  disabledAt: null,
  activeSessions: 2,
  therapist: { id: 'th1', givenName: 'Tess', familyName: 'Therapist' },
  client: null,
  apiTokens: [token],
  ...over,
});

describe('accounts page', () => {
  test('lists accounts and invites with their status; disabling one shows it disabled, with its tokens gone', async () => {
    const api = answeringFetch();
    vi.stubGlobal('fetch', api.fetch);
    const data: AdminAccountsQuery = {
      accounts: [account({})],
      pendingInvites: [
        {
          id: 'i1',
          email: 'new@clinic.example.com',
          role: 'THERAPIST',
          therapistName: 'Theo Tran',
          client: null,
          createdAt: '2026-12-01T00:00:00Z',
          expiresAt: '2026-12-08T00:00:00Z',
        },
      ],
    };
    render(
      <Router>
        <Accounts data={data} timeZone="UTC" />
      </Router>,
    );
    const rowOf = (email: string) => screen.getByRole('rowheader', { name: email }).closest('tr') as HTMLElement;
    const cells = (email: string) =>
      within(rowOf(email))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells('tess@clinic.example.com').slice(0, 4)).toEqual([
      'Therapist',
      'Tess Therapist (therapist record)',
      'Active',
      expect.stringMatching(/^Dec 1, 2026, 3:30\s?(PM|p\.m\.)$/),
    ]);
    expect(cells('new@clinic.example.com').slice(0, 3)).toEqual(['Therapist', 'Theo Tran', 'Invited, until Dec 8, 2026']);

    api.queue('DisableAccount', {
      data: { disableAccount: account({ status: 'DISABLED', disabledAt: '2026-12-02T10:00:00Z', activeSessions: 0, apiTokens: [] }) },
    });
    fireEvent.click(within(rowOf('tess@clinic.example.com')).getByRole('button', { name: 'Disable tess@clinic.example.com' }));
    await screen.findByText(/tess@clinic.example.com is disabled/);
    expect(cells('tess@clinic.example.com').slice(2, 6)).toEqual([
      'Disabled Dec 2, 2026',
      expect.stringMatching(/^Dec 1, 2026, 3:30\s?(PM|p\.m\.)$/),
      '0',
      'none',
    ]);
    expect(within(rowOf('tess@clinic.example.com')).getByRole('button', { name: 'Enable tess@clinic.example.com' })).toBeTruthy();
  });
});

describe('audit trail page', () => {
  const event = (over: Partial<AuditTrailQuery['auditTrail'][number]>): AuditTrailQuery['auditTrail'][number] => ({
    id: 'e1',
    at: '2026-12-01T15:00:00Z',
    accountId: 'a1',
    accountEmail: 'tess@clinic.example.com',
    role: 'THERAPIST',
    operation: 'Query.client',
    clientId: 'c1c1c1c1-0000-4000-8000-000000000000',
    outcome: 'ALLOWED',
    address: '10.0.0.7',
    requestedIds: [],
    moreRequestedIds: 0,
    cursor: 'cursor-1',
    ...over,
  });

  test('sends the filters, shows refusals with the ids asked for, and pages with the last cursor', async () => {
    const api = answeringFetch();
    vi.stubGlobal('fetch', api.fetch);
    api.queue('AuditAccounts', { data: { accounts: [{ id: 'a1', email: 'tess@clinic.example.com', role: 'THERAPIST' }] } });
    api.queue('AuditTrail', { data: { auditTrail: [event({})] } });
    render(<AuditTrailPage timeZone="UTC" />);
    await screen.findByText('Opened a client’s record');

    fireEvent.change(await screen.findByLabelText('Who (account)'), { target: { value: 'a1' } });
    fireEvent.change(screen.getByLabelText(/^Action/), { target: { value: ' Query.series ' } });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'refused' } });
    fireEvent.change(screen.getByLabelText('From (day)'), { target: { value: '2026-11-01' } });
    const page = Array.from({ length: 50 }, (_, i) =>
      event({
        id: `r${i}`,
        operation: 'Query.series',
        outcome: 'NOT_FOUND',
        clientId: null,
        requestedIds: ['s-404'],
        moreRequestedIds: i === 0 ? 3 : 0,
        cursor: `cursor-r${i}`,
      }),
    );
    api.queue('AuditTrail', { data: { auditTrail: page } });
    fireEvent.click(screen.getByRole('button', { name: 'Show the events' }));
    await screen.findByText('50+ events, newest first');
    expect(api.sent('AuditTrail')[1]).toEqual({
      accountId: 'a1',
      operation: 'Query.series',
      refused: true,
      fromDate: '2026-11-01',
      after: null,
      first: 50,
    });
    expect(screen.getAllByText('Refused: not found')).toHaveLength(50);
    expect(screen.getByText(/Asked for: s-404 and 3 more/)).toBeTruthy();

    api.queue('AuditTrail', { data: { auditTrail: [event({ id: 'last', cursor: 'cursor-last' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Show older events' }));
    await screen.findByText('51 events, newest first');
    expect(api.sent('AuditTrail')[2]).toMatchObject({ accountId: 'a1', after: 'cursor-r49', first: 50 });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show older events' })).toBeNull());
  });
});
