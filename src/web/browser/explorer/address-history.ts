import { useCallback, useEffect, useRef } from 'react';
import { writePermalink } from './model/permalink.ts';
import type { View } from './model/view.ts';

/**
 * Keeps the address on the view, as a history the browser's Back and Forward walk through: a
 * step (search-open, expand, hide, depth, path search, mode; `step()` is called just before its
 * dispatch) is a new entry; any other change (a filter, a selection, a pin) replaces the current
 * one, so that Back undoes what the reader did rather than each keystroke or click. `hold` keeps
 * the address as it is (a link being restored, or one that could not be).
 * `onReturn` gets the address Back or Forward returned to, for the view to be rebuilt from it.
 */
export function useAddressHistory(view: View, hold: boolean, onReturn: (search: string) => void): () => void {
  const nextIsStep = useRef(false);
  const returnTo = useRef(onReturn);
  returnTo.current = onReturn;

  useEffect(() => {
    const step = nextIsStep.current;
    nextIsStep.current = false;
    if (hold) return;
    const search = writePermalink(view);
    if (search === window.location.search) return;
    const address = `${window.location.pathname}${search}`;
    if (step) window.history.pushState(null, '', address);
    else window.history.replaceState(null, '', address);
  }, [view, hold]);

  useEffect(() => {
    const listener = () => returnTo.current(window.location.search);
    window.addEventListener('popstate', listener);
    return () => window.removeEventListener('popstate', listener);
  }, []);

  return useCallback(() => {
    nextIsStep.current = true;
  }, []);
}
