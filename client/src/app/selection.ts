import { useCallback, useEffect, useState } from 'react';

export interface Selection {
  clientId: string | null;
  seriesId: string | null;
}

function readSelection(): Selection {
  const params = new URLSearchParams(window.location.search);
  return { clientId: params.get('client'), seriesId: params.get('series') };
}

/**
 * The chosen client and series, kept in the address (?client=…&series=…) so a
 * reload or a shared link opens the same chart, and Back steps out of it.
 */
export function useSelection(): [Selection, (next: Selection) => void] {
  const [selection, setSelection] = useState(readSelection);

  useEffect(() => {
    const onPop = () => setSelection(readSelection());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const select = useCallback((next: Selection) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of [
      ['client', next.clientId],
      ['series', next.seriesId],
    ] as const) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    window.history.pushState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    setSelection(next);
  }, []);

  return [selection, select];
}
