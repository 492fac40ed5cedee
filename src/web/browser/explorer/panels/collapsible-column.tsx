import { type ReactNode, type Ref, useEffect, useId, useState } from 'react';

/**
 * Tablet widths (explorer.css): above the phone's stacked layout, below the width at which the
 * graph keeps more than half the window beside both columns at their full width.
 */
const tabletWidths = '(min-width: 48.0625rem) and (max-width: 75rem)';

/** Whether the window matches `query` now, following it as the window is resized or turned. */
function useMatches(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const follow = () => setMatches(list.matches);
    follow();
    list.addEventListener('change', follow);
    return () => list.removeEventListener('change', follow);
  }, [query]);
  return matches;
}

/**
 * A side column that folds to a narrow strip holding only its button, giving its width to the
 * graph. `foldedOnTablets`: folded until opened at tablet widths, where open beside the details
 * it leaves the graph less than half the window; once the reader opens or folds it, it stays so
 * whatever the width.
 */
export function CollapsibleColumn(props: {
  side: 'left' | 'right';
  label: string;
  foldedOnTablets?: boolean;
  /** Just before it folds or opens: whatever sits beside it is about to change width. */
  onToggle?: () => void;
  ref?: Ref<HTMLElement>;
  children: ReactNode;
}) {
  const tablet = useMatches(tabletWidths);
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? !(props.foldedOnTablets && tablet);
  const contentId = useId();
  return (
    <aside ref={props.ref} className={`${props.side} collapsible${open ? '' : ' folded'}`} aria-label={props.label}>
      <button
        type="button"
        className="column-toggle"
        aria-expanded={open}
        aria-controls={contentId}
        onClick={() => {
          props.onToggle?.();
          setChosen(!open);
        }}
        data-testid={`${props.side}-column-toggle`}
      >
        <span aria-hidden="true">{open === (props.side === 'left') ? '«' : '»'} </span>
        {props.label}
      </button>
      <div id={contentId} hidden={!open}>
        {props.children}
      </div>
    </aside>
  );
}
