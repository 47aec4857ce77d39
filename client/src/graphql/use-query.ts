import { useCallback, useEffect, useState } from 'react';
import { request } from './client';
import { messageOf } from './errors';
import type { TypedDocumentString } from './generated/graphql';

export type QueryState<TResult> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'success'; data: TResult };

/**
 * Runs a query whenever its variables change and keeps the latest answer. A
 * newer request aborts the older one, so a slow answer never overwrites a fresh one.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): QueryState<TResult> & { retry: () => void } {
  const key = JSON.stringify(variables);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ key: string; attempt: number; state: QueryState<TResult> } | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    request(document, JSON.parse(key) as TVariables, { signal: controller.signal }).then(
      (data) => setSettled({ key, attempt, state: { status: 'success', data } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled({ key, attempt, state: { status: 'error', message: messageOf(error) } });
      },
    );
    return () => controller.abort();
  }, [document, key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // An answer for other variables (or an earlier attempt) is stale: show loading rather than wrong data.
  const state: QueryState<TResult> = settled && settled.key === key && settled.attempt === attempt ? settled.state : { status: 'loading' };
  return { ...state, retry };
}
