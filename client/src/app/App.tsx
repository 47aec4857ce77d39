import { lazy, type ReactNode, Suspense, useState } from 'react';
import type { Role } from '../graphql/generated/graphql';
import { Router } from './router';
import { SignInForm } from './SignInForm';
import { type Session, useSession } from './session';
import { ErrorMessage, Loading, PanelErrorBoundary } from './status';

// One bundle per role, loaded after sign-in: the sign-in page carries none of them, and a client's
// phone never downloads the therapist's forms or charts it cannot use.
const TherapistApp = lazy(() => import('./therapist/TherapistApp'));
const AdminApp = lazy(() => import('./admin/AdminApp'));
const PortalApp = lazy(() => import('./portal/PortalApp'));
const ResearchApp = lazy(() => import('./research/ResearchApp'));
const AcceptInvitePage = lazy(() => import('./AcceptInvitePage'));

export function App() {
  const session = useSession();
  // A new sign-in starts the page afresh, so nothing of the previous session's answers stays on screen.
  const [signIns, setSignIns] = useState(0);
  // An invite link opens its own page whoever is signed in: accepting it signs in the new account.
  const [inviteToken, setInviteToken] = useState(() =>
    window.location.pathname === '/invite' ? (new URLSearchParams(window.location.search).get('token') ?? '') : null,
  );

  if (inviteToken !== null) {
    return (
      <div className="app">
        <Suspense fallback={<Loading>Opening your invite…</Loading>}>
          <AcceptInvitePage
            token={inviteToken}
            onAccepted={() => {
              // The token is spent: leave its address, and open the new account's pages.
              window.history.replaceState(null, '', '/');
              setInviteToken(null);
              setSignIns((n) => n + 1);
              session.refresh();
            }}
          />
        </Suspense>
      </div>
    );
  }
  if (session.signedOut) {
    return (
      <div className="app">
        <SignInForm
          onSignedIn={() => {
            setSignIns((n) => n + 1);
            session.refresh();
          }}
        />
      </div>
    );
  }
  return (
    <Router key={signIns}>
      <SignedInApp session={session} />
    </Router>
  );
}

/** The layout of the signed-in role; each layout holds only that role's navigation and pages. */
function SignedInApp({ session }: { session: Session }) {
  const { viewer } = session;
  if (viewer.status === 'loading') return <Shell>{<Loading>Opening Fascia…</Loading>}</Shell>;
  if (viewer.status === 'error') {
    return (
      <Shell>
        <ErrorMessage message={viewer.message} onRetry={session.refresh} />
      </Shell>
    );
  }
  const layouts: Record<Role, ReactNode> = {
    THERAPIST: <TherapistApp viewer={viewer.data.viewer} onSignOut={session.signOut} />,
    ADMIN: <AdminApp viewer={viewer.data.viewer} onSignOut={session.signOut} />,
    CLIENT: <PortalApp viewer={viewer.data.viewer} onSignOut={session.signOut} />,
    RESEARCHER: <ResearchApp viewer={viewer.data.viewer} onSignOut={session.signOut} />,
  };
  return (
    <PanelErrorBoundary>
      <Suspense fallback={<Shell>{<Loading>Opening Fascia…</Loading>}</Shell>}>{layouts[viewer.data.viewer.role]}</Suspense>
    </PanelErrorBoundary>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <main id="main" className="page">
        {children}
      </main>
    </div>
  );
}
