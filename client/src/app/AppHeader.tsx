import type { ReactNode } from 'react';
import type { ViewerQuery } from '../graphql/generated/graphql';
import { Link, NavLink } from './router';

export interface NavItem {
  to: string;
  label: string;
  /** Current only on exactly this address, not below it. */
  exact?: boolean;
}

/** Brand, the role's navigation, who is working, and signing out. */
export function AppHeader({
  viewer,
  home,
  nav,
  onSignOut,
}: {
  viewer: ViewerQuery['viewer'];
  home: string;
  nav: readonly NavItem[];
  onSignOut: () => void;
}) {
  const person = viewer.therapist
    ? `${viewer.therapist.givenName} ${viewer.therapist.familyName}`
    : viewer.client
      ? // A proxy (a parent) is signed in for the client, not as them.
        `${viewer.proxyRelation ? 'For ' : ''}${viewer.client.displayName}`
      : roleNames[viewer.role];
  return (
    <header className="app-header">
      <Link className="brand" to={home}>
        Fascia
      </Link>
      {nav.length > 0 && (
        <nav aria-label="Main" className="main-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} exact={item.exact ?? false}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="who">
        {viewer.clinic && <span className="who-clinic">{viewer.clinic.name}</span>}
        <span className="who-person">{person}</span>
      </p>
      <button type="button" className="sign-out" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}

const roleNames: Record<ViewerQuery['viewer']['role'], string> = {
  ADMIN: 'Clinic admin',
  THERAPIST: 'Therapist',
  CLIENT: 'Client',
  RESEARCHER: 'Researcher',
};

/** The frame every signed-in page shares: skip link, header, main. */
export function Layout({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {header}
      <main id="main" className="page">
        {children}
      </main>
    </div>
  );
}

/** An address that leads nowhere for this account: no data, a way back. */
export function NotFoundPage({ home, homeLabel }: { home: string; homeLabel: string }) {
  return (
    <section className="panel not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Page not found</h1>
      <p>There is nothing at this address that your account can see.</p>
      <p>
        <Link to={home}>{homeLabel}</Link>
      </p>
    </section>
  );
}
