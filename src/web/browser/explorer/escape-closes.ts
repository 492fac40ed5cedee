import { useEffect, useRef } from 'react';

/** Whether `element` is a search box whose list of hits is open: Escape there closes the list, not a panel. */
function inOpenHitList(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLInputElement)) return false;
  const list = document.getElementById(element.getAttribute('aria-controls') ?? '');
  return element.getAttribute('aria-expanded') === 'true' && list !== null && list.childElementCount > 0;
}

/**
 * Escape closes the open panel. Listened for in the capture phase: by the time it bubbled up,
 * the search box (downshift) had already closed its list, and the same Escape closed a panel too.
 */
export function useEscapeCloses(close: () => void): void {
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || inOpenHitList(event.target)) return;
      latest.current();
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}
