import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { answeringFetch, badInput } from '../test/answering-fetch';
import { createFakeApi } from '../test/fake-api';
import { App } from './App';
import { Router } from './router';
import { ClinicSettingsForm } from './therapist/ClinicSettingsPage';
import { InvitePanel } from './therapist/InvitePanel';
import { TherapistInviteForm } from './therapist/TherapistInviteForm';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('routes and navigation', () => {
  test('an admin has "Clinic settings" in the header; a therapist has not, and /settings is not found for them', async () => {
    const admin = createFakeApi('ADMIN');
    vi.stubGlobal('fetch', admin.fetch);
    window.history.replaceState(null, '', '/clients');
    const { unmount } = render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Clinic settings' }).getAttribute('href')).toBe('/settings');
    // The list has its "New client" button, which opens the form rather than a client called "new".
    fireEvent.click(await screen.findByRole('link', { name: 'New client' }));
    expect(await screen.findByRole('heading', { name: 'New client' })).toBeTruthy();
    expect(window.location.pathname).toBe('/clients/new');
    unmount();

    vi.stubGlobal('fetch', createFakeApi('THERAPIST').fetch);
    window.history.replaceState(null, '', '/settings');
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Clinic settings' })).toBeNull();
  });
});

describe('portal invite', () => {
  let api: ReturnType<typeof answeringFetch>;
  beforeEach(() => {
    api = answeringFetch();
    vi.stubGlobal('fetch', api.fetch);
  });

  test('shows the link once with its expiry and copies it; a refused email shows at its input', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<InvitePanel clientId="c1" email="ada@example.org" timeZone="UTC" />);
    fireEvent.click(screen.getByRole('button', { name: 'Invite to the portal' }));
    const email = screen.getByLabelText('The client’s email for signing in') as HTMLInputElement;
    expect(email.value).toBe('ada@example.org');

    api.queue('InviteClient', badInput('email', 'taken', 'already belongs to an account'));
    fireEvent.click(screen.getByRole('button', { name: 'Make the invite' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('invite-email-error')?.textContent).toBe('⚠ Already belongs to an account.');

    fireEvent.change(email, { target: { value: 'ada.l@example.org' } });
    api.queue('InviteClient', {
      data: { inviteClient: { id: 'inv1', email: 'ada.l@example.org', expiresAt: '2026-12-09T12:00:00.000Z', token: 'tok/123' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Make the invite' }));
    const link = (await screen.findByLabelText('Invite link')) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/invite?token=tok%2F123`);
    expect(screen.getByRole('status').textContent).toBe(
      'Invite made. Send this link to the client; it works once, until Dec 9, 2026, 12:00 PM.',
    );
    expect(screen.getByText(/It is shown only now/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the link' }));
    await screen.findByText('Copied.');
    expect(writeText).toHaveBeenCalledWith(link.value);
    expect(api.sent('InviteClient')).toEqual([
      { clientId: 'c1', email: 'ada@example.org' },
      { clientId: 'c1', email: 'ada.l@example.org' },
    ]);
  });
});

describe('inviting a therapist (admin)', () => {
  test('sends the names, email and registration, shows a refusal at its input, then the link once with its expiry', async () => {
    const api = answeringFetch();
    vi.stubGlobal('fetch', api.fetch);
    render(<TherapistInviteForm timeZone="America/Toronto" />);
    expect(screen.getByRole('heading', { name: 'Invite a therapist' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Given name'), { target: { value: ' Theo ' } });
    fireEvent.change(screen.getByLabelText('Family name'), { target: { value: 'Tran' } });
    const email = screen.getByLabelText('Their email for signing in') as HTMLInputElement;
    fireEvent.change(email, { target: { value: 'theo@example' } });

    api.queue('InviteTherapist', badInput('email', 'format', 'is not an email address'));
    fireEvent.click(screen.getByRole('button', { name: 'Make the invite' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('therapist-invite-email-error')?.textContent).toBe('⚠ Is not an email address.');
    expect(screen.queryByLabelText('Invite link')).toBeNull();

    fireEvent.change(email, { target: { value: 'theo@example.org' } });
    fireEvent.change(screen.getByLabelText(/Registration number/), { target: { value: 'RMT-0042' } });
    api.queue('InviteTherapist', {
      data: { inviteTherapist: { id: 'inv2', email: 'theo@example.org', expiresAt: '2026-12-09T17:00:00.000Z', token: 'th/tok' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Make the invite' }));
    const link = (await screen.findByLabelText('Invite link')) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/invite?token=th%2Ftok`);
    // The same result display as the portal invite, in the clinic's zone (17:00 UTC is noon in Toronto).
    expect(screen.getByRole('status').textContent).toBe(
      'Invite made. Send this link to the therapist; it works once, until Dec 9, 2026, 12:00 PM.',
    );
    expect(screen.getByRole('heading', { name: 'Invite for theo@example.org' })).toBeTruthy();
    expect(api.sent('InviteTherapist')).toEqual([
      { email: 'theo@example', givenName: 'Theo', familyName: 'Tran', registrationNumber: null },
      { email: 'theo@example.org', givenName: 'Theo', familyName: 'Tran', registrationNumber: 'RMT-0042' },
    ]);

    // Once left, the link is gone; the form is empty for the next one.
    fireEvent.click(screen.getByRole('button', { name: 'Invite another therapist' }));
    expect(screen.queryByLabelText('Invite link')).toBeNull();
    expect((screen.getByLabelText('Given name') as HTMLInputElement).value).toBe('');
  });
});

describe('accepting an invite', () => {
  test('checks the two passwords match, shows a refused password at its input, then signs in and opens the portal', async () => {
    const api = createFakeApi('CLIENT');
    vi.stubGlobal('fetch', api.fetch);
    window.history.replaceState(null, '', '/invite?token=tok-1');
    render(<App />);
    const password = (await screen.findByLabelText('New password')) as HTMLInputElement;
    fireEvent.change(password, { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText('The same password again'), { target: { value: 'shorter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make my account' }));
    const repeat = screen.getByLabelText('The same password again');
    await waitFor(() => expect(repeat.getAttribute('aria-invalid')).toBe('true'));
    expect(api.requests.filter((r) => r.operationName === 'AcceptInvite')).toHaveLength(0);

    fireEvent.change(repeat, { target: { value: 'short' } });
    api.override('AcceptInvite', () => badInput('password', 'length', 'must be at least 12 characters'));
    fireEvent.click(screen.getByRole('button', { name: 'Make my account' }));
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('invite-password-error')?.textContent).toBe('⚠ Must be at least 12 characters.');

    fireEvent.change(password, { target: { value: 'a long enough passphrase' } });
    fireEvent.change(repeat, { target: { value: 'a long enough passphrase' } });
    api.override('AcceptInvite', () => ({ data: { acceptInvite: { role: 'CLIENT' } } }));
    fireEvent.click(screen.getByRole('button', { name: 'Make my account' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(api.requests.filter((r) => r.operationName === 'AcceptInvite').at(-1)?.variables).toEqual({
      token: 'tok-1',
      password: 'a long enough passphrase',
    });
    await waitFor(() => expect(api.requests.filter((r) => r.operationName === 'Viewer').length).toBeGreaterThan(0));
    expect(screen.queryByLabelText('New password')).toBeNull();
  });

  test('a bad or expired token is explained above the form', async () => {
    const api = createFakeApi('CLIENT');
    vi.stubGlobal('fetch', api.fetch);
    window.history.replaceState(null, '', '/invite?token=old');
    api.override('AcceptInvite', () => badInput('token', 'expired', 'has expired: ask for a new invite'));
    render(<App />);
    fireEvent.change(await screen.findByLabelText('New password'), { target: { value: 'a long enough passphrase' } });
    fireEvent.change(screen.getByLabelText('The same password again'), { target: { value: 'a long enough passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Make my account' }));
    expect((await screen.findByRole('alert')).textContent).toContain('token: has expired: ask for a new invite');
  });
});

describe('clinic settings', () => {
  test('says a new time zone moves no recorded time; sends the settings; a refused zone shows at the select', async () => {
    const api = answeringFetch();
    vi.stubGlobal('fetch', api.fetch);
    render(
      <Router>
        <ClinicSettingsForm
          clinic={{
            id: 'k1',
            name: 'Demo Clinic',
            timeZone: 'America/Vancouver',
            locale: 'en-CA',
            noChangeAfterSessions: 6,
            researchParticipationSince: null,
            clientApiTokensAllowed: false,
          }}
        />
      </Router>,
    );
    expect(screen.getByText(/Changing the time zone does not move any recorded time/)).toBeTruthy();
    const zone = screen.getByLabelText(/^Time zone/) as HTMLSelectElement;
    expect(zone.value).toBe('America/Vancouver');
    expect(within(zone).getByRole('option', { name: 'America/Toronto' })).toBeTruthy();
    fireEvent.change(zone, { target: { value: 'America/Toronto' } });
    expect(screen.getByRole('status').textContent).toContain('From America/Vancouver to America/Toronto: recorded times stay as they are');
    fireEvent.change(screen.getByLabelText('Clinic name'), { target: { value: 'Harbour Massage ' } });
    fireEvent.change(screen.getByLabelText(/^Locale/), { target: { value: 'fr-CA' } });

    api.queue('UpdateClinicSettings', badInput('timeZone', 'time-zone', 'is not an IANA time zone'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the settings' }));
    await waitFor(() => expect(zone.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('clinic-time-zone-error')?.textContent).toBe('⚠ Is not an IANA time zone.');

    api.queue('UpdateClinicSettings', {
      data: {
        updateClinicSettings: { id: 'k1', name: 'Harbour Massage', timeZone: 'America/Toronto', locale: 'fr-CA', noChangeAfterSessions: 6 },
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the settings' }));
    await screen.findByText('Settings saved.');
    expect(api.sent('UpdateClinicSettings').at(-1)).toEqual({
      input: {
        clientApiTokensAllowed: false,
        name: 'Harbour Massage',
        timeZone: 'America/Toronto',
        locale: 'fr-CA',
        noChangeAfterSessions: 6,
      },
    });
    // Saved: the zone is no longer "changing".
    expect(screen.queryByText(/recorded times stay as they are/)).toBeNull();
  });
});
