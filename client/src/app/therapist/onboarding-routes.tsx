import { lazy, type ReactNode } from 'react';
import { matchPath } from '../router';

// Forms load when opened, like the other forms of this layout.
const ClientFormPage = lazy(() => import('./ClientFormPage'));
const IntakeFormPage = lazy(() => import('./IntakeFormPage'));
const SeriesFormPage = lazy(() => import('./SeriesFormPage'));
const CloseSeriesPage = lazy(() => import('./CloseSeriesPage'));
const ClinicSettingsPage = lazy(() => import('./ClinicSettingsPage'));

/** The clinic settings page's address; the header links to it for admins. */
export const settingsPath = '/settings';

/**
 * Onboarding pages: client details, intake, planning and closing series, clinic
 * settings. Asked before the layout's own routes, since `/clients/new` would
 * otherwise read as the client with id "new". Null when the address is none of these.
 */
export function onboardingPage(path: string, { timeZone, isAdmin }: { timeZone: string | undefined; isAdmin: boolean }): ReactNode | null {
  if (path === '/clients/new') return <ClientFormPage />;
  if (path === settingsPath) return isAdmin ? <ClinicSettingsPage /> : null;
  const client = matchPath('/clients/:id/:page', path);
  if (client?.id && client.page === 'edit') return <ClientFormPage key={client.id} clientId={client.id} />;
  if (client?.id && client.page === 'intake') return <IntakeFormPage key={client.id} clientId={client.id} />;
  const newSeries = matchPath('/clients/:id/series/new', path);
  if (newSeries?.id) return <SeriesFormPage key={newSeries.id} clientId={newSeries.id} timeZone={timeZone} />;
  const series = matchPath('/clients/:id/series/:seriesId/:page', path);
  if (series?.seriesId && series.page === 'edit')
    return <SeriesFormPage key={series.seriesId} seriesId={series.seriesId} timeZone={timeZone} />;
  if (series?.seriesId && series.page === 'close')
    return <CloseSeriesPage key={series.seriesId} seriesId={series.seriesId} timeZone={timeZone} />;
  return null;
}
