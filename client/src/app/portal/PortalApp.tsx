import type { ReactNode } from 'react';
import type { ViewerQuery } from '../../graphql/generated/graphql';
import { AppHeader, Layout, type NavItem, NotFoundPage } from '../AppHeader';
import { useRouter } from '../router';
import { DiaryPage } from './DiaryPage';
import { MyProgressPage } from './MyProgressPage';
import { ReminderOptOut } from './ReminderOptOut';

const nav: NavItem[] = [
  { to: '/portal', label: 'My progress', exact: true },
  { to: '/portal/diary', label: 'Pain diary' },
  { to: '/portal/reminders', label: 'Reminders' },
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
  else if (location.pathname === '/portal/reminders') page = <ReminderOptOut timeZone={timeZone} />;
  else page = <NotFoundPage home="/portal" homeLabel="Back to my progress" />;
  return <Layout header={<AppHeader viewer={viewer} home="/portal" nav={nav} onSignOut={onSignOut} />}>{page}</Layout>;
}
