import { lazy, type ReactNode, Suspense } from 'react';
import type { ProxyRelation, ViewerQuery } from '../../graphql/generated/graphql';
import { AppHeader, Layout, type NavItem, NotFoundPage } from '../AppHeader';
import { apiTokensPath } from '../account/paths';
import { useRouter } from '../router';
import { Loading } from '../status';
import { DiaryHistoryPage } from './DiaryHistoryPage';
import { DiaryPage } from './DiaryPage';
import { MyProgressPage } from './MyProgressPage';
import { MyRecordPage } from './MyRecordPage';
import { RecordAccessPage } from './RecordAccessPage';

const ApiTokensPage = lazy(() => import('../account/ApiTokensPage'));

import { ReminderOptOut } from './ReminderOptOut';
import { whose } from './voice';

/** The portal's pages; `about` is the client's name when a proxy holds the portal, so the labels name whose they are. */
const portalNav = (about: string | undefined): NavItem[] => [
  { to: '/portal', label: `${whose(about, 'My')} progress`, exact: true },
  { to: '/portal/diary', label: 'Pain diary' },
  { to: '/portal/history', label: 'Diary history' },
  { to: '/portal/access', label: `Who has seen ${whose(about, 'my')} record` },
  { to: '/portal/record', label: `${whose(about, 'My')} record` },
  { to: '/portal/reminders', label: 'Reminders' },
];

/**
 * A client's portal: their own progress, pain diary and its history, who has seen their record, and
 * their record to download or print; nothing else. The
 * server answers only the client's own record; any other address (a therapist's
 * client page, another client's id) is simply not a page here.
 */
const relationWords: Record<ProxyRelation, string> = {
  PARENT: 'parent',
  GUARDIAN: 'guardian',
  FAMILY_MEMBER: 'family member',
  CAREGIVER: 'caregiver',
};

/**
 * Shown on every page of a portal held by a proxy (a child's parent or guardian): whose record this is, and that
 * what they enter is recorded as theirs, charted apart from the client's own reports (the server records it so).
 */
export function ProxyNotice({ relation, clientName }: { relation: ProxyRelation; clientName: string }) {
  return (
    <p className="status proxy-notice" role="note">
      You are signed in for {clientName} as their {relationWords[relation]}. What you enter is recorded as reported by a{' '}
      {relationWords[relation]} and shown apart from what {clientName} reports.
    </p>
  );
}

export default function PortalApp({ viewer, onSignOut }: { viewer: ViewerQuery['viewer']; onSignOut: () => void }) {
  const { location } = useRouter();
  const timeZone = viewer.clinic?.timeZone;
  // Held by a proxy (a child's parent or guardian), the portal speaks of the client by name, not to them.
  const about = viewer.proxyRelation && viewer.client ? viewer.client.displayName : undefined;
  let page: ReactNode;
  if (location.pathname === '/' || location.pathname === '/portal')
    page = <MyProgressPage timeZone={timeZone} proxy={about !== undefined} />;
  else if (location.pathname === '/portal/diary') page = <DiaryPage timeZone={timeZone} />;
  else if (location.pathname === apiTokensPath) page = <ApiTokensPage timeZone={timeZone} />;
  else if (location.pathname === '/portal/history') page = <DiaryHistoryPage timeZone={timeZone} about={about} />;
  else if (location.pathname === '/portal/access') page = <RecordAccessPage timeZone={timeZone} about={about} />;
  else if (location.pathname === '/portal/record')
    page = <MyRecordPage timeZone={timeZone} clinicName={viewer.clinic?.name} about={about} />;
  else if (location.pathname === '/portal/reminders') page = <ReminderOptOut timeZone={timeZone} />;
  else page = <NotFoundPage home="/portal" homeLabel="Back to my progress" />;
  // API tokens only where the clinic allows clients to have them (a setting of the clinic admin).
  const nav = portalNav(about);
  const items = viewer.clinic?.clientApiTokensAllowed ? [...nav, { to: apiTokensPath, label: 'API tokens' }] : nav;
  return (
    <Layout header={<AppHeader viewer={viewer} home="/portal" nav={items} onSignOut={onSignOut} />}>
      {viewer.proxyRelation && about && <ProxyNotice relation={viewer.proxyRelation} clientName={about} />}
      <Suspense fallback={<Loading>Loading the page…</Loading>}>{page}</Suspense>
    </Layout>
  );
}
