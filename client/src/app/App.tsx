import { lazy, Suspense, useState } from 'react';
import { AppHeader } from './AppHeader';
import { ClientList } from './ClientList';
import { ClientSeriesPanel } from './ClientSeriesPanel';
import { SignInForm } from './SignInForm';
import { useSelection } from './selection';
import { useSession } from './session';
import { Loading, PanelErrorBoundary } from './status';

// chart.js loads only once a series is opened, so the client list appears sooner.
const SeriesChartPanel = lazy(() => import('./SeriesChartPanel'));

export function App() {
  const session = useSession();
  // A new sign-in starts the page afresh, so nothing of the previous session's answers stays on screen.
  const [signIns, setSignIns] = useState(0);

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
  return <SignedInApp key={signIns} session={session} />;
}

/** The page of a signed-in user. It shows while the session is being checked, so the first answers arrive sooner. */
function SignedInApp({ session }: { session: ReturnType<typeof useSession> }) {
  const { viewer } = session;
  const [selection, select] = useSelection();
  // Dates on charts are the clinic's calendar days, wherever the browser is.
  const timeZone = viewer.status === 'success' ? viewer.data.viewer.clinic?.timeZone : undefined;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader viewer={viewer} onSignOut={session.signOut} />
      {/* On a phone the list and a client do not fit side by side: an open client takes the screen. */}
      <main id="main" className="layout" data-client-open={selection.clientId ? 'true' : undefined}>
        <ClientList selectedClientId={selection.clientId} onSelect={(clientId) => select({ clientId, seriesId: null })} />
        <section className="panel detail" aria-label="Client details">
          {selection.clientId ? (
            <>
              <button type="button" className="back-to-list" onClick={() => select({ clientId: null, seriesId: null })}>
                ← All clients
              </button>
              <PanelErrorBoundary key={selection.clientId}>
                <ClientSeriesPanel
                  key={selection.clientId}
                  clientId={selection.clientId}
                  selectedSeriesId={selection.seriesId}
                  onSelectSeries={(seriesId) => select({ clientId: selection.clientId, seriesId })}
                  timeZone={timeZone}
                />
              </PanelErrorBoundary>
              {selection.seriesId && (
                <PanelErrorBoundary key={selection.seriesId}>
                  <Suspense fallback={<Loading>Loading the chart…</Loading>}>
                    <SeriesChartPanel key={selection.seriesId} seriesId={selection.seriesId} timeZone={timeZone} />
                  </Suspense>
                </PanelErrorBoundary>
              )}
            </>
          ) : (
            <p className="placeholder">Choose a client to see their treatment series and how their pain has changed.</p>
          )}
        </section>
      </main>
    </div>
  );
}
