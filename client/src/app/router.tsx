import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
} from 'react';

/**
 * A small history router: the page's address is the state, `navigate` pushes a
 * new one, Back and Forward work, and links stay real links (open in a new tab,
 * copy the address). The few routes of each role need nothing bigger.
 */

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

interface RouterValue {
  location: Location;
  navigate(to: string, options?: { replace?: boolean }): void;
}

function readLocation(): Location {
  return { pathname: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

const RouterContext = createContext<RouterValue | null>(null);

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const onPop = () => setLocation(readLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(readLocation());
    window.scrollTo?.(0, 0);
  }, []);
  return <RouterContext value={{ location, navigate }}>{children}</RouterContext>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside <Router>');
  return value;
}

/**
 * Matches a path against a pattern such as `/clients/:id/series/:seriesId`;
 * returns the decoded parameters, or null when it does not match.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
}

/** A link that changes the page without reloading it; modified clicks (new tab) behave as usual. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} {...rest} onClick={onClick}>
      {children}
    </a>
  );
}

/** A main-navigation link marked as the current page when the address is at or below it. */
export function NavLink({ to, children, exact = false }: { to: string; children: ReactNode; exact?: boolean }) {
  const { location } = useRouter();
  const current = exact ? location.pathname === to : location.pathname === to || location.pathname.startsWith(`${to}/`);
  return (
    <Link to={to} {...(current ? { 'aria-current': 'page' as const } : {})}>
      {children}
    </Link>
  );
}
