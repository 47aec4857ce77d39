import { type FormEvent, useId, useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import {
  type ApiTokenFieldsFragment,
  CreateApiTokenDocument,
  MyApiTokensDocument,
  type MyApiTokensQuery,
  RevokeApiTokenDocument,
} from '../../graphql/generated/graphql';
import { useQuery } from '../../graphql/use-query';
import { FormProblem, TextField } from '../forms/fields';
import { useSubmission } from '../forms/use-submission';
import { ErrorMessage, Loading } from '../status';
import { formatDay, formatInstant } from './paths';
import { SecretOnce } from './SecretOnce';
import '../admin/admin.css';

const ids = { name: 'api-token-name', expiresInDays: 'api-token-days' } as const;
const controls = new Map<string, string>(Object.entries(ids));

/** The signed-in account's own API tokens: what the rules are, the list, making one (secret shown once), revoking. */
export default function ApiTokensPage({ timeZone }: { timeZone: string | undefined }) {
  const query = useQuery(MyApiTokensDocument, {});
  if (query.status === 'loading') return <Loading>Loading your API tokens…</Loading>;
  if (query.status === 'error') return <ErrorMessage message={query.message} onRetry={query.retry} />;
  return <ApiTokens data={query.data} timeZone={timeZone} />;
}

export function ApiTokens({ data, timeZone }: { data: MyApiTokensQuery; timeZone: string | undefined }) {
  const headingId = useId();
  const listId = useId();
  const [tokens, setTokens] = useState(data.apiTokens);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const { apiTokenPolicy: policy } = data;

  async function revoke(token: ApiTokenFieldsFragment) {
    setStatus(null);
    try {
      await request(RevokeApiTokenDocument, { id: token.id });
      setTokens((current) => current.filter((t) => t.id !== token.id));
      setStatus({ ok: true, text: `“${token.name}” is revoked: it stopped working at once.` });
    } catch (error) {
      setStatus({ ok: false, text: `“${token.name}” was not revoked. ${messageOf(error)}` });
    }
  }

  return (
    <>
      <section className="panel" aria-labelledby={headingId}>
        <h1 id={headingId}>API tokens</h1>
        <p>
          A personal API token lets a script of yours use Fascia’s API as you (send it as <code>Authorization: Bearer …</code>). It can do
          everything your account can, so keep it like a password.
        </p>
        <ul className="rules">
          <li>A token of your role lasts at most {policy.maxDays} days.</li>
          <li>A token not used for {policy.idleDays} days stops working by itself.</li>
          <li>Revoking a token, signing out everywhere, or the clinic admin disabling your account ends it at once.</li>
        </ul>
      </section>
      <section className="panel" aria-labelledby={listId}>
        <h2 id={listId}>Your tokens</h2>
        {status && (
          <p className={`status ${status.ok ? 'status-ok' : 'status-error'}`} role="status">
            {status.text}
          </p>
        )}
        {tokens.length === 0 ? (
          <p className="muted">You have no working API tokens.</p>
        ) : (
          <div className="table-scroll table-scroll-contained">
            <table className="data-table">
              <caption>Tokens that still work, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Made</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>{formatDay(token.createdAt, timeZone)}</td>
                    <td>{formatDay(token.expiresAt, timeZone)}</td>
                    <td>{formatInstant(token.lastUsedAt, timeZone)}</td>
                    <td>
                      <button type="button" className="button button-secondary button-small" onClick={() => revoke(token)}>
                        Revoke <span className="visually-hidden">{token.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {policy.allowed ? (
        <NewTokenForm
          defaultDays={policy.defaultDays}
          maxDays={policy.maxDays}
          onCreated={(token) => setTokens((current) => [token, ...current])}
        />
      ) : (
        <section className="panel">
          <h2>Make a token</h2>
          <p className="status">{policy.reason ?? 'Your account may not make API tokens.'}</p>
        </section>
      )}
    </>
  );
}

function NewTokenForm({
  defaultDays,
  maxDays,
  onCreated,
}: {
  defaultDays: number;
  maxDays: number;
  onCreated: (token: ApiTokenFieldsFragment) => void;
}) {
  const headingId = useId();
  const [name, setName] = useState('');
  const [days, setDays] = useState(String(defaultDays));
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const { sending, error, summary, submit } = useSubmission('Your account may not make API tokens.');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      const answer = (await request(CreateApiTokenDocument, { name: name.trim(), expiresInDays: Number(days) || 0 })).createApiToken;
      onCreated(answer.apiToken);
      setMade({ name: answer.apiToken.name, secret: answer.token });
      setName('');
    }, controls);
  }

  return (
    <section className="panel entry-form" aria-labelledby={headingId}>
      <h2 id={headingId}>Make a token</h2>
      {made && (
        <SecretOnce label={`The secret of “${made.name}”`} secret={made.secret}>
          <p className="status status-ok" role="status">
            Token “{made.name}” made. Copy its secret now.
          </p>
        </SecretOnce>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <FormProblem error={error} summary={summary} what="No token was made." />
        <TextField
          id={ids.name}
          label="What it is for"
          hint="e.g. “nightly export”: a name to tell your tokens apart."
          value={name}
          onChange={setName}
          error={error}
          maxLength={100}
          autoComplete="off"
        />
        <TextField
          id={ids.expiresInDays}
          label="Days until it stops working"
          hint={`1 to ${maxDays}.`}
          type="number"
          inputMode="numeric"
          min={1}
          max={maxDays}
          value={days}
          onChange={setDays}
          error={error}
        />
        <p className="actions">
          <button type="submit" className="button" disabled={sending}>
            {sending ? 'Making…' : 'Make the token'}
          </button>
        </p>
      </form>
    </section>
  );
}
