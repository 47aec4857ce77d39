import type { ViewerQuery } from '../graphql/generated/graphql';
import type { QueryState } from '../graphql/use-query';

/** Brand, main navigation (one section for now; roles add more), who is working, and signing out. */
export function AppHeader({ viewer, onSignOut }: { viewer: QueryState<ViewerQuery>; onSignOut: () => void }) {
  return (
    <header className="app-header">
      <a className="brand" href="/">
        Fascia
      </a>
      <nav aria-label="Main" className="main-nav">
        <ul>
          <li>
            <a href="/" aria-current="page">
              Clients
            </a>
          </li>
        </ul>
      </nav>
      <p className="who">
        {viewer.status === 'success' && (
          <>
            {viewer.data.viewer.clinic && <span className="who-clinic">{viewer.data.viewer.clinic.name}</span>}
            {viewer.data.viewer.therapist && (
              <span className="who-person">
                {viewer.data.viewer.therapist.givenName} {viewer.data.viewer.therapist.familyName}
              </span>
            )}
          </>
        )}
        {viewer.status === 'error' && <span className="who-offline">Not connected</span>}
      </p>
      <button type="button" className="sign-out" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
