import { useCallback, useEffect, useState } from 'react';
import { request, signedOutEvent } from '../graphql/client';
import { messageOf, RequestError } from '../graphql/errors';
import { SignOutDocument, ViewerDocument, type ViewerQuery } from '../graphql/generated/graphql';
import type { QueryState } from '../graphql/use-query';

export interface Session {
  /** Who is signed in, as the header shows it. */
  viewer: QueryState<ViewerQuery>;
  /** The server answered UNAUTHENTICATED: no session, or it ended. */
  signedOut: boolean;
  /** Asks the server again, e.g. after signing in. */
  refresh(): void;
  signOut(): Promise<void>;
}

/** The browser's session, as the server sees it: the Viewer query, where UNAUTHENTICATED means "show the sign-in form". */
export function useSession(): Session {
  const [attempt, setAttempt] = useState(0);
  const [viewer, setViewer] = useState<QueryState<ViewerQuery>>({ status: 'loading' });
  const [signedOut, setSignedOut] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to ask again (refresh).
  useEffect(() => {
    const controller = new AbortController();
    setViewer({ status: 'loading' });
    request(ViewerDocument, {}, { signal: controller.signal }).then(
      (data) => {
        setSignedOut(false);
        setViewer({ status: 'success', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSignedOut(error instanceof RequestError && error.code === 'UNAUTHENTICATED');
        setViewer({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // Any request answered UNAUTHENTICATED means the session is over, whichever page asked.
  useEffect(() => {
    const onSignedOut = () => setSignedOut(true);
    window.addEventListener(signedOutEvent, onSignedOut);
    return () => window.removeEventListener(signedOutEvent, onSignedOut);
  }, []);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const signOut = useCallback(async () => {
    try {
      await request(SignOutDocument, {});
    } catch {
      // Signed out already (the session had ended), or the server is unreachable: the form is what follows either way.
    }
    setSignedOut(true);
  }, []);
  return { viewer, signedOut, refresh, signOut };
}
