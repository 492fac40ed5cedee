import { type RefObject, useEffect, useRef } from 'react';

/**
 * Where the keyboard goes once a step taken inside a panel has removed the control it was on
 * (a link to another entity, Hide, Escape): without this it fell to <body>, and the next Tab
 * started again at the top of the page. `details` puts it on the first panel's heading (or the
 * placeholder that says what the column is for), `show-hidden` on the button that undoes a Hide.
 */
export type FocusTarget = 'details' | 'show-hidden';

export function useFocusAfter(
  changed: unknown,
  places: { details: RefObject<HTMLElement | null>; showHidden: RefObject<HTMLButtonElement | null> },
): (target: FocusTarget) => void {
  const wanted = useRef<FocusTarget | null>(null);
  const { details, showHidden } = places;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the change the target was set for is drawn.
  useEffect(() => {
    const target = wanted.current;
    wanted.current = null;
    if (target === 'show-hidden') showHidden.current?.focus();
    if (target === 'details') details.current?.querySelector<HTMLElement>('h2[tabindex], [data-focus-fallback]')?.focus();
  }, [changed]);
  return (target) => {
    wanted.current = target;
  };
}
