import { lazy, type ReactNode, Suspense } from 'react';
import type { ViewerQuery } from '../../graphql/generated/graphql';
import { AppHeader, Layout, type NavItem, NotFoundPage } from '../AppHeader';
import { apiTokensPath } from '../account/paths';
import { matchPath, useRouter } from '../router';
import { Loading, PanelErrorBoundary } from '../status';
import { CaseloadPage } from './CaseloadPage';
import { ClientList } from './ClientList';
import { ClientPage } from './ClientPage';
import { onboardingPage, settingsPath } from './onboarding-routes';

// chart.js and the forms load only when a page needs them, so the caseload appears sooner.
const SeriesPage = lazy(() => import('./SeriesPage'));
const SessionFormPage = lazy(() => import('./SessionFormPage'));
const QuestionnairePage = lazy(() => import('./QuestionnairePage'));
const VisitHistoryPage = lazy(() => import('./VisitHistoryPage'));
const VisitPage = lazy(() => import('./VisitPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));
const ApiTokensPage = lazy(() => import('../account/ApiTokensPage'));
const ReportPrintPage = lazy(() => import('../reports/ReportPrintPage'));

const nav: NavItem[] = [
  { to: '/', label: 'Caseload', exact: true },
  { to: '/calendar', label: 'Calendar' },
  { to: '/clients', label: 'Clients' },
];
const tokensNav: NavItem = { to: apiTokensPath, label: 'API tokens' };
const adminNav: NavItem[] = [...nav, { to: settingsPath, label: 'Clinic settings' }, tokensNav];

/** Pages a layout built on this one adds (the admin console): its navigation and its routes, asked first. */
export interface ExtraPages {
  nav: readonly NavItem[];
  page: (path: string) => ReactNode | null;
}

/** The therapist's (and clinic admin's) layout: caseload, clients, progress, recording. */
export default function TherapistApp({
  viewer,
  onSignOut,
  extra,
}: {
  viewer: ViewerQuery['viewer'];
  onSignOut: () => void;
  extra?: ExtraPages;
}) {
  const { location } = useRouter();
  const timeZone = viewer.clinic?.timeZone;
  // Only an account with a therapist record records clinical data (the server refuses the others).
  const canRecord = viewer.therapist !== null && viewer.therapist !== undefined;
  const path = location.pathname;
  const clientRoute = matchPath('/clients/:id', path);
  const seriesRoute = matchPath('/clients/:id/series/:seriesId', path);
  const questionnaireRoute = matchPath('/clients/:id/questionnaire', path);
  const visitsRoute = matchPath('/clients/:id/series/:seriesId/visits', path);
  const visitRoute = matchPath('/clients/:id/series/:seriesId/visits/:sessionId', path);
  const reportRoute = matchPath('/clients/:id/series/:seriesId/report', path);
  const formSeries = path === '/sessions/new' ? location.search.get('series') : null;
  const isAdmin = viewer.role === 'ADMIN';
  const onboarding = onboardingPage(path, { timeZone, isAdmin });
  const extraPage = extra?.page(path) ?? null;
  let page: ReactNode;
  if (extraPage) page = extraPage;
  else if (onboarding) page = onboarding;
  else if (path === '/' || path === '/caseload') page = <CaseloadPage timeZone={timeZone} />;
  else if (path === '/calendar') page = <CalendarPage timeZone={timeZone} isAdmin={isAdmin} canRecord={canRecord} />;
  else if (path === '/clients') page = <ClientList />;
  else if (clientRoute?.id) page = <ClientPage key={clientRoute.id} clientId={clientRoute.id} timeZone={timeZone} canRecord={canRecord} />;
  else if (seriesRoute?.id && seriesRoute.seriesId)
    page = <SeriesPage key={seriesRoute.seriesId} seriesId={seriesRoute.seriesId} timeZone={timeZone} canRecord={canRecord} />;
  else if (visitsRoute?.seriesId)
    page = <VisitHistoryPage key={visitsRoute.seriesId} seriesId={visitsRoute.seriesId} timeZone={timeZone} />;
  else if (visitRoute?.seriesId && visitRoute.sessionId)
    page = <VisitPage key={visitRoute.sessionId} seriesId={visitRoute.seriesId} sessionId={visitRoute.sessionId} timeZone={timeZone} />;
  else if (reportRoute?.id && reportRoute.seriesId)
    page = (
      <ReportPrintPage
        key={`${reportRoute.seriesId}?${location.search}`}
        clientId={reportRoute.id}
        seriesId={reportRoute.seriesId}
        recipient={location.search.get('recipient')}
        from={location.search.get('from')}
        to={location.search.get('to')}
        timeZone={timeZone}
      />
    );
  else if (formSeries)
    page = (
      <SessionFormPage
        key={formSeries}
        seriesId={formSeries}
        timeZone={timeZone}
        appointment={
          location.search.get('appointment') ? { id: location.search.get('appointment') ?? '', startsAt: location.search.get('at') } : null
        }
      />
    );
  else if (path === apiTokensPath) page = <ApiTokensPage timeZone={timeZone} />;
  else if (questionnaireRoute?.id)
    page = <QuestionnairePage key={questionnaireRoute.id} clientId={questionnaireRoute.id} seriesId={location.search.get('series')} />;
  else page = <NotFoundPage home="/" homeLabel="Back to the caseload" />;

  return (
    <Layout
      header={
        <AppHeader
          viewer={viewer}
          home="/"
          nav={extra ? [...nav, ...extra.nav] : isAdmin ? adminNav : [...nav, tokensNav]}
          onSignOut={onSignOut}
        />
      }
    >
      <PanelErrorBoundary key={`${path}?${location.search}`}>
        <Suspense fallback={<Loading>Loading the page…</Loading>}>{page}</Suspense>
      </PanelErrorBoundary>
    </Layout>
  );
}
