import { useId, useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import {
  type AdminAccountFieldsFragment,
  AdminAccountsDocument,
  type AdminAccountsQuery,
  DisableAccountDocument,
  EnableAccountDocument,
  RevokeAccountApiTokenDocument,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { formatDay, formatInstant } from '../account/paths';
import { Link } from '../router';
import { ErrorMessage, Loading } from '../status';
import { InvitePanel } from '../therapist/InvitePanel';
import { clientPath } from '../therapist/onboarding-labels';
import { TherapistInviteForm } from '../therapist/TherapistInviteForm';
import { ClientPicker } from './ClientPicker';
import { roleWords } from './labels';
import './admin.css';

type Account = AdminAccountFieldsFragment;
type Status = { ok: boolean; text: string } | null;

/** The admin's accounts page: every account and pending invite of the clinic, inviting, disabling, revoking tokens. */
export default function AccountsPage({ timeZone }: { timeZone: string | undefined }) {
  const query = useQuery(AdminAccountsDocument, {});
  if (query.status === 'loading') return <Loading>Loading the accounts…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <Accounts data={query.data} timeZone={timeZone} />;
}

function linkedRecord(account: Account) {
  if (account.client) return <Link to={clientPath(account.client.id)}>{account.client.displayName}</Link>;
  if (account.therapist) return `${account.therapist.givenName} ${account.therapist.familyName} (therapist record)`;
  return <span className="muted">none</span>;
}

export function Accounts({ data, timeZone }: { data: AdminAccountsQuery; timeZone: string | undefined }) {
  const headingId = useId();
  const [accounts, setAccounts] = useState(data.accounts);
  const [invites, setInvites] = useState(data.pendingInvites);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // A new invite joins the list; the invite forms stay as they are, still showing their one-time link.
  const onInvited = () => {
    request(AdminAccountsDocument, {}).then(
      (next) => {
        setAccounts(next.accounts);
        setInvites(next.pendingInvites);
      },
      (error: unknown) => setStatus({ ok: false, text: `The list could not be reloaded. ${messageOf(error)}` }),
    );
  };

  const replace = (next: Account) => setAccounts((current) => current.map((a) => (a.id === next.id ? next : a)));

  async function act(key: string, work: () => Promise<string>, failure: string) {
    setBusy(key);
    setStatus(null);
    try {
      setStatus({ ok: true, text: await work() });
    } catch (error) {
      setStatus({ ok: false, text: `${failure} ${messageOf(error)}` });
    } finally {
      setBusy(null);
    }
  }

  const disable = (account: Account) =>
    act(
      account.id,
      async () => {
        replace((await request(DisableAccountDocument, { accountId: account.id })).disableAccount);
        return `${account.email} is disabled: it cannot sign in, and its sessions and API tokens ended.`;
      },
      `${account.email} was not disabled.`,
    );
  const enable = (account: Account) =>
    act(
      account.id,
      async () => {
        replace((await request(EnableAccountDocument, { accountId: account.id })).enableAccount);
        return `${account.email} may sign in again (with a new sign-in; its old sessions and tokens stay ended).`;
      },
      `${account.email} was not enabled.`,
    );
  const revoke = (account: Account, token: Account['apiTokens'][number]) =>
    act(
      token.id,
      async () => {
        await request(RevokeAccountApiTokenDocument, { id: token.id });
        replace({ ...account, apiTokens: account.apiTokens.filter((t) => t.id !== token.id) });
        return `The API token “${token.name}” of ${account.email} is revoked.`;
      },
      `The token “${token.name}” was not revoked.`,
    );

  return (
    <>
      <section className="panel admin-accounts" aria-labelledby={headingId}>
        <h1 id={headingId}>Accounts</h1>
        <p>
          Everyone who signs in to the clinic. Disabling an account ends its sessions and API tokens at once; enabling it again lets the
          person sign in anew.
        </p>
        <div aria-live="polite">{status && <p className={`status ${status.ok ? 'status-ok' : 'status-error'}`}>{status.text}</p>}</div>
        <div className="table-scroll table-scroll-contained">
          <table className="data-table accounts-table">
            <caption>
              {accounts.length} account{accounts.length === 1 ? '' : 's'}
              {invites.length > 0 && `, ${invites.length} invited`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Role</th>
                <th scope="col">Linked to</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col" className="numeric">
                  Sessions
                </th>
                <th scope="col">API tokens</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    {account.name && <span className="account-name">{account.name}</span>}
                    <span className="account-email">{account.email}</span>
                  </th>
                  <td>{roleWords[account.role]}</td>
                  <td>{linkedRecord(account)}</td>
                  <td>
                    {account.status === 'DISABLED' ? (
                      <span className="badge badge-off">Disabled{account.disabledAt && ` ${formatDay(account.disabledAt, timeZone)}`}</span>
                    ) : (
                      <span className="badge badge-on">Active</span>
                    )}
                  </td>
                  <td>{account.lastSignInAt ? formatInstant(account.lastSignInAt, timeZone) : <span className="muted">never</span>}</td>
                  <td className="numeric">{account.activeSessions}</td>
                  <td>
                    {account.apiTokens.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      <ul className="token-list">
                        {account.apiTokens.map((token) => (
                          <li key={token.id}>
                            {token.name} <span className="hint">(until {formatDay(token.expiresAt, timeZone)})</span>{' '}
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              disabled={busy === token.id}
                              onClick={() => revoke(account, token)}
                            >
                              Revoke{' '}
                              <span className="visually-hidden">
                                the token {token.name} of {account.email}
                              </span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {account.status === 'DISABLED' ? (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busy === account.id}
                        onClick={() => enable(account)}
                      >
                        Enable <span className="visually-hidden">{account.email}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busy === account.id}
                        onClick={() => disable(account)}
                      >
                        Disable <span className="visually-hidden">{account.email}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {invites.map((invite) => (
                <tr key={invite.id}>
                  <th scope="row">
                    <span className="account-email">{invite.email}</span>
                  </th>
                  <td>{roleWords[invite.role]}</td>
                  <td>
                    {invite.client ? (
                      <Link to={clientPath(invite.client.id)}>{invite.client.displayName}</Link>
                    ) : (
                      (invite.therapistName ?? <span className="muted">none</span>)
                    )}
                  </td>
                  <td>
                    <span className="badge badge-invited">Invited, until {formatDay(invite.expiresAt, timeZone)}</span>
                  </td>
                  <td>
                    <span className="muted">not yet</span>
                  </td>
                  <td className="numeric">0</td>
                  <td>
                    <span className="muted">none</span>
                  </td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <TherapistInviteForm timeZone={timeZone} onInvited={onInvited} />
      <ClientInvite timeZone={timeZone} onInvited={onInvited} />
    </>
  );
}

/** Invite a client to the portal: find their record, then the same invite panel as on the client page. */
function ClientInvite({ timeZone, onInvited }: { timeZone: string | undefined; onInvited: () => void }) {
  const headingId = useId();
  const [client, setClient] = useState<{ id: string; displayName: string } | null>(null);
  return (
    <section className="panel entry-form" aria-labelledby={headingId}>
      <h2 id={headingId}>Invite a client to the portal</h2>
      <p className="hint">Find the client’s record first: their portal account belongs to it.</p>
      <ClientPicker id="client-invite-search" label="Client" selected={client} onSelect={setClient} />
      {client && <InvitePanel key={client.id} clientId={client.id} email={null} timeZone={timeZone} onInvited={onInvited} />}
    </section>
  );
}
