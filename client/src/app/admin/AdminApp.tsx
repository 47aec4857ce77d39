import { lazy } from 'react';
import type { ViewerQuery } from '../../graphql/generated/graphql';
import type { NavItem } from '../AppHeader';
import { apiTokensPath } from '../account/paths';
import { settingsPath } from '../therapist/onboarding-routes';
import TherapistApp from '../therapist/TherapistApp';

// Each admin page is its own chunk too: the caseload opens without them.
const AccountsPage = lazy(() => import('./AccountsPage'));
const AuditTrailPage = lazy(() => import('./AuditTrailPage'));

export const accountsPath = '/admin/accounts';
export const auditPath = '/admin/audit';

const nav: NavItem[] = [
  { to: accountsPath, label: 'Accounts' },
  { to: auditPath, label: 'Audit trail' },
  { to: settingsPath, label: 'Clinic settings' },
  { to: apiTokensPath, label: 'API tokens' },
];

/**
 * The clinic admin's layout: the therapist's pages (caseload, clients; recording when the admin also treats)
 * and the admin console (accounts, audit trail, clinic settings). Loaded only when an admin signs in.
 */
export default function AdminApp({ viewer, onSignOut }: { viewer: ViewerQuery['viewer']; onSignOut: () => void }) {
  const timeZone = viewer.clinic?.timeZone;
  return (
    <TherapistApp
      viewer={viewer}
      onSignOut={onSignOut}
      extra={{
        nav,
        page: (path) => {
          if (path === accountsPath) return <AccountsPage timeZone={timeZone} />;
          if (path === auditPath) return <AuditTrailPage timeZone={timeZone} />;
          return null;
        },
      }}
    />
  );
}
