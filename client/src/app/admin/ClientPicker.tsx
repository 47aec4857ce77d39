import { type KeyboardEvent, useState } from 'react';
import { request } from '../../graphql/client';
import { messageOf } from '../../graphql/errors';
import { FindClientsDocument, type FindClientsQuery } from '../../graphql/generated/graphql';

type Found = FindClientsQuery['clients']['edges'][number]['node'];

/**
 * Finds a client by name and picks one. Searching is a read of the clients found (and audited as one), so
 * nothing is listed until the admin asks.
 */
export function ClientPicker({
  id,
  label,
  selected,
  onSelect,
}: {
  id: string;
  label: string;
  selected: { id: string; displayName: string } | null;
  onSelect: (client: { id: string; displayName: string } | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function find() {
    setProblem(null);
    try {
      setFound((await request(FindClientsDocument, { search: search.trim() })).clients.edges.map((edge) => edge.node));
    } catch (error) {
      setProblem(messageOf(error));
    }
  }
  // Enter in the search box finds, rather than submitting a surrounding form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void find();
  };

  if (selected) {
    return (
      <p className="picked">
        {label}: <strong>{selected.displayName}</strong>{' '}
        <button type="button" className="button button-secondary button-small" onClick={() => onSelect(null)}>
          Change <span className="visually-hidden">the client</span>
        </button>
      </p>
    );
  }
  return (
    <div className="client-picker">
      <div className="field">
        <label htmlFor={id}>{label}: find by name</label>
        <div className="field-row picker-row">
          <input
            id={id}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
          />
          <button type="button" className="button button-secondary" onClick={find}>
            Find <span className="visually-hidden">clients</span>
          </button>
        </div>
      </div>
      {problem && <p className="status status-error">{problem}</p>}
      {found && (
        <div aria-live="polite">
          {found.length === 0 ? (
            <p className="muted">No client matches “{search.trim()}”.</p>
          ) : (
            <ul className="picker-results">
              {found.map((client) => (
                <li key={client.id}>
                  <button type="button" className="button button-secondary button-small" onClick={() => onSelect(client)}>
                    Choose {client.displayName}
                    <span className="hint"> (born {client.dateOfBirth})</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
