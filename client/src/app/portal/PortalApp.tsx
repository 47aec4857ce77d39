import { lazy, type ReactNode, Suspense } from 'react';
import type { ViewerQuery } from '../../graphql/generated/graphql';
import { AppHeader, Layout, type NavItem, NotFoundPage } from '../AppHeader';
import { apiTokensPath } from '../account/paths';
import { useRouter } from '../router';
import { Loading } from '../status';
import { DiaryPage } from './DiaryPage';
import { MyProgressPage } from './MyProgressPage';

const ApiTokensPage = lazy(() => import('../account/ApiTokensPage'));

const nav: NavItem[] = [
  { to: '/portal', label: 'My progress', exact: true },
  { to: '/portal/diary', label: 'Pain diary' },
];

/**
 * A client's portal: their own progress and pain diary, nothing else. The
 * server answers only the client's own record; any other address (a therapist's
 * client page, another client's id) is simply not a page here.
 */
export default function PortalApp({ viewer, onSignOut }: { viewer: ViewerQuery['viewer']; onSignOut: () => void }) {
  const { location } = useRouter();
  const timeZone = viewer.clinic?.timeZone;
  let page: ReactNode;
  if (location.pathname === '/' || location.pathname === '/portal') page = <MyProgressPage timeZone={timeZone} />;
  else if (location.pathname === '/portal/diary') page = <DiaryPage timeZone={timeZone} />;
  else if (location.pathname === apiTokensPath) page = <ApiTokensPage timeZone={timeZone} />;
  else page = <NotFoundPage home="/portal" homeLabel="Back to my progress" />;
  // API tokens only where the clinic allows clients to have them (a setting of the clinic admin).
  const items = viewer.clinic?.clientApiTokensAllowed ? [...nav, { to: apiTokensPath, label: 'API tokens' }] : nav;
  return (
    <Layout header={<AppHeader viewer={viewer} home="/portal" nav={items} onSignOut={onSignOut} />}>
      <Suspense fallback={<Loading>Loading the page…</Loading>}>{page}</Suspense>
    </Layout>
  );
}
